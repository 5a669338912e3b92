import type { Node as PMNode } from '@tiptap/pm/model';
import { latinOrdinalSuffix, toLetters, toRoman } from './label-formats.js';

export { latinOrdinalSuffix, toLetters, toRoman } from './label-formats.js';
export { ensureUniqueIds } from './unique-ids.js';

export interface ParagraphLabel {
  /** As printed before the paragraph: "1", "5 bis", "(a)", "(ii)"; "PP3" for PPs (unprinted); a footnote's marker. */
  label: string;
  /** Unambiguous reference used in lists and the bracket panel: "PP3", "OP5 bis", "OP3(a)(ii)", "fn1". */
  short: string;
}

/**
 * Labels of the numbered blocks, by block id: PP1, PP2…; OPs 1, 2…; sub-paragraphs (a), (b)…
 * restarting in each OP, and (i), (ii)… restarting in each (a). A paragraph with `added` set (new
 * since the last revision) takes the number of the previous counted paragraph of its kind with a
 * Latin suffix, "5 bis", "5 ter", "PP3 bis", "(b) bis", so existing references stay valid; one
 * added before any counted paragraph counts from 0 ("0 bis"). An alternative to a whole paragraph
 * (`altOf`) is "5 alt" and counts nothing. Headings, title and notes have no label.
 */
export function paragraphLabels(doc: PMNode): Map<string, ParagraphLabel> {
  const labels = new Map<string, ParagraphLabel>();
  const pp = new Counter();
  const op = new Counter();
  const sub = new Counter();
  const subsub = new Counter();
  let opShort = 'OP0';
  let subShort = 'OP0';
  const alternatives = new Map<string, number>();
  doc.forEach((block) => {
    const id = block.attrs.id as string | null;
    const added = block.attrs.added != null;
    // An alternative to a whole paragraph takes that paragraph's label: "5 alt", "5 alt 2".
    const altOf = block.attrs.altOf as string | null | undefined;
    const original = altOf ? labels.get(altOf) : undefined;
    if (altOf && original && id) {
      const n = (alternatives.get(altOf) ?? 0) + 1;
      alternatives.set(altOf, n);
      const suffix = n === 1 ? ' alt' : ` alt ${n}`;
      labels.set(id, { label: original.label + suffix, short: original.short + suffix });
      return;
    }
    let label: ParagraphLabel | null = null;
    switch (block.type.name) {
      case 'preambular': {
        const n = pp.next(added);
        label = { label: `PP${n}`, short: `PP${n}` };
        break;
      }
      case 'operative': {
        const level = Number(block.attrs.level ?? 0);
        if (level <= 0) {
          const n = op.next(added);
          sub.reset();
          subsub.reset();
          opShort = `OP${n}`;
          subShort = opShort;
          label = { label: n, short: opShort };
        } else if (level === 1) {
          const n = sub.next(added, toLetters);
          subsub.reset();
          subShort = `${opShort}${bracketed(n)}`;
          label = { label: bracketed(n), short: subShort };
        } else {
          const n = subsub.next(added, toRoman);
          label = { label: bracketed(n), short: `${subShort}${bracketed(n)}` };
        }
        break;
      }
      case 'footnote': {
        const marker = String(block.attrs.marker);
        label = { label: marker, short: `fn${marker}` };
        break;
      }
    }
    if (label && id) labels.set(id, label);
  });
  return labels;
}

/** "b" → "(b)", "b bis" → "(b) bis". */
function bracketed(n: string): string {
  const [base, ...suffix] = n.split(' ');
  return `(${base})${suffix.length ? ' ' + suffix.join(' ') : ''}`;
}

/** Counts paragraphs of one kind; added ones repeat the last number with bis, ter… */
class Counter {
  private n = 0;
  private extra = 1;
  next(added: boolean, format: (n: number) => string = String): string {
    if (!added) {
      this.n++;
      this.extra = 1;
      return format(this.n);
    }
    this.extra++;
    const base = this.n === 0 ? '0' : format(this.n);
    return `${base} ${latinOrdinalSuffix(this.extra)}`;
  }
  reset(): void {
    this.n = 0;
    this.extra = 1;
  }
}
