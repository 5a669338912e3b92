import { schema } from '@accord/shared';
import type { Node as PMNode } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Plugin, type PluginView, type Transaction } from '@tiptap/pm/state';
import { ySyncPlugin } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/**
 * Just enough of an EditorView for y-tiptap's binding (state, dispatch, plugin views, focus), so a
 * writer's editor runs in Node: the binding's selection restore after remote changes works on
 * ProseMirror and Yjs state only, never on the DOM.
 */
export class HeadlessView {
  state: EditorState;
  composing = false;
  readonly dom = { addEventListener: () => undefined, removeEventListener: () => undefined };
  private readonly views: PluginView[];

  constructor(plugins: Plugin[]) {
    this.state = EditorState.create({ schema, plugins });
    this.views = [];
    for (const p of this.state.plugins) {
      const view = p.spec.view?.(this as never);
      if (view) this.views.push(view);
    }
  }

  dispatch(tr: Transaction): void {
    const prev = this.state;
    this.state = this.state.apply(tr);
    for (const v of this.views) v.update?.(this as never, prev);
  }

  hasFocus(): boolean {
    return false;
  }

  destroy(): void {
    for (const v of this.views) v.destroy?.();
  }
}

/** One writer: a Y.Doc, an editor bound to its `body`, and the updates it has not sent yet. */
export class Writer {
  readonly doc = new Y.Doc();
  readonly view: HeadlessView;
  /** Updates this writer made, in order, waiting for the network. */
  readonly outbox: Uint8Array[] = [];

  constructor(initial: Uint8Array, plugins: (fragment: Y.XmlFragment) => Plugin[] = () => []) {
    Y.applyUpdate(this.doc, initial, 'server');
    const fragment = this.doc.getXmlFragment('body');
    this.view = new HeadlessView([ySyncPlugin(fragment), ...plugins(fragment)]);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote' && origin !== 'server') this.outbox.push(update);
    });
  }

  /** Puts the caret right after the first occurrence of `word`. */
  caretAfter(word: string): void {
    const at = findText(this.view.state.doc, word);
    if (at === null) throw new Error(`"${word}" is not in the text`);
    const { state } = this.view;
    this.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, at + word.length)));
  }

  /** One key: what ProseMirror does for text input, replacing the selection with the text. */
  type(text: string): void {
    this.view.dispatch(this.view.state.tr.insertText(text));
  }

  receive(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, 'remote');
  }

  text(): string {
    return this.view.state.doc.textBetween(0, this.view.state.doc.content.size, '\n');
  }

  destroy(): void {
    this.view.destroy();
    this.doc.destroy();
  }
}

/** Position of the first occurrence of `word` inside a textblock. */
export function findText(doc: PMNode, word: string): number | null {
  let found: number | null = null;
  doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (!node.isTextblock) return true;
    const i = node.textContent.indexOf(word);
    if (i >= 0) found = pos + 1 + i;
    return false;
  });
  return found;
}
