import { describe, expect, it } from 'vitest';
import type { ParagraphState, Proposal } from '../../src/brackets/types.js';
import { compareVersions, renderComparisonHtml, type VersionSnapshot } from '../../src/diff/index.js';
import { br, op, opAdded, pp, proposal, records, struck, t, version } from './builders.js';

/**
 * Rev.1 → Rev.2 of a small draft: the EU's insertion in OP1 accepted, the US deletion in OP2
 * rejected, the Russian Federation's proposal in OP3 withdrawn, a new paragraph "3 bis" proposed
 * by the G77 and China, OP1 agreed ad ref.
 */
function revisions() {
  const a = version(
    'Rev.1',
    [
      pp('pp1', 'Recalling its resolution 74/247,'),
      op('op1', 'Decides to', t(' establish', br('x1', 'insert')), ' an ad hoc committee;'),
      op('op2', 'Requests the ', t('Secretary-General', br('x2', 'delete')), ' to report;'),
      op('op3', 'Invites Member States', t(' and observers', br('x3', 'insert')), ' to contribute;'),
      op('op4', 'Decides to remain seized of the matter.'),
    ],
    {
      proposals: records(
        proposal('x1', ['EU'], 'open', 'op1'),
        proposal('x2', ['United States'], 'open', 'op2', 'delete'),
        proposal('x3', ['Russian Federation'], 'open', 'op3'),
      ),
      paragraphs: { op2: { status: 'agreed in informals' } },
    },
  );
  const b = version(
    'Rev.2',
    [
      pp('pp1', 'Recalling its resolution 74/247,'),
      op('op1', 'Decides to establish an ad hoc committee;'),
      op('op2', 'Requests the Secretary-General to report;'),
      op('op3', 'Invites Member States to contribute;'),
      opAdded('op3b', 'x4', 'Encourages ', t('capacity-building', br('x5', 'pending')), ' for developing countries;'),
      op('op4', 'Decides to remain seized of the matter.'),
    ],
    {
      proposals: records(
        proposal('x1', ['EU'], 'accepted', 'op1'),
        proposal('x2', ['United States'], 'rejected', 'op2', 'delete'),
        proposal('x3', ['Russian Federation'], 'withdrawn', 'op3'),
        proposal('x4', ['G77 and China'], 'open', 'op3b', 'newParagraph'),
      ),
      paragraphs: { op1: { status: 'agreed ad ref' }, op2: { status: 'agreed in informals' } },
    },
  );
  return { a, b };
}

describe('bracket summary', () => {
  it('reports accepted, rejected, withdrawn and new brackets, per paragraph and per delegation', () => {
    const { a, b } = revisions();
    const s = compareVersions(a, b).brackets;
    const byId = Object.fromEntries(s.events.map((e) => [e.proposalId, e]));
    expect(byId.x1).toMatchObject({ change: 'accepted', paragraphId: 'op1', paragraphLabel: 'OP1', sponsors: ['EU'], text: ' establish' });
    expect(byId.x2).toMatchObject({ change: 'rejected', paragraphId: 'op2', sponsors: ['United States'], kind: 'delete' });
    expect(byId.x3).toMatchObject({ change: 'withdrawn', paragraphId: 'op3', sponsors: ['Russian Federation'] });
    expect(byId.x4).toMatchObject({ change: 'added', paragraphId: 'op3b', paragraphLabel: 'OP3 bis', sponsors: ['G77 and China'] });
    expect(byId.x5).toMatchObject({ change: 'added', paragraphId: 'op3b', sponsors: [], text: 'capacity-building' });
    expect(s.totals).toMatchObject({ added: 2, accepted: 1, rejected: 1, withdrawn: 1, reopened: 0 });
    expect(s.byDelegation.map((d) => [d.delegation, d.counts.added, d.counts.accepted, d.counts.rejected, d.counts.withdrawn])).toEqual([
      ['EU', 0, 1, 0, 0],
      ['G77 and China', 1, 0, 0, 0],
      ['Russian Federation', 0, 0, 0, 1],
      ['United States', 0, 0, 1, 0],
    ]);
    expect(s.byParagraph.find((p) => p.paragraphId === 'op3b')?.counts.added).toBe(2);
    expect(s.openBrackets).toEqual({ a: 3, b: 1 });
  });

  it('a proposal made and decided between the two versions shows its recorded text', () => {
    const a = version('Rev.1', [op('op1', 'Urges States to sign promptly;')]);
    const b = version('Rev.2', [op('op1', 'Urges States to sign as soon as feasible;')], {
      proposals: records({ ...proposal('y1', ['Kenya'], 'accepted', 'op1', 'replace'), anchorText: 'promptly', text: 'as soon as feasible' }),
    });
    expect(compareVersions(a, b).brackets.events).toEqual([
      expect.objectContaining({ proposalId: 'y1', change: 'accepted', sponsors: ['Kenya'], text: 'promptly → as soon as feasible' }),
    ]);
  });

  it('reports a new bis paragraph with its proposal and sponsors, and paragraph status changes', () => {
    const { a, b } = revisions();
    const c = compareVersions(a, b);
    expect(c.brackets.paragraphsAdded).toEqual([{ paragraphId: 'op3b', label: 'OP3 bis', proposalId: 'x4', sponsors: ['G77 and China'] }]);
    expect(c.brackets.statusChanges).toEqual([{ paragraphId: 'op1', label: 'OP1', from: 'open', to: 'agreed ad ref' }]);
    expect(c.paragraphs.find((e) => e.id === 'op3b')).toMatchObject({ status: 'added', labelTo: 'OP3 bis' });
  });

  it('a decision undone shows as reopened; an already decided bracket is not reported again', () => {
    const base = [op('op1', 'Decides to', t(' establish', br('x1', 'insert')), ' a committee;')];
    const a = version('A', base, { proposals: records(proposal('x1', ['EU'], 'accepted', 'op1'), proposal('x9', ['EU'], 'rejected', 'op1')) });
    const b = version('B', base, { proposals: records(proposal('x1', ['EU'], 'open', 'op1'), proposal('x9', ['EU'], 'rejected', 'op1')) });
    const s = compareVersions(a, b).brackets;
    expect(s.events.map((e) => [e.proposalId, e.change])).toEqual([['x1', 'reopened']]);
  });

  it('without proposal records, reads the outcome from the text (inferred)', () => {
    const a = version('A', [
      op('op1', 'Decides to', t(' establish', br('i1', 'insert')), ' a committee;'),
      op('op2', 'Requests the ', t('Secretary-General', br('d1', 'delete')), ' to report;'),
      op('op3', 'Invites ', t('all', br('i2', 'insert')), ' States;'),
      op('op4', 'Date: ', t('日期', br('p1', 'pending')), '.'),
    ]);
    const b = version('B', [
      op('op1', 'Decides to establish a committee;'),
      op('op2', 'Requests the ', t('Secretary-General', struck('dec1')), ' to report;'),
      op('op3', 'Invites States;'),
      op('op4', 'Date: 1 May.'),
    ]);
    const events = Object.fromEntries(compareVersions(a, b).brackets.events.map((e) => [e.proposalId, e]));
    expect(events.i1).toMatchObject({ change: 'accepted', inferred: true });
    // The struck text is still in the paragraph: a deletion kept visible reads as not yet removed.
    expect(events.d1).toMatchObject({ change: 'rejected', inferred: true });
    expect(events.i2).toMatchObject({ change: 'rejected', inferred: true });
    expect(events.p1).toMatchObject({ change: 'resolved', inferred: true });
  });

  it('understands other spellings of statuses (Accepted, withdrawn_by_sponsor)', () => {
    const blocks = [op('op1', 'Text.')];
    const a = version('A', blocks, { proposals: records(proposal('x1', ['EU'], 'proposed', 'op1'), proposal('x2', ['US'], 'open', 'op1')) });
    const b = version('B', blocks, { proposals: records(proposal('x1', ['EU'], 'Accepted', 'op1'), proposal('x2', ['US'], 'withdrawn_by_sponsor', 'op1')) });
    const s = compareVersions(a, b).brackets;
    expect(s.events.map((e) => [e.proposalId, e.change])).toEqual([
      ['x1', 'accepted'],
      ['x2', 'withdrawn'],
    ]);
  });
});

describe('concordance', () => {
  it('renumbering 5 bis → 6 shows in labels, in the concordance (with the delegation taken in) and in the HTML', () => {
    const ops = (n: number) => Array.from({ length: n }, (_, i) => op(`op${i + 1}`, `Paragraph ${i + 1}.`));
    const a = version('Rev.1', [...ops(5), opAdded('op5b', 'x9', 'Inserted paragraph.'), op('op6', 'Paragraph 6.')], {
      proposals: records(proposal('x9', ['African Group'], 'open', 'op5b', 'newParagraph')),
    });
    const b = version('Rev.2', [...ops(5), op('op5b', 'Inserted paragraph.'), op('op6', 'Paragraph 6.')], {
      proposals: records(proposal('x9', ['African Group'], 'accepted', 'op5b', 'newParagraph')),
      renumbering: [
        { paragraphId: 'op5b', from: '5 bis', to: '6' },
        { paragraphId: 'op6', from: '6', to: '7' },
      ],
    });
    const c = compareVersions(a, b);
    expect(c.paragraphs.find((e) => e.id === 'op5b')).toMatchObject({ status: 'same', labelFrom: 'OP5 bis', labelTo: 'OP6' });
    expect(c.concordance).toEqual([
      { to: 'OP6', toId: 'op5b', from: ['OP5 bis'], fromIds: ['op5b'], delegations: ['African Group'], note: 'renumbered' },
      { to: 'OP7', toId: 'op6', from: ['OP6'], fromIds: ['op6'], delegations: [], note: 'renumbered' },
    ]);
    const html = renderComparisonHtml(c, { view: 'inline', title: 'Rev.1 → Rev.2' });
    expect(html).toContain('OP5 bis → OP6');
    expect(html).toContain('African Group');
  });

  it('uses derived labels when no renumbering is recorded', () => {
    const a = version('A', [op('o1', 'One.'), opAdded('o1b', 'x', 'One bis.'), op('o2', 'Two.')]);
    const b = version('B', [op('o1', 'One.'), op('o1b', 'One bis.'), op('o2', 'Two.')]);
    const c = compareVersions(a, b);
    expect(c.concordance.map((r) => [r.from.join('+'), r.to])).toEqual([
      ['OP1 bis', 'OP2'],
      ['OP2', 'OP3'],
    ]);
  });

  it('a merge: new paragraph ← two old ones', () => {
    const a = version('A', [
      op('o1', 'Decides to convene a conference of the States parties.'),
      op('o2', 'Requests the Secretary-General to provide the necessary facilities and services to the conference.'),
      op('o3', 'Decides to remain seized of the matter.'),
    ]);
    const b = version('B', [
      op('o1', 'Decides to convene a conference of the States parties, and requests the Secretary-General to provide the necessary facilities and services to the conference.'),
      op('o3', 'Decides to remain seized of the matter.'),
    ]);
    const c = compareVersions(a, b);
    expect(c.paragraphs.find((e) => e.id === 'o2')).toMatchObject({ status: 'deleted', mergedInto: 'o1' });
    expect(c.concordance).toEqual([
      { to: 'OP1', toId: 'o1', from: ['OP1', 'OP2'], fromIds: ['o1', 'o2'], delegations: [], note: 'merged' },
      { to: 'OP2', toId: 'o3', from: ['OP3'], fromIds: ['o3'], delegations: [], note: 'renumbered' },
    ]);
  });
});

describe('proposal records of shared/src/brackets', () => {
  it('accepts Sponsor objects {name, via} and paragraph states with pending', () => {
    const g77 = { name: 'G77 and China', via: 'Sudan' };
    const blocks = [op('op1', 'Text.')];
    const rec = (status: string) => ({ id: 'x1', kind: 'insert', paragraphId: 'op1', sponsors: [g77, { name: 'Egypt' }], status });
    const a = version('A', blocks, { proposals: { x1: rec('open') }, paragraphs: { op1: { status: 'informals', pending: 'EU' } } });
    const b = version('B', blocks, { proposals: { x1: rec('accepted') }, paragraphs: { op1: { status: 'adref' } } });
    const c = compareVersions(a, b);
    expect(c.brackets.events[0]).toMatchObject({ change: 'accepted', sponsors: ['G77 and China', 'Egypt'] });
    expect(c.brackets.byDelegation.map((d) => d.delegation)).toEqual(['Egypt', 'G77 and China']);
    expect(c.brackets.statusChanges).toEqual([{ paragraphId: 'op1', label: 'OP1', from: 'informals, pending EU', to: 'adref' }]);
    const html = renderComparisonHtml(c, { view: 'inline' });
    expect(html).toContain('<td>agreed in informals, pending EU</td><td>agreed ad ref</td>');
  });

  it('type: a Record of brackets Proposal is a valid VersionSnapshot.proposals', () => {
    const proposals: Record<string, Proposal> = {};
    const paragraphs: Record<string, ParagraphState> = {};
    const v: VersionSnapshot = version('A', [op('op1', 'Text.')], { proposals, paragraphs });
    expect(compareVersions(v, v).brackets.events).toEqual([]);
  });
});
