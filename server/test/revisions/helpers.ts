import { paragraphLabels } from '@accord/shared';
import { applyCommandToYDoc, readBracketState, type Actor, type ApplyOk, type Command } from '@accord/shared/brackets/index';
import type { TestServer } from '../helpers/test-server.js';

/** An English draft with PP1–PP2 and OP1–OP6. */
export const DRAFT = [
  'Draft resolution on cooperation',
  '',
  'The General Assembly,',
  '',
  'Recalling its resolution 74/247 of 27 December 2019,',
  '',
  'Noting with appreciation the work of the Ad Hoc Committee,',
  '',
  '1. Adopts the Convention annexed to the present resolution;',
  '',
  '2. Invites all States to sign the Convention at the earliest date;',
  '',
  '3. Urges Member States to ratify the Convention;',
  '',
  '4. Requests the Secretary-General to designate the secretariat;',
  '',
  '5. Decides to convene a conference of the parties;',
  '',
  '6. Requests the Secretary-General to report at its next session.',
  '',
].join('\n');

export const EU: Actor = { role: 'delegation', id: 'eu', delegation: 'EU' };
export const CHAIR: Actor = { role: 'chair', id: 'chair', delegation: 'Chair' };

/**
 * Runs a bracket command through the room's trusted change path (as the server's command
 * handler does) and waits until it is stored.
 */
export async function runCommand(t: TestServer, sessionId: string, command: Command, actor: Actor): Promise<ApplyOk> {
  const room = await t.server.rooms.acquire(sessionId);
  try {
    let result: ReturnType<typeof applyCommandToYDoc> | null = null;
    room.change((doc) => (result = applyCommandToYDoc(doc, command, actor, Date.now())));
    await room.whenSettled();
    const r = result as ReturnType<typeof applyCommandToYDoc> | null;
    if (!r || !r.ok) throw new Error(`command failed: ${JSON.stringify(r && !r.ok ? r.error : null)}`);
    return r;
  } finally {
    t.server.rooms.release(room);
  }
}

/** Paragraph id and text by short label ("OP5", "PP1") in the live text. */
export async function paragraphs(t: TestServer, sessionId: string): Promise<Map<string, { id: string; text: string }>> {
  const room = await t.server.rooms.acquire(sessionId);
  try {
    const { doc } = readBracketState(room.doc);
    const out = new Map<string, { id: string; text: string }>();
    const labels = paragraphLabels(doc);
    doc.forEach((b) => {
      const l = labels.get(b.attrs.id as string);
      if (l) out.set(l.short, { id: b.attrs.id as string, text: b.textContent });
    });
    return out;
  } finally {
    t.server.rooms.release(room);
  }
}

/**
 * The usual negotiation step between two revisions: the EU replaces "earliest date" in OP2 and
 * proposes a new paragraph after OP5; the chair accepts both. Returns the new paragraph's id.
 */
export async function negotiate(t: TestServer, sessionId: string): Promise<string> {
  const ps = await paragraphs(t, sessionId);
  const op2 = ps.get('OP2')!;
  const from = op2.text.indexOf('earliest date');
  const replace = await runCommand(t, sessionId, { type: 'propose', kind: 'replace', anchor: { paragraphId: op2.id, from, to: from + 'earliest date'.length, text: 'earliest date' }, text: 'earliest possible date' }, EU);
  await runCommand(t, sessionId, { type: 'accept', proposalId: replace.result.proposalId! }, CHAIR);
  const added = await runCommand(t, sessionId, { type: 'propose', kind: 'newParagraph', after: ps.get('OP5')!.id, blockType: 'operative', text: 'Decides that the conference shall meet annually;' }, EU);
  await runCommand(t, sessionId, { type: 'accept', proposalId: added.result.proposalId! }, CHAIR);
  return added.proposals[added.result.proposalId!].paragraphId;
}
