import type { Editor } from '@tiptap/react';
import { useState, type KeyboardEvent } from 'react';
import { findBlock, findProposalText, LOCKED, type Command, type Proposal, type ProposalStatus } from '@accord/shared/brackets/index';
import type { Identity } from '../../collab/accord-messages';
import type { BracketView } from '../bracket-state';
import { scrollToCentre } from '../../editor/scroll-to-centre';
import { DecisionLog } from './decision-log';
import { ParagraphStatusControl, statusName } from './paragraph-status';
import { DEFAULT_FILTER, filterChoices, groupBrackets, STATUS_FILTERS, stepBracket, supersededBy, type PanelFilter } from './panel-model';
import { ProposalCard } from './proposal-card';
import './panel.css';

/** Selects the proposal's text (or paragraph) in the editor and scrolls it into view. */
export function revealProposal(editor: Editor, p: Proposal): void {
  const doc = editor.state.doc;
  const found = findProposalText(doc, p.id)[0];
  let from: number;
  let to: number;
  if (found) {
    from = found.block.pos + 1 + found.ranges[0].from;
    to = found.block.pos + 1 + found.ranges[found.ranges.length - 1].to;
  } else {
    const block = findBlock(doc, p.paragraphId);
    if (!block) return;
    from = to = block.pos + 1;
  }
  editor.commands.setTextSelection({ from, to });
  const view = editor.view;
  const start = view.domAtPos(from);
  // ProseMirror draws its selection only while the editor has the focus; the panel keeps the focus
  // (for the chair's J/K/A/R), so show the selection in the page ourselves.
  if (!view.hasFocus()) {
    const end = view.domAtPos(to);
    const focused = document.activeElement;
    document.getSelection()?.setBaseAndExtent(start.node, start.offset, end.node, end.offset);
    // Selecting inside a contenteditable focuses it in Chromium: give the focus back, or the
    // chair's next "a" would be typed into the text instead of accepting.
    if (focused instanceof HTMLElement && focused !== document.activeElement) focused.focus({ preventScroll: true });
  }
  const target = start.node instanceof Element ? start.node : start.node.parentElement;
  if (target) scrollToCentre(target);
}

/**
 * The bracket panel: every bracket grouped by paragraph in text order, with counts, filters by
 * delegation, status and kind, click to jump; for the chair, accept/reject and the keyboard
 * (J/K next/previous, A accept, R reject) and paragraph statuses. The decision log is a tab.
 */
export function BracketPanel(props: {
  view: BracketView;
  editor: Editor;
  me: Identity;
  onBehalfOf: string;
  run: (command: Command) => Promise<boolean>;
}) {
  const { view, editor, me, run } = props;
  const [tab, setTab] = useState<'brackets' | 'decisions'>('brackets');
  const [filter, setFilter] = useState<PanelFilter>(DEFAULT_FILTER);
  const [selected, setSelected] = useState<string | null>(null);
  const isChair = me.role === 'chair';

  const { delegations, kinds } = filterChoices(Object.values(view.proposals));
  const groups = groupBrackets(view, filter);
  const listed = groups.flatMap((g) => g.proposals);

  const select = (p: Proposal) => {
    setSelected(p.id);
    revealProposal(editor, p);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!isChair || (e.target as HTMLElement).closest('input, select, textarea') || e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key === 'j' || key === 'k') {
      e.preventDefault();
      const next = stepBracket(listed, selected, key === 'j' ? 1 : -1);
      if (next) select(next);
    } else if (key === 'a' || key === 'r') {
      const p = listed.find((x) => x.id === selected && x.status === 'open');
      if (!p) return;
      e.preventDefault();
      // After deciding, move on to the next open bracket so the chair can keep going.
      const next = stepBracket(listed, p.id, 1);
      const after = next && next.id !== p.id ? next : stepBracket(listed, p.id, -1);
      void run({ type: key === 'a' ? 'accept' : 'reject', proposalId: p.id }).then((ok) => {
        if (ok && after && after.id !== p.id) select(after);
      });
    }
  };

  return (
    <section className="panel bracket-panel" aria-label="Brackets" tabIndex={0} onKeyDown={onKeyDown}>
      <div className="panel-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'brackets'} className={tab === 'brackets' ? 'active' : ''} onClick={() => setTab('brackets')}>
          Brackets <span className="count bracket-total">{view.counts.total}</span>
        </button>
        <button type="button" role="tab" aria-selected={tab === 'decisions'} className={tab === 'decisions' ? 'active' : ''} onClick={() => setTab('decisions')}>
          Decisions <span className="count">{view.decisions.length + (view.edits?.length ?? 0)}</span>
        </button>
      </div>
      {tab === 'decisions' ? (
        <DecisionLog decisions={view.decisions} edits={view.edits ?? []} proposals={view.proposals} labels={view.labels} isChair={isChair} run={run} />
      ) : (
        <>
          <div className="panel-filters">
            <select aria-label="Filter by delegation" value={filter.delegation} onChange={(e) => setFilter({ ...filter, delegation: e.target.value })}>
              <option value="">All delegations</option>
              {delegations.map((d) => (
                <option key={d}>{d}</option>
              ))}
            </select>
            <select aria-label="Filter by status" value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value as ProposalStatus | 'all' })}>
              {STATUS_FILTERS.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
            <select aria-label="Filter by kind" value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: e.target.value })}>
              <option value="">All kinds</option>
              {kinds.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </div>
          {isChair && <p className="muted small-text">Keyboard: J/K next/previous bracket, A accept, R reject.</p>}
          {groups.length === 0 && <p className="muted small-text">No bracket matches.</p>}
          {groups.map(({ paragraphId: para, label, proposals }) => {
            const state = view.paragraphs[para];
            return (
              <div key={para} className="bracket-group" data-paragraph={para}>
                <div className="bracket-group-head">
                  <strong>{label}</strong>
                  <span className="count" title="open brackets in this paragraph">
                    {view.counts.byParagraph[para] ?? 0}
                  </span>
                  {isChair ? (
                    <ParagraphStatusControl key={`${para}-${state?.status}`} paragraphId={para} state={state} run={run} />
                  ) : (
                    state && state.status !== 'open' && <span className="tag paragraph-status-tag">{statusName(state)}</span>
                  )}
                </div>
                <ul className="proposal-list">
                  {proposals.map((p) => (
                    <ProposalCard
                      key={p.id}
                      proposal={p}
                      me={me}
                      onBehalfOf={props.onBehalfOf}
                      groups={view.groups}
                      locked={LOCKED.has(state?.status ?? 'open')}
                      selected={p.id === selected}
                      supersededBy={supersededBy(p, view.decisions, view.proposals, (id) => view.labels.get(id)?.short ?? 'a paragraph')}
                      run={run}
                      onSelect={() => select(p)}
                    />
                  ))}
                </ul>
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}
