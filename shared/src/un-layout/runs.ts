import { openingWordsLength } from './opening-words.js';
import type { LayoutKind, LayoutRun } from './types.js';

const ITALIC_LANGUAGES = new Set(['en', 'fr', 'es']);

/** Whether the language sets opening words and the chapeau in italics (UN Editorial Manual). */
export function italicOpenings(language: string): boolean {
  return ITALIC_LANGUAGES.has(language.slice(0, 2).toLowerCase());
}

/** Runs that are not the paragraph's wording: footnote references, annotations, tracked deletions. */
const aside = (r: LayoutRun) => r.footnote !== undefined || !!r.annotation || r.change?.type === 'del';

/** The characters of the runs' wording. */
function wording(runs: readonly LayoutRun[]): string {
  return runs.map((r) => (aside(r) ? '' : r.text)).join('');
}

/** The first `n` characters of the wording in italics, splitting the run where they end. */
export function italicizeStart(runs: readonly LayoutRun[], n: number): LayoutRun[] {
  const out: LayoutRun[] = [];
  let left = n;
  for (const r of runs) {
    if (left <= 0 || aside(r)) {
      // A deletion inside the opening words is set like them.
      out.push(left > 0 && r.change?.type === 'del' ? { ...r, italic: true } : r);
      continue;
    }
    if (r.text.length <= left) {
      out.push({ ...r, italic: true });
      left -= r.text.length;
    } else {
      out.push({ ...r, text: r.text.slice(0, left), italic: true }, { ...r, text: r.text.slice(left) });
      left = 0;
    }
  }
  return out;
}

/**
 * House style on a paragraph's runs: a PP's opening words and an OP's verb in italics, the
 * chapeau ("The General Assembly,") in italics up to its comma — in English, French and Spanish.
 */
export function houseStyle(runs: LayoutRun[], kind: LayoutKind, level: number, language: string): LayoutRun[] {
  if (!italicOpenings(language)) return runs;
  const text = wording(runs);
  if (kind === 'chapeau') return italicizeStart(runs, text.replace(/[\s,،，]+$/u, '').length);
  if (kind === 'preambular' || (kind === 'operative' && level === 0)) {
    const n = openingWordsLength(text, language, kind);
    return n > 0 ? italicizeStart(runs, n) : runs;
  }
  return runs;
}

/** Joins neighbouring runs that look the same (fewer, longer runs in the file). */
export function mergeRuns(runs: readonly LayoutRun[]): LayoutRun[] {
  const out: LayoutRun[] = [];
  const key = (r: LayoutRun) => JSON.stringify({ ...r, text: '' });
  for (const r of runs) {
    if (r.text === '' && r.footnote === undefined) continue;
    const last = out[out.length - 1];
    if (last && last.footnote === undefined && r.footnote === undefined && key(last) === key(r)) out[out.length - 1] = { ...last, text: last.text + r.text };
    else out.push(r);
  }
  return out;
}
