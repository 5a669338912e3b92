import { describe, expect, it } from 'vitest';
import { importPlainText, paragraphLabels } from '../../src/index.js';
import type { BracketState } from '../../src/brackets/index.js';
import { renumberAtRevision } from '../../src/revisions/index.js';
import { CHAIR, EU, idGen, run, stateOf } from '../brackets/helpers.js';
import { readSeed, SEED_000 } from '../helpers.js';

/** The text of each OP by its short label ("OP10"). */
function ops(state: Pick<BracketState, 'doc'>): Map<string, { id: string; text: string }> {
  const labels = paragraphLabels(state.doc);
  const out = new Map<string, { id: string; text: string }>();
  state.doc.forEach((b) => {
    const l = labels.get(b.attrs.id as string);
    if (l?.short.startsWith('OP')) out.set(l.short, { id: b.attrs.id as string, text: b.textContent });
  });
  return out;
}

/** Seed 000 with a new paragraph proposed by the EU after OP2 and accepted by the chair ("2 bis"). */
function withNewParagraphAfterOp2(): BracketState {
  let state = stateOf(importPlainText(readSeed(SEED_000)).doc);
  const ids = idGen('s');
  state = run(state, { type: 'propose', kind: 'newParagraph', after: ops(state).get('OP2')!.id, blockType: 'operative', text: '鼓励各国开展合作；' }, EU, ids);
  const proposalId = Object.keys(state.proposals)[0];
  return run(state, { type: 'accept', proposalId }, CHAIR, ids);
}

describe('seed 000: references follow renumbering', () => {
  it('OP9 reads "上文第 5 和第 6 段"; after a new paragraph after OP2 and a revision, OP10 reads "第 6 和第 7 段"', () => {
    const state = withNewParagraphAfterOp2();
    const before = ops(state);
    expect(before.get('OP2 bis')!.text).toBe('鼓励各国开展合作；');
    expect(before.get('OP9')!.text).toContain('根据上文第 5 和第 6 段支持');

    const r = renumberAtRevision(state.doc, (id) => state.paragraphs[id]?.status);
    const after = ops({ doc: r.doc });
    expect(after.get('OP10')!.id).toBe(before.get('OP9')!.id);
    expect(after.get('OP10')!.text).toContain('根据上文第 6 和第 7 段支持特设委员会的工作');
    expect(r.references).toEqual([{ paragraphId: before.get('OP9')!.id, labelFrom: 'OP9', labelTo: 'OP10', from: '上文第 5 和第 6 段', to: '上文第 6 和第 7 段' }]);
    expect(r.renumbering).toContainEqual({ paragraphId: before.get('OP9')!.id, from: '9', to: '10' });
    expect(r.flagged).toEqual([]);
  });

  it('a deleted target is flagged and the reference left as written', () => {
    let state = withNewParagraphAfterOp2();
    state = run(state, { type: 'setParagraphStatus', paragraphId: ops(state).get('OP6')!.id, status: 'deleted' }, CHAIR);
    const r = renumberAtRevision(state.doc, (id) => state.paragraphs[id]?.status);
    expect(r.flagged).toEqual([{ paragraphId: ops(state).get('OP9')!.id, label: 'OP9', text: '上文第 5 和第 6 段', reason: 'deleted', detail: 'OP6 is deleted by this revision' }]);
    expect(r.references).toEqual([]);
    // OP9 is OP9 again (one paragraph added before it, one deleted), its reference untouched.
    expect(ops({ doc: r.doc }).get('OP9')!.text).toContain('根据上文第 5 和第 6 段支持');
  });

  it('the imported seed has its one reference resolved and no warnings', () => {
    const result = importPlainText(readSeed(SEED_000));
    expect(result.warnings).toEqual([]);
    const op9 = ops(result).get('OP9')!.id;
    expect(result.references).toEqual([{ paragraphId: op9, text: '上文第 5 和第 6 段', targets: [ops(result).get('OP5')!.id, ops(result).get('OP6')!.id] }]);
  });
});
