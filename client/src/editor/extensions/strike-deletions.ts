import { Extension } from '@tiptap/core';
import { Fragment, type Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

export interface StrikeDeletionsOptions {
  /** Whose pen struck the text (the `by` of the struck mark). */
  by: string;
}

const strikeKey = new PluginKey('accordStrikeDeletions');

interface SyncState {
  doc: Y.Doc;
  binding: { mapping: Map<Y.AbstractType<unknown>, PMNode | PMNode[]> } | null;
}

/** The Y.XmlElement rendered as `block` (y-sync's mapping from Yjs types to ProseMirror nodes). */
function yElementOf(state: EditorState, block: PMNode): Y.XmlElement | null {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  for (const [type, node] of sync?.binding?.mapping ?? []) if (node === block && type instanceof Y.XmlElement) return type;
  return null;
}

/**
 * Whether every character of [from, to) in `block`'s content was typed by this client since the
 * page opened (a typo being corrected): such text may simply go. Anything else, someone's text or
 * the agreed text, is struck through instead.
 */
function typedHere(state: EditorState, block: PMNode, from: number, to: number): boolean {
  const el = yElementOf(state, block);
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  if (!el || !sync) return false;
  let offset = 0;
  for (const child of el.toArray()) {
    if (!(child instanceof Y.XmlText)) {
      if (offset >= from && offset < to) return false;
      offset += 1;
      continue;
    }
    for (let item = child._start; item; item = item.right) {
      if (item.deleted || !item.countable) continue;
      const end = offset + item.length;
      if (end > from && offset < to && item.id.client !== sync.doc.clientID) return false;
      offset = end;
      if (offset >= to) return true;
    }
  }
  return true;
}

/** The caret as the browser has it: right after a click, ProseMirror may not have read it yet. */
function domCaret(view: EditorView): number | null {
  const dom = view.dom.ownerDocument.getSelection();
  if (!dom?.focusNode || !dom.isCollapsed || !view.dom.contains(dom.focusNode)) return null;
  try {
    return view.posAtDOM(dom.focusNode, dom.focusOffset);
  } catch {
    return null;
  }
}

/** UTF-16 width of the character before / after an offset (a surrogate pair counts whole). */
function charWidthBefore(text: string, offset: number): number {
  if (offset <= 0) return 0;
  const code = text.charCodeAt(offset - 1);
  return offset >= 2 && code >= 0xdc00 && code <= 0xdfff ? 2 : 1;
}

function charWidthAfter(text: string, offset: number): number {
  if (offset >= text.length) return 0;
  const code = text.charCodeAt(offset);
  return code >= 0xd800 && code <= 0xdbff && offset + 1 < text.length ? 2 : 1;
}

function allStruck(content: Fragment): boolean {
  let struck = true;
  content.descendants((n) => {
    if (n.isInline && !n.marks.some((m) => m.type.name === 'struck')) struck = false;
  });
  return struck;
}

interface Restore {
  /** Where the removed text goes back, in the document after the edit. */
  at: number;
  content: Fragment;
}

/**
 * Direct edits never delete text silently (PRODUCT.md; the WHO bureau complaint): when the chair
 * or the secretariat deletes or types over text inside a paragraph, the old text comes back at
 * once, struck through, until the next revision drops it. Text this person just typed can still
 * be corrected normally.
 */
function restoreStruck(tr: Transaction, oldState: EditorState, by: string): Restore | null {
  if (tr.steps.length !== 1 || !(tr.steps[0] instanceof ReplaceStep)) return null;
  const { from, to } = tr.steps[0] as ReplaceStep;
  if (to <= from) return null;
  const $from = oldState.doc.resolve(from);
  const $to = oldState.doc.resolve(to);
  if (!$from.parent.isTextblock || $from.parent !== $to.parent) return null;
  const removed = oldState.doc.slice(from, to).content;
  const struck = allStruck(removed);
  if (!struck && typedHere(oldState, $from.parent, from - $from.start(), to - $from.start())) return null;
  const mark = oldState.schema.marks.struck.create({ by });
  const nodes: PMNode[] = [];
  removed.forEach((n) => nodes.push(struck ? n : n.mark(mark.addToSet(n.marks))));
  return { at: tr.mapping.map(from, -1), content: Fragment.fromArray(nodes) };
}

export const StrikeDeletions = Extension.create<StrikeDeletionsOptions>({
  name: 'strikeDeletions',

  addOptions() {
    return { by: '' };
  },

  addProseMirrorPlugins() {
    const by = () => this.options.by;
    const editor = this.editor;
    // The key behind a deletion the browser made itself: Backspace leaves the caret before what it struck.
    let lastKey = { key: '', at: 0 };
    return [
      new Plugin({
        key: strikeKey,
        appendTransaction(transactions, oldState, newState) {
          // An input method replacing a selection must not see the text change under it.
          if (transactions.length !== 1 || editor.view?.composing) return null;
          const tr = transactions[0];
          if (!tr.docChanged || tr.getMeta(strikeKey) || (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin) return null;
          const plan = restoreStruck(tr, oldState, by());
          if (!plan) return null;
          const out = newState.tr.insert(plan.at, plan.content).setMeta(strikeKey, true).setMeta('addToHistory', false);
          const backspace = lastKey.key === 'Backspace' && Date.now() - lastKey.at < 500 && newState.selection.empty;
          return out.setSelection(TextSelection.create(out.doc, backspace ? plan.at : out.mapping.map(newState.selection.head, 1)));
        },
        props: {
          // Backspace and Delete at the caret strike one character (or step over struck text) here,
          // before the browser deletes anything; the caret moves past it, as if it had gone.
          handleKeyDown(view, event) {
            if ((event.key !== 'Backspace' && event.key !== 'Delete') || event.ctrlKey || event.metaKey || event.altKey || view.composing) return false;
            lastKey = { key: event.key, at: Date.now() };
            const { state } = view;
            const head = domCaret(view) ?? (state.selection.empty ? state.selection.head : null);
            if (head === null) return false;
            const $head = state.doc.resolve(head);
            if (!$head.parent.isTextblock) return false;
            const backward = event.key === 'Backspace';
            const pos = $head.pos;
            const offset = $head.parentOffset;
            const text = $head.parent.textBetween(0, $head.parent.content.size, undefined, '\uFFFC');
            const width = backward ? charWidthBefore(text, offset) : charWidthAfter(text, offset);
            if (width === 0) return false;
            const from = backward ? pos - width : pos;
            const to = backward ? pos : pos + width;
            const range = state.doc.slice(from, to).content;
            const start = $head.start();
            if (!allStruck(range) && typedHere(state, $head.parent, from - start, to - start)) return false;
            const tr = state.tr.setMeta(strikeKey, true);
            if (!allStruck(range)) tr.addMark(from, to, state.schema.marks.struck.create({ by: by() }));
            view.dispatch(tr.setSelection(TextSelection.create(tr.doc, backward ? from : to)).scrollIntoView());
            return true;
          },
        },
      }),
    ];
  },
});
