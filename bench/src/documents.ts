// Documents the benches load: a small draft the typists work in, and a treaty-sized text with a
// long edit history. Both follow Accord's Y.Doc layout (docs/CONTRACTS.md): XmlFragment `body`
// holding one XmlElement per paragraph, each with one XmlText child.
import * as Y from 'yjs';
import * as prng from 'lib0/prng';

const WORDS = (
  'the of and to in a for on by with that as shall be States Parties Convention article paragraph ' +
  'resolution General Assembly Member information criminal offences cooperation measures ' +
  'appropriate including international national law accordance provisions present domestic ' +
  'technical assistance capacity building protection data jurisdiction 回顾 还回顾 注意到 坚信 ' +
  '认识到 强调 重申 关切 公约 缔约国 网络犯罪 国际合作 技术援助 能力建设'
).split(' ');

function sentence(gen: prng.PRNG, minChars: number): string {
  let s = '';
  while (s.length < minChars) s += (s ? ' ' : '') + prng.oneOf(gen, WORDS);
  return s;
}

function paragraph(body: Y.XmlFragment, index: number, name: string, text: string): Y.XmlText {
  const el = new Y.XmlElement(name);
  const t = new Y.XmlText();
  t.insert(0, text);
  el.insert(0, [t]);
  el.setAttribute('id', `p${index.toString(36)}`);
  if (name === 'operative') el.setAttribute('level', '0');
  body.insert(body.length, [el]);
  return t;
}

/** The draft the keystroke bench types into: a title and 30 operative paragraphs. */
export function seedDraftUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 4242;
  const gen = prng.create(42);
  const body = doc.getXmlFragment('body');
  doc.transact(() => {
    paragraph(body, 0, 'title', 'Countering the use of information and communications technologies for criminal purposes');
    for (let i = 1; i <= 30; i++) paragraph(body, i, 'operative', sentence(gen, 300));
  });
  return Y.encodeStateAsUpdate(doc);
}

export interface TreatyOptions {
  paragraphs: number;
  edits: number;
  authors: number;
  seed: number;
}

export const DEFAULT_TREATY: TreatyOptions = { paragraphs: 1200, edits: 100_000, authors: 24, seed: 7 };

/**
 * A treaty-sized text built the way negotiators build one: many authors making many small edits
 * (90 % insertions of a few words, 10 % deletions) at random places, one transaction each.
 */
export function generateTreatyDoc(opts: TreatyOptions = DEFAULT_TREATY): Y.Doc {
  const doc = new Y.Doc();
  const gen = prng.create(opts.seed);
  const body = doc.getXmlFragment('body');
  const texts: Y.XmlText[] = [];
  doc.clientID = 1000;
  doc.transact(() => {
    for (let i = 0; i < opts.paragraphs; i++) {
      texts.push(paragraph(body, i, i === 0 ? 'title' : i < opts.paragraphs / 5 ? 'preambular' : 'operative', sentence(gen, 40)));
    }
  });
  for (let e = 0; e < opts.edits; e++) {
    doc.clientID = 1001 + prng.uint32(gen, 0, opts.authors - 1);
    const t = texts[prng.uint32(gen, 0, texts.length - 1)];
    const len = t.length;
    doc.transact(() => {
      if (prng.int32(gen, 0, 9) === 0 && len > 20) {
        const at = prng.uint32(gen, 0, len - 6);
        t.delete(at, prng.uint32(gen, 1, 5));
      } else {
        t.insert(prng.uint32(gen, 0, len), ' ' + sentence(gen, 7));
      }
    });
  }
  return doc;
}

export function docCharacters(doc: Y.Doc): number {
  let n = 0;
  for (const el of doc.getXmlFragment('body').toArray()) {
    if (el instanceof Y.XmlElement) for (const c of el.toArray()) if (c instanceof Y.XmlText) n += c.length;
  }
  return n;
}
