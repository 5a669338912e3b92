import type { TFunction } from 'i18next';
import { proposalActions, sponsorLabel, type DecisionEntry, type Group, type Proposal, type ProposalActions, type ProposalStatus, type Role, type Sponsor } from '@accord/shared/brackets/index';
import { paragraphName, type BracketView } from '../bracket-state';
import { proposalName } from '../words';

export { bracketHomes } from '../bracket-state';

/** What the panel lists: by delegation (any position on it), status and kind; '' means any. */
export interface PanelFilter {
  delegation: string;
  status: ProposalStatus | 'all';
  kind: string;
}

export const DEFAULT_FILTER: PanelFilter = { delegation: '', status: 'open', kind: '' };

export interface BracketGroup {
  paragraphId: string;
  /** "OP5 bis", "PP2", "Title". */
  label: string;
  proposals: Proposal[];
}

const everyone = (p: Proposal): Sponsor[] => [...p.sponsors, ...p.supporters, ...p.opposers];

/** The choices the filters offer: every delegation that took a position, every kind present. */
export function filterChoices(proposals: Proposal[]): { delegations: string[]; kinds: string[] } {
  return {
    delegations: [...new Set(proposals.flatMap((p) => everyone(p).map(sponsorLabel)))].sort(),
    kinds: [...new Set(proposals.map((p) => p.kind))].sort(),
  };
}

/**
 * The proposals the filter keeps, grouped by the paragraph their text is in now (a new paragraph
 * is its own group), groups in text order and proposals in the order they were made.
 */
export function groupBrackets(view: Pick<BracketView, 'doc' | 'labels' | 'proposals' | 'homes' | 'order'>, filter: PanelFilter): BracketGroup[] {
  const { order, homes } = view;
  const where = (p: Proposal) => homes.get(p.id) ?? p.paragraphId;
  const kept = Object.values(view.proposals)
    .filter((p) => filter.status === 'all' || p.status === filter.status)
    .filter((p) => !filter.kind || p.kind === filter.kind)
    .filter((p) => !filter.delegation || everyone(p).some((s) => sponsorLabel(s) === filter.delegation))
    .map((p) => ({ p, para: where(p) }))
    .sort((a, b) => (order.get(a.para) ?? Infinity) - (order.get(b.para) ?? Infinity) || a.p.createdAt - b.p.createdAt);
  const groups = new Map<string, BracketGroup>();
  for (const { p, para } of kept) {
    const g = groups.get(para) ?? { paragraphId: para, label: paragraphName(view, para), proposals: [] };
    g.proposals.push(p);
    groups.set(para, g);
  }
  return [...groups.values()];
}

/** J/K: the next or previous open bracket after the selected one (the first when none is). */
export function stepBracket(list: Proposal[], selectedId: string | null, direction: 1 | -1): Proposal | undefined {
  const open = list.filter((p) => p.status === 'open');
  const at = open.findIndex((p) => p.id === selectedId);
  if (at < 0) return open[0];
  return open[Math.min(open.length - 1, Math.max(0, at + direction))];
}

/** Who is looking at a card: their participant id, role and name, and the group they speak for ('' if none). */
export interface Viewer {
  role: Role;
  id: string;
  delegation: string;
  onBehalfOf: string;
  /** The session's groups (who may speak for which). */
  groups?: Record<string, Group>;
  /** The proposal's paragraph is agreed, ad ref or deleted. */
  locked?: boolean;
}

/** The controls a card shows: `proposalActions` of the shared rulebook; the server checks every command again. */
export interface CardActions extends ProposalActions {
  /** Accept / reject buttons (a pending placeholder gets the accept-with-text form instead). */
  decide: boolean;
}

export function cardActions(p: Proposal, who: Viewer): CardActions {
  const can = proposalActions(p, { role: who.role, id: who.id, delegation: who.delegation }, { onBehalfOf: who.onBehalfOf, groups: who.groups, locked: who.locked });
  return { ...can, decide: can.accept && can.reject };
}

/** The statuses the panel filters by, in the order offered. */
export const STATUS_FILTERS: Array<ProposalStatus | 'all'> = ['open', 'accepted', 'rejected', 'withdrawn', 'superseded', 'all'];


/**
 * BR32/BR34: what superseded a proposal, in words: "by the Chair's acceptance of EU", "by the
 * Chair's status change of OP3", "at Rev.1". Null for a proposal that is not superseded.
 */
export function supersededBy(p: Proposal, decisions: DecisionEntry[], proposals: Record<string, Proposal>, t: TFunction, paragraphName?: (id: string) => string): string | null {
  if (p.status !== 'superseded') return null;
  const d = decisions.find((x) => x.id === p.decision);
  if (!d) return t('superseded.byDecision');
  if (d.action === 'revision') return d.revision ? t('superseded.at', { revision: d.revision }) : t('superseded.atRevision');
  const of = d.proposalId ? proposals[d.proposalId] : undefined;
  const what = of ? proposalName(of, t) : d.paragraphId && paragraphName ? paragraphName(d.paragraphId) : t('decisions.aParagraph');
  return t(`superseded.${d.action in SUPERSEDING ? d.action : 'other'}`, { by: d.by, what, action: d.action });
}

const SUPERSEDING = { accept: 1, reject: 1, setParagraphStatus: 1, undo: 1 };
