import { alignParagraphs } from './align.js';
import { summarizeBrackets } from './bracket-summary.js';
import { buildConcordance } from './concordance.js';
import { editorLabel } from './labels.js';
import { matchUnpaired } from './match.js';
import type { Paragraph } from './paragraphs.js';
import { prepareVersion, type PreparedVersion } from './version.js';
import { diffParagraphText, wholeParagraphOps } from './text-diff.js';
import type {
  CompareOptions,
  Comparison,
  ComparisonStats,
  ParagraphComparison,
  ParagraphSide,
  VersionSnapshot,
} from './types.js';

function side(v: PreparedVersion, p: Paragraph): ParagraphSide {
  return { id: p.id, kind: p.kind, index: p.index, label: v.labels.get(p.key) ?? '' };
}

/**
 * Compare two versions of a text: paragraphs aligned by stable id (moves found by LCS on the id
 * sequence), a word-level diff of each changed paragraph, the bracket summary and the
 * concordance. Identical paragraphs are recognised by string equality and never tokenised.
 */
export function compareVersions(a: VersionSnapshot, b: VersionSnapshot, options: CompareOptions = {}): Comparison {
  const va = prepareVersion(a);
  const vb = prepareVersion(b);
  const locale = options.locale ?? b.language ?? a.language ?? 'en';
  const opts = {
    locale,
    ignoreFormatting: options.ignoreFormatting ?? false,
    ignoreWhitespace: options.ignoreWhitespace ?? false,
  };
  // Renumbering records keep printed labels ("5 bis" → "6"); shown as the editor does ("OP5 bis").
  const byId = new Map(vb.paragraphs.map((p) => [p.id, p.type]));
  const renumbered = new Map(
    (b.renumbering ?? []).map((r) => {
      const type = byId.get(r.paragraphId) ?? '';
      return [r.paragraphId, { from: editorLabel(r.from, type), to: editorLabel(r.to, type) }];
    }),
  );

  const pA = new Map<ParagraphComparison, Paragraph>();
  const pB = new Map<ParagraphComparison, Paragraph>();
  const entries: ParagraphComparison[] = [];
  for (const pair of alignParagraphs(va.paragraphs, vb.paragraphs)) {
    const pa = pair.ai !== undefined ? va.paragraphs[pair.ai] : undefined;
    const pb = pair.bi !== undefined ? vb.paragraphs[pair.bi] : undefined;
    let e: ParagraphComparison;
    if (pa && pb) {
      const kindChanged = pa.kind !== pb.kind;
      e = {
        id: pb.id,
        status: 'same',
        a: side(va, pa),
        b: side(vb, pb),
        ops: [],
        textChanged: false,
        formatOnly: false,
        whitespaceOnly: false,
        kindChanged,
      };
      if (pa.text === pb.text && (pa.formatKey === pb.formatKey || (opts.ignoreFormatting && pa.struckKey === pb.struckKey))) {
        e.ops = wholeParagraphOps(pb, 'equal');
      } else {
        const d = diffParagraphText(pa, pb, opts);
        e.ops = d.ops;
        e.textChanged = d.textChanged;
        e.formatOnly = d.formatOnly;
        e.whitespaceOnly = d.whitespaceOnly;
      }
      if (pair.moved) e.status = 'moved';
      else if (e.textChanged || e.formatOnly || kindChanged) e.status = 'changed';
      const r = renumbered.get(pb.id);
      e.labelFrom = r?.from ?? e.a!.label;
      e.labelTo = r?.to ?? e.b!.label;
    } else if (pb) {
      e = {
        id: pb.id,
        status: 'added',
        b: side(vb, pb),
        ops: wholeParagraphOps(pb, 'insert'),
        textChanged: true,
        formatOnly: false,
        whitespaceOnly: false,
        kindChanged: false,
        labelTo: renumbered.get(pb.id)?.to ?? side(vb, pb).label,
      };
    } else {
      e = {
        id: pa!.id,
        status: 'deleted',
        a: side(va, pa!),
        ops: wholeParagraphOps(pa!, 'delete'),
        textChanged: true,
        formatOnly: false,
        whitespaceOnly: false,
        kindChanged: false,
        labelFrom: side(va, pa!).label,
      };
    }
    if (pa) pA.set(e, pa);
    if (pb) pB.set(e, pb);
    entries.push(e);
  }

  for (const [del, add] of matchUnpaired({ entries, sideA: (e) => pA.get(e), sideB: (e) => pB.get(e), locale })) {
    del.mergedInto = add.id;
    add.replaces = del.id;
    add.ops = diffParagraphText(pA.get(del)!, pB.get(add)!, opts).ops;
  }

  const stats: ComparisonStats = {
    same: 0,
    changed: 0,
    added: 0,
    deleted: 0,
    moved: 0,
    formatOnly: 0,
    whitespaceOnly: 0,
    insertedChars: 0,
    deletedChars: 0,
  };
  for (const e of entries) {
    stats[e.status]++;
    if (e.formatOnly) stats.formatOnly++;
    if (e.whitespaceOnly) stats.whitespaceOnly++;
    if (e.status === 'same') continue;
    for (const o of e.ops) {
      if (o.op === 'insert') stats.insertedChars += o.text.length;
      else if (o.op === 'delete' && !(e.replaces && e.status === 'added')) stats.deletedChars += o.text.length;
    }
  }

  const brackets = summarizeBrackets({ a: va, b: vb, entries });
  const comparison: Comparison = {
    from: { label: a.label, language: a.language },
    to: { label: b.label, language: b.language },
    locale,
    options: { ignoreFormatting: opts.ignoreFormatting, ignoreWhitespace: opts.ignoreWhitespace },
    paragraphs: entries,
    stats,
    brackets,
    concordance: buildConcordance(entries, brackets),
  };
  return comparison;
}
