import JSZip from 'jszip';
import { AlignmentType, DeletedTextRun, Document, FootnoteReferenceRun, InsertedTextRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { afterEach, describe, expect, it } from 'vitest';
import { readBracketState } from '@accord/shared/brackets/index';
import { importWord } from '@accord/shared/import/word/import-word';
import { renderInline } from '@accord/shared/render-inline';
import { readDocx } from '../src/docx/read-docx.js';
import { connectClient } from './helpers/client.js';
import { startTestServer, tempDir, type TestServer } from './helpers/test-server.js';

const date = '2026-12-01T10:00:00Z';
const op = (children: (TextRun | InsertedTextRun | DeletedTextRun)[], level = 0) => new Paragraph({ numbering: { reference: 'ops', level }, children });

/** A draft as a secretariat keeps it in Word: automatic OP numbers, italic PP openings, a footnote, a sponsor table, tracked changes by Canada. */
async function draftDocx(): Promise<string> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'ops',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    footnotes: { 1: { children: [new Paragraph('See A/74/247.')] } },
    sections: [
      {
        children: [
          new Table({ rows: [new TableRow({ children: ['Algeria', 'Angola', 'China'].map((n) => new TableCell({ children: [new Paragraph(n)] })) })] }),
          new Paragraph('Cooperation against cybercrime'),
          new Paragraph('The General Assembly,'),
          new Paragraph({ children: [new TextRun({ text: 'Recalling', italics: true }), new TextRun(' its resolution 74/247,'), new FootnoteReferenceRun(1), new TextRun(' of 27 December 2019,')] }),
          new Paragraph({ children: [new TextRun({ text: 'Noting with concern', italics: true }), new TextRun(' the rise of crime,')] }),
          op([new TextRun('Adopts the Convention;')]),
          op([new TextRun('Invites all States:')]),
          op([new TextRun('To sign the Convention;')], 1),
          op([new TextRun('To ratify it;')], 1),
          op([new TextRun('Urges Member States to '), new InsertedTextRun({ text: 'swiftly ', id: 1, author: 'Canada', date }), new TextRun('ratify the Convention;')]),
          op([new TextRun('Requests the Secretary-General to report '), new DeletedTextRun({ text: 'annually ', id: 2, author: 'Canada', date }), new TextRun('to the Assembly.')]),
        ],
      },
    ],
  });
  return (await Packer.toBuffer(doc)).toString('base64');
}

interface Block {
  type: string;
  label: string | null;
  text: string;
  level?: number;
}

describe('POST /api/sessions with a .docx', () => {
  let t: TestServer | null = null;
  afterEach(async () => {
    await t?.stop();
    t = null;
  });

  it('reads automatic numbering, italic openings, the footnote, the sponsor table and tracked changes as proposals by their author', async () => {
    t = await startTestServer({ dataDir: tempDir() });
    const created = await t.api<{ session: { id: string; title: string }; chairToken: string; warnings: string[] }>('POST', '/api/sessions', t.adminKey, { docx: await draftDocx() });
    expect(created.status).toBe(201);
    const { session, chairToken, warnings } = created.body;
    expect(session.title).toBe('Cooperation against cybercrime');
    expect(warnings.some((w) => w.includes('Algeria, Angola, China') && w.includes('sponsor'))).toBe(true);

    const doc = await t.api<{ blocks: Block[]; counts: { pp: number; op: number; subParagraphs: number; footnotes: number } }>('GET', `/api/sessions/${session.id}/document`, chairToken);
    const blocks = doc.body.blocks;
    expect(doc.body.counts).toMatchObject({ pp: 2, op: 4, subParagraphs: 2, footnotes: 1 });
    const ops = blocks.filter((b) => b.type === 'operative').map((b) => `${b.label} ${b.text}`);
    expect(ops).toEqual([
      '1 Adopts the Convention;',
      '2 Invites all States:',
      '(a) To sign the Convention;',
      '(b) To ratify it;',
      '3 Urges Member States to [swiftly ]ratify the Convention;',
      '4 Requests the Secretary-General to report [annually ]to the Assembly.',
    ]);
    const pps = blocks.filter((b) => b.type === 'preambular');
    expect(pps[0].text).toBe('Recalling its resolution 74/247,1 of 27 December 2019,');
    expect(blocks.find((b) => b.type === 'footnote')).toMatchObject({ label: '1', text: 'See A/74/247.' });
    expect(blocks.find((b) => b.text === 'Algeria, Angola, China')?.type).toBe('headingLine');

    const c = connectClient(t.wsUrl, session.id, chairToken);
    await c.synced();
    const state = readBracketState(c.doc);
    c.destroy();
    const proposals = Object.values(state.proposals);
    expect(proposals.map((p) => ({ kind: p.kind, sponsors: p.sponsors, text: p.text, anchorText: p.anchorText })).sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: 'delete', sponsors: [{ name: 'Canada' }], text: undefined, anchorText: 'annually ' },
      { kind: 'insert', sponsors: [{ name: 'Canada' }], text: 'swiftly ', anchorText: undefined },
    ]);
    // Italic opening words stay italic.
    const italic: string[] = [];
    state.doc.forEach((b) => b.forEach((n) => (n.marks.some((m) => m.type.name === 'italic') ? italic.push(n.text ?? '') : undefined)));
    expect(italic).toEqual(['Recalling', 'Noting with concern']);
  });

  it('refuses a file that is not a .docx with 400 and says why', async () => {
    t = await startTestServer({ dataDir: tempDir() });
    const r = await t.api<{ error: { code: string; message: string } }>('POST', '/api/sessions', t.adminKey, { docx: Buffer.from('plain text, not a zip').toString('base64') });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('not a zip');
  });
});

/** Numbering through a paragraph style (OP Text based on OP Base, which carries the list), as UN templates number OPs. */
async function styledDocx(): Promise<Uint8Array> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'ops',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, start: 1 },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '(%2)', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    styles: {
      paragraphStyles: [
        { id: 'OPBase', name: 'OP Base', basedOn: 'Normal', paragraph: { numbering: { reference: 'ops', level: 0 } } },
        { id: 'OPText', name: 'OP Text', basedOn: 'OPBase' },
      ],
    },
    sections: [
      {
        children: [
          new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('Algeria'), new Paragraph('Angola')] }), new TableCell({ children: [new Paragraph('China')] })] })] }),
          new Paragraph('Cooperation against cybercrime'),
          new Paragraph('The General Assembly,'),
          new Paragraph({ children: [new TextRun('\tRecalling its resolution 74/247,')] }),
          new Paragraph({ style: 'OPText', children: [new TextRun('Adopts the Convention;')] }),
          new Paragraph({ style: 'OPText', children: [new TextRun('Invites all States:')] }),
          new Paragraph({ numbering: { reference: 'ops', level: 1 }, children: [new TextRun('To sign it;')] }),
          // Word writes a w:ins per run: one new paragraph by Norway.
          new Paragraph({
            style: 'OPText',
            children: [new InsertedTextRun({ text: 'Decides', italics: true, id: 3, author: 'Norway', date }), new InsertedTextRun({ text: ' to act;', id: 4, author: 'Norway', date })],
          }),
          new Paragraph({ style: 'OPText', children: [new TextRun('Requests a report.')] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('readDocx then importWord', () => {
  it('numbers paragraphs through their style, joins the paragraphs of a table cell with a space, and makes a whole inserted OP one new paragraph', async () => {
    const r = importWord(await readDocx(await styledDocx()));
    const blocks: string[] = [];
    r.doc.forEach((b) => blocks.push(`${b.type.name}${b.attrs.added ? ' (added)' : ''}: ${renderInline(b)}`));
    expect(blocks).toEqual([
      'headingLine: Algeria Angola, China',
      'title: Cooperation against cybercrime',
      'note: The General Assembly,',
      'preambular: Recalling its resolution 74/247,',
      'operative: Adopts the Convention;',
      'operative: Invites all States:',
      'operative: To sign it;',
      'operative (added): [Decides to act;]',
      'operative: Requests a report.',
    ]);
    expect(Object.values(r.proposals).map((p) => [p.kind, p.sponsors, p.text])).toEqual([['newParagraph', [{ name: 'Norway' }], 'Decides to act;']]);
  });
});

/** A footnote reference typed inside an insertion: Word wraps both runs in one w:ins (the docx library cannot, so the XML is edited). */
async function noteInInsertion(): Promise<Uint8Array> {
  const doc = new Document({
    footnotes: { 1: { children: [new Paragraph('A/79/460.')] } },
    sections: [{ children: [new Paragraph('The General Assembly,'), op([new TextRun('Adopts the Convention'), new TextRun(' annexed'), new FootnoteReferenceRun(1), new TextRun(';')])] }],
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
  const xml = await zip.file('word/document.xml')!.async('string');
  const wrapped = xml.replace(/(<w:r><w:t xml:space="preserve"> annexed<\/w:t><\/w:r><w:r>.*?<w:footnoteReference w:id="1"\/><\/w:r>)/, '<w:ins w:id="9" w:author="Canada" w:date="2026-12-01T10:00:00Z">$1</w:ins>');
  expect(wrapped).not.toBe(xml);
  zip.file('word/document.xml', wrapped);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('readDocx then importWord: a footnote inside a tracked insertion', () => {
  it('brackets the reference with the inserted text, so that rejecting the insertion takes it along', async () => {
    const r = importWord(await readDocx(await noteInInsertion()));
    const op1 = r.doc.child(1);
    const [p] = Object.values(r.proposals);
    expect(p).toMatchObject({ kind: 'insert', sponsors: [{ name: 'Canada' }], text: ' annexed' });
    const marked: string[] = [];
    op1.forEach((n) => n.marks.some((m) => m.attrs.id === p.id) && marked.push(n.isText ? n.text! : `^${String(n.attrs.marker)}`));
    expect(marked).toEqual([' annexed', '^1']);
    expect(renderInline(r.doc.child(2))).toBe('A/79/460.');
  });
});
