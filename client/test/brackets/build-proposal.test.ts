import { describe, expect, it } from 'vitest';
import { schema } from '@accord/shared';
import { buildProposal, cleanProposalText } from '../../src/brackets/propose/build-proposal';

// PP1 "Recalling its resolution," then OP1 "Urges States to sign promptly;" (positions below).
const doc = schema.node('doc', null, [
  schema.node('preambular', { id: 'pp1' }, [schema.text('Recalling its resolution,')]),
  schema.node('operative', { id: 'op1', level: 0 }, [schema.text('Urges States to sign promptly;')]),
]);
const op1 = doc.child(0).nodeSize + 1; // where OP1's text starts
const at = (text: string) => {
  const from = op1 + 'Urges States to sign promptly;'.indexOf(text);
  return { from, to: from + text.length };
};

describe('what typing in propose mode proposes', () => {
  it('typing at a point proposes an insertion anchored by the text before it', () => {
    const point = at('promptly').from;
    expect(buildProposal(doc, { from: point, to: point }, 'text', 'and ratify ')).toEqual({
      ok: true,
      command: { type: 'propose', kind: 'insert', anchor: { paragraphId: 'op1', from: 21, to: 21, text: '', before: 'tes to sign ' }, text: 'and ratify ' },
    });
  });

  it('typing over a selection proposes a replacement; deleting it, a deletion', () => {
    expect(buildProposal(doc, at('promptly'), 'text', 'without delay', 'G77 and China')).toMatchObject({
      ok: true,
      command: { kind: 'replace', anchor: { paragraphId: 'op1', from: 21, to: 29, text: 'promptly' }, text: 'without delay', onBehalfOf: 'G77 and China' },
    });
    expect(buildProposal(doc, at('promptly'), 'text', '')).toMatchObject({ ok: true, command: { kind: 'delete', anchor: { text: 'promptly' } } });
  });

  it('explicit actions: reservation, alternative, new paragraph after, alternative paragraph, paragraph deletion', () => {
    expect(buildProposal(doc, at('sign'), 'reserve', '')).toMatchObject({ ok: true, command: { kind: 'reserve', anchor: { text: 'sign' } } });
    expect(buildProposal(doc, at('sign'), 'alternative', 'accede to')).toMatchObject({ ok: true, command: { kind: 'alternative', text: 'accede to' } });
    expect(buildProposal(doc, at('sign'), 'newParagraph', 'Decides to remain seized of the matter.')).toMatchObject({
      ok: true,
      command: { kind: 'newParagraph', after: 'op1', blockType: 'operative', level: 0 },
    });
    expect(buildProposal(doc, { from: 2, to: 2 }, 'newParagraph', 'Noting also')).toMatchObject({ ok: true, command: { blockType: 'preambular', after: 'pp1' } });
    expect(buildProposal(doc, at('sign'), 'paragraphAlternative', 'Calls upon States to accede;')).toMatchObject({
      ok: true,
      command: { kind: 'newParagraph', after: 'op1', blockType: 'operative', alternative: true, text: 'Calls upon States to accede;' },
    });
    expect(buildProposal(doc, at('sign'), 'deleteParagraph', '')).toMatchObject({ ok: true, command: { kind: 'deleteParagraph', paragraphId: 'op1' } });
  });

  it('refuses what cannot be a proposal, with the reason', () => {
    expect(buildProposal(doc, { from: 3, to: at('Urges').to }, 'text', 'x')).toEqual({ ok: false, message: 'Select text within one paragraph.' });
    expect(buildProposal(doc, { from: op1, to: op1 }, 'reserve', '')).toMatchObject({ ok: false });
    expect(buildProposal(doc, { from: op1, to: op1 }, 'text', '   ')).toMatchObject({ ok: false });
  });

  it('a pasted line break becomes a space', () => {
    expect(cleanProposalText('one\ntwo\tthree')).toBe('one two three');
  });
});
