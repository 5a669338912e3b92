import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';

/**
 * React saves and restores the selection of the focused element around every commit of any root.
 * For a contenteditable it counts the characters of every DOM text node before the caret: on a
 * treaty ~3 ms of each keystroke (the header's unsaved count re-renders then), and as much for
 * every panel or presence update that commits while someone types. Given `selectionStart` and
 * `selectionEnd`, as an input has, React reads those instead (react-dom's getSelectionInformation
 * and restoreSelection). ProseMirror keeps its own selection: these say nothing and take nothing;
 * `value` is read by restoreSelection alongside them.
 */
const FIELDS: Record<string, PropertyDescriptor> = {
  selectionStart: { get: () => 0, set: () => undefined, configurable: true },
  selectionEnd: { get: () => 0, set: () => undefined, configurable: true },
  value: { get: () => '', set: () => undefined, configurable: true },
};

export function reactCommitSelectionPlugin(): Plugin {
  return new Plugin({
    view: (view) => {
      const dom = view.dom;
      const added = Object.keys(FIELDS).filter((name) => !(name in dom));
      for (const name of added) Object.defineProperty(dom, name, FIELDS[name]);
      return {
        destroy: () => {
          for (const name of added) delete (dom as unknown as Record<string, unknown>)[name];
        },
      };
    },
  });
}

export const ReactCommitSelection = Extension.create({
  name: 'reactCommitSelection',
  addProseMirrorPlugins: () => [reactCommitSelectionPlugin()],
});
