import { Transform } from '@tiptap/pm/transform';
import { blockText } from '../../brackets/doc.js';
import type { Proposal, Sponsor } from '../../brackets/types.js';
import { FOOTNOTE_RULE } from '../../export-text.js';
import { newId } from '../../ids.js';
import { schema } from '../../schema.js';
import { importPlainText, type ImportResult } from '../import-plain-text.js';
import type { WordDocument, WordInline, WordRun } from './word-document.js';

export interface WordImportResult extends ImportResult {
  /** Proposals made from the file's tracked changes, by id (pending brackets of the text are added by the caller). */
  proposals: Record<string, Proposal>;
}

/** A formatting span of one source line, to be found again in the block made from that line. */
interface Span {
  line: number;
  from: number;
  text: string;
  what: { kind: 'italic' } | { kind: 'insert' | 'delete'; author: string; change: number } | { kind: 'note'; marker: string };
}

const isRun = (i: WordInline): i is WordRun => 'text' in i;
/** Longest text before a footnote reference used to find its place again. */
const CONTEXT = 24;
/** A table whose cells are all this short and have no sentence punctuation is a list of names (sponsors). */
const NAME_MAX = 60;

/**
 * A Word document as an Accord document. Word's paragraphs become the lines of a plain text
 * (automatic numbers written as labels, footnotes after a rule, tables as lines), which the plain
 * text importer reads with everything it recognises; then what plain text cannot carry is put
 * back on the blocks made from those lines: italics, footnote markers at their exact place, and
 * tracked changes as proposals by their authors (an insertion → an insertion proposal, or a new
 * paragraph proposal when it is the whole paragraph; a deletion → a deletion proposal). A change
 * or span that cannot be placed stays as text and is listed as a warning.
 */
export function importWord(word: WordDocument): WordImportResult {
  const warnings = [...word.warnings];
  const lines: string[] = [];
  const spans: Span[] = [];
  const markerOf = new Map<number, string>();
  const push = (line: string) => {
    if (lines.length) lines.push('');
    lines.push(line);
    return lines.length - 1;
  };

  for (const block of word.blocks) {
    if (block.kind === 'table') {
      const cells = block.rows.flat().map((c) => c.trim()).filter(Boolean);
      if (!cells.length) continue;
      if (cells.every((c) => c.length <= NAME_MAX && !/[.;:。；：]$/.test(c))) {
        push(cells.join(', '));
        warnings.push(`a table of ${cells.length} names (sponsors?) was kept as one line of text: ${cells.join(', ')} — Accord keeps no sponsor list`);
      } else {
        for (const row of block.rows) push(row.map((c) => c.trim()).filter(Boolean).join(' '));
        warnings.push(`a table of ${block.rows.length} row(s) was kept as text, one paragraph per row`);
      }
      continue;
    }
    let text = block.label ? `${block.label} ` : '';
    const pending: Omit<Span, 'line'>[] = [];
    let lastRefEnd = text.length;
    for (const item of block.inline) {
      if (!isRun(item)) {
        const marker = markerOf.get(item.note) ?? String(markerOf.size + 1);
        markerOf.set(item.note, marker);
        const context = text.slice(Math.max(lastRefEnd, text.length - CONTEXT));
        pending.push({ from: text.length - context.length, text: context, what: { kind: 'note', marker } });
        lastRefEnd = text.length;
        continue;
      }
      const run = item.text.replace(/[\n\r\t]+/g, ' ');
      if (!run) continue;
      if (run.trim()) {
        if (item.italic) pending.push({ from: text.length, text: run, what: { kind: 'italic' } });
        if (item.change !== undefined) {
          const c = word.changes[item.change];
          const prev = pending[pending.length - (item.italic ? 2 : 1)];
          // Runs of one change that follow each other are one span.
          if (prev && prev.what.kind === c.kind && 'change' in prev.what && prev.what.change === item.change && prev.from + prev.text.length === text.length) {
            prev.text += run;
          } else pending.push({ from: text.length, text: run, what: { kind: c.kind, author: c.author, change: item.change } });
        }
      }
      text += run;
    }
    const line = push(text);
    for (const s of pending) spans.push({ ...s, line });
  }

  const notes = [...markerOf.entries()].sort((a, b) => Number(a[1]) - Number(b[1]));
  if (notes.length) {
    push(FOOTNOTE_RULE);
    for (const [note, marker] of notes) push(`${marker} ${(word.footnotes[note] ?? '').replace(/\s+/g, ' ').trim()}`);
  }
  word.footnotes.forEach((_t, i) => {
    if (!markerOf.has(i)) warnings.push(`footnote ${i + 1} of the file is never referred to in the text: left out`);
  });

  const result = importPlainText(lines.join('\n') + '\n');
  // Footnote markers are placed below (after any character, not only punctuation as in plain text).
  const placedByUs = new Set(notes.map(([, m]) => `footnote ${m}: its marker was not found in the text`));
  warnings.push(...result.warnings.filter((w) => !placedByUs.has(w)));
  const { doc, proposals } = applySpans(result, spans, lines, warnings);
  return { ...result, doc, warnings, proposals };
}

function applySpans(result: ImportResult, spans: Span[], lines: string[], warnings: string[]) {
  const blockOfLine = new Map<number, number>();
  result.blockLines.forEach((ls, b) => ls.forEach((l) => blockOfLine.set(l, b)));
  const starts: number[] = [];
  result.doc.forEach((_n, offset) => starts.push(offset));
  const tr = new Transform(result.doc);
  const proposals: Record<string, Proposal> = {};
  const now = Date.now();
  const ids = new Map<number, string>();

  for (const span of spans) {
    const b = blockOfLine.get(span.line);
    const block = b === undefined ? null : result.doc.child(b);
    const at = block ? locate(blockText(block), lines[span.line], span) : null;
    const describe = span.what.kind === 'note' ? `footnote ${span.what.marker}` : span.what.kind === 'italic' ? null : `${span.what.kind === 'insert' ? 'insertion' : 'deletion'} by ${span.what.author} "${span.text.trim()}"`;
    if (!block || at === null) {
      if (describe) warnings.push(`${describe}: its place in the text was not found; ${span.what.kind === 'delete' ? 'the deleted text is kept' : 'kept as text'}`);
      continue;
    }
    const pos = tr.mapping.map(starts[b!] + 1 + at);
    switch (span.what.kind) {
      case 'italic':
        tr.addMark(pos, pos + span.text.length, schema.marks.italic.create());
        break;
      case 'note':
        tr.insert(tr.mapping.map(starts[b!] + 1 + at + span.text.length), schema.nodes.footnoteRef.create({ marker: span.what.marker }));
        break;
      default: {
        const { kind, author, change } = span.what;
        const sponsor: Sponsor = { name: author };
        const id = ids.get(change) ?? newId('b');
        const whole = kind === 'insert' && span.text.trim() === blockText(block!).trim() && (block!.type.name === 'preambular' || block!.type.name === 'operative');
        tr.addMark(pos, pos + span.text.length, schema.marks.bracket.create({ id, role: kind }));
        if (whole) tr.setNodeMarkup(tr.mapping.map(starts[b!]), undefined, { ...block!.attrs, added: id });
        const existing = proposals[id];
        if (existing) {
          if (kind === 'insert') existing.text += span.text;
          else existing.anchorText += span.text;
          break;
        }
        ids.set(change, id);
        proposals[id] = {
          id,
          kind: whole ? 'newParagraph' : kind,
          paragraphId: String(block!.attrs.id),
          sponsors: [sponsor],
          supporters: [],
          opposers: [],
          status: 'open',
          ...(kind === 'insert' ? { text: span.text } : { anchorText: span.text }),
          explanation: `Tracked change in the Word file by ${author}`,
          createdAt: now,
          updatedAt: now,
        };
      }
    }
  }
  return { doc: tr.doc, proposals };
}

/**
 * Where `span.text` is in the block's text: of its occurrences, the one nearest to where it was in
 * the source line, allowing for what the import took off the line's start (a label).
 */
function locate(blockTextValue: string, line: string, span: Span): number | null {
  const shift = Math.max(0, line.length - blockTextValue.length);
  const nearest = (text: string, from: number): number | null => {
    const expected = Math.max(0, from - shift);
    let best: number | null = null;
    for (let i = blockTextValue.indexOf(text); i >= 0; i = blockTextValue.indexOf(text, i + 1)) {
      if (best === null || Math.abs(i - expected) < Math.abs(best - expected)) best = i;
    }
    return best;
  };
  if (span.what.kind !== 'note') return span.text ? nearest(span.text, span.from) : null;
  // A footnote marker goes after the text before it; a shorter context when the longer one was
  // changed by the import (a bracket or a label taken off). Returns where that context starts.
  const trimmed = span.text.trimEnd();
  if (!trimmed) return 0;
  for (let n = trimmed.length; n >= Math.min(3, trimmed.length); n--) {
    const at = nearest(trimmed.slice(trimmed.length - n), span.from + trimmed.length - n);
    if (at !== null) return at - (span.text.length - n);
  }
  return null;
}
