// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by area.
// Usage: tsx src/profile-summary.ts results/profiles/accord-….cpuprofile [top]
import fs from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const AREAS: Array<[string, RegExp]> = [
  ['garbage collection', /^\(garbage collector\)$/],
  ['idle', /^\(idle\)$/],
  ['ws / sockets / streams', /node_modules\/ws\/|node:net|node:stream|internal\/stream|writev|writeBuffer|writeGeneric|internal\/net|node:internal\/streams/],
  ['sqlite', /better-sqlite3|storage\/sqlite/],
  ['yjs', /node_modules\/yjs\//],
  ['y-protocols / lib0', /y-protocols|lib0/],
  ['awareness (server)', /awareness-relay/],
  ['room / commit (server)', /collab\/(room|commit-queue|handle-message|connection|attach-connection)/],
  ['JSON', /^(parse|stringify)$/],
  ['program / native', /^\(program\)$/],
];

const file = process.argv[2];
const top = Number(process.argv[3] ?? 25);
const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const idle = [...self.entries()].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((a, [, v]) => a + v, 0);
const busy = total - idle;

const fns = new Map<string, number>();
const areas = new Map<string, number>();
for (const [id, t] of self) {
  const f = byId.get(id)!.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/\/work\/main\//, '')}:${f.lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + t);
  const label = `${f.functionName} ${f.url}`;
  const area = AREAS.find(([, re]) => re.test(f.functionName) || re.test(f.url) || re.test(label))?.[0] ?? (f.url.startsWith('node:') ? 'node internals' : 'other');
  areas.set(area, (areas.get(area) ?? 0) + t);
}
const pct = (t: number) => `${((100 * t) / busy).toFixed(1).padStart(5)} %`;
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(2)} s busy (shares below are of busy time)\n`);
for (const [a, t] of [...areas].filter(([a]) => a !== 'idle').sort((x, y) => y[1] - x[1])) console.log(`${pct(t)}  ${a}`);
console.log('');
for (const [k, t] of [...fns].filter(([k]) => !k.startsWith('(idle)')).sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`${pct(t)}  ${k}`);
