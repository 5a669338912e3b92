import { Schema, type NodeSpec, type MarkSpec, type Node as PMNode } from '@tiptap/pm/model';

/**
 * The one document schema of Accord, used by the server (import, seeding, commands) and by the
 * client (Tiptap builds its extensions from these specs; a test checks the two stay identical).
 *
 * A text is a flat list of blocks. Structure that looks nested in print (OP 3 (a) (ii)) is a
 * `level` attribute, so that paragraph ids, labels, diffing and Yjs merging all work on one list.
 * PP/OP labels are derived (numbering.ts), never stored; so are the links of paragraph references
 * ("paragraph 5 above"), read from the text against the live numbering (references/reference-links.ts says why).
 */

/** Every block carries a stable id that survives edits and reordering. */
const idAttr = { id: { default: null as string | null } };

/**
 * `added`: id of the proposal or revision span that introduced the paragraph since the last
 * revision; such paragraphs are labelled "5 bis", "5 ter"… instead of shifting numbers.
 */
const addedAttr = { added: { default: null as string | null } };

/**
 * `altOf`: id of the paragraph this one is proposed as an alternative to, labelled "5 alt"; cleared
 * when the chair accepts it in place of the original.
 */
const altOfAttr = { altOf: { default: null as string | null } };

function block(spec: NodeSpec): NodeSpec {
  return { group: 'block', content: 'inline*', defining: true, ...spec };
}

export const nodeSpecs = {
  doc: { content: 'block+' } satisfies NodeSpec,
  /** Session, committee, agenda item, sponsor list: the lines above the title. */
  headingLine: block({ attrs: { ...idAttr } }),
  /** The draft's title, e.g. "打击为犯罪目的使用信息和通信技术行为". */
  title: block({ attrs: { ...idAttr } }),
  /**
   * Free text outside the resolution proper: a Chair's note and its numbered paragraphs, an
   * "Annex" heading, the chapeau "The General Assembly,". `style` heading = centred/bold line.
   */
  note: block({ attrs: { ...idAttr, style: { default: 'body' } } }),
  /** PP: unnumbered in print, referred to as PP1, PP2… */
  preambular: block({ attrs: { ...idAttr, ...addedAttr, ...altOfAttr } }),
  /** OP at level 0 ("1."), sub-paragraph at level 1 ("(a)") and level 2 ("(i)"). */
  operative: block({ attrs: { ...idAttr, ...addedAttr, ...altOfAttr, level: { default: 0 } } }),
  /** A footnote's text; `marker` ties it to the footnoteRef markers in the body. */
  footnote: block({ attrs: { ...idAttr, marker: { default: '1' } } }),
  text: { group: 'inline' } satisfies NodeSpec,
  /** A footnote marker inside a paragraph (superscript in print). */
  footnoteRef: {
    group: 'inline',
    inline: true,
    atom: true,
    selectable: true,
    attrs: { marker: { default: '1' } },
  } satisfies NodeSpec,
} as const;

export const markSpecs = {
  italic: {} satisfies MarkSpec,
  bold: {} satisfies MarkSpec,
  /**
   * A bracket around a span. `role`:
   *  - pending: an existing unresolved bracket such as `[日期]` that still needs a decision;
   *  - insert: text a proposal inserts; delete: text a proposal would delete;
   *  - alt: one alternative of a proposal (`alt` = 1, 2… its number);
   *  - reserve: existing text bracketed by a delegation without offering new text.
   * `id` is the proposal's id (its record lives in the Y.Map `proposals`). Brackets nest and
   * overlap, so the mark does not exclude itself (Yjs stores each under a hashed key).
   */
  bracket: {
    attrs: { id: { default: '' }, role: { default: 'pending' }, alt: { default: 0 } },
    excludes: '',
    inclusive: false,
  } satisfies MarkSpec,
  /**
   * Text removed by a decision or by the secretariat's pen: kept visible, struck through, until
   * the next revision, so that no deletion is ever silent.
   */
  struck: {
    attrs: { by: { default: '' }, decision: { default: null as string | null } },
    inclusive: false,
  } satisfies MarkSpec,
} as const;

export const schema = new Schema({ nodes: nodeSpecs, marks: markSpecs });

export type BlockType = 'headingLine' | 'title' | 'note' | 'preambular' | 'operative' | 'footnote';
export const blockTypes: readonly BlockType[] = [
  'headingLine',
  'title',
  'note',
  'preambular',
  'operative',
  'footnote',
];

/** The Y.Doc names (see docs/protocol.md): one XML fragment for the body, maps for the rest. */
export const Y_BODY = 'body';
export const Y_META = 'meta';
export const Y_PROPOSALS = 'proposals';
export const Y_PARAGRAPHS = 'paragraphs';
/** Groups of delegations (`Group` in brackets/types.ts), written only by the server (chair's REST). */
export const Y_GROUPS = 'groups';
/** Comments on proposals (`CommentEntry` in brackets/types.ts), one entry per comment keyed by its id; written only by the server (BR15). */
export const Y_COMMENTS = 'comments';
/** The room: the floor (speakers' list), the room screen's hold and the caret setting (`RoomRecords` in brackets/types.ts); written only by the server (BR80–BR89). */
export const Y_ROOM = 'room';

export interface TextMeta {
  symbol: string;
  title: string;
  /** BCP 47: zh, en, fr, es, ru, ar. */
  language: string;
  revisionLabel: string;
}

export function isBlock(node: PMNode): boolean {
  return node.type.spec.group === 'block';
}
