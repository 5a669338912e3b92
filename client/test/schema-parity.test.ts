import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { schema as shared } from '@accord/shared';
import { describe, expect, it } from 'vitest';
import { schemaExtensions } from '../src/editor/extensions/index';

const tiptap = getSchema(schemaExtensions());

function attrDefaults(attrs: Record<string, { default?: unknown }> | undefined) {
  return Object.fromEntries(Object.entries(attrs ?? {}).map(([k, v]) => [k, 'default' in v ? v.default : '(required)']));
}

function describeNodes(s: Schema) {
  return Object.fromEntries(
    Object.values(s.nodes).map((t) => [
      t.name,
      {
        content: t.spec.content ?? '',
        group: t.spec.group ?? '',
        inline: t.isInline,
        atom: t.isAtom,
        defining: !!t.spec.defining,
        attrs: attrDefaults(t.spec.attrs),
      },
    ]),
  );
}

function describeMarks(s: Schema) {
  return Object.fromEntries(
    Object.values(s.marks).map((t) => [
      t.name,
      { inclusive: t.spec.inclusive ?? true, excludes: t.spec.excludes ?? null, attrs: attrDefaults(t.spec.attrs) },
    ]),
  );
}

describe('Tiptap schema equals the shared schema', () => {
  it('has the same top node', () => {
    expect(tiptap.topNodeType.name).toBe(shared.topNodeType.name);
  });

  it('has the same nodes, in the same order, with the same content, group and attrs', () => {
    expect(Object.keys(tiptap.nodes)).toEqual(Object.keys(shared.nodes));
    expect(describeNodes(tiptap)).toEqual(describeNodes(shared));
  });

  it('has the same marks, in the same order (mark rank), with the same attrs', () => {
    expect(Object.keys(tiptap.marks)).toEqual(Object.keys(shared.marks));
    expect(describeMarks(tiptap)).toEqual(describeMarks(shared));
  });

  it('accepts a shared-schema document unchanged', () => {
    const doc = shared.node('doc', null, [
      shared.node('title', { id: 't1' }, [shared.text('Countering')]),
      shared.node('operative', { id: 'o1', level: 1, added: 'x' }, [
        shared.text('date', [shared.mark('bracket', { id: 'b', role: 'pending', alt: 0 })]),
        shared.node('footnoteRef', { marker: '2' }),
      ]),
    ]);
    const back = tiptap.nodeFromJSON(doc.toJSON());
    back.check();
    expect(back.toJSON()).toEqual(doc.toJSON());
  });
});
