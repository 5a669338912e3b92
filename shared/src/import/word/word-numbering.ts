import { toLetters, toRoman } from '../../label-formats.js';

/** One level of a Word list definition (`w:abstractNum/w:lvl`). */
export interface WordListLevel {
  /** `w:numFmt`: decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none… */
  format: string;
  /** `w:lvlText`: "%1.", "(%2)", "%1.%2". */
  text: string;
  start: number;
}

/** `word/numbering.xml` as plain data. */
export interface WordNumbering {
  /** abstractNumId → levels by ilvl. */
  abstract: Record<string, Record<number, WordListLevel>>;
  /** numId → its abstract list and `w:lvlOverride/w:startOverride` by ilvl. */
  nums: Record<string, { abstractId: string; startOverride: Record<number, number> }>;
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return toLetters(n);
    case 'upperLetter':
      return toLetters(n).toUpperCase();
    case 'lowerRoman':
      return toRoman(n);
    case 'upperRoman':
      return toRoman(n).toUpperCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/**
 * Word's automatic numbering, which the file does not store as text: counters per list
 * (abstractNum, so lists that share a definition continue each other, as Word shows them),
 * a level's counter restarting when a shallower level advances, `startOverride` restarting a
 * w:num the first time it is used. Feed the numbered paragraphs in document order.
 */
export class WordListCounter {
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();

  constructor(private readonly numbering: WordNumbering) {}

  /** The label of the next paragraph of list `numId` at level `ilvl`; null when it shows none (bullets, unknown lists). */
  next(numId: string, ilvl: number): string | null {
    const num = this.numbering.nums[numId];
    const levels = num && this.numbering.abstract[num.abstractId];
    const level = levels?.[ilvl];
    if (!num || !levels || !level) return null;
    const counts = this.counters.get(num.abstractId) ?? [];
    this.counters.set(num.abstractId, counts);
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [l, start] of Object.entries(num.startOverride)) counts[Number(l)] = start - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? (levels[ilvl]?.start ?? 1) - 1) + 1;
    counts.length = ilvl + 1;
    if (level.format === 'bullet') return null;
    return level.text.replace(/%(\d)/g, (_m, d: string) => {
      const l = Number(d) - 1;
      return formatNumber(counts[l] ?? levels[l]?.start ?? 1, levels[l]?.format ?? 'decimal');
    });
  }
}
