import type { Attributes } from '@tiptap/core';
import type { AttributeSpec } from '@tiptap/pm/model';

const dataName = (attr: string) => `data-${attr.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * Tiptap attributes generated from a shared NodeSpec/MarkSpec `attrs`: same names and defaults,
 * each round-tripped through a `data-*` HTML attribute (data-id, data-level, data-role…) and
 * parsed back to the default's type, so copy/paste inside Accord keeps ids, levels and roles.
 */
export function specAttributes(attrs: Record<string, AttributeSpec> | undefined): Attributes {
  const out: Attributes = {};
  for (const [name, spec] of Object.entries(attrs ?? {})) {
    const fallback: unknown = spec.default;
    const html = dataName(name);
    out[name] = {
      default: fallback,
      parseHTML: (el: HTMLElement) => {
        const raw = el.getAttribute(html);
        if (raw === null) return fallback;
        if (typeof fallback === 'number') return Number.isFinite(Number(raw)) ? Number(raw) : fallback;
        return raw;
      },
      renderHTML: (values: Record<string, unknown>) =>
        values[name] === null || values[name] === undefined ? {} : { [html]: String(values[name]) },
    };
  }
  return out;
}
