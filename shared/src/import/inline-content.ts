import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { newId } from '../ids.js';
import { schema } from '../schema.js';
import type { MarkerAt } from './footnote-markers.js';

export interface InlineResult {
  nodes: PMNode[];
  brackets: number;
  /** Brackets left as literal characters: unmatched or empty. */
  literalBrackets: number;
}

/**
 * Turns a paragraph's text into inline nodes. Every matched, non-empty `[…]` becomes a `pending`
 * bracket mark with a fresh id (the mark stands for the two characters, which are not kept as
 * text); brackets nest. An unmatched or empty bracket stays a literal character, so nothing is
 * lost. Footnote markers become footnoteRef nodes.
 */
export function buildInline(text: string, markers: MarkerAt[] = []): InlineResult {
  const markerAt = new Map(markers.map((m) => [m.start, m]));
  const skip = new Set<number>();
  for (const m of markers) for (let i = m.start; i < m.end; i++) skip.add(i);

  // Match brackets with a stack; remember each pair by its two positions.
  const opens = new Map<number, Mark>();
  const closes = new Set<number>();
  const stack: number[] = [];
  let literalBrackets = 0;
  for (let i = 0; i < text.length; i++) {
    if (skip.has(i)) continue;
    if (text[i] === '[') stack.push(i);
    else if (text[i] === ']') {
      const open = stack.pop();
      if (open === undefined) literalBrackets++;
      else if (i - open === 1) literalBrackets += 2;
      else {
        opens.set(open, schema.marks.bracket.create({ id: newId('b'), role: 'pending' }));
        closes.add(i);
      }
    }
  }
  literalBrackets += stack.length;

  const nodes: PMNode[] = [];
  // Matched pairs are properly nested, so the marks in force form a stack.
  const active: Mark[] = [];
  let run = '';
  const marks = () => active.reduce<readonly Mark[]>((set, mark) => mark.addToSet(set), []);
  const flush = () => {
    if (run) nodes.push(schema.text(run, marks()));
    run = '';
  };
  for (let i = 0; i < text.length; i++) {
    const marker = markerAt.get(i);
    if (marker) {
      flush();
      nodes.push(schema.nodes.footnoteRef.create({ marker: marker.marker }, null, marks()));
    }
    if (skip.has(i)) continue;
    const open = opens.get(i);
    if (open) {
      flush();
      active.push(open);
      continue;
    }
    if (closes.has(i)) {
      flush();
      active.pop();
      continue;
    }
    run += text[i];
  }
  flush();
  return { nodes, brackets: opens.size, literalBrackets };
}
