import { describe, expect, it } from 'vitest';
import { blockText } from '../../src/brackets/doc.js';
import { importWord } from '../../src/import/word/import-word.js';
import { paragraphLabels } from '../../src/numbering.js';
import { blockViews, note, para, run, wordDoc } from './helpers.js';

const CANADA = { kind: 'insert' as const, author: 'Canada' };
const EU_DELETES = { kind: 'delete' as const, author: 'EU' };

/** The body blocks (after the title and the chapeau). */
const body = (r: ReturnType<typeof importWord>) => blockViews(r.doc, r.proposals).slice(2);

describe('importWord: structure', () => {
  it('reads Word labels as OP and sub-paragraph numbers, unnumbered paragraphs as title, chapeau and PPs', () => {
    const r = importWord(wordDoc([
      para(undefined, run('Recalling its resolution 74/247,')),
      para('1.', run('Adopts the Convention;')),
      para('2.', run('Invites all States:')),
      para('(a)', run('To sign it;')),
      para('(i)', run('At the earliest date;')),
      para('(b)', run('To ratify it;')),
    ]));
    expect(blockViews(r.doc)).toEqual([
      'title: Cooperation against cybercrime',
      'note: The General Assembly,',
      'preambular: Recalling its resolution 74/247,',
      'operative: Adopts the Convention;',
      'operative: Invites all States:',
      'operative(1): To sign it;',
      'operative(2): At the earliest date;',
      'operative(1): To ratify it;',
    ]);
    const labels = paragraphLabels(r.doc);
    const ops: string[] = [];
    r.doc.forEach((b) => b.type.name === 'operative' && ops.push(labels.get(String(b.attrs.id))!.label));
    expect(ops).toEqual(['1', '2', '(a)', '(i)', '(b)']);
    expect(r.meta.title).toBe('Cooperation against cybercrime');
    expect(r.warnings).toEqual([]);
    expect(r.proposals).toEqual({});
  });

  it('turns tabs and line breaks inside runs into spaces, and ignores indentation typed before a paragraph', () => {
    // Three indented PPs made the plain text import read the lines as a PDF layout and glue the OPs into the last PP.
    const r = importWord(wordDoc([
      para(undefined, run('\tRecalling its resolution,')),
      para(undefined, run('\tNoting the report of the Committee on its work at its first session,')),
      para(undefined, run('  '), run('Noting', { italic: true }), run(' also\tthe report on the work of its second\nsession,')),
      para('1.', run('Decides to decide on the matter that is before the Assembly today')),
      para('2.', run('Requests the Secretary-General to report to the Assembly')),
    ]));
    expect(body(r)).toEqual([
      'preambular: Recalling its resolution,',
      'preambular: Noting the report of the Committee on its work at its first session,',
      'preambular: i{Noting} also the report on the work of its second session,',
      'operative: Decides to decide on the matter that is before the Assembly today',
      'operative: Requests the Secretary-General to report to the Assembly',
    ]);
  });

  it('keeps a table of names as one line and warns that the sponsor list is not kept; a table of sentences as one paragraph per row', () => {
    const r = importWord({
      blocks: [
        { kind: 'table', rows: [['Algeria', ' Angola '], ['China', '']] },
        { kind: 'table', rows: [[]] },
        para(undefined, run('Cooperation against cybercrime')),
        para(undefined, run('The General Assembly,')),
        para(undefined, run('Recalling its resolution,')),
        { kind: 'table', rows: [['Item', 'Decides to act.'], ['Other', 'Requests a report.']] },
      ],
      footnotes: [],
      changes: [],
      warnings: ['read: a chart was left out'],
    });
    expect(blockViews(r.doc)).toEqual([
      'headingLine: Algeria, Angola, China',
      'title: Cooperation against cybercrime',
      'note: The General Assembly,',
      'preambular: Recalling its resolution,',
      'preambular: Item Decides to act.',
      'preambular: Other Requests a report.',
    ]);
    expect(r.warnings).toEqual([
      'read: a chart was left out',
      'a table of 3 names (sponsors?) was kept as one line of text: Algeria, Angola, China — Accord keeps no sponsor list',
      'a table of 2 row(s) was kept as text, one paragraph per row',
    ]);
  });
});

describe('importWord: italics and footnote markers at their exact place', () => {
  it('puts italics on exactly the italic characters, also across brackets the import takes off and runs split by Word', () => {
    const r = importWord(wordDoc([
      para(undefined, run('Recalling', { italic: true }), run(' its resolution,')),
      para(undefined, run('Noting ', { italic: true }), run('[also]', { italic: true }), run(' the report,')),
      para(undefined, run('Deeply', { italic: true }), run(' concerned', { italic: true }), run(' by the the '), run('the', { italic: true }), run(' the rise,')),
      para('1.', run('Decides', { italic: true }), run(' to act;')),
    ]));
    expect(body(r)).toEqual([
      'preambular: i{Recalling} its resolution,',
      'preambular: i{Noting }i+pending{also} the report,',
      'preambular: i{Deeply concerned} by the the i{the} the rise,',
      'operative: i{Decides} to act;',
    ]);
  });

  it('places each footnote marker right after the text it follows, the same words repeated close by included', () => {
    const r = importWord(
      wordDoc([
        para(undefined, run('Noting the rise, the rise,'), note(0), run(' the rise,'), note(1), run(' and the rise,')),
        para('1.', note(0), run(' Decides in accordance with art.1 of the Charter,'), note(2)),
      ], { footnotes: ['See A/74/247.', 'See [the] report.', 'Charter of the United Nations.', 'Never cited.'] }),
    );
    expect(body(r)).toEqual([
      'preambular: Noting the rise, the rise,^1 the rise,^2 and the rise,',
      // A marker before any text goes at the start; "art.1" is text, not footnote 1's marker.
      'operative: ^1Decides in accordance with art.1 of the Charter,^3',
      'footnote 1: See A/74/247.',
      'footnote 2: See pending{the} report.',
      'footnote 3: Charter of the United Nations.',
    ]);
    expect(r.warnings).toEqual(['footnote 4 of the file is never referred to in the text: left out']);
  });

  it('is not misled by the label and brackets the import takes off when the same word repeats', () => {
    // The search this replaced guessed the place from the line's length: the label and ten
    // bracket characters put its guess on the wrong "to".
    const r = importWord(
      wordDoc([para('1.', run('Decides to to to to to '), run('to', { change: 0 }), run(' to '), note(0), run('to [a] [b] [c] [d] [e];'))], {
        changes: [EU_DELETES],
        footnotes: ['A note.'],
      }),
    );
    expect(body(r)).toEqual(['operative: Decides to to to to to delete:EU{to} to ^1to pending{a} pending{b} pending{c} pending{d} pending{e};', 'footnote 1: A note.']);
  });

  it('keeps the place of formatting in a paragraph the import joins to the one before (a sentence going on)', () => {
    const r = importWord(
      wordDoc([
        para(undefined, run('Noting the report of the Committee on the work of the session held in Vienna in the year')),
        para(undefined, run('of its session,'), note(0), run(' and of the '), run('other', { italic: true }), run(' one,')),
      ], { footnotes: ['A note.'] }),
    );
    expect(body(r)).toEqual([
      'preambular: Noting the report of the Committee on the work of the session held in Vienna in the year of its session,^1 and of the i{other} one,',
      'footnote 1: A note.',
    ]);
  });
});

describe('importWord: tracked changes become proposals by their authors', () => {
  it('makes an insertion and a deletion proposal, the author as sponsor, on exactly the changed text', () => {
    const r = importWord(
      wordDoc([
        para('1.', run('Urges Member States to '), run('swiftly ', { change: 0 }), run('ratify the Convention;')),
        para('2.', run('Requests the report '), run('annually', { change: 1 }), run(' to report annually;')),
      ], { changes: [CANADA, EU_DELETES] }),
    );
    expect(body(r)).toEqual([
      'operative: Urges Member States to insert:Canada{swiftly }ratify the Convention;',
      'operative: Requests the report delete:EU{annually} to report annually;',
    ]);
    const ps = Object.values(r.proposals);
    expect(ps.map(({ kind, sponsors, text, anchorText, status, explanation }) => ({ kind, sponsors, text, anchorText, status, explanation }))).toEqual([
      { kind: 'insert', sponsors: [{ name: 'Canada' }], text: 'swiftly ', anchorText: undefined, status: 'open', explanation: 'Tracked change in the Word file by Canada' },
      { kind: 'delete', sponsors: [{ name: 'EU' }], text: undefined, anchorText: 'annually', status: 'open', explanation: 'Tracked change in the Word file by EU' },
    ]);
    const ids: string[] = [];
    r.doc.forEach((b) => ids.push(String(b.attrs.id)));
    expect(ps.map((p) => p.paragraphId)).toEqual([ids[2], ids[3]]);
    for (const p of ps) expect(p.id).toMatch(/^b/);
  });

  it('joins runs that one author changed the same way into one proposal (Word writes a w:ins per run), and keeps authors apart', () => {
    const r = importWord(
      wordDoc([para('1.', run('Calls upon ', { change: 0 }), run('all', { change: 1, italic: true }), run(' ', { change: 2 }), run('States', { change: 3 }), run(' Parties', { change: 4 }), run(' to act;'))], {
        changes: [CANADA, CANADA, CANADA, { kind: 'insert', author: 'Norway' }, CANADA],
      }),
    );
    expect(body(r)).toEqual(['operative: insert:Canada{Calls upon }i+insert:Canada{all}insert:Canada{ }insert:Norway{States}insert:Canada{ Parties} to act;']);
    expect(Object.values(r.proposals).map((p) => [p.kind, p.sponsors[0].name, p.text])).toEqual([
      ['insert', 'Canada', 'Calls upon all '],
      ['insert', 'Norway', 'States'],
      ['insert', 'Canada', ' Parties'],
    ]);
  });

  it('makes a new paragraph proposal of a whole inserted PP or OP (the block marked added), an insertion of an inserted note', () => {
    const r = importWord(
      wordDoc([
        para(undefined, run('Recalling its resolution,')),
        para(undefined, run('Noting', { italic: true, change: 0 }), run(' ', { change: 1 }), run('the report,', { change: 2 })),
        para('1.', run('Adopts the Convention;')),
        para('2.', run('Invites States to sign it;', { change: 3 })),
        para(undefined, run('* * *', { change: 4 })),
      ], { changes: [CANADA, CANADA, CANADA, { kind: 'insert', author: 'Norway' }, CANADA] }),
    );
    expect(body(r)).toEqual([
      'preambular: Recalling its resolution,',
      'preambular: i+insert:Canada{Noting}insert:Canada{ the report,}',
      'operative: Adopts the Convention;',
      'operative: insert:Norway{Invites States to sign it;}',
      'note: insert:Canada{* * *}',
    ]);
    const blocks: { added: unknown; id: string }[] = [];
    r.doc.forEach((b) => blocks.push({ added: b.attrs.added, id: String(b.attrs.id) }));
    const ps = Object.values(r.proposals);
    expect(ps.map((p) => [p.kind, p.sponsors[0].name, p.text])).toEqual([
      ['newParagraph', 'Canada', 'Noting the report,'],
      ['newParagraph', 'Norway', 'Invites States to sign it;'],
      ['insert', 'Canada', '* * *'],
    ]);
    expect(blocks[3]).toEqual({ added: ps[0].id, id: ps[0].paragraphId });
    expect(blocks[5]).toEqual({ added: ps[1].id, id: ps[1].paragraphId });
    expect(blocks[6].added ?? null).toBeNull();
  });

  it('takes a footnote reference inside an insertion along with it', () => {
    const r = importWord(wordDoc([para('1.', run('Adopts the Convention'), run(' annexed', { change: 0 }), note(0, 0), run(';'))], { changes: [CANADA], footnotes: ['A/79/460.'] }));
    expect(body(r)).toEqual(['operative: Adopts the Conventioninsert:Canada{ annexed}insert:Canada{^1};', 'footnote 1: A/79/460.']);
  });

  it('warns about a change in a paragraph the import removed as a layout artifact', () => {
    const r = importWord(wordDoc([para(undefined, run('Recalling its resolution,')), para(undefined, run('19-18525 (C)', { change: 0 })), para('1.', run('Decides;'))], { changes: [CANADA] }));
    expect(body(r)).toEqual(['preambular: Recalling its resolution,', 'operative: Decides;']);
    expect(r.proposals).toEqual({});
    expect(r.warnings).toContain('insertion by Canada "19-18525 (C)": its place in the text was not found; kept as text');
  });

  it('leaves the text of every tracked change in the paragraph as it reads before anyone accepts it', () => {
    const r = importWord(wordDoc([para('1.', run('Decides '), run('to act', { change: 0 }), run('to act now', { change: 1 }), run(';'))], { changes: [EU_DELETES, CANADA] }));
    const op = r.doc.child(2);
    expect(blockText(op)).toBe('Decides to actto act now;');
    expect(body(r)).toEqual(['operative: Decides delete:EU{to act}insert:Canada{to act now};']);
  });
});
