import type { EditorState, Transaction } from '@tiptap/pm/state';
import { LOCKED, silenceOver, wholeTextSilence, type Actor, type ParagraphState, type Proposal, type RoomRecords } from '@accord/shared/brackets/index';
import { interfaceLocale } from '../../i18n';
import { formatDeadline } from '../../room/silence-time';
import { labelsOf } from '../../editor/extensions/document-index';
import { i18next } from '../../i18n';
import { refusalText } from '../../i18n/refusal';
import { proposeDraftKey, relocate, setDraft, type Draft, type DraftMode } from '../../editor/extensions/propose-draft';
import { anchorFor, targetParagraph } from '../anchor';
import { buildProposal, cleanProposalText, type ProposeAction } from './build-proposal';
import type { Clock, Outbox } from './outbox';
import { alternativeTarget, continuationAt, proposalTextRange } from './own-proposal-text';

/** Typing is sent after this pause (and typing on extends the proposal just sent). */
export const PAUSE_MS = 1200;

/** The editor as the controller sees it: a ProseMirror state holding the draft, and a way to change it. */
export interface DraftHost {
  readonly state: EditorState;
  dispatch(tr: Transaction): void;
}

/** The native input the person types into (an input method composes there). */
export interface TypingInput {
  setValue(value: string): void;
  focus(): void;
  blur(): void;
}

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface ProposeEnv {
  host: DraftHost;
  input: TypingInput;
  outbox: Outbox;
  clock: Clock;
  /** Proposals and paragraph statuses as the server last wrote them. */
  records(): { proposals: Record<string, Proposal>; paragraphs: Record<string, ParagraphState>; room?: Partial<RoomRecords> };
  /** Who is typing (participant id, role, name): typing on in its own proposals is decided by the rulebook, by id. */
  me(): Actor | null | undefined;
  onBehalfOf(): string;
  /** Whether the WebSocket is open (otherwise typing is kept in the outbox until it is). */
  connected(): boolean;
  notify(message: string, action?: ToastAction): void;
}

export type ProposeKey = 'Escape' | 'Enter' | 'Tab' | 'Backspace' | 'Delete' | 'ArrowLeft' | 'ArrowRight';

/** What sending a draft proposes: typed text is an insertion or a replacement. */
const actionOf = (draft: Draft): ProposeAction => (draft.mode === 'type' ? 'text' : draft.mode);

const quote = (text: string) => `«${text.length > 80 ? text.slice(0, 80) + '…' : text}»`;

/**
 * The propose loop (docs/protocol.md "Commands", README "Negotiating in Accord"): a draft held in
 * the editor's plugin state (propose-draft.ts), typed into a native input, sent after a pause, on
 * Enter, Tab, a caret move or leaving it; typing on extends the proposal just sent; Backspace in
 * one's own insertion shortens it. Everything typed goes through the outbox, so nothing is lost:
 * offline it is held there (and survives a reload), a refusal keeps the draft and names it,
 * Escape sets the draft aside with a way to restore it. No DOM here: React renders, this decides.
 */
export class ProposeController {
  private composing = false;
  private nextId = 1;
  /** How much of the input's value has already been sent (typing on continues after it). */
  private sentPrefix = 0;
  private value = '';
  private pause: unknown = null;
  /** Enter or blur came while a pause-send was on its way: finish once it is answered. */
  private finishAfter = false;
  /** Backspace/Delete in one's own insertion: the text wanted, and whether an edit is on its way. */
  private wanted: { id: number; before: string; after: string } | null = null;
  private shortening = false;
  private destroyed = false;
  private refusedDraft = 0;

  constructor(private readonly env: ProposeEnv) {}

  get draft(): Draft | null {
    return proposeDraftKey.getState(this.env.host.state) ?? null;
  }

  private get doc() {
    return this.env.host.state.doc;
  }

  private show(next: Draft | null): void {
    if (!this.destroyed) this.env.host.dispatch(setDraft(this.env.host.state, next));
  }

  private holder = (id: number) => `draft-${id}`;

  private label(paragraphId: string): string | undefined {
    return labelsOf(this.env.host.state).get(paragraphId)?.short;
  }

  private caption(mode: DraftMode, from: number): string | undefined {
    const at = targetParagraph(this.doc, { from, to: from });
    const label = at ? this.label(at.block.attrs.id as string) : undefined;
    if (mode === 'newParagraph') return `${label ? i18next.t('propose.newParagraphAfter', { paragraph: label }) : i18next.t('propose.newParagraphAfterThis')} `;
    if (mode === 'paragraphAlternative') return `${label ? i18next.t('propose.alternativeTo', { paragraph: label }) : i18next.t('propose.alternativeToThis')} `;
    if (mode === 'alternative') return `${i18next.t('propose.altCaption')} `;
    return undefined;
  }

  /** Why this draft's paragraph takes no proposals (agreed, agreed ad ref, deleted), in the room's words. */
  refusal(draft: Pick<Draft, 'anchor' | 'mode'>): string | null {
    const records = this.env.records();
    const id = draft.anchor.paragraphId;
    // BR91: nothing is proposed in a paragraph under silence, nor anywhere while the whole text is.
    const silence = draft.mode === 'newParagraph' ? wholeTextSilence(records) : silenceOver(records, id);
    if (silence) {
      const what = silence.paragraphIds ? (this.label(id) ?? i18next.t('silence.wholeTextCap')) : i18next.t('silence.wholeTextCap');
      return i18next.t('silence.lockedEdit', { what, deadline: formatDeadline(silence.deadline, interfaceLocale()) });
    }
    // A new paragraph after a locked one changes nothing in it.
    if (draft.mode === 'newParagraph') return null;
    const status = records.paragraphs[id]?.status ?? 'open';
    if (!LOCKED.has(status)) return null;
    const what = i18next.t(`paragraphStatus.${status}`);
    // The server's words (shared lockedError), and what it means here.
    const label = this.label(id);
    return label ? i18next.t('propose.locked', { paragraph: label, status: what }) : i18next.t('propose.lockedThis', { status: what });
  }

  /** Says why a draft is refused: once per draft, not once per key. */
  private refuse(current: Draft, message: string): void {
    if (this.refusedDraft !== current.id) this.env.notify(message);
    this.refusedDraft = current.id;
  }

  /** Starts a draft at a selection (a click or a drag in the text, an arrow key, a shortcut). */
  start(selection: { from: number; to: number }, mode: DraftMode = 'type'): void {
    const { from, to } = selection;
    const anchor = anchorFor(this.doc, { from, to });
    if (!anchor) {
      if (to > from) this.env.notify(i18next.t('propose.oneParagraph'));
      return;
    }
    const current = this.draft;
    const same = !!current && current.from === from && current.to === to;
    // A draft with typed text elsewhere is sent, never dropped, when another one starts.
    if (current && !same && current.text && !current.sending) void this.send(actionOf(current), current);
    const text = same ? current.text : '';
    const continues = mode === 'type' && from === to ? (continuationAt(this.doc, from, this.env.records().proposals, this.env.me()) ?? undefined) : undefined;
    this.show({ id: same ? current.id : this.nextId++, from, to, anchor, text, mode, caption: this.caption(mode, to), continues, unsent: same ? current.unsent : undefined });
    if (!this.composing) {
      this.value = text;
      this.env.input.setValue(text);
      this.sentPrefix = 0;
    }
    this.env.input.focus();
  }

  /**
   * The browser's final selection, when it differs from the one the draft started at (it can
   * settle after the mouseup): moves the draft there if nothing has been typed yet.
   */
  refine(selection: { from: number; to: number }): void {
    const current = this.draft;
    if (current) this.env.input.focus();
    if (current && (current.text || current.sending || current.continues || this.composing)) return;
    if (current && current.from === selection.from && current.to === selection.to) return;
    this.start(selection, current?.mode ?? 'type');
  }

  /** The input's value changed (typing, a paste, an input method's composition). */
  input(value: string): void {
    const current = this.draft;
    if (!current) return;
    const text = value.slice(this.sentPrefix);
    if (text && !current.text) {
      const refused = this.refusal(current);
      if (refused) {
        this.refuse(current, refused);
        this.value = value.slice(0, this.sentPrefix);
        this.env.input.setValue(this.value);
        return;
      }
    }
    this.value = value;
    this.show({ ...current, text, refused: false });
    this.schedule();
  }

  compositionStart(): void {
    this.composing = true;
  }

  compositionEnd(value: string): void {
    this.composing = false;
    this.input(value);
  }

  get isComposing(): boolean {
    return this.composing;
  }

  /** Sends typed text after a pause, never in the middle of an input method's composition. */
  private schedule(): void {
    this.env.clock.clearTimeout(this.pause);
    this.pause = this.env.clock.setTimeout(() => {
      this.pause = null;
      if (this.composing) return this.schedule();
      const current = this.draft;
      if (!current || current.refused || current.sending || !current.text.trim()) return;
      if (!this.env.connected()) return this.hold(current);
      void this.send(actionOf(current), current, true);
    }, PAUSE_MS);
  }

  /** Offline: the draft is kept in the outbox (so it survives a reload) and stays open for typing on. */
  private hold(current: Draft): void {
    const built = this.build(actionOf(current), current);
    if (!built.ok) return;
    this.env.outbox.hold(this.holder(current.id), built.command, current.text, this.label(current.anchor.paragraphId));
    if (!current.unsent) this.show({ ...current, unsent: true });
  }

  private build(action: ProposeAction, current: Draft) {
    const alternativeTo = action === 'alternative' ? (alternativeTarget(this.doc, current, this.env.records().proposals) ?? undefined) : undefined;
    return buildProposal(this.doc, { ...current, alternativeTo }, action, current.text, this.env.onBehalfOf());
  }

  /** The connection opened or closed: a draft held while offline is sent now. */
  connectionChanged(connected: boolean): void {
    if (!connected) return;
    const current = this.draft;
    if (current?.unsent && !current.sending && current.text.trim() && !this.composing) void this.send(actionOf(current), current, true);
    void this.env.outbox.pump();
  }

  /**
   * Sends a draft. `typingOn`: sent after a pause in typing, so the draft stays open at the end of
   * the text just proposed and further typing extends that proposal (editProposal).
   */
  async send(action: ProposeAction, current: Draft | null, typingOn = false): Promise<void> {
    this.env.clock.clearTimeout(this.pause);
    if (!current) return this.env.notify(i18next.t('propose.clickFirst'));
    if (current.sending) {
      if (!typingOn) this.finishAfter = true;
      return;
    }
    const refused = this.refusal(current);
    if (refused) return this.refuse(current, refused);
    const built = this.build(action, current);
    if (!built.ok) return this.env.notify(built.message);
    const sent = current.text;
    // The copy held while offline is replaced by this command.
    this.env.outbox.take(this.holder(current.id));
    this.finishAfter = !typingOn;
    this.show({ ...current, sending: true, refused: false, unsent: false });
    const where = this.label(current.anchor.paragraphId);
    const delivery = await this.env.outbox.submit(built.command, sent, where);
    if (this.destroyed) return;
    const now = this.draft;
    // The person may have moved on to another draft meanwhile: leave that one alone.
    const same = now?.id === current.id;
    if (delivery.status === 'refused') {
      if (same) this.show({ ...now, sending: false, refused: true });
      this.env.notify(sent ? i18next.t('propose.refusedText', { reason: refusalText(delivery.error), text: quote(sent) }) : refusalText(delivery.error));
      return;
    }
    if (delivery.status === 'queued') {
      this.env.notify(sent ? i18next.t('propose.queuedText', { text: quote(sent) }) : i18next.t('propose.queued'));
      if (!same || !now) return;
      const rest = now.text.startsWith(sent) ? now.text.slice(sent.length) : now.text;
      if (!rest) return this.finish();
      // Typed on meanwhile: that goes on as a draft of its own, after the queued text.
      this.sentPrefix += sent.length;
      const before = ((now.anchor.before ?? '') + cleanProposalText(sent)).slice(-12);
      const next: Draft = { ...now, id: this.nextId++, text: rest, sending: false, unsent: true, anchor: now.from === now.to ? { ...now.anchor, before } : now.anchor };
      if (this.finishAfter) {
        const builtRest = this.build(actionOf(next), next);
        if (builtRest.ok) void this.env.outbox.submit(builtRest.command, rest, where);
        return this.finish();
      }
      this.show(next);
      this.hold(next);
      this.schedule();
      return;
    }
    if (!same || !now) return;
    const proposalId = delivery.result.proposalId;
    const range = proposalId && built.command.type === 'propose' ? proposalTextRange(this.doc, proposalId) : current.continues ? proposalTextRange(this.doc, current.continues.proposalId) : null;
    const rest = now.text.startsWith(sent) ? now.text.slice(sent.length) : now.text;
    const ownId = proposalId ?? current.continues?.proposalId;
    if (!range || !ownId || (this.finishAfter && !rest)) return this.finish();
    // Keep drafting at the caret inside the proposal's text, after what was just sent.
    const text = this.doc.textBetween(range.from, range.to, '', '\uFFFC');
    const before = (current.continues?.before ?? '') + cleanProposalText(sent);
    const caret = Math.min(range.to, range.from + before.length);
    const anchor = anchorFor(this.doc, { from: caret, to: caret });
    if (!anchor) return this.finish();
    this.sentPrefix += sent.length;
    const next: Draft = {
      id: now.id,
      from: caret,
      to: caret,
      anchor,
      text: rest,
      mode: 'type',
      continues: { proposalId: ownId, before: text.slice(0, caret - range.from), after: text.slice(caret - range.from) },
    };
    this.show(next);
    if (this.finishAfter) void this.send('text', next);
    else if (rest) this.schedule();
  }

  /** Closes the draft (everything in it has been sent or kept). */
  finish(): void {
    this.env.clock.clearTimeout(this.pause);
    this.pause = null;
    this.finishAfter = false;
    this.show(null);
    if (!this.composing) {
      this.value = '';
      this.env.input.setValue('');
    }
    this.sentPrefix = 0;
    this.env.input.blur();
  }

  /** Escape: the draft is set aside, not sent, and a toast brings it back. */
  escape(): void {
    const current = this.draft;
    if (current && !current.sending) this.env.outbox.take(this.holder(current.id));
    this.finish();
    if (!current || !current.text.trim() || current.sending) return;
    this.env.notify(i18next.t('propose.setAside', { text: quote(current.text) }), { label: i18next.t('propose.restore'), run: () => this.restore(current) });
  }

  /** Brings back a draft set aside (found again by its anchor, as others may have edited meanwhile). */
  restore(draft: Draft): void {
    const placed = relocate(this.doc, { ...draft, id: this.nextId++, sending: false, refused: false, unsent: false });
    this.show(placed);
    this.value = placed.text;
    this.sentPrefix = 0;
    this.env.input.setValue(placed.text);
    this.env.input.focus();
    this.schedule();
  }

  /** Leaving the input (a click elsewhere, another window): what was typed is sent, never dropped. */
  blur(): void {
    const current = this.draft;
    if (this.composing || !current) return;
    if (current.sending) this.finishAfter = true;
    else if (current.text && !current.refused) void this.send(actionOf(current), current);
    else {
      if (current.refused && current.text.trim()) this.env.notify(i18next.t('propose.notSent', { text: quote(current.text) }), { label: i18next.t('propose.restore'), run: () => this.restore(current) });
      this.finish();
    }
  }

  /** An explicit action from the bubble or a shortcut. */
  act(action: ProposeAction | 'textFocus'): void {
    const current = this.draft;
    if (action === 'textFocus' || action === 'alternative' || action === 'newParagraph' || action === 'paragraphAlternative') {
      const mode: DraftMode = action === 'textFocus' ? 'type' : action;
      if (current) {
        this.show({ ...current, mode, caption: this.caption(mode, current.to) });
        if (current.text) this.schedule();
      } else {
        const sel = this.env.host.state.selection;
        this.start({ from: sel.from, to: sel.to }, mode);
      }
      this.env.input.focus();
      return;
    }
    if ((action === 'delete' || action === 'reserve') && current) {
      const refused = this.refusal(current);
      if (refused) return this.refuse(current, refused);
    }
    void this.send(action, current);
  }

  /**
   * A key in the input. Returns whether it was handled (the view then prevents the browser's default).
   * `moveTo`: where an arrow key puts the insertion point when nothing has been typed.
   */
  key(key: ProposeKey): boolean {
    if (this.composing) return false;
    const current = this.draft;
    if ((key === 'ArrowLeft' || key === 'ArrowRight') && current) {
      // Moving the caret sends what was typed; with nothing typed it moves the insertion point.
      if (current.text) {
        void this.send(actionOf(current), current);
        return true;
      }
      const $at = this.doc.resolve(key === 'ArrowLeft' ? current.from : current.to);
      if ($at.depth < 1) return true;
      const step = current.from === current.to ? (key === 'ArrowLeft' ? -1 : 1) : 0;
      const pos = Math.min($at.end(1), Math.max($at.start(1), $at.pos + step));
      this.start({ from: pos, to: pos });
      return true;
    }
    if (key === 'Escape') {
      this.escape();
      return true;
    }
    if (key === 'Enter' || key === 'Tab') {
      if (!current?.text && key === 'Tab') return false;
      // Enter after a pause-send with nothing typed since: the proposal is complete.
      if (current?.continues && !current.text && !current.sending) {
        this.finish();
        return true;
      }
      // Enter with nothing typed at the end of a paragraph starts a new paragraph after it ("5 bis").
      if (key === 'Enter' && current && !current.text && current.mode === 'type' && current.from === current.to && atParagraphEnd(this.env.host.state, current.to)) {
        this.act('newParagraph');
        return true;
      }
      if (current?.refused && current.text) {
        // Enter again on a refused draft: try again.
        void this.send(actionOf(current), { ...current, refused: false });
        return true;
      }
      if (current) void this.send(actionOf(current), current);
      else this.env.notify(i18next.t('propose.clickFirst'));
      return true;
    }
    if ((key === 'Backspace' || key === 'Delete') && current && !current.text && current.to > current.from) {
      const refused = this.refusal(current);
      if (refused) this.refuse(current, refused);
      else void this.send('delete', current);
      return true;
    }
    if ((key === 'Backspace' || key === 'Delete') && current?.continues && !current.text) {
      // Deleting inside one's own insertion shortens it (or withdraws it once it is empty).
      void this.shorten(current, key === 'Backspace' ? 'before' : 'after');
      return true;
    }
    return false;
  }

  /**
   * Backspace/Delete in one's own insertion: each key shortens the wanted text at once (held
   * here, so quick keys are never lost while an edit is on its way) and the latest is sent.
   */
  private async shorten(current: Draft, side: 'before' | 'after'): Promise<void> {
    const on = current.continues!;
    const base = this.wanted?.id === current.id ? this.wanted : { id: current.id, before: on.before, after: on.after };
    const before = side === 'before' ? [...base.before].slice(0, -1).join('') : base.before;
    const after = side === 'after' ? [...base.after].slice(1).join('') : base.after;
    this.wanted = { id: current.id, before, after };
    if (this.shortening) return;
    this.shortening = true;
    try {
      for (;;) {
        const goal = this.wanted;
        const now = this.draft;
        if (!goal || now?.id !== goal.id || !now.continues) return;
        if (goal.before === now.continues.before && goal.after === now.continues.after) return;
        const text = goal.before + goal.after;
        const command = text ? ({ type: 'editProposal', proposalId: on.proposalId, text } as const) : ({ type: 'withdraw', proposalId: on.proposalId } as const);
        const delivery = await this.env.outbox.submit(command, text || '(withdraw)', this.label(now.anchor.paragraphId));
        if (this.destroyed) return;
        const later = this.draft;
        if (later?.id !== goal.id) return;
        if (delivery.status !== 'sent') {
          this.wanted = null;
          if (delivery.status === 'queued') this.finish();
          return this.env.notify(delivery.status === 'queued' ? i18next.t('propose.queuedChange', { text: quote(text) }) : refusalText(delivery.error));
        }
        const range = text ? proposalTextRange(this.doc, on.proposalId) : null;
        const caret = range ? range.from + goal.before.length : null;
        const anchor = caret === null ? null : anchorFor(this.doc, { from: caret, to: caret });
        if (!range || caret === null || !anchor) {
          this.wanted = null;
          return this.finish();
        }
        this.show({ ...later, from: caret, to: caret, anchor, continues: { proposalId: on.proposalId, before: goal.before, after: goal.after } });
      }
    } finally {
      this.shortening = false;
    }
  }

  /**
   * The view goes away (propose mode switched off, the page left): typed text still goes out
   * through the outbox rather than vanishing with the view.
   */
  destroy(): void {
    const current = this.draft;
    this.env.clock.clearTimeout(this.pause);
    if (current?.text.trim() && !current.sending) {
      const built = this.build(actionOf(current), current);
      this.env.outbox.take(this.holder(current.id));
      if (built.ok) void this.env.outbox.submit(built.command, current.text, this.label(current.anchor.paragraphId));
    }
    this.show(null);
    this.destroyed = true;
  }
}

/** Whether a document position is the end of its paragraph's text. */
function atParagraphEnd(state: EditorState, pos: number): boolean {
  const $pos = state.doc.resolve(pos);
  return $pos.depth >= 1 && pos === $pos.end(1);
}
