import { AlignmentType, DeletedTextRun, Document, FootnoteReferenceRun, InsertedTextRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { afterEach, describe, expect, it } from 'vitest';
import { readBracketState } from '@accord/shared/brackets/index';
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
