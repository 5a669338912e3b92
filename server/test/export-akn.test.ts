import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, tempDir, type TestServer } from './helpers/test-server.js';
import { anchorOn, postCommand, type Block } from './commands/helpers.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const seedDir = resolve(here, '../../seeds');
const schema = resolve(here, 'fixtures/akn/akomantoso30.xsd');

/** xmllint (Debian libxml2-utils, installed by scripts/setup.sh --browser) against the OASIS schema, never the network. */
function validate(xml: string): { ok: boolean; output: string } {
  const file = join(work, `doc-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

const TEXT = [
  'A/C.3/79/L.15',
  '',
  'Cooperation & "trust" <online>',
  '',
  'The General Assembly,',
  '',
  'Recalling its resolution 74/247 of 27 December 2019,1 and the work done,',
  '',
  'Noting the report of the [Ad Hoc] Committee,',
  '',
  '1. Adopts the Convention;',
  '',
  '2. Invites all States:',
  '',
  '(a) To sign the Convention;',
  '',
  '(i) At the earliest date;',
  '',
  '(ii) In New York;',
  '',
  '(b) To ratify it;',
  '',
  '3. Requests the Secretary-General to report.',
  '',
  '__________',
  '',
  '1 See A/74/247.',
  '',
].join('\n');

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'accord-akn-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('GET /api/sessions/:id/export?format=akn', () => {
  let t: TestServer | null = null;
  afterEach(async () => {
    await t?.stop();
    t = null;
  });

  it('xmllint is installed (the schema check below must not be skipped)', () => {
    expect(() => execFileSync('xmllint', ['--version'], { stdio: 'pipe' })).not.toThrow();
  });

  it('both seeds validate against the OASIS Akoma Ntoso 3.0 schema, with every PP, OP and footnote', async () => {
    t = await startTestServer({ dataDir: tempDir(), seedDir });
    const list = await t.api<{ id: string; chairToken: string }[]>('GET', '/api/sessions', t.adminKey);
    expect(list.body.length).toBe(readdirSync(seedDir).filter((f) => f.endsWith('.txt')).length);
    for (const s of list.body) {
      const doc = await t.api<{ counts: { pp: number; op: number; subParagraphs: number; footnotes: number } }>('GET', `/api/sessions/${s.id}/document`, s.chairToken);
      const res = await fetch(`${t.url}/api/sessions/${s.id}/export?format=akn`, { headers: { Authorization: `Bearer ${s.chairToken}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/akn+xml');
      const xml = await res.text();
      const v = validate(xml);
      expect(v.output).toContain('validates');
      expect(v.ok).toBe(true);
      const count = (tag: string) => xml.split(`<${tag} `).length - 1;
      expect(count('recital')).toBe(doc.body.counts.pp);
      expect(count('paragraph')).toBe(doc.body.counts.op);
      expect(count('subparagraph') + count('point')).toBe(doc.body.counts.subParagraphs);
      expect(count('authorialNote')).toBe(doc.body.counts.footnotes);
    }
  });

  it('writes preface, recitals, numbered paragraphs with (a) and (i), footnotes in place, escaped; open proposals are left out', async () => {
    t = await startTestServer({ dataDir: tempDir() });
    const { id, chairToken } = await t.createSession('', TEXT);
    const eu = await t.addParticipant(id, 'delegation', 'EU');
    const doc = await t.api<{ blocks: (Block & { type: string })[] }>('GET', `/api/sessions/${id}/document`, chairToken);
    const op = (label: string) => doc.body.blocks.find((b) => b.type === 'operative' && b.label === label)!;
    const op1 = op('1');
    const ins = await postCommand(t, id, eu, { type: 'propose', kind: 'insert', anchor: { ...anchorOn(op1, 'Convention'), from: 4, to: 4, text: '' }, text: 'PROPOSED ' });
    expect(ins.body.ok).toBe(true);
    const del = await postCommand(t, id, eu, { type: 'propose', kind: 'delete', anchor: anchorOn(op('3'), 'Secretary-General') });
    expect(del.body.ok).toBe(true);
    const res = await t.api<string>('GET', `/api/sessions/${id}/export?format=akn`, chairToken);
    const xml = res.body;
    const v = validate(xml);
    expect(v.ok, v.output).toBe(true);
    expect(xml).toContain('<docNumber>A/C.3/79/L.15</docNumber>');
    expect(xml).toContain('<docTitle>Cooperation &amp; &quot;trust&quot; &lt;online&gt;</docTitle>');
    expect(xml).toContain('<preamble><p>The General Assembly,</p><recitals><recital eId="rec_pp1"><p>Recalling its resolution 74/247 of 27 December 2019,<authorialNote marker="1" placement="bottom" eId="fnt_1"><p>See A/74/247.</p></authorialNote>and the work done,</p></recital>');
    expect(xml).toContain('<p>Noting the report of the Ad Hoc Committee,</p>');
    expect(xml).toContain('<paragraph eId="para_1"><num>1.</num><content><p>Adopts the Convention;</p></content></paragraph>');
    expect(xml).toContain(
      '<paragraph eId="para_2"><num>2.</num><intro><p>Invites all States:</p></intro>' +
        '<subparagraph eId="para_2__subpara_a"><num>(a)</num><intro><p>To sign the Convention;</p></intro>' +
        '<point eId="para_2__subpara_a__point_i"><num>(i)</num><content><p>At the earliest date;</p></content></point>' +
        '<point eId="para_2__subpara_a__point_ii"><num>(ii)</num><content><p>In New York;</p></content></point></subparagraph>' +
        '<subparagraph eId="para_2__subpara_b"><num>(b)</num><content><p>To ratify it;</p></content></subparagraph></paragraph>',
    );
    expect(xml).toContain('<p>Requests the Secretary-General to report.</p>');
    expect(xml).not.toContain('PROPOSED');
    expect(readFileSync(schema, 'utf8')).toContain('Akoma Ntoso 3.0');
  });

  it('refuses an unknown format', async () => {
    t = await startTestServer({ dataDir: tempDir() });
    const { id, chairToken } = await t.createSession('x', TEXT);
    expect((await t.api('GET', `/api/sessions/${id}/export?format=pdf`, chairToken)).status).toBe(400);
  });
});
