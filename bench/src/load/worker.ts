// A load-generator worker process: holds a share of every target room's clients, types into
// one target at a time following the slice schedule, and records when each keystroke reached
// each of its clients.
import { BenchClient, Reader, Typist, type Sink } from './clients.js';
import { MAX_TYPISTS, type FromWorker, type InitMsg, type Slice, type TargetResult, type ToWorker } from './messages.js';
import { nowMs } from '../protocol.js';

interface Target {
  clients: BenchClient[];
  typists: Typist[];
  result: TargetResult;
}

let targets: Target[] = [];
let measuring = -1;
let keystrokeMs = 50;
let typistCount = 10;
const timers: Array<ReturnType<typeof setTimeout>> = [];

function sinkFor(index: number, r: TargetResult): Sink {
  return {
    arrived(id, at, self) {
      if (self >= 0 && id % MAX_TYPISTS === self) return;
      const a = r.arrivals.get(id);
      if (a === undefined) r.arrivals.set(id, [at, 1]);
      else {
        if (at > a[0]) a[0] = at;
        a[1]++;
      }
    },
    counted(n) {
      if (measuring !== index) return;
      r.messages++;
      r.bytes += n;
    },
    error(e) {
      if (r.errors.length < 50) r.errors.push(e);
    },
  };
}

function send(m: FromWorker): void {
  process.send!(m);
}

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

async function init(m: InitMsg): Promise<void> {
  const t = nowMs();
  keystrokeMs = m.keystrokeMs;
  typistCount = m.typists;
  targets = m.targets.map((ti, index) => {
    const result: TargetResult = { sends: [], arrivals: new Map(), messages: 0, bytes: 0, cpuMicros: 0, errors: [] };
    const sink = sinkFor(index, result);
    const clients = ti.seats.map((s) => (s.typist ? new Typist(s, sink, ti.serverSync, m.seedUpdate) : new Reader(s, sink, ti.serverSync)));
    return { clients, typists: clients.filter((c): c is Typist => c instanceof Typist), result };
  });
  const all = targets.flatMap((x) => x.clients);
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < all.length) await all[next++].connect();
  }));
  for (const c of all) if (!(c instanceof Typist)) c.startRenewing(m.readerAwarenessMs);
  send({ type: 'ready', ms: nowMs() - t });
}

function at(time: number, f: () => void): void {
  timers.push(setTimeout(f, Math.max(0, time - nowMs())));
}

/** Typists spread evenly over the keystroke interval, each on its own fixed schedule. */
function typeDuring(slice: Slice): void {
  const target = targets[slice.target];
  for (const t of target.typists) {
    const phase = (t.seat.typistIndex * keystrokeMs) / typistCount;
    let k = 0;
    const tick = () => {
      if (nowMs() >= slice.end) return;
      t.keystroke();
      k++;
      timers.push(setTimeout(tick, Math.max(0, slice.start + phase + k * keystrokeMs - nowMs())));
    };
    at(slice.start + phase, tick);
  }
  if (slice.measured) {
    let cpu0 = 0;
    at(slice.start, () => { measuring = slice.target; cpu0 = cpuMicros(); });
    at(slice.end, () => {
      measuring = -1;
      target.result.cpuMicros += cpuMicros() - cpu0;
    });
  }
}

process.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'init':
      init(m).catch((e: Error) => send({ type: 'failed', error: `${e.message}\n${targets.flatMap((t) => t.result.errors).slice(0, 5).join('\n')}` }));
      break;
    case 'start':
      for (const s of m.slices) typeDuring(s);
      break;
    case 'collect':
      for (const t of targets) t.result.sends = t.typists.flatMap((ty) => ty.sends);
      send({ type: 'result', targets: targets.map((t) => t.result) });
      break;
    case 'close':
      for (const t of timers) clearTimeout(t);
      for (const c of targets.flatMap((x) => x.clients)) c.close();
      setTimeout(() => process.exit(0), 200);
      break;
  }
});
process.on('disconnect', () => process.exit(0));
