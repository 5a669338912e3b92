import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { positionWording, type PositionWord } from './brackets/rulebook.js';
import type { BracketState, Proposal, Sponsor } from './brackets/types.js';
import { sponsorLabel } from './brackets/labels.js';
import { layOutBlocks } from './export-text.js';
import { outWords, type OutWords } from './import/compilation/keywords.js';
import { inlineTokens } from './render-inline.js';
import type { TextMeta } from './schema.js';

/**
 * The text as a compilation text (PRODUCT.md, "Compilation-text grammar"), the grammar
 * importPlainText reads, in the text's language: the revision label as a header line; every open
 * bracket in place with its sponsors in front (`[EU, Norway: text]`, `[Alt 2 - EU: text]`) and the
 * positions on it in a bracket after it (`[Japan retain; US delete]`); proposed paragraphs with
 * their labels ("5 bis.", "5 alt.", "PP3 bis"); a paragraph deletion as `[US: delete]` at the end
 * of its paragraph; statuses as notes ("(agreed ad ref)"). Decided proposals' text is plain text,
 * struck text is omitted. A deletion or reservation of existing text is written as its bracket and
 * the positions on it (the grammar has no word for who bracketed it).
 * importPlainText(exportCompilationText(x)) gives the same proposals, sponsors, positions,
 * statuses and labels back (round-trip property test).
 */
export function exportCompilationText(state: Pick<BracketState, 'doc' | 'proposals' | 'paragraphs'>, meta: Pick<TextMeta, 'language' | 'revisionLabel'>): string {
  const words = outWords(meta.language);
  const deletions = new Map<string, Proposal[]>();
  for (const p of Object.values(state.proposals)) {
    if (p.kind === 'deleteParagraph' && p.status === 'open') deletions.set(p.paragraphId, [...(deletions.get(p.paragraphId) ?? []), p]);
  }
  const text = layOutBlocks(state.doc, (block, label) => {
    const id = block.attrs.id as string;
    let text = inlineGrammar(block, state.proposals, words);
    for (const p of deletions.get(id) ?? []) text = `${text.trimEnd()} [${positionClauses(p, words, true)}]`;
    const status = state.paragraphs[id];
    if (status && status.status !== 'open' && (block.type.name === 'preambular' || block.type.name === 'operative')) {
      const note = words.status[status.status];
      text += status.status === 'informals' && status.pending ? ` (${note}, ${words.pending} ${status.pending})` : ` (${note})`;
    }
    const proposed = block.attrs.added != null || block.attrs.altOf != null;
    return block.type.name === 'preambular' && proposed && label ? `${label} ${text}` : text;
  });
  return meta.revisionLabel ? `${meta.revisionLabel}\n\n${text}` : text;
}

const keyOf = (m: Mark) => `${String(m.attrs.id)}|${String(m.attrs.role)}|${String(m.attrs.alt)}`;

function inlineGrammar(block: PMNode, proposals: Record<string, Proposal>, words: OutWords): string {
  const stack: string[] = [];
  let out = '';
  let afterRef = false;
  for (const t of inlineTokens(block, keyOf)) {
    if (t.kind === 'open') {
      const [id, role] = (t.id ?? '').split('|');
      const p = proposals[id];
      stack.push(t.id ?? '');
      if (p && p.status !== 'open') continue;
      out += '[' + opening(p, role, words);
    } else if (t.kind === 'close') {
      const [id, role] = stack.pop()!.split('|');
      const p = proposals[id];
      if (p && p.status !== 'open') continue;
      out += ']';
      // Positions follow the proposal's last bracket (a replacement: its new text).
      if (p && role !== 'delete') {
        const positions = positionClauses(p, words, false);
        if (positions) out += ` [${positions}]`;
      } else if (p && role === 'delete' && p.kind === 'delete') {
        out += ` [${positionClauses(p, words, true)}]`;
      }
    } else {
      if (afterRef && /^\S/.test(t.s)) out += ' ';
      out += t.s;
    }
    afterRef = t.kind === 'ref';
  }
  return out;
}

/** What opens a bracket: sponsors ("EU: "), an alternative's keyword ("Alt 2 - EU: "), nothing. */
function opening(p: Proposal | undefined, role: string, words: OutWords): string {
  if (!p) return '';
  const who = names(p.sponsors);
  if (role === 'alt') return `${words.alt} ${p.alt ?? 1}${who ? ` - ${who}` : ''}: `;
  if (role === 'insert' && who) return `${who}: `;
  return '';
}

/**
 * Positions as clauses, worded by the rulebook (BR52): "Japan retain; US delete". With `sponsors`
 * (a deletion), its sponsors first: "US: delete; Japan delete; EU retain".
 */
function positionClauses(p: Proposal, words: OutWords, sponsors: boolean): string {
  const wording = positionWording(p.kind);
  const word = (w: PositionWord) => (w === 'delete' ? words.delete : words.retain);
  const clauses: string[] = [];
  if (sponsors && p.sponsors.length) clauses.push(`${names(p.sponsors)}: ${word('delete')}`);
  if (p.supporters.length) clauses.push(`${names(p.supporters)} ${word(wording.supporters)}`);
  if (p.opposers.length) clauses.push(`${names(p.opposers)} ${word(wording.opposers)}`);
  return clauses.join('; ');
}

function names(list: Sponsor[]): string {
  return list.map(sponsorLabel).join(', ');
}
