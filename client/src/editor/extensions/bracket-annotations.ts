import type { Node as PMNode } from '@tiptap/pm/model';
import { Decoration } from '@tiptap/pm/view';
import { annotation, LOCKED, positionWording, sponsorLabel, type ParagraphState, type Proposal } from '@accord/shared/brackets/index';
import { i18next } from '../../i18n';
import { kindName, positionName, statusName } from '../../brackets/words';

export interface BracketRecords {
  proposals: Record<string, Proposal>;
  paragraphs: Record<string, ParagraphState>;
}


/** The tag drawn after an open bracket: its sponsors and positions, worded per kind (BR52). */
export function inlineTag(p: Proposal): string {
  return annotation(p);
}

/** Hover text: who proposed, who wants it retained or deleted, why. */
export function tooltip(p: Proposal): string {
  const t = i18next.t;
  const lines = [`${kindName(p.kind, t)} – ${p.sponsors.map(sponsorLabel).join(', ') || (p.kind === 'pending' ? kindName('pending', t) : t('proposal.originalText'))}`];
  // Supporting a deletion means wanting the text deleted; opposing it, retained (BR52).
  const words = positionWording(p.kind);
  if (p.supporters.length) lines.push(`${positionName(words.supporters, t)}: ${p.supporters.map(sponsorLabel).join(', ')}`);
  if (p.opposers.length) lines.push(`${positionName(words.opposers, t)}: ${p.opposers.map(sponsorLabel).join(', ')}`);
  if (p.explanation) lines.push(p.explanation);
  return lines.join('\n');
}

function tag(text: string, title: string, className: string): () => HTMLElement {
  return () => {
    const el = document.createElement('sup');
    el.className = className;
    el.textContent = text;
    el.title = title;
    el.setAttribute('contenteditable', 'false');
    return el;
  };
}

/**
 * The compilation view drawn over one block: after each open bracket its sponsors and positions
 * ("EU, G77 retain; US delete"), "Alt n" before each alternative, and on the paragraph its status
 * (colour, lock) and open bracket count. Widgets are outside the text, so they are never copied or
 * typed into, and the clean view hides them with CSS. The document index (./document-index.ts)
 * calls this for the blocks a change touched.
 */
export function blockAnnotations(block: PMNode, blockPos: number, records: BracketRecords, count: number | undefined): Decoration[] {
  const decorations: Decoration[] = [];
  const id = block.attrs.id as string | null;
  const status = (id && records.paragraphs[id]?.status) || 'open';
  const attrs: Record<string, string> = { class: `para-status-${status}` };
  if (id && count) attrs['data-brackets'] = String(count);
  if (status !== 'open') {
    const s = id ? records.paragraphs[id] : undefined;
    attrs['data-status'] = `${LOCKED.has(status) ? '🔒 ' : ''}${s ? statusName(s, i18next.t) : status}`;
  }
  decorations.push(Decoration.node(blockPos, blockPos + block.nodeSize, attrs));
  // BR94: an adopted paragraph says so in words, above its text (the gutter holds only its number).
  if (status === 'adopted') {
    const words = i18next.t('paragraphStatus.adopted');
    decorations.push(
      Decoration.widget(
        blockPos + 1,
        () => {
          const note = document.createElement('span');
          note.className = 'para-status-note';
          note.contentEditable = 'false';
          note.textContent = words;
          return note;
        },
        { side: -1, key: `adopted:${words}`, ignoreSelection: true },
      ),
    );
  }

  // The end of each bracket span (by proposal and role) and the start of each alternative.
  const ends = new Map<string, { pos: number; proposal: Proposal; role: string }>();
  block.forEach((child, offset) => {
    const pos = blockPos + 1 + offset;
    for (const m of child.marks) {
      if (m.type.name !== 'bracket') continue;
      const p = records.proposals[m.attrs.id as string];
      if (!p || p.status !== 'open') continue;
      const role = m.attrs.role as string;
      const prev = ends.get(p.id);
      if (role === 'alt' && !prev) {
        const title = tooltip(p);
        decorations.push(Decoration.widget(pos, tag(`Alt ${p.alt ?? m.attrs.alt ?? 1}`, title, 'bracket-alt'), { side: 1, key: `alt-${p.id}`, title }));
      }
      ends.set(p.id, { pos: pos + child.nodeSize, proposal: p, role });
    }
  });
  for (const { pos, proposal } of ends.values()) {
    // Each alternative carries its own sponsors and positions, Rio+20 style ("promoting – US").
    const text = inlineTag(proposal);
    // `title` in the spec only lets tests compare the hover text; the key decides DOM reuse.
    const title = tooltip(proposal);
    if (text) decorations.push(Decoration.widget(pos, tag(text, title, 'bracket-tag'), { side: -1, key: `tag-${proposal.id}-${text}`, title }));
  }
  return decorations;
}
