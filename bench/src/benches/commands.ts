// Server-side time of one bracket command (shared/src/brackets/ydoc.ts) on a 1 K and a 1.1 M-character
// text: an observer's refused accept, a delegation's insertion, the chair's acceptance. Each runs as
// the room runs it (inside one Y.Doc transaction, index upkeep included), through the
// paragraph-scoped path (`applyCommandToYDoc`) and, for reference, the whole-document path it
// replaced (`applyCommandToYDocWhole`).
import * as Y from 'yjs';
import { nowMs } from '../protocol.js';
import { table } from '../report.js';
import { median, round } from '../stats.js';
import { atMost, type Bench } from './types.js';

const TARGETS: Record<string, number> = { refused: 0.1, propose: 1, accept: 1 };
const KINDS = ['refused', 'refusedByState', 'propose', 'accept'] as const;
const ms = (x: number) => (x < 0.1 ? x.toFixed(4) : x.toFixed(2));
const SIZES = [
  { name: '1 K', chars: 1_000, paragraphs: 10 },
  { name: '1.1 M', chars: 945_000, paragraphs: 5_000 },
];

export const commandsBench: Bench = {
  name: 'commands',
  title: 'Bracket commands: server time per command, 1 K vs 1.1 M characters',
  async unavailable() {
    return null;
  },
  async run(_config, log) {
    const { generateTreatyText } = await import('@accord/shared/diff/index');
    const { schema } = await import('@accord/shared');
    const shared = await import('@accord/shared/brackets/index');
    type Proposal = import('@accord/shared/brackets/index').Proposal;
    type Command = import('@accord/shared/brackets/index').Command;
    type Actor = import('@accord/shared/brackets/index').Actor;
    const CHAIR: Actor = { role: 'chair', id: 'chair', delegation: 'Chair' };
    const OBSERVER: Actor = { role: 'observer', id: 'press', delegation: 'Press' };
    const EU: Actor = { role: 'delegation', id: 'eu', delegation: 'EU' };

    const json: Record<string, unknown> = {};
    const rows: Array<Array<string | number>> = [];
    const scopedMs: Record<string, Record<string, number>> = {};
    for (const size of SIZES) {
      const { a } = generateTreatyText(1, { language: 'en', chars: size.chars, paragraphs: size.paragraphs });
      const pm = schema.nodeFromJSON(a.doc);
      const build = () => {
        const ydoc = new Y.Doc();
        shared.writeBody(ydoc, ydoc.getXmlFragment('body'), schema.topNodeType.create(null, []), pm);
        const proposals = ydoc.getMap<Proposal>('proposals');
        for (const p of Object.values(a.proposals ?? {})) {
          proposals.set(p.id, {
            id: p.id, kind: p.kind as Proposal['kind'], paragraphId: String(p.paragraphId), sponsors: [{ name: String(p.sponsors?.[0] ?? 'EU') }],
            supporters: [], opposers: [], comments: [], status: 'open', createdAt: 0, updatedAt: 0,
          });
        }
        return ydoc;
      };
      const chars = pm.textContent.length;
      const paragraphIds: string[] = [];
      pm.forEach((b) => {
        if (b.type.name === 'operative' || b.type.name === 'preambular') paragraphIds.push(b.attrs.id as string);
      });
      const openIds = Object.keys(a.proposals ?? {});
      const out: Record<string, unknown> = { chars, paragraphs: pm.childCount };
      for (const [path, apply] of [['whole', shared.applyCommandToYDocWhole], ['scoped', shared.applyCommandToYDoc]] as const) {
        const ydoc = build();
        let n = 0;
        const ids = () => `b${++n}`;
        const time = (cmd: Command, actor: Actor, expectOk = true): number => {
          let ok = false;
          const t = nowMs();
          ydoc.transact(() => {
            ok = apply(ydoc, cmd, actor, Date.now(), ids).ok;
          });
          const ms = nowMs() - t;
          if (ok !== expectOk) throw new Error(`${cmd.type} by ${actor.role}: unexpected ${ok ? 'success' : 'failure'}`);
          return ms;
        };
        // The first command builds the index (scoped path): reported apart.
        const first = time({ type: 'accept', proposalId: openIds[0] }, CHAIR);
        const runs = path === 'whole' && size.chars > 100_000 ? 15 : 200;
        const refused: number[] = [];
        const refusedByState: number[] = [];
        const proposed: number[] = [];
        const accepted: number[] = [];
        const made: string[] = [];
        for (let i = 0; i < runs; i++) refused.push(time({ type: 'accept', proposalId: openIds[1 + (i % (openIds.length - 1))] }, OBSERVER, false));
        for (let i = 0; i < runs; i++) refusedByState.push(time({ type: 'accept', proposalId: openIds[0] }, CHAIR, false));
        for (let i = 0; i < runs; i++) {
          const paragraphId = paragraphIds[Math.floor(((i * 7919) % paragraphIds.length))];
          proposed.push(time({ type: 'propose', kind: 'insert', anchor: { paragraphId, from: 0, to: 0, text: '' }, text: 'Further, ' }, EU));
          made.push(`b${n}`);
        }
        for (const id of made) accepted.push(time({ type: 'accept', proposalId: id }, CHAIR));
        const med = { refused: median(refused), refusedByState: median(refusedByState), propose: median(proposed), accept: median(accepted) };
        out[path] = { firstCommandMs: round(first, 3), runs, refusedMs: round(med.refused, 4), refusedByStateMs: round(med.refusedByState, 4), proposeMs: round(med.propose, 4), acceptMs: round(med.accept, 4) };
        if (path === 'scoped') scopedMs[size.name] = med;
        log(`  ${size.name} (${chars} characters, ${pm.childCount} blocks) ${path}: first ${round(first, 1)} ms; refused ${round(med.refused, 4)}, refused by state ${round(med.refusedByState, 4)}, propose ${round(med.propose, 3)}, accept ${round(med.accept, 3)} ms (median of ${runs})`);
        (out as Record<string, Record<string, number>>)[`${path}Medians`] = med;
      }
      json[size.name] = out;
      for (const kind of KINDS) {
        const whole = (out.wholeMedians as Record<string, number>)[kind];
        const scoped = (out.scopedMedians as Record<string, number>)[kind];
        const target = TARGETS[kind];
        rows.push([size.name, kind, ms(whole), ms(scoped), target ? `≤ ${target}` : '', target ? (scoped <= target ? 'met' : 'MISSED') : '', '']);
      }
    }
    for (const kind of KINDS) {
      const ratio = scopedMs['1.1 M'][kind] / scopedMs['1 K'][kind];
      json[`ratio_${kind}`] = round(ratio, 2);
      const row = rows.find((r) => r[0] === '1.1 M' && r[1] === kind)!;
      row[6] = `${round(ratio, 2)}×`;
    }
    return {
      json,
      targets: [
        atMost('refused command, 1.1 M text', scopedMs['1.1 M'].refused, TARGETS.refused),
        atMost('propose, 1.1 M text', scopedMs['1.1 M'].propose, TARGETS.propose),
        atMost('accept, 1.1 M text', scopedMs['1.1 M'].accept, TARGETS.accept),
        // "The same on a 1 K and a 1 M text": within noise of 1×, for each kind.
        ...KINDS.map((k) => atMost(`${k}: 1.1 M / 1 K`, json[`ratio_${k}`] as number, 1.5, '×')),
      ],
      text: table(['text', 'command', 'whole-doc ms (before)', 'scoped ms (after)', 'target', '', '1.1 M / 1 K'], rows) +
        '\nrefused: an observer accepts (refused before any read); refusedByState: the chair accepts a proposal already accepted (proposal_not_open)' +
        '\nmedian server time per command inside one Y.Doc transaction (index upkeep included); the first command on a doc, which builds the index, is in results/latest.json',
    };
  },
};
