import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RevisionView } from '../../src/revisions/revision-service.js';
import { heavyWork, HEAVY_MIN_SIZE } from '../../src/work/heavy-work.js';
import { importTask } from '../../src/work/heavy-tasks.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { CHAIR, DRAFT, EU, paragraphs, runCommand } from '../revisions/helpers.js';

const seedDir = resolve(fileURLToPath(import.meta.url), '../../../../seeds');
/** Seed 001 (A/C.3/74/L.11/Rev.1) in English, shortened: the seeds themselves are Chinese. */
const ENGLISH = readFileSync(new URL('../../../shared/test/fixtures/english-draft.txt', import.meta.url), 'utf8');

interface Docx {
  status: number;
  type: string | null;
  disposition: string | null;
  document: string;
  footnotes: string;
}

async function download(t: TestServer, path: string, token: string): Promise<Docx> {
  const res = await fetch(t.url + path, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) return { status: res.status, type: res.headers.get('content-type'), disposition: null, document: bytes.toString(), footnotes: '' };
  const zip = await JSZip.loadAsync(bytes);
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    document: await zip.file('word/document.xml')!.async('string'),
    footnotes: (await zip.file('word/footnotes.xml')?.async('string')) ?? '',
  };
}

/** The `<w:r>` runs of a document whose text contains `text`, with their properties. */
function runsWith(xml: string, text: string): string[] {
  return [...xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs)].map((m) => m[0]).filter((r) => r.includes(text));
}

const A4 = /<w:pgSz w:w="11906" w:h="16838"/;
const italic = (run: string) => /<w:i\/>|<w:i w:val="true"\/>/.test(run);
const bold = (run: string) => /<w:b\/>|<w:b w:val="true"\/>/.test(run);

describe('export to Word', () => {
  let t: TestServer;
  let seeds: { id: string; title: string; chairToken: string }[];
  beforeAll(async () => {
    t = await startTestServer({ seedDir });
    // Seeds are listed first, in file order: 000 (A/AC.291/L.15), then 001.
    seeds = (await t.api<{ id: string; title: string; seed: boolean; chairToken: string }[]>('GET', '/api/sessions', t.adminKey)).body.filter((s) => s.seed);
    expect(seeds).toHaveLength(2);
  });
  afterAll(() => t.stop());

  it('seed 000 (Chinese): A4, the title bold, Chinese runs in SimSun, no italics, the placeholder bracket kept', async () => {
    const seed = seeds[0];
    const d = await download(t, `/api/sessions/${seed.id}/export?format=docx`, seed.chairToken);
    expect(d.status).toBe(200);
    expect(d.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(d.disposition).toBe(`attachment; filename=${seed.id}.docx`);
    expect(d.document).toMatch(A4);
    expect(d.document).toContain('w:eastAsia="SimSun"');
    const title = runsWith(d.document, '联合国打击网络犯罪（使用信息和通信技术系统实施的犯罪）公约');
    expect(title.some(bold)).toBe(true);
    expect(runsWith(d.document, '回顾其 2019 年').every((r) => !italic(r))).toBe(true);
    expect(d.document).toContain('直至[日期]在纽约');
    // OP numbers hang: "11." then a tab, the text indented.
    expect(d.document).toMatch(/<w:t xml:space="preserve">11\.<\/w:t><w:tab\/>/);
    expect(d.document).toContain('w:hanging=');
  });

  it('seed 001 (Chinese): masthead lines, five real footnotes, sponsors and a bold title', async () => {
    const seed = seeds[1];
    const d = await download(t, `/api/sessions/${seed.id}/export?format=docx`, seed.chairToken);
    expect(d.status).toBe(200);
    expect(d.document).toMatch(A4);
    expect(d.document).toContain('第七十四届会议');
    expect(d.document).toContain('议程项目 107');
    expect(d.document).toContain('Distr.: Limited');
    expect(d.document).toContain('原文：中文');
    expect(runsWith(d.document, '津巴布韦：订正决议草案')).toHaveLength(1);
    expect(runsWith(d.document, '打击为犯罪目的使用信息和通信技术行为').filter(bold).length).toBeGreaterThanOrEqual(1);
    expect(d.document.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(5);
    for (const text of ['第 70/174 号决议，附件。', 'A/65/201、A/68/98 和 A/70/174。', 'A/74/130。']) expect(d.footnotes).toContain(text);
    // The footnote's text is in footnotes.xml, not in the body.
    expect(d.document).not.toContain('A/74/130。');
  });

  it('the compilation .docx of both seeds: the placeholders as pending brackets, A4', async () => {
    for (const seed of seeds) {
      const d = await download(t, `/api/sessions/${seed.id}/export?format=compilation-docx`, seed.chairToken);
      expect(d.status).toBe(200);
      expect(d.document).toMatch(A4);
    }
    expect((await download(t, `/api/sessions/${seeds[0].id}/export?format=compilation-docx`, seeds[0].chairToken)).document).toContain('直至[日期]在纽约');
  });

  it('English (seed 001 in English): PP opening words and OP verbs italic, the chapeau italic, symbol and footnotes', async () => {
    const { id, chairToken } = await t.createSession('Countering ICT crime', ENGLISH);
    const d = await download(t, `/api/sessions/${id}/export?format=docx`, chairToken);
    expect(d.status).toBe(200);
    expect(d.document).toContain('A/C.3/74/L.11/Rev.1');
    expect(d.document).toContain('General Assembly');
    expect(d.document).toContain('Original: English');
    for (const words of ['Recalling', 'Noting with concern', 'Deeply concerned', 'Takes note', 'Decides', 'Requests', 'The General Assembly']) {
      const runs = runsWith(d.document, `>${words}<`);
      expect(runs.length, words).toBeGreaterThanOrEqual(1);
      expect(runs.every(italic), words).toBe(true);
    }
    // Only the opening words: the rest of the paragraph is upright.
    expect(runsWith(d.document, ' its resolution 65/230').every((r) => !italic(r))).toBe(true);
    // Sub-paragraphs (a), (i) hang under their number; their words are not italic.
    expect(d.document).toMatch(/<w:t xml:space="preserve">\(a\)<\/w:t><w:tab\/>/);
    expect(runsWith(d.document, 'To allocate the necessary resources;').every((r) => !italic(r))).toBe(true);
    expect(d.document.match(/<w:footnoteReference w:id="\d+"\/>/g)).toHaveLength(2);
    expect(d.footnotes).toContain('A/CONF.213/18, chap. I, resolution 1.');
    expect(runsWith(d.document, 'Countering the use of information and communications technologies for criminal purposes').some(bold)).toBe(true);
  });

  it('compilation .docx: an open proposal with its sponsors and positions; the clean .docx shows only the bare text', async () => {
    const { id, chairToken } = await t.createSession('Cooperation', DRAFT);
    const ps = await paragraphs(t, id);
    const op3 = ps.get('OP3')!;
    const at = op3.text.indexOf('ratify');
    const proposed = await runCommand(t, id, { type: 'propose', kind: 'insert', anchor: { paragraphId: op3.id, from: at, to: at, text: '' }, text: 'sign and ' }, EU);
    await runCommand(t, id, { type: 'oppose', proposalId: proposed.result.proposalId! }, { role: 'delegation', id: 'us', delegation: 'US' });
    const comp = await download(t, `/api/sessions/${id}/export?format=compilation-docx`, chairToken);
    expect(comp.document).toContain('sign and ');
    const annotation = runsWith(comp.document, 'EU; US delete');
    expect(annotation).toHaveLength(1);
    expect(italic(annotation[0])).toBe(true);
    const clean = await download(t, `/api/sessions/${id}/export?format=docx`, chairToken);
    expect(clean.document).toContain('[sign and ]');
    expect(clean.document).not.toContain('US delete');
  });

  it('version: a revision, a history point; bad versions and formats are refused', async () => {
    const { id, chairToken } = await t.createSession('Cooperation', DRAFT);
    const rev1 = (await t.api<RevisionView>('POST', `/api/sessions/${id}/revisions`, chairToken, { label: 'Rev.1' })).body;
    const ps = await paragraphs(t, id);
    const op1 = ps.get('OP1')!;
    const accepted = await runCommand(t, id, { type: 'propose', kind: 'insert', anchor: { paragraphId: op1.id, from: 0, to: 0, text: '' }, text: 'Solemnly ' }, EU);
    await runCommand(t, id, { type: 'accept', proposalId: accepted.result.proposalId! }, CHAIR);
    const live = await download(t, `/api/sessions/${id}/export?format=docx`, chairToken);
    expect(live.document).toContain('Solemnly');
    const atRev1 = await download(t, `/api/sessions/${id}/export?format=docx&version=rev:${rev1.id}`, chairToken);
    expect(atRev1.status).toBe(200);
    expect(atRev1.disposition).toBe(`attachment; filename=${id}-rev_${rev1.id}.docx`);
    expect(atRev1.document).not.toContain('Solemnly');
    expect(atRev1.document).toContain('Rev.1');
    const history = (await t.api<{ id: string }[]>('GET', `/api/sessions/${id}/history`, chairToken)).body;
    const txt = await t.api<string>('GET', `/api/sessions/${id}/export?format=txt&version=history:${history[0].id}`, chairToken);
    expect(txt.status).toBe(200);
    expect(txt.body).toContain('Adopts the Convention');
    expect((await t.api('GET', `/api/sessions/${id}/export?format=docx&version=rev:nope`, chairToken)).status).toBe(404);
    expect((await t.api('GET', `/api/sessions/${id}/export?format=docx&version=yesterday`, chairToken)).status).toBe(400);
    expect((await t.api('GET', `/api/sessions/${id}/export?format=pdf-ish`, chairToken)).status).toBe(400);
  });

  it('a large text’s .docx is written in the worker thread (asynchronous task, bytes sent back)', async () => {
    const { update } = importTask({ text: ENGLISH });
    const before = heavyWork.offloaded;
    const bytes = await heavyWork.run('export', { updates: [update], format: 'docx', at: Date.UTC(2026, 11, 4), name: 'worker' }, HEAVY_MIN_SIZE);
    expect(heavyWork.offloaded).toBe(before + 1);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('4 December 2026');
    expect(xml).toContain('Takes note');
  });

  it('a .docx export imported again (Word import) gives the same structure', async () => {
    const { id, chairToken } = await t.createSession('Countering ICT crime', ENGLISH);
    const res = await fetch(`${t.url}/api/sessions/${id}/export?format=docx`, { headers: { authorization: `Bearer ${chairToken}` } });
    const docx = Buffer.from(await res.arrayBuffer()).toString('base64');
    const again = await t.api<{ session: { id: string }; chairToken: string }>('POST', '/api/sessions', t.adminKey, { title: 'Round trip', docx });
    expect(again.status).toBe(201);
    type Doc = { counts: Record<string, number>; blocks: { type: string; label: string | null }[] };
    const before = (await t.api<Doc>('GET', `/api/sessions/${id}/document`, chairToken)).body;
    const after = (await t.api<Doc>('GET', `/api/sessions/${again.body.session.id}/document`, again.body.chairToken)).body;
    const numbered = (d: Doc) => d.blocks.filter((b) => b.type === 'preambular' || b.type === 'operative' || b.type === 'footnote').map((b) => `${b.type}:${b.label}`);
    expect(numbered(after)).toEqual(numbered(before));
    expect(after.counts).toMatchObject({ pp: before.counts.pp, op: before.counts.op, subParagraphs: before.counts.subParagraphs, footnotes: before.counts.footnotes });
  });
});
