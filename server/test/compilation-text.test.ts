import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Proposal } from '@accord/shared/brackets/index';
import { startTestServer, type TestServer } from './helpers/test-server.js';

/** A secretariat's compilation text, every form of the grammar once (shared/SPEC.md CG1–CG7). */
const COMPILATION = [
  "Facilitator's compilation text, Rev.3 (as at 16:00)",
  'The General Assembly,',
  '[Deeply] concerned [G77: by the rise] [EU: about the rise and diversity] of crime,',
  '1. Decides [Alt 1: to act] [Alt 2 (EU): to consider] [US: delete] on [date] (agreed ad ref)',
  '1 bis. [Canada: Requests the Secretary-General to report] [Japan retain]',
  '2. Requests [promoting sustainable - US / changing unsustainable - EU] patterns [Note: to come] (agreed in informals, pending Japan)',
  '3. Invites States. [US: delete]',
].join('\n\n');

interface ProposalsView {
  proposals: Proposal[];
  paragraphs: Record<string, { status: string; pending?: string }>;
  labels: Record<string, string>;
}

const names = (p: Proposal, key: 'sponsors' | 'supporters' | 'opposers') => p[key].map((s) => (s.via ? `${s.name} (${s.via})` : s.name));

function described(v: ProposalsView) {
  return v.proposals
    .map((p) => ({
      at: v.labels[p.paragraphId] ?? 'PP1',
      kind: p.kind,
      sponsors: names(p, 'sponsors'),
      supporters: names(p, 'supporters'),
      opposers: names(p, 'opposers'),
      alt: p.alt ?? 0,
      text: p.text ?? p.anchorText ?? '',
    }))
    .sort((a, b) => {
      const ka = [a.at, a.text, a.kind].join("\u0000");
      const kb = [b.at, b.text, b.kind].join("\u0000");
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
}

const statuses = (v: ProposalsView) => Object.fromEntries(Object.entries(v.paragraphs).map(([id, s]) => [v.labels[id], s]));

describe('compilation texts in and out over REST', () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(() => t.stop());

  it('POST /api/sessions reads sponsors, positions, alternatives, proposed paragraphs and statuses, warns with the place; compilation-txt writes them back', async () => {
    const created = await t.api<{ session: { id: string }; chairToken: string; warnings: string[] }>('POST', '/api/sessions', t.adminKey, { title: 'Crime', text: COMPILATION });
    expect(created.status).toBe(201);
    const { session, chairToken } = created.body;
    expect(created.body.warnings).toContain('OP2, at character 78 ("[Note: to come] (agreed in informals, pe…"): "Note:" not read as sponsors');

    const view = (await t.api<ProposalsView>('GET', `/api/sessions/${session.id}/proposals`, chairToken)).body;
    expect(described(view)).toEqual([
      { at: 'OP1', kind: 'pending', sponsors: [], supporters: [], opposers: [], alt: 0, text: 'date' },
      { at: 'OP1', kind: 'alternative', sponsors: [], supporters: [], opposers: [], alt: 1, text: 'to act' },
      { at: 'OP1', kind: 'alternative', sponsors: ['EU'], supporters: [], opposers: ['US'], alt: 2, text: 'to consider' },
      { at: 'OP1 bis', kind: 'newParagraph', sponsors: ['Canada'], supporters: ['Japan'], opposers: [], alt: 0, text: 'Requests the Secretary-General to report' },
      { at: 'OP2', kind: 'pending', sponsors: [], supporters: [], opposers: [], alt: 0, text: 'Note: to come' },
      { at: 'OP2', kind: 'alternative', sponsors: ['EU'], supporters: [], opposers: [], alt: 2, text: 'changing unsustainable' },
      { at: 'OP2', kind: 'alternative', sponsors: ['US'], supporters: [], opposers: [], alt: 1, text: 'promoting sustainable' },
      { at: 'OP3', kind: 'deleteParagraph', sponsors: ['US'], supporters: [], opposers: [], alt: 0, text: '' },
      { at: 'PP1', kind: 'pending', sponsors: [], supporters: [], opposers: [], alt: 0, text: 'Deeply' },
      { at: 'PP1', kind: 'insert', sponsors: ['EU'], supporters: [], opposers: [], alt: 0, text: 'about the rise and diversity' },
      { at: 'PP1', kind: 'insert', sponsors: ['G77'], supporters: [], opposers: [], alt: 0, text: 'by the rise' },
    ]);
    expect(statuses(view)).toEqual({ OP1: { status: 'adref' }, OP2: { status: 'informals', pending: 'Japan' } });

    const out = await t.api<string>('GET', `/api/sessions/${session.id}/export?format=compilation-txt`, chairToken);
    expect(out.status).toBe(200);
    expect(out.body).toBe(
      [
        'Rev.3',
        "Facilitator's compilation text, Rev.3 (as at 16:00)",
        'The General Assembly,',
        '[Deeply] concerned [G77: by the rise] [EU: about the rise and diversity] of crime,',
        '1. Decides [Alt 1: to act] [Alt 2 - EU: to consider] [US delete] on [date] (agreed ad ref)',
        '1 bis. [Canada: Requests the Secretary-General to report] [Japan retain]',
        '2. Requests [Alt 1 - US: promoting sustainable][Alt 2 - EU: changing unsustainable] patterns [Note: to come] (agreed in informals, pending Japan)',
        '3. Invites States. [US: delete]',
      ].join('\n\n') + '\n',
    );

    // The export imports again to the same records.
    const again = await t.api<{ session: { id: string }; chairToken: string }>('POST', '/api/sessions', t.adminKey, { title: 'Crime again', text: out.body });
    const view2 = (await t.api<ProposalsView>('GET', `/api/sessions/${again.body.session.id}/proposals`, again.body.chairToken)).body;
    expect(described(view2)).toEqual(described(view));
    expect(statuses(view2)).toEqual(statuses(view));
  });

  it('an imported proposal is a proposal like any other: the chair accepts it', async () => {
    const created = await t.api<{ session: { id: string }; chairToken: string }>('POST', '/api/sessions', t.adminKey, { title: 'Crime', text: COMPILATION });
    const { session, chairToken } = created.body;
    const view = (await t.api<ProposalsView>('GET', `/api/sessions/${session.id}/proposals`, chairToken)).body;
    const g77 = view.proposals.find((p) => p.sponsors[0]?.name === 'G77')!;
    const accepted = await t.api('POST', `/api/sessions/${session.id}/commands`, chairToken, { command: { type: 'accept', proposalId: g77.id } });
    expect(accepted.status).toBe(200);
    const txt = await t.api<string>('GET', `/api/sessions/${session.id}/export?format=compilation-txt`, chairToken);
    expect(txt.body).toContain('[Deeply] concerned by the rise [EU: about the rise and diversity] of crime,');
    expect((await t.api('GET', `/api/sessions/${session.id}/export?format=docx-typo`, chairToken)).status).toBe(400);
  });
});
