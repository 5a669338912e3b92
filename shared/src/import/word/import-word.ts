import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { blockText } from '../../brackets/doc.js';
import type { Proposal } from '../../brackets/types.js';
import { newId } from '../../ids.js';
import { schema } from '../../schema.js';
import { importPlainText, type ImportResult } from '../import-plain-text.js';
import { buildInline } from '../inline-content.js';
import { matchBrackets } from '../match-brackets.js';
import { alignOffsets, alignPoint } from './align-offsets.js';
import type { WordChange, WordDocument } from './word-document.js';

/** `removed`, `footnoteLines` and `blockLines` are about the plain text made from the file; the footnotes, made here, have no lines. */
export interface WordImportResult extends ImportResult {
  /** Proposals made from the file's tracked changes, by id (pending brackets of the text are added by the caller). */
  proposals: Record<string, Proposal>;
}

/** What a Word paragraph's characters carry that plain text cannot, by offset in its line. */
interface LineFormat {
  italic: boolean[];
  /** The tracked change (index in `WordDocument.changes`) each character belongs to. */
  change: (number | undefined)[];
  notes: { at: number; marker: string; change?: number }[];
}

/** A table whose cells are all this short and have no sentence punctuation is a list of names (sponsors). */
const NAME_MAX = 60;
/** What would break a line of the plain text (source-lines.ts LINE_BREAK), and tabs: a space in a Word paragraph. */
const BREAKS = /[\n\r\t\f\v\u2028\u2029]+/g;

/**
 * A Word document as an Accord document. Word's paragraphs become the lines of a plain text
 * (automatic numbers written as labels, tables as lines), which the plain text importer reads
 * with everything it recognises; then what plain text cannot carry is put back on the blocks
 * made from those lines, character by character (align-offsets.ts maps each line's characters
 * to the block's): italics, footnote markers at their exact place, and tracked changes as
 * proposals by their authors (an insertion → an insertion proposal, or a new paragraph proposal
 * when it is the whole paragraph; a deletion → a deletion proposal). Footnotes are made here,
 * not by the plain text importer, which would look for their markers in the text and could take
 * a real digit ("art.1 of") for one. A change that cannot be placed stays as text and is listed
 * as a warning.
 */
export function importWord(word: WordDocument): WordImportResult {
  const warnings = [...word.warnings];
  const lines: string[] = [];
  const formats = new Map<number, LineFormat>();
  const markerOf = new Map<number, string>();
  const push = (line: string) => {
    if (lines.length) lines.push('');
    lines.push(line);
    return lines.length - 1;
  };

  for (const block of word.blocks) {
    if (block.kind === 'table') {
      const rows = block.rows.map((row) => row.map((c) => c.replace(BREAKS, ' ').trim()).filter(Boolean));
      const cells = rows.flat();
      if (!cells.length) continue;
      if (cells.every((c) => c.length <= NAME_MAX && !/[.;:。；：]$/.test(c))) {
        push(cells.join(', '));
        warnings.push(`a table of ${cells.length} names (sponsors?) was kept as one line of text: ${cells.join(', ')} — Accord keeps no sponsor list`);
      } else {
        for (const row of rows) push(row.join(' '));
        warnings.push(`a table of ${block.rows.length} row(s) was kept as text, one paragraph per row`);
      }
      continue;
    }
    let text = block.label ? `${block.label} ` : '';
    const f: LineFormat = { italic: Array<boolean>(text.length).fill(false), change: Array<number | undefined>(text.length).fill(undefined), notes: [] };
    // Word often writes one w:ins/w:del per run: runs next to each other changed the same way by
    // the same author are one change (one proposal), as Word's own review pane shows them.
    let previous: number | undefined;
    const join = (change: number | undefined) =>
      change !== undefined && previous !== undefined && sameChange(word.changes[change], word.changes[previous]) ? previous : change;
    for (const item of block.inline) {
      if (!('text' in item)) {
        const marker = markerOf.get(item.note) ?? String(markerOf.size + 1);
        markerOf.set(item.note, marker);
        f.notes.push({ at: text.length, marker, change: join(item.change) });
        continue;
      }
      const run = item.text.replace(BREAKS, ' ');
      if (!run) continue;
      const change = join(item.change);
      previous = change;
      text += run;
      for (let i = 0; i < run.length; i++) {
        f.italic.push(item.italic === true);
        f.change.push(change);
      }
    }
    // Indentation typed with tabs or spaces is Word's layout; the plain text import would read
    // indented lines as a PDF extraction's paragraph starts and join the others to them.
    const lead = text.length - text.trimStart().length;
    f.italic.splice(0, lead);
    f.change.splice(0, lead);
    for (const n of f.notes) n.at = Math.max(0, n.at - lead);
    formats.set(push(text.slice(lead)), f);
  }
  word.footnotes.forEach((_t, i) => {
    if (!markerOf.has(i)) warnings.push(`footnote ${i + 1} of the file is never referred to in the text: left out`);
  });

  const result = importPlainText(lines.join('\n') + '\n');
  warnings.push(...result.warnings);
  const footnotes = [...markerOf.entries()]
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map(([note, marker]) => {
      const text = (word.footnotes[note] ?? '').replace(/\s+/g, ' ').trim();
      // A footnote's brackets stay pending brackets: the compilation grammar reads paragraphs only.
      const matched = matchBrackets(text);
      if (matched.literal) warnings.push(`footnote ${marker}: ${matched.literal} unmatched or empty bracket character(s) kept as plain text`);
      const spans = matched.pairs.map((b) => ({ from: b.open + 1, to: b.close, id: newId('b'), role: 'pending' }));
      return schema.node('footnote', { id: newId(), marker }, buildInline(text, [], { spans, drop: new Set(matched.pairs.flatMap((b) => [b.open, b.close])) }));
    });
  const body = schema.node('doc', null, [...(result.doc.content.content as PMNode[]), ...footnotes]);
  const { doc, proposals } = applyFormats(body, result.blockLines, lines, formats, word.changes, warnings);
  // The compilation grammar's records (sponsors written in the text) and the tracked changes' records.
  return { ...result, doc, warnings, proposals: { ...result.proposals, ...proposals } };
}

const sameChange = (a: WordChange | undefined, b: WordChange | undefined) => !!a && !!b && a.kind === b.kind && a.author === b.author;

/** Runs of equal values other than `skip` in `values`, as [from, to, value]. */
function runs<T extends number | boolean>(values: ArrayLike<T>, skip: T): [number, number, T][] {
  const out: [number, number, T][] = [];
  for (let i = 0; i < values.length; ) {
    let j = i + 1;
    while (j < values.length && values[j] === values[i]) j++;
    if (values[i] !== skip) out.push([i, j, values[i]]);
    i = j;
  }
  return out;
}

function applyFormats(doc: PMNode, blockLines: number[][], lines: string[], formats: Map<number, LineFormat>, changes: WordChange[], warnings: string[]) {
  const starts: number[] = [];
  doc.forEach((_n, offset) => starts.push(offset + 1));
  const tr = new Transform(doc);
  const ranges = new Map<number, { block: number; from: number; to: number }[]>();
  const notes: { pos: number; marker: string; change?: number }[] = [];
  const placedLines = new Set<number>();

  blockLines.forEach((ls, b) => {
    const text = blockText(doc.child(b));
    let source = '';
    const lineAt = ls.map((l, k) => {
      if (k) source += '\n';
      source += lines[l];
      return source.length - lines[l].length;
    });
    const to = alignOffsets(source, text);
    const italic = new Array<boolean>(text.length).fill(false);
    const change = new Array<number>(text.length).fill(-1);
    ls.forEach((l, k) => {
      const f = formats.get(l);
      if (!f) return;
      placedLines.add(l);
      f.italic.forEach((it, i) => {
        const t = to[lineAt[k] + i];
        if (t < 0) return;
        italic[t] = it;
        change[t] = f.change[i] ?? -1;
      });
      for (const n of f.notes) notes.push({ pos: starts[b] + alignPoint(to, lineAt[k] + n.at), marker: n.marker, change: n.change });
    });
    for (const [from, end] of runs(italic, false)) tr.addMark(starts[b] + from, starts[b] + end, schema.marks.italic.create());
    for (const [from, end, c] of runs(change, -1)) ranges.set(c, [...(ranges.get(c) ?? []), { block: b, from, to: end }]);
  });

  // What could not be placed: a line the plain text import removed (a page number, a running
  // header), or a change whose every character the import took off.
  const unplaced = new Map<number, string>();
  for (const [l, f] of formats) {
    f.change.forEach((c, i) => {
      if (c !== undefined && !ranges.has(c)) unplaced.set(c, (unplaced.get(c) ?? '') + lines[l][i]);
    });
    if (!placedLines.has(l)) for (const n of f.notes) warnings.push(`footnote ${n.marker}: its place in the text was not found`);
  }
  for (const [c, text] of unplaced) {
    const { kind, author } = changes[c];
    if (text.trim()) warnings.push(`${kind === 'insert' ? 'insertion' : 'deletion'} by ${author} "${text.trim()}": its place in the text was not found; ${kind === 'delete' ? 'the deleted text is kept' : 'kept as text'}`);
  }

  const proposals: Record<string, Proposal> = {};
  const marks = new Map<number, Mark>();
  const now = Date.now();
  for (const [c, rs] of ranges) {
    const { kind, author } = changes[c];
    const id = newId('b');
    const mark = schema.marks.bracket.create({ id, role: kind });
    marks.set(c, mark);
    const first = doc.child(rs[0].block);
    const text = rs.map((r) => blockText(doc.child(r.block)).slice(r.from, r.to)).join('');
    for (const r of rs) tr.addMark(starts[r.block] + r.from, starts[r.block] + r.to, mark);
    const rest = rs.reduceRight((t, r) => t.slice(0, r.from) + t.slice(r.to), blockText(first));
    const whole = kind === 'insert' && !rest.trim() && rs.every((r) => r.block === rs[0].block) && (first.type.name === 'preambular' || first.type.name === 'operative');
    if (whole) tr.setNodeMarkup(starts[rs[0].block] - 1, undefined, { ...first.attrs, added: id });
    proposals[id] = {
      id,
      kind: whole ? 'newParagraph' : kind,
      paragraphId: String(first.attrs.id),
      sponsors: [{ name: author }],
      supporters: [],
      opposers: [],
      status: 'open',
      ...(kind === 'insert' ? { text } : { anchorText: text }),
      explanation: `Tracked change in the Word file by ${author}`,
      createdAt: now,
      updatedAt: now,
    };
  }
  // A footnote reference inside a tracked change goes with it (a rejected insertion takes it along).
  for (const n of notes) {
    const mark = n.change === undefined ? undefined : marks.get(n.change);
    tr.insert(tr.mapping.map(n.pos), schema.nodes.footnoteRef.create({ marker: n.marker }, null, mark ? [mark] : []));
  }
  return { doc: tr.doc, proposals };
}
