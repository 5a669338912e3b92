import type * as Y from 'yjs';
import type { RoomIndex } from './room-index.js';
import type { Command } from './types.js';

/**
 * BR60: the blocks a command can read or change, so that the rules, run on a doc of just these
 * blocks with every record, give exactly what they give on the whole text:
 * - seeds: the paragraph anchored on; `after` of a new paragraph with its alternatives and the
 *   block after them; the target proposal's blocks, its paragraph and the paragraph it `replaces`;
 *   an undone decision's blocks and the blocks before them;
 * - closed over proposals: every block of every proposal with brackets in a block of the scope
 *   (or made in it, or its group's), so that "is its text still anywhere", "where is it first" and
 *   what a superseding decision lifts are answered as on the whole text;
 * - with the block before each: a changed block's `prev` in the decision log, and where a
 *   new block goes, are then its true neighbours.
 * Support, oppose, co-sponsor and comment read no text: their scope is empty.
 */
export function commandScope(index: RoomIndex, command: Command): Set<Y.XmlElement> {
  const seeds = new Set<Y.XmlElement>();
  const ids: string[] = [];
  const block = (id: unknown) => {
    const el = index.element(id);
    if (el) seeds.add(el);
  };
  const target = (id: unknown) => {
    const p = index.proposal(id);
    if (!p) return;
    ids.push(p.id);
    block(p.paragraphId);
    block(p.replaces);
  };
  const c = command as Command & Record<string, unknown>;
  switch (command.type) {
    case 'propose': {
      const anchor = c.anchor as { paragraphId?: unknown } | undefined;
      if (anchor && typeof anchor === 'object') block(anchor.paragraphId);
      if (command.kind === 'alternative') target(command.alternativeTo);
      if (command.kind === 'deleteParagraph') block(command.paragraphId);
      if (command.kind === 'newParagraph') {
        const after = index.element(command.after);
        if (after) {
          seeds.add(after);
          let i = index.position(after) + 1;
          for (; i < index.size && index.node(index.at(i)!).attrs.altOf === command.after; i++) seeds.add(index.at(i)!);
          if (i < index.size) seeds.add(index.at(i)!);
        }
      }
      break;
    }
    case 'editProposal':
    case 'withdraw':
    case 'accept':
    case 'reject':
      target(command.proposalId);
      break;
    case 'undoDecision': {
      const d = index.decision(command.decisionId);
      for (const s of [...(d?.before ?? []), ...(d?.after ?? [])]) {
        block(s.id);
        block(s.prev);
      }
      // Undo checks the doc it gives (`block+`): a status-only decision still needs one block.
      block(d?.paragraphId);
      if (!seeds.size && index.size) seeds.add(index.at(0)!);
      break;
    }
    case 'setParagraphStatus':
    case 'screen.hold':
      block(command.paragraphId);
      break;
    case 'floor.request':
      // The rule only asks whether the paragraph exists.
      block(command.paragraphId);
      break;
    case 'silence.start':
    case 'silence.expire':
      // Rare (the chair, the clock), and they name paragraphs as the room numbers them ("OP3"), or
      // adopt every paragraph of the text: the whole text, from the cached blocks.
      for (let i = 0; i < index.size; i++) seeds.add(index.at(i)!);
      break;
    default:
      break;
  }
  return withPredecessors(index, closure(index, seeds, ids));
}

function closure(index: RoomIndex, seeds: Set<Y.XmlElement>, ids: string[]): Set<Y.XmlElement> {
  const scope = new Set<Y.XmlElement>();
  const seen = new Set<string>();
  const blocks = [...seeds];
  const queue = [...ids];
  const addBlock = (el: Y.XmlElement) => {
    if (!scope.has(el)) blocks.push(el);
  };
  while (blocks.length || queue.length) {
    const id = queue.pop();
    if (id !== undefined) {
      if (seen.has(id)) continue;
      seen.add(id);
      index.blocksOf(id)?.forEach(addBlock);
      const p = index.proposal(id);
      if (p && typeof p.group === 'string') queue.push(p.group, ...(index.groupMembers(p.group) ?? []));
      queue.push(...(index.groupMembers(id) ?? []));
      continue;
    }
    const el = blocks.pop()!;
    if (scope.has(el)) continue;
    scope.add(el);
    queue.push(...index.refs(el));
    const blockId = index.node(el).attrs.id as string;
    queue.push(...(index.proposalsIn(blockId) ?? []));
  }
  return scope;
}

function withPredecessors(index: RoomIndex, scope: Set<Y.XmlElement>): Set<Y.XmlElement> {
  const out = new Set(scope);
  for (const el of scope) {
    const prev = index.at(index.position(el) - 1);
    if (prev) out.add(prev);
  }
  return out;
}
