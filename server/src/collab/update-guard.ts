/* eslint-disable @typescript-eslint/no-explicit-any -- Yjs types are parameterised by their event type, irrelevant here */
import * as Y from 'yjs';
import {
  currentBracketState,
  LOCKED,
  openSilences,
  readRoom,
  silenceLockMessage,
  statusWords,
  Y_DECISIONS,
  type ParagraphState,
  type Silence,
} from '@accord/shared/brackets/index';
import { Y_BODY, Y_COMMENTS, Y_GROUPS, Y_PARAGRAPHS, Y_PROPOSALS, Y_ROOM } from '@accord/shared';
import { Y_EDITS } from '@accord/shared/edits';
import { paragraphLabels } from '@accord/shared/numbering';

/** Where a Yjs item lives: a server-only root, a paragraph of the body (by id), or elsewhere. */
interface Place {
  root: 'server-only' | 'body' | 'other';
  /** The paragraph (top-level block) the item is in or is; null: new in this update, or unknown. */
  paragraph: string | null;
  /** The item is a top-level block of the body itself. */
  top: boolean;
  /** The paragraph's element, when known (to read its text before and after, for the record). */
  el?: Y.XmlElement;
}

const OTHER: Place = { root: 'other', paragraph: null, top: false };

export interface Refusal {
  code: 'update_rejected' | 'paragraph_locked';
  message: string;
  paragraphId?: string;
}

type DecodedStruct = ReturnType<typeof Y.decodeUpdate>['structs'][number];

/**
 * Checks a writer's update before it is applied: proposals, comments, paragraph statuses and the
 * decision log change only through commands, and nobody edits an agreed (locked) paragraph directly.
 * Reads only the items the update touches (its new items' neighbours and parents, its deletions),
 * so typing costs a few lookups, not a pass over the document.
 */
export class UpdateGuard {
  private readonly body: Y.XmlFragment;
  private readonly serverOnly: Set<unknown>;
  private locked: Set<string> | null = null;
  /** Open silences (BR91): over the whole text, or by paragraph; null: read again. */
  private silenced: { whole: Silence | null; paragraphs: Map<string, Silence> } | null = null;

  constructor(private readonly doc: Y.Doc) {
    this.body = doc.getXmlFragment(Y_BODY);
    const paragraphs = doc.getMap<ParagraphState>(Y_PARAGRAPHS);
    this.serverOnly = new Set<unknown>([doc.getMap(Y_PROPOSALS), paragraphs, doc.getArray(Y_DECISIONS), doc.getArray(Y_EDITS), doc.getMap(Y_GROUPS), doc.getMap(Y_COMMENTS), doc.getMap(Y_ROOM)]);
    paragraphs.observe(() => (this.locked = null));
    doc.getMap(Y_ROOM).observe(() => (this.silenced = null));
  }

  private silences(): { whole: Silence | null; paragraphs: Map<string, Silence> } {
    if (!this.silenced) {
      const open = openSilences({ room: readRoom(this.doc) });
      const paragraphs = new Map<string, Silence>();
      for (const s of open) for (const id of s.paragraphIds ?? []) paragraphs.set(id, s);
      this.silenced = { whole: open.find((s) => !s.paragraphIds) ?? null, paragraphs };
    }
    return this.silenced;
  }

  private lockedIds(): Set<string> {
    if (!this.locked) {
      this.locked = new Set();
      for (const [id, s] of this.doc.getMap<ParagraphState>(Y_PARAGRAPHS)) if (s && LOCKED.has(s.status)) this.locked.add(id);
    }
    return this.locked;
  }

  /**
   * Null when the update may be applied; otherwise why not. `touched` (if given) collects the
   * existing paragraphs the update changes, with their elements: the direct-edit record reads
   * just those (edit-recorder.ts).
   */
  check(
    update: { structs: DecodedStruct[]; ds: { clients: Map<number, { clock: number; len: number }[]> } },
    touched?: Map<string, Y.XmlElement>,
  ): Refusal | null {
    const locked = this.lockedIds();
    const local = new Map<number, { clock: number; len: number; place: Place }[]>();
    for (const s of update.structs) {
      if (!(s instanceof Y.Item)) continue;
      const place = this.placeOfNew(s, local);
      const refusal = this.refuse(place, locked);
      if (refusal) return refusal;
      if (touched && place.paragraph && place.el) touched.set(place.paragraph, place.el);
      let list = local.get(s.id.client);
      if (!list) local.set(s.id.client, (list = []));
      list.push({ clock: s.id.clock, len: s.length, place });
    }
    for (const [client, ranges] of update.ds.clients) {
      for (const { clock, len } of ranges) {
        const refusal = this.checkDeletion(client, clock, len, locked, touched);
        if (refusal) return refusal;
      }
    }
    return null;
  }

  private refuse(place: Place, locked: Set<string>): Refusal | null {
    if (place.root === 'server-only') {
      return { code: 'update_rejected', message: 'proposals, comments, paragraph statuses, the decision log, the record of edits, the floor and silences change only through the server: the change was not saved' };
    }
    if (place.root !== 'body') return null;
    const silences = this.silences();
    // BR91: nothing in the text changes while it is all under silence, new paragraphs included.
    if (silences.whole) return { code: 'paragraph_locked', message: silenceLockMessage(silences.whole, null), ...(place.paragraph ? { paragraphId: place.paragraph } : {}) };
    const silence = place.paragraph ? silences.paragraphs.get(place.paragraph) : undefined;
    if (silence && place.paragraph) return { code: 'paragraph_locked', message: silenceLockMessage(silence, this.label(place.paragraph)), paragraphId: place.paragraph };
    if (place.paragraph && locked.has(place.paragraph)) {
      return { code: 'paragraph_locked', message: this.lockedMessage(place.paragraph), paragraphId: place.paragraph };
    }
    return null;
  }

  /** "OP3", as the delegates see it; computed only on refusal. */
  private label(paragraphId: string): string {
    try {
      return paragraphLabels(currentBracketState(this.doc).doc).get(paragraphId)?.short ?? 'This paragraph';
    } catch {
      // A body the schema cannot read still gets a refusal, only a less specific one.
      return 'This paragraph';
    }
  }

  /** "OP 3 is agreed; …": named as the delegates see it. Labels are computed only on refusal. */
  private lockedMessage(paragraphId: string): string {
    const status = this.doc.getMap<ParagraphState>(Y_PARAGRAPHS).get(paragraphId)?.status;
    return `${this.label(paragraphId)} is ${statusWords(status ?? 'agreed')}; the chair must reopen it before it can be edited`;
  }

  private checkDeletion(client: number, clock: number, len: number, locked: Set<string>, touched?: Map<string, Y.XmlElement>): Refusal | null {
    const structs = this.doc.store.clients.get(client);
    if (!structs || clock >= Y.getState(this.doc.store, client)) return null;
    const end = Math.min(clock + len, Y.getState(this.doc.store, client));
    for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i].id.clock < end; i++) {
      const s = structs[i];
      // Yjs itself deletes formatting markers that became redundant when it applies someone
      // else's change (cleanupYTextFormatting): that changes no text and must not be refused.
      if (s instanceof Y.Item && !s.deleted && !(s.content instanceof Y.ContentFormat)) {
        const place = this.placeOfStored(s);
        const refusal = this.refuse(place, locked);
        if (refusal) return refusal;
        if (touched && place.paragraph && place.el) touched.set(place.paragraph, place.el);
      }
    }
    return null;
  }

  /** A new item sits where its parent, or its left or right neighbour, says. */
  private placeOfNew(s: Y.Item, local: Map<number, { clock: number; len: number; place: Place }[]>): Place {
    const parent = s.parent as unknown;
    if (typeof parent === 'string') return this.placeOfRoot(this.doc.share.get(parent) ?? null, true, null);
    if (parent instanceof Y.ID) {
      return { ...this.placeOfId(parent, local), top: false };
    }
    const neighbour = s.origin ?? s.rightOrigin;
    if (!neighbour) return OTHER;
    const n = this.placeOfId(neighbour, local);
    // A new block next to an existing one is a new paragraph, not part of its neighbour.
    return n.top ? { root: n.root, paragraph: null, top: true } : n;
  }

  private placeOfId(id: Y.ID, local: Map<number, { clock: number; len: number; place: Place }[]>): Place {
    const mine = local.get(id.client)?.find((r) => id.clock >= r.clock && id.clock < r.clock + r.len);
    if (mine) return mine.place;
    if (id.clock >= Y.getState(this.doc.store, id.client)) return OTHER;
    const item = Y.getItem(this.doc.store, id);
    return item instanceof Y.Item ? this.placeOfStored(item) : OTHER;
  }

  /** Climbs from a stored item to its root type; the last item below the body is its paragraph. */
  private placeOfStored(item: Y.Item): Place {
    let top = item;
    let parent = item.parent as Y.AbstractType<any> | null;
    while (parent && parent._item) {
      top = parent._item;
      parent = top.parent as Y.AbstractType<any> | null;
    }
    return this.placeOfRoot(parent, top === item, top);
  }

  private placeOfRoot(root: Y.AbstractType<any> | null, isTop: boolean, topItem: Y.Item | null): Place {
    if (!root) return OTHER;
    if (this.serverOnly.has(root)) return { root: 'server-only', paragraph: null, top: isTop };
    if (root !== this.body) return OTHER;
    const el = topItem?.content instanceof Y.ContentType ? topItem.content.type : null;
    if (!(el instanceof Y.XmlElement)) return { root: 'body', paragraph: null, top: isTop };
    const id = el.getAttribute('id');
    return typeof id === 'string' ? { root: 'body', paragraph: id, top: isTop, el } : { root: 'body', paragraph: null, top: isTop };
  }
}
