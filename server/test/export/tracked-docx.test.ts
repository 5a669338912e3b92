import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import type { RevisionView } from '../../src/revisions/revision-service.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { CHAIR, DRAFT, negotiate, paragraphs, runCommand } from '../revisions/helpers.js';

async function documentXml(t: TestServer, path: string, token: string): Promise<{ status: number; xml: string; disposition: string | null }> {
  const res = await fetch(t.url + path, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) return { status: res.status, xml: bytes.toString(), disposition: null };
  const zip = await JSZip.loadAsync(bytes);
  return { status: 200, xml: await zip.file('word/document.xml')!.async('string'), disposition: res.headers.get('content-disposition') };
}

interface Change {
  type: 'ins' | 'del';
  author: string;
  date: string;
  text: string;
  /** Where it ends in the XML (to join neighbours). */
  end: number;
}

/** Every `w:ins`/`w:del` around runs, with its author, date and text; neighbours by one author joined. */
function changes(xml: string): Change[] {
  const out: Change[] = [];
  for (const m of xml.matchAll(/<w:(ins|del) w:id="\d+" w:author="([^"]*)" w:date="([^"]*)">(.*?)<\/w:\1>/gs)) {
    const text = [...m[4].matchAll(/<w:(?:t|delText)[^>]*>([^<]*)<\/w:(?:t|delText)>/g)].map((x) => x[1]).join('');
    const last = out[out.length - 1];
    const adjacent = last && xml.slice(last.end, m.index) === '';
    if (adjacent && last.type === m[1] && last.author === m[2]) {
      last.text += text;
      last.end = m.index + m[0].length;
    } else out.push({ type: m[1] as 'ins' | 'del', author: m[2], date: m[3], text, end: m.index + m[0].length });
  }
  return out;
}

describe('compare as Word tracked changes', () => {
  let t: TestServer;
  afterEach(() => t.stop());

  it('Rev.1 → Rev.2: the EU’s accepted proposals are its insertions and deletions, the chair’s rejection is the chair’s deletion', async () => {
    t = await startTestServer();
    const { id, chairToken } = await t.createSession('Cooperation', DRAFT);
    const kenya = { role: 'delegation' as const, id: 'ke', delegation: 'Kenya' };
    const eu = { role: 'delegation' as const, id: 'eu', delegation: 'EU' };
    // Kenya's insertion is open in Rev.1; the chair rejects it before Rev.2.
    let ps = await paragraphs(t, id);
    const op3 = ps.get('OP3')!;
    const at = op3.text.indexOf('ratify');
    const kenyan = await runCommand(t, id, { type: 'propose', kind: 'insert', anchor: { paragraphId: op3.id, from: at, to: at, text: '' }, text: 'swiftly ' }, kenya);
    const rev1 = (await t.api<RevisionView>('POST', `/api/sessions/${id}/revisions`, chairToken, { label: 'Rev.1' })).body;
    await runCommand(t, id, { type: 'reject', proposalId: kenyan.result.proposalId! }, CHAIR);
    await negotiate(t, id);
    ps = await paragraphs(t, id);
    const op6 = ps.get('OP6')!;
    const from = op6.text.indexOf(' at its next session');
    const deletion = await runCommand(t, id, { type: 'propose', kind: 'delete', anchor: { paragraphId: op6.id, from, to: from + ' at its next session'.length, text: ' at its next session' } }, eu);
    await runCommand(t, id, { type: 'accept', proposalId: deletion.result.proposalId! }, CHAIR);
    const rev2 = (await t.api<RevisionView>('POST', `/api/sessions/${id}/revisions`, chairToken, { label: 'Rev.2' })).body;

    const d = await documentXml(t, `/api/sessions/${id}/compare?from=rev:${rev1.id}&to=rev:${rev2.id}&format=docx`, chairToken);
    expect(d.status).toBe(200);
    expect(d.disposition).toBe(`attachment; filename=compare-rev_${rev1.id}-rev_${rev2.id}.docx`);
    const all = changes(d.xml);
    const by = (type: Change['type'], text: string) => all.filter((c) => c.type === type && c.text.includes(text));
    // The EU's replacement "earliest date" → "earliest possible date" in OP2, accepted.
    expect(by('ins', 'possible').map((c) => c.author)).toEqual(['EU']);
    // Its new paragraph (OP6 in Rev.2), accepted: numbered and inserted whole.
    expect(by('ins', 'Decides that the conference shall meet annually;').map((c) => c.author)).toEqual(['EU']);
    expect(by('ins', '6.').map((c) => c.author)).toEqual(['EU']);
    // Its deletion in (old) OP6, accepted and dropped at Rev.2.
    expect(by('del', 'at its next session').map((c) => c.author)).toEqual(['EU']);
    // Kenya's bracketed insertion, rejected by the chair.
    expect(by('del', '[swiftly ]').map((c) => c.author)).toEqual(['Chair']);
    for (const c of all) expect(c.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // Renumbered: the old OP6 is OP7 in Rev.2.
    expect(d.xml).toMatch(/>7\.<\/w:t><w:tab\/>/);
    // Unchanged text is plain, the English house style applies.
    expect(d.xml).toContain('>Urges<');
  });

  it('refuses unknown versions; any participant may download', async () => {
    t = await startTestServer();
    const { id } = await t.createSession('Cooperation', DRAFT);
    const observer = await t.addParticipant(id, 'observer', 'NGO');
    expect((await documentXml(t, `/api/sessions/${id}/compare?from=rev:nope&to=live&format=docx`, observer)).status).toBe(404);
    const same = await documentXml(t, `/api/sessions/${id}/compare?from=live&to=live&format=docx`, observer);
    expect(same.status).toBe(200);
    expect(changes(same.xml)).toEqual([]);
  });
});
