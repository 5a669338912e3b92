import { afterEach, describe, expect, it } from 'vitest';
import type { Comparison } from '@accord/shared/diff/index';
import type { RevisionView } from '../../src/revisions/revision-service.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { DRAFT, negotiate } from './helpers.js';

type Point = { id: string; at: string; reason: string };

describe('compare', () => {
  let t: TestServer;
  afterEach(() => t.stop());

  it('Rev.1 vs live shows the accepted change, the new paragraph as "5 bis" and the bracket summary', async () => {
    t = await startTestServer();
    const { id, chairToken } = await t.createSession('Cooperation', DRAFT);
    const observer = await t.addParticipant(id, 'observer', 'NGO');
    const rev1 = (await t.api<RevisionView>('POST', `/api/sessions/${id}/revisions`, chairToken, { label: 'Rev.1' })).body;
    const added = await negotiate(t, id);

    const r = await t.api<Comparison>('GET', `/api/sessions/${id}/compare?from=rev:${rev1.id}&to=live`, observer);
    expect(r.status).toBe(200);
    const c = r.body;
    expect(c.from.label).toBe('Rev.1');
    expect(c.to.label).toBe('Live text');
    const op2 = c.paragraphs.find((p) => p.labelTo === 'OP2')!;
    expect(op2.status).toBe('changed');
    expect(op2.ops.filter((o) => o.op === 'insert').map((o) => o.text).join('')).toContain('possible');
    const bis = c.paragraphs.find((p) => p.id === added)!;
    expect(bis).toMatchObject({ status: 'added', labelTo: 'OP5 bis' });
    expect(c.brackets.totals.accepted).toBeGreaterThanOrEqual(1);
    expect(c.brackets.byDelegation.map((d) => d.delegation)).toContain('EU');
    expect(c.brackets.paragraphsAdded).toContainEqual(expect.objectContaining({ paragraphId: added, label: 'OP5 bis', sponsors: ['EU'] }));
  });

  it('issuing Rev.2 shows "5 bis → 6": against the text just before it, in the concordance of Rev.1 → Rev.2, and live', async () => {
    t = await startTestServer();
    const { id, chairToken } = await t.createSession('Cooperation', DRAFT);
    const rev1 = (await t.api<RevisionView>('POST', `/api/sessions/${id}/revisions`, chairToken, { label: 'Rev.1' })).body;
    const added = await negotiate(t, id);
    const rev2 = (await t.api<RevisionView>('POST', `/api/sessions/${id}/revisions`, chairToken, { label: 'Rev.2' })).body;
    const before = (await t.api<Point[]>('GET', `/api/sessions/${id}/history`, chairToken)).body.find((p) => p.reason === 'before-revision')!;

    for (const to of [`rev:${rev2.id}`, 'live']) {
      const c = (await t.api<Comparison>('GET', `/api/sessions/${id}/compare?from=history:${before.id}&to=${to}`, chairToken)).body;
      const p = c.paragraphs.find((x) => x.id === added)!;
      expect([p.labelFrom, p.labelTo]).toEqual(['OP5 bis', 'OP6']);
      expect(c.concordance).toContainEqual(expect.objectContaining({ from: ['OP5 bis'], to: 'OP6', note: 'renumbered' }));
      // Struck text disappears at the revision.
      expect(c.paragraphs.find((x) => x.labelTo === 'OP2')!.ops.filter((o) => o.op === 'delete').map((o) => o.text).join('')).toContain('earliest');
    }

    const c12 = (await t.api<Comparison>('GET', `/api/sessions/${id}/compare?from=rev:${rev1.id}&to=rev:${rev2.id}`, chairToken)).body;
    expect(c12.to.label).toBe('Rev.2');
    expect(c12.paragraphs.find((x) => x.id === added)).toMatchObject({ status: 'added', labelTo: 'OP6' });
    expect(c12.concordance).toContainEqual(expect.objectContaining({ to: 'OP7', from: ['OP6'], note: 'renumbered' }));
    expect(c12.concordance).toContainEqual(expect.objectContaining({ to: 'OP6', from: [], note: 'new', delegations: ['EU'] }));

    // Backwards (the live text, newer, against Rev.2) Rev.2's renumbering does not apply: nothing
    // was renumbered between the two.
    const back = (await t.api<Comparison>('GET', `/api/sessions/${id}/compare?from=live&to=rev:${rev2.id}`, chairToken)).body;
    expect(back.paragraphs.find((x) => x.id === added)).toMatchObject({ status: 'same', labelFrom: 'OP6', labelTo: 'OP6' });
    expect(back.concordance).toEqual([]);
  });

  it('HTML in both views, as a download, and hideFormatting', async () => {
    t = await startTestServer();
    const { id, chairToken } = await t.createSession('Cooperation', DRAFT);
    const rev1 = (await t.api<RevisionView>('POST', `/api/sessions/${id}/revisions`, chairToken, { label: 'Rev.1' })).body;
    await negotiate(t, id);
    const base = `${t.url}/api/sessions/${id}/compare?from=rev:${rev1.id}&to=live&format=html`;
    const auth = { authorization: `Bearer ${chairToken}` };
    const inline = await fetch(base, { headers: auth });
    expect(inline.status).toBe(200);
    expect(inline.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(inline.headers.get('content-disposition')).toBeNull();
    const html = await inline.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>Cooperation: Rev.1 → Live text</title>');
    expect(html).toContain('<ins>earliest possible </ins>');
    expect(html).toContain('class="diff inline"');
    expect(html).not.toMatch(/<script|<link|src=/);
    const sbs = await (await fetch(`${base}&view=side-by-side`, { headers: auth })).text();
    expect(sbs).toContain('class="diff side-by-side"');
    const dl = await fetch(`${base}&download=1`, { headers: auth });
    expect(dl.headers.get('content-disposition')).toMatch(/^attachment; filename="?compare-rev_r[a-z0-9]+-live\.html"?$/);

    const shown = (await t.api<Comparison>('GET', `/api/sessions/${id}/compare?from=rev:${rev1.id}`, chairToken)).body;
    const hidden = (await t.api<Comparison>('GET', `/api/sessions/${id}/compare?from=rev:${rev1.id}&hideFormatting=1`, chairToken)).body;
    expect(shown.options).toEqual({ ignoreFormatting: false, ignoreWhitespace: false });
    expect(hidden.options).toEqual({ ignoreFormatting: true, ignoreWhitespace: true });
  });

  it('any participant compares; bad and unknown versions are refused', async () => {
    t = await startTestServer();
    const { id, chairToken } = await t.createSession('Cooperation', DRAFT);
    const delegation = await t.addParticipant(id, 'delegation', 'Kenya');
    const get = (q: string, token: string | null = delegation) => t.api('GET', `/api/sessions/${id}/compare?${q}`, token);
    expect((await get('from=live&to=live')).status).toBe(200);
    expect((await get('from=live', null)).status).toBe(401);
    const other = await t.createSession('Other', DRAFT);
    expect((await get('from=live', other.chairToken)).status).toBe(401);
    for (const q of ['', 'from=rev', 'from=yesterday', 'from=live&to=rev:', 'from=live&format=pdf', 'from=live&format=html&view=columns', 'from=live&to=history:a/b']) {
      expect((await get(q)).status).toBe(400);
    }
    expect((await get('from=rev:nope')).status).toBe(404);
    expect((await get('from=live&to=history:nope')).status).toBe(404);
    expect((await t.api('GET', `/api/sessions/${id}/revisions`, chairToken)).status).toBe(200);
  });
});
