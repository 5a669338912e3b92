import type { PreparedVersion } from './version.js';
import type { Paragraph } from './paragraphs.js';
import type {
  BracketChange,
  BracketCounts,
  BracketEvent,
  BracketSummary,
  ParagraphComparison,
  ProposalLike,
  StatusChange,
} from './types.js';

type Status = 'open' | 'accepted' | 'rejected' | 'withdrawn' | 'superseded';

/** Proposal records may spell statuses their own way ("accept", "Accepted", "withdrawn-by-sponsor"). */
export function normalizeStatus(status: unknown): Status {
  const s = typeof status === 'string' ? status.toLowerCase() : '';
  if (s.includes('accept') || s.includes('adopt')) return 'accepted';
  if (s.includes('reject')) return 'rejected';
  if (s.includes('withdr')) return 'withdrawn';
  if (s.includes('supersed')) return 'superseded';
  return 'open';
}

/** Sponsor names from either strings or `{name, via}` records. */
export function sponsorNames(sponsors: unknown): string[] {
  if (!Array.isArray(sponsors)) return [];
  const out: string[] = [];
  for (const s of sponsors) {
    if (typeof s === 'string') out.push(s);
    else if (s && typeof s === 'object' && typeof (s as { name?: unknown }).name === 'string') out.push((s as { name: string }).name);
  }
  return out;
}

/** A paragraph state as one comparable string: "informals, pending EU". */
function statusText(st: { status?: unknown; pending?: unknown } | undefined): string {
  const s = typeof st?.status === 'string' && st.status !== '' ? st.status : 'open';
  return typeof st?.pending === 'string' && st.pending !== '' ? `${s}, pending ${st.pending}` : s;
}

export function emptyCounts(): BracketCounts {
  return { added: 0, accepted: 0, rejected: 0, withdrawn: 0, superseded: 0, reopened: 0, resolved: 0, removed: 0 };
}

interface MarkInfo {
  paragraph: Paragraph;
  roles: Map<string, string>;
}

function bracketMarks(v: PreparedVersion): Map<string, MarkInfo> {
  const out = new Map<string, MarkInfo>();
  for (const p of v.paragraphs) {
    for (const span of p.brackets) {
      if (span.id === '') continue;
      let info = out.get(span.id);
      if (!info) {
        info = { paragraph: p, roles: new Map() };
        out.set(span.id, info);
      }
      info.roles.set(span.role, (info.roles.get(span.role) ?? '') + span.text);
    }
  }
  return out;
}

const squash = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/**
 * A bracket that left the text with no record saying why: read the outcome from B's paragraph.
 * Inserted text still there (or text proposed for deletion gone) means accepted, the reverse
 * rejected; alternatives and pending brackets are just "resolved".
 */
function inferOutcome(info: MarkInfo, b: PreparedVersion): BracketChange {
  const pb = b.byKey.get(info.paragraph.key);
  if (!pb) return 'removed';
  const text = squash(pb.text);
  const ins = info.roles.get('insert');
  const del = info.roles.get('delete');
  if (ins !== undefined && squash(ins) !== '') return text.includes(squash(ins)) ? 'accepted' : 'rejected';
  if (del !== undefined && squash(del) !== '') return text.includes(squash(del)) ? 'rejected' : 'accepted';
  return 'resolved';
}

export interface SummaryInput {
  a: PreparedVersion;
  b: PreparedVersion;
  entries: ParagraphComparison[];
}

/** Brackets added, accepted, rejected, withdrawn between A and B; paragraph status changes. */
export function summarizeBrackets({ a, b, entries }: SummaryInput): BracketSummary {
  const recA = a.snapshot.proposals ?? {};
  const recB = b.snapshot.proposals ?? {};
  const marksA = bracketMarks(a);
  const marksB = bracketMarks(b);
  const ids = new Set<string>([...Object.keys(recA), ...Object.keys(recB), ...marksA.keys(), ...marksB.keys()]);

  const labelOf = (paragraphId: string | null): string => {
    if (!paragraphId) return '';
    return b.labels.get(paragraphId) ?? a.labels.get(paragraphId) ?? '';
  };

  const events: BracketEvent[] = [];
  for (const id of ids) {
    const ra: ProposalLike | undefined = recA[id];
    const rb: ProposalLike | undefined = recB[id];
    const ma = marksA.get(id);
    const mb = marksB.get(id);
    const inA = ra !== undefined || ma !== undefined;
    const inB = rb !== undefined || mb !== undefined;
    const sa = inA ? normalizeStatus(ra?.status) : undefined;
    const sb = inB ? normalizeStatus(rb?.status) : undefined;
    let change: BracketChange | null = null;
    let inferred = false;
    if (!inA) {
      change = sb === 'open' ? 'added' : (sb as BracketChange);
    } else if (inB) {
      if (sa !== sb) change = sb === 'open' ? 'reopened' : (sb as BracketChange);
      else if (sb === 'open' && ma && !mb && rb) {
        change = inferOutcome(ma, b);
        inferred = true;
      }
    } else if (sa === 'open') {
      change = ma ? inferOutcome(ma, b) : 'removed';
      inferred = ma !== undefined;
    }
    if (!change) continue;
    const rec = rb ?? ra;
    const paragraphId =
      (typeof rec?.paragraphId === 'string' ? rec.paragraphId : null) ?? mb?.paragraph.key ?? ma?.paragraph.key ?? null;
    const spans = (change === 'added' ? mb : (ma ?? mb))?.roles;
    const ev: BracketEvent = {
      proposalId: id,
      change,
      paragraphId,
      paragraphLabel: labelOf(paragraphId),
      sponsors: sponsorNames(rec?.sponsors),
    };
    if (typeof rec?.kind === 'string') ev.kind = rec.kind;
    if (sa) ev.fromStatus = ra?.status ?? sa;
    if (sb) ev.toStatus = rb?.status ?? sb;
    if (inferred) ev.inferred = true;
    if (spans && spans.size > 0) ev.text = [...spans.values()].join(' / ');
    else if (rec) {
      // Proposed and decided between the two versions: neither text shows its bracket.
      const recorded = [rec.anchorText, rec.text].filter((t): t is string => typeof t === 'string' && t !== '');
      if (recorded.length) ev.text = recorded.join(' → ');
    }
    events.push(ev);
  }
  const order = new Map<string, number>();
  entries.forEach((e, i) => order.set(e.id, i));
  events.sort((x, y) => (order.get(x.paragraphId ?? '') ?? -1) - (order.get(y.paragraphId ?? '') ?? -1));

  const totals = emptyCounts();
  const byParagraph = new Map<string | null, { paragraphId: string | null; label: string; counts: BracketCounts }>();
  const byDelegation = new Map<string, { delegation: string; counts: BracketCounts }>();
  for (const ev of events) {
    totals[ev.change]++;
    let p = byParagraph.get(ev.paragraphId);
    if (!p) byParagraph.set(ev.paragraphId, (p = { paragraphId: ev.paragraphId, label: ev.paragraphLabel, counts: emptyCounts() }));
    p.counts[ev.change]++;
    for (const s of ev.sponsors) {
      let d = byDelegation.get(s);
      if (!d) byDelegation.set(s, (d = { delegation: s, counts: emptyCounts() }));
      d.counts[ev.change]++;
    }
  }

  const openIn = (marks: Map<string, MarkInfo>, rec: Record<string, ProposalLike>): number => {
    let n = 0;
    for (const id of marks.keys()) if (normalizeStatus(rec[id]?.status) === 'open') n++;
    return n;
  };

  const statusChanges: StatusChange[] = [];
  const stA = a.snapshot.paragraphs ?? {};
  const stB = b.snapshot.paragraphs ?? {};
  for (const e of entries) {
    if (e.status === 'deleted') continue;
    const from = e.status === 'added' ? 'new' : statusText(stA[e.id]);
    const to = statusText(stB[e.id]);
    if (from !== to && !(from === 'new' && to === 'open')) {
      statusChanges.push({ paragraphId: e.id, label: e.labelTo ?? e.labelFrom ?? '', from, to });
    }
  }

  const paragraphsAdded = entries
    .filter((e) => e.status === 'added')
    .map((e) => {
      const pb = b.byKey.get(e.id);
      const proposalId =
        pb?.added ??
        Object.values(recB).find((r) => r.paragraphId === e.id && /paragraph/i.test(String(r.kind ?? '')))?.id ??
        null;
      const sponsors = proposalId ? sponsorNames(recB[proposalId]?.sponsors) : [];
      return { paragraphId: e.id, label: e.labelTo ?? '', proposalId, sponsors };
    });
  const paragraphsDeleted = entries
    .filter((e) => e.status === 'deleted')
    .map((e) => ({ paragraphId: e.id, label: e.labelFrom ?? '' }));

  return {
    events,
    totals,
    byParagraph: [...byParagraph.values()],
    byDelegation: [...byDelegation.values()].sort((x, y) => x.delegation.localeCompare(y.delegation)),
    openBrackets: { a: openIn(marksA, recA), b: openIn(marksB, recB) },
    statusChanges,
    paragraphsAdded,
    paragraphsDeleted,
  };
}
