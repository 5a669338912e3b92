import type { MarkJSON, NodeJSON, ProposalLike, VersionSnapshot } from '../../src/diff/index.js';

/** Fixture builders: blocks with ids, text with marks, versions. */
export const t = (text: string, ...marks: MarkJSON[]): NodeJSON =>
  marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text };
export const italic: MarkJSON = { type: 'italic' };
export const bold: MarkJSON = { type: 'bold' };
export const br = (id: string, role = 'insert', alt = 0): MarkJSON => ({ type: 'bracket', attrs: { id, role, alt } });
export const struck = (decision: string): MarkJSON => ({ type: 'struck', attrs: { by: 'chair', decision } });

type Inline = NodeJSON | string;
const inl = (xs: Inline[]): NodeJSON[] => xs.filter((x) => x !== '').map((x) => (typeof x === 'string' ? t(x) : x));

export const pp = (id: string, ...content: Inline[]): NodeJSON => ({ type: 'preambular', attrs: { id, added: null }, content: inl(content) });
export const op = (id: string, ...content: Inline[]): NodeJSON => ({ type: 'operative', attrs: { id, added: null, level: 0 }, content: inl(content) });
export const opAdded = (id: string, added: string, ...content: Inline[]): NodeJSON => ({
  type: 'operative',
  attrs: { id, added, level: 0 },
  content: inl(content),
});
export const sub = (id: string, ...content: Inline[]): NodeJSON => ({ type: 'operative', attrs: { id, added: null, level: 1 }, content: inl(content) });

export function version(label: string, blocks: NodeJSON[], extra: Partial<VersionSnapshot> = {}): VersionSnapshot {
  return { label, doc: { type: 'doc', content: blocks }, ...extra };
}

export const proposal = (id: string, sponsors: string[], status: string, paragraphId: string, kind = 'insert'): ProposalLike => ({
  id,
  kind,
  sponsors,
  status,
  paragraphId,
});

export const records = (...ps: ProposalLike[]): Record<string, ProposalLike> => Object.fromEntries(ps.map((p) => [p.id, p]));
