import type { Proposal, Sponsor } from '../../src/brackets/types.js';
import { paragraphLabels, type ImportResult } from '../../src/index.js';

const who = (list: Sponsor[]) => list.map((s) => (s.via ? `${s.name} (${s.via})` : s.name));

/**
 * What a compilation text says, independent of ids: per paragraph its type, label and status;
 * per proposal (in reading order) its paragraph, kind, sponsors, positions, alternative number,
 * group (as the index of its first member), text and the paragraph it would replace.
 */
export function summary(r: Pick<ImportResult, 'doc' | 'proposals' | 'paragraphs' | 'meta'>) {
  const labels = paragraphLabels(r.doc);
  const index = new Map<string, number>();
  const paragraphs: { type: string; label: string; status: string; pending?: string }[] = [];
  r.doc.forEach((b, _o, i) => {
    const id = b.attrs.id as string;
    index.set(id, i);
    const st = r.paragraphs[id];
    paragraphs.push({ type: b.type.name, label: labels.get(id)?.short ?? '', status: st?.status ?? 'open', ...(st?.pending && { pending: st.pending }) });
  });
  const list = Object.values(r.proposals).sort((a, b) => (index.get(a.paragraphId) ?? 0) - (index.get(b.paragraphId) ?? 0));
  const order = new Map(list.map((p, i) => [p.id, i]));
  const proposals = list.map((p: Proposal) => ({
    at: index.get(p.paragraphId),
    kind: p.kind,
    sponsors: who(p.sponsors),
    supporters: who(p.supporters).sort(),
    opposers: who(p.opposers).sort(),
    alt: p.alt ?? 0,
    existing: !!p.existing,
    group: p.group ? order.get(p.group) : undefined,
    text: (p.text ?? p.anchorText ?? '').replace(/\s+/g, ' ').trim(),
    replaces: p.replaces ? index.get(p.replaces) : undefined,
  }));
  return { revision: r.meta.revisionLabel, paragraphs, proposals };
}
