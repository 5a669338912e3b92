import { OBJECT_CHAR } from '../diff/paragraphs.js';
import type { Comparison, MarkJSON, ParagraphComparison, TextOp } from '../diff/types.js';
import type { TextMeta } from '../schema.js';
import type { Attribution, ChangedText } from './attribute-changes.js';
import { layoutKinds } from './paragraph-kinds.js';
import { layoutFrame, layoutParagraph } from './un-layout.js';
import { mergeRuns } from './runs.js';
import type { LayoutFootnote, LayoutParagraph, LayoutRun, RunChange, UnLayout } from './types.js';

export interface TrackedInput {
  /** The later version's meta (symbol, language, revision label). */
  meta: TextMeta;
  /** The later version's date (ms). */
  at: number;
  /** Printed labels ("1", "5 bis", "(a)", a footnote's marker) by paragraph id, of each version. */
  labelsA: ReadonlyMap<string, string>;
  labelsB: ReadonlyMap<string, string>;
  /** Who made an inserted or deleted piece (attribute-changes.ts). */
  author: (paragraphId: string, change: ChangedText) => Attribution;
}

const has = (marks: MarkJSON[] | undefined, type: string) => (marks ?? []).some((m) => m.type === type);
const bracketIds = (marks: MarkJSON[] | undefined) => (marks ?? []).filter((m) => m.type === 'bracket').map((m) => String(m.attrs?.id ?? ''));

/**
 * A paragraph's compare ops as runs: equal text plain, inserted and deleted text as tracked
 * changes, brackets written [ ] around bracketed text, footnote references as references. Text
 * struck in the later version is removed text: shown only as a deletion.
 */
function opRuns(p: ParagraphComparison, input: TrackedInput): LayoutRun[] {
  const runs: LayoutRun[] = [];
  // Open brackets, innermost last, each closed as part of the change that opened it.
  const open: { id: string; change?: RunChange }[] = [];
  const sign = (text: string, change: RunChange | undefined): LayoutRun => ({ text, ...(change && { change }) });
  for (const op of p.ops) {
    const marks = op.op === 'format' ? op.to : op.marks;
    if (op.op !== 'delete' && has(marks, 'struck') && !(op.op === 'insert' && op.struck)) continue;
    let change: RunChange | undefined;
    if (op.op === 'insert' || op.op === 'delete') {
      const who = input.author(p.id, op);
      change = { type: op.op === 'insert' ? 'ins' : 'del', author: who.author, date: who.date };
    }
    const ids = bracketIds(marks);
    while (open.length && !ids.includes(open[open.length - 1].id)) runs.push(sign(']', open.pop()!.change));
    for (const id of ids) if (!open.some((o) => o.id === id)) {
      open.push({ id, change });
      runs.push(sign('[', change));
    }
    const style = { ...(has(marks, 'italic') && { italic: true }), ...(has(marks, 'bold') && { bold: true }), ...(change && { change }) };
    const ref = (marks ?? []).find((m) => m.type === 'footnoteRef');
    op.text.split(OBJECT_CHAR).forEach((piece, i) => {
      if (i > 0 && ref && op.op !== 'delete') runs.push({ text: '', footnote: String(ref.attrs?.marker ?? ''), ...(change && { change }) });
      if (piece) runs.push({ text: piece, ...style });
    });
  }
  while (open.length) runs.push(sign(']', open.pop()!.change));
  return runs;
}

const wordingOf = (ops: TextOp[]) => ops.filter((o) => o.op !== 'delete').map((o) => o.text).join('');

/**
 * The later version of a comparison laid out as a UN document whose differences from the earlier
 * one are tracked changes (Word `w:ins`/`w:del`), each attributed (attribute-changes.ts). A
 * paragraph added or deleted whole is marked so, paragraph mark included.
 */
export function trackedLayout(c: Comparison, input: TrackedInput): UnLayout {
  const frame = layoutFrame(input.meta, input.at);
  const entries = c.paragraphs.map((p) => {
    const side = (p.b ?? p.a)!;
    const [type, levelOrStyle] = side.kind.split(':');
    return { p, type, level: type === 'operative' ? Number(levelOrStyle) || 0 : 0, style: type === 'note' ? (levelOrStyle ?? 'body') : undefined };
  });
  const kinds = layoutKinds(entries.map((e) => ({ type: e.type, style: e.style, text: wordingOf(e.p.ops) })));
  const paragraphs: LayoutParagraph[] = [];
  const footnotes: LayoutFootnote[] = [];
  entries.forEach((e, i) => {
    const runs = opRuns(e.p, input);
    if (e.type === 'footnote') {
      if (e.p.b) footnotes.push({ marker: input.labelsB.get(e.p.id) ?? e.p.b.kind.split(':')[1] ?? '', runs: mergeRuns(runs) });
      return;
    }
    const label = e.p.b ? input.labelsB.get(e.p.id) : input.labelsA.get(e.p.id);
    const laid = layoutParagraph(e.p.id, kinds[i], e.level, label, runs, frame.language);
    const whole = e.p.status === 'added' ? 'ins' : e.p.status === 'deleted' ? 'del' : null;
    const first = runs.find((r) => r.change)?.change;
    if (whole && first) laid.change = { ...first, type: whole };
    paragraphs.push(laid);
  });
  return { ...frame, paragraphs, footnotes };
}
