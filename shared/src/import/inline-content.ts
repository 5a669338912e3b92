import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { schema } from '../schema.js';
import type { MarkerAt } from './footnote-markers.js';

/** A bracket mark over the characters [from, to) of a paragraph's text. */
export interface MarkSpan {
  from: number;
  to: number;
  id: string;
  role: string;
  alt?: number;
}

/** How a paragraph's text becomes inline content: bracket marks, and characters that are not text. */
export interface InlinePlan {
  spans: MarkSpan[];
  /** Characters that are grammar (bracket characters, attributions, keywords, notes), not text. */
  drop: ReadonlySet<number>;
}

/**
 * Turns a paragraph's text into inline nodes following `plan`: each span becomes a bracket mark
 * (spans nest: a mark outside is added first), dropped characters are left out, footnote markers
 * become footnoteRef nodes carrying the marks in force.
 */
export function buildInline(text: string, markers: MarkerAt[] = [], plan: InlinePlan = { spans: [], drop: new Set() }): PMNode[] {
  const markerAt = new Map(markers.map((m) => [m.start, m]));
  const skip = new Set(plan.drop);
  for (const m of markers) for (let i = m.start; i < m.end; i++) skip.add(i);
  const spans = [...plan.spans].sort((a, b) => a.from - b.from || b.to - a.to);
  const marks = spans.map((s) => schema.marks.bracket.create({ id: s.id, role: s.role, alt: s.alt ?? 0 }));
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) cuts.add(s.from).add(s.to);
  for (const m of markers) cuts.add(m.start);
  const bounds = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);

  const nodes: PMNode[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const from = bounds[k];
    const to = bounds[k + 1];
    const set = spans.reduce<readonly Mark[]>((acc, s, i) => (s.from <= from && to <= s.to ? marks[i].addToSet(acc) : acc), []);
    const marker = markerAt.get(from);
    if (marker) nodes.push(schema.nodes.footnoteRef.create({ marker: marker.marker }, null, set));
    let run = '';
    for (let i = from; i < to; i++) if (!skip.has(i)) run += text[i];
    if (run) nodes.push(schema.text(run, set));
  }
  return nodes;
}
