// One keystroke's transaction in the browser on a treaty-sized text: Accord (server + built
// client) as a child process, Debian's Chromium via playwright-core, the chair typing in one
// paragraph of the ≈1.1 M-character generated text while 40 proposals are open in it.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { nowMs } from '../protocol.js';
import { table } from '../report.js';
import { startAccordInstance } from '../servers/accord-instance.js';
import { median, round } from '../stats.js';
import { atMost, type Bench } from './types.js';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const clientDist = path.join(repo, 'client/dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGET_MS = 4;
const KEYSTROKES = Number(process.env.BENCH_EDITOR_KEYSTROKES ?? 50);
/** Typed first and not counted: the first keystrokes compile the typing path (JIT), once per page. */
const WARM_UP = Number(process.env.BENCH_EDITOR_WARM_UP ?? 30);
const PROPOSALS = 40;
/** BENCH_EDITOR_PROFILE=1: a CDP CPU profile of the typing, written to results/ and summarised. */
const PROFILE = process.env.BENCH_EDITOR_PROFILE === '1';
const resultsDir = path.join(repo, 'bench/results');
/** BENCH_EDITOR_TRACE=1: a Chromium trace of the typing (style, layout, paint beside script), summarised. */
const TRACE = process.env.BENCH_EDITOR_TRACE === '1';

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/**
 * Serves another build of the client (BENCH_EDITOR_BEFORE=<dist dir>, e.g. the previous commit's
 * `vite build`) to the page instead of the server's, so both builds run against the same server.
 */
async function serveClientFrom(context: BrowserContext, dir: string): Promise<void> {
  const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
  await context.route(
    (url) => !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/collab'),
    async (route) => {
      const url = new URL(route.request().url());
      const file = path.join(dir, url.pathname);
      const hit = url.pathname !== '/' && file.startsWith(dir) && fs.existsSync(file) && fs.statSync(file).isFile();
      const served = hit ? file : path.join(dir, 'index.html');
      await route.fulfill({ body: fs.readFileSync(served), contentType: types[path.extname(served)] ?? 'application/octet-stream' });
    },
  );
}

interface Run {
  build: string;
  dispatch: number[];
  /** The same transactions' main-thread CPU time (trace tdur): without time the OS gave other processes. */
  cpu: number[];
  /** Of which EditorState.applyTransaction (all plugin states). */
  apply: number[];
  longTasks: number;
  longTaskMs: number;
  openMs: number;
  profile?: CpuProfile;
  trace?: string;
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs. */
  tdur?: number;
  tid: number;
  pid: number;
  args?: { name?: string; beginData?: Record<string, unknown>; elementCount?: number; data?: { type?: string } };
}

/** The renderer main thread's time per trace event name (complete events), in ms per keystroke. */
function summariseTrace(t: { traceEvents: TraceEvent[] }, keystrokes: number): string {
  const main = t.traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const byName = new Map<string, { ms: number; n: number; detail: number }>();
  for (const e of t.traceEvents) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur) continue;
    const name = e.name === 'EventDispatch' ? `EventDispatch ${e.args?.data?.type ?? ''}` : e.name;
    const m = byName.get(name) ?? { ms: 0, n: 0, detail: 0 };
    m.ms += e.dur / 1000;
    m.n++;
    // How much of the page each style recalc and layout touched.
    m.detail += Number(e.args?.elementCount ?? e.args?.beginData?.dirtyObjects ?? 0);
    byName.set(name, m);
  }
  return ['renderer main thread while typing, ms per keystroke (count; elements restyled / objects laid out per event):',
    ...[...byName].sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(process.env.BENCH_EDITOR_TRACE_TOP ?? 25)).map(([k, m]) => `  ${(m.ms / keystrokes).toFixed(2).padStart(8)} ms  ${k} (${m.n}${m.detail ? `; ${Math.round(m.detail / m.n)}` : ''})`)].join('\n');
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Per function, over the samples taken inside the bench's `benchDispatch` (the keystroke
 * transactions) and over all busy samples while typing: self time and total time (a function
 * counted once per sample however often it recurses), in ms per keystroke.
 */
function summariseProfile(p: CpuProfile, keystrokes: number, top: number): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (id: number): string => {
    const f = byId.get(id)!.callFrame;
    const file = f.url.replace(/^.*\//, '').replace(/\?.*$/, '');
    return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
  };
  const inDispatch = { self: new Map<string, number>(), total: new Map<string, number>(), ms: 0 };
  const all = { self: new Map<string, number>(), total: new Map<string, number>(), ms: 0 };
  const add = (m: Map<string, number>, k: string, t: number) => m.set(k, (m.get(k) ?? 0) + t);
  for (let i = 0; i < p.samples.length; i++) {
    const t = (p.timeDeltas[i + 1] ?? p.timeDeltas[i] ?? 0) / 1000;
    const leaf = p.samples[i];
    const name = byId.get(leaf)!.callFrame.functionName;
    if (name === '(idle)') continue;
    const stack: number[] = [];
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) stack.push(id);
    const within = stack.some((id) => byId.get(id)!.callFrame.functionName === 'benchDispatch');
    for (const bucket of within ? [inDispatch, all] : [all]) {
      bucket.ms += t;
      add(bucket.self, key(leaf), t);
      for (const k of new Set(stack.map(key))) add(bucket.total, k, t);
    }
  }
  const fmt = (ms: number) => (ms / keystrokes).toFixed(3).padStart(8);
  const list = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, t]) => `  ${fmt(t)} ms  ${k}`).join('\n');
  return [
    `CPU profile, ms per keystroke (${keystrokes} keystrokes); inside view.dispatch: ${fmt(inDispatch.ms)} ms, all busy time while typing: ${fmt(all.ms)} ms`,
    'inside dispatch, self time:', list(inDispatch.self),
    'inside dispatch, total time:', list(inDispatch.total),
    'all busy time while typing, self time:', list(all.self),
    'all busy time while typing, total time:', list(all.total),
  ].join('\n');
}

/**
 * Types KEYSTROKES characters at the end of one paragraph in the middle of the text. Each
 * keystroke's `view.dispatch` (state apply with every plugin, then the view update: the
 * transaction's whole synchronous cost) is timed with performance.now() by wrapping the
 * instance's dispatch; Tiptap keeps the editor on its DOM node, so no hook in the client is needed.
 * Long tasks (> 50 ms, PerformanceObserver) over the typing catch deferred work such as panel renders.
 */
async function typeIn(page: Page, link: string, build: string): Promise<Run> {
  const t = nowMs();
  await page.goto(link);
  await page.locator('article[data-synced="true"] .ProseMirror[contenteditable="true"]').waitFor({ timeout: 120_000 });
  await page.locator('.bracket-panel .bracket-total').waitFor({ timeout: 60_000 });
  const openMs = nowMs() - t;
  await page.evaluate(() => {
    type Dispatch = (tr: unknown) => void;
    const dom = document.querySelector('.ProseMirror') as HTMLElement & {
      editor: { view: { dispatch: Dispatch; state: { doc: { childCount: number; child(i: number): { nodeSize: number } } } }; commands: { focus(): void; setTextSelection(p: number): void; scrollIntoView(): void } };
    };
    const { editor } = dom;
    const view = editor.view;
    const w = window as unknown as { __bench: { dispatch: number[]; apply: number[]; longTasks: number[] } };
    w.__bench = { dispatch: [], apply: [], longTasks: [] };
    const original = view.dispatch.bind(view) as Dispatch;
    // The state's apply (every plugin's state, the document index among them) apart from the rest.
    const state = view.state as unknown as { constructor: { prototype: { applyTransaction: (tr: unknown) => unknown } } };
    const proto = state.constructor.prototype;
    const apply = proto.applyTransaction;
    let applyMs = 0;
    proto.applyTransaction = function (this: unknown, tr: unknown) {
      const start = performance.now();
      try {
        return apply.call(this, tr);
      } finally {
        applyMs += performance.now() - start;
      }
    };
    // Wrapped in a function named benchDispatch, so that a CPU profile (BENCH_EDITOR_PROFILE) can
    // attribute time to the dispatch (built from a string: tsx would add a `__name` helper call).
    const named = new Function('inner', 'return function benchDispatch(tr) { inner(tr); }') as (inner: Dispatch) => Dispatch;
    // Run inside an event dispatched on a detached element: Chromium's trace then holds each
    // transaction as an EventDispatch of type accord-keystroke with its main-thread CPU time
    // (tdur) beside its wall time, without the time the OS gave other processes.
    const target = document.createElement('span');
    let pending: unknown = null;
    target.addEventListener('accord-keystroke', () => original(pending));
    view.dispatch = named((tr: unknown): void => {
      applyMs = 0;
      pending = tr;
      const start = performance.now();
      target.dispatchEvent(new Event('accord-keystroke'));
      w.__bench.dispatch.push(performance.now() - start);
      w.__bench.apply.push(applyMs);
      pending = null;
    });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__bench.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
    // The end of a paragraph in the middle of the text.
    const doc = view.state.doc;
    const middle = Math.floor(doc.childCount / 2);
    let pos = 0;
    for (let i = 0; i <= middle; i++) pos += doc.child(i).nodeSize;
    editor.commands.focus();
    editor.commands.setTextSelection(pos - 1);
    editor.commands.scrollIntoView();
  });
  // BENCH_EDITOR_EVAL: a script run in the page before typing, for trying a change without a build.
  if (process.env.BENCH_EDITOR_EVAL) await page.evaluate(process.env.BENCH_EDITOR_EVAL);
  for (let i = 0; i < WARM_UP; i++) {
    await page.keyboard.press('KeyA');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  // Settle, then forget the focus, selection and warm-up transactions.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
  await page.evaluate(() => {
    const w = window as unknown as { __bench: { dispatch: number[]; apply: number[]; longTasks: number[] } };
    w.__bench.dispatch = [];
    w.__bench.apply = [];
    w.__bench.longTasks = [];
  });
  const browser = page.context().browser();
  // Always traced (devtools.timeline at least), for each transaction's CPU time.
  if (browser) await browser.startTracing(page, { categories: (TRACE ? process.env.BENCH_EDITOR_TRACE_CATEGORIES ?? 'devtools.timeline,disabled-by-default-devtools.timeline' : 'devtools.timeline').split(',') });
  const cdp = PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.press(i % 7 === 6 ? 'Space' : 'KeyA');
    // One keystroke per frame, as a fast typist at 60 Hz; the frame's deferred work runs too.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  let profile: CpuProfile | undefined;
  if (cdp) {
    profile = ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile;
    await cdp.detach();
  }
  const events = browser ? (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }) : { traceEvents: [] };
  const trace = TRACE ? summariseTrace(events, KEYSTROKES) : undefined;
  const got = await page.evaluate(() => (window as unknown as { __bench: { dispatch: number[]; apply: number[]; longTasks: number[] } }).__bench);
  const cpu = events.traceEvents.filter((e) => e.ph === 'X' && e.name === 'EventDispatch' && e.args?.data?.type === 'accord-keystroke' && e.tdur !== undefined).map((e) => e.tdur! / 1000);
  return { build, dispatch: got.dispatch, cpu, apply: got.apply, longTasks: got.longTasks.length, longTaskMs: got.longTasks.reduce((a, b) => a + b, 0), openMs, profile, trace };
}

export const editorKeystrokeBench: Bench = {
  name: 'editor-keystroke',
  title: 'Keystroke transaction in the browser on the 1.1 M-character text',
  async unavailable() {
    if (!fs.existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
    if (!fs.existsSync(path.join(clientDist, 'index.html'))) return 'no built client (run pnpm build at the root)';
    return null;
  },
  async run(_config, log) {
    const { generateTreatyText } = await import('@accord/shared/diff/index');
    const { schema, exportPlainText } = await import('@accord/shared');
    const accord = await startAccordInstance('editor');
    const { base, adminKey } = accord;
    const call = async <T>(token: string, method: string, url: string, body?: unknown): Promise<T> => {
      const res = await fetch(base + url, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${(await res.text()).slice(0, 300)}`);
      return (await res.json()) as T;
    };
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    });
    try {
      const { a } = generateTreatyText(1, { language: 'en', chars: 1_000_000 });
      const text = exportPlainText(schema.nodeFromJSON(a.doc));
      const created = await call<{ session: { id: string }; chairToken: string }>(adminKey, 'POST', '/api/sessions', { title: 'Treaty', text });
      const id = created.session.id;
      // Open brackets spread over the text, so that annotations and counts have work to do.
      const delegation = await call<{ token: string }>(created.chairToken, 'POST', `/api/sessions/${id}/participants`, { role: 'delegation', delegation: 'EU' });
      const docJson = await call<{ blocks: { id: string; type: string; text: string }[] }>(adminKey, 'GET', `/api/sessions/${id}/document`);
      const targets = docJson.blocks.filter((b) => b.type === 'operative' && b.text.length > 20);
      for (let i = 0; i < PROPOSALS; i++) {
        const block = targets[Math.floor(((i + 1) * targets.length) / (PROPOSALS + 1))];
        await call(delegation.token, 'POST', `/api/sessions/${id}/commands`, { command: { type: 'propose', kind: 'insert', anchor: { paragraphId: block.id, from: 0, to: 0, text: '' }, text: 'Also ' } });
      }
      log(`  session of ${text.length} characters, ${docJson.blocks.length} blocks, ${PROPOSALS} open proposals`);

      const builds: Array<[string, string | null]> = [['this build', null]];
      if (process.env.BENCH_EDITOR_BEFORE) builds.unshift(['before (BENCH_EDITOR_BEFORE)', path.resolve(process.env.BENCH_EDITOR_BEFORE)]);
      const runs: Run[] = [];
      for (const [name, dir] of builds) {
        const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
        if (dir) await serveClientFrom(context, dir);
        const page = await context.newPage();
        const run = await typeIn(page, `${base}/s/${id}?token=${created.chairToken}`, name);
        runs.push(run);
        if (run.profile) {
          fs.mkdirSync(resultsDir, { recursive: true });
          const file = path.join(resultsDir, `editor-keystroke-${name.replace(/\W+/g, '-')}.cpuprofile`);
          fs.writeFileSync(file, JSON.stringify(run.profile));
          log(`  ${name}: profile in ${path.relative(repo, file)}`);
          log(summariseProfile(run.profile, run.dispatch.length, Number(process.env.BENCH_EDITOR_PROFILE_TOP ?? 25)));
          delete run.profile;
        }
        if (run.trace) log(run.trace);
        if (process.env.BENCH_EDITOR_EACH === "1") log(`  each: ${run.dispatch.map((d, i) => `${d.toFixed(1)}/${run.apply[i].toFixed(1)}`).join(" ")}`);
        log(`  ${name}: ${run.dispatch.length} transactions, median ${round(median(run.dispatch))} ms, p95 ${round(percentile(run.dispatch, 95))} ms; main-thread CPU median ${round(median(run.cpu))} ms, p95 ${round(percentile(run.cpu, 95))} ms (${run.cpu.length} traced)`);
        await context.close();
      }
      const json: Record<string, unknown> = { chars: text.length, blocks: docJson.blocks.length, proposals: PROPOSALS, keystrokes: KEYSTROKES, targetMs: TARGET_MS };
      const rows = runs.map((r) => {
        const med = round(median(r.dispatch));
        const p95 = round(percentile(r.dispatch, 95));
        const cpuMed = round(median(r.cpu));
        const cpuP95 = round(percentile(r.cpu, 95));
        json[r.build] = { medianMs: med, p95Ms: p95, cpuMedianMs: cpuMed, cpuP95Ms: cpuP95, applyMedianMs: round(median(r.apply)), applyP95Ms: round(percentile(r.apply, 95)), maxMs: round(Math.max(...r.dispatch)), transactions: r.dispatch.length, longTasks: r.longTasks, longTaskMs: round(r.longTaskMs), openMs: round(r.openMs) };
        return [r.build, r.dispatch.length, med, p95, round(Math.max(...r.dispatch)), `${cpuMed} / ${cpuP95}`, `${round(median(r.apply))} / ${round(percentile(r.apply, 95))}`, `${r.longTasks} / ${round(r.longTaskMs)} ms`, `≤ ${TARGET_MS}`, med <= TARGET_MS && cpuP95 <= TARGET_MS ? (p95 <= TARGET_MS ? 'met' : 'met (CPU p95)') : 'MISSED'];
      });
      const current = runs.find((r) => r.build === 'this build');
      return {
        json,
        targets: [
          atMost('editor keystroke transaction, median (1.1 M text)', current ? median(current.dispatch) : null, TARGET_MS),
          atMost('editor keystroke transaction, main-thread CPU p95 (1.1 M text)', current?.cpu.length ? percentile(current.cpu, 95) : null, TARGET_MS),
          atMost('editor keystroke transaction, wall-clock p95 (1.1 M text)', current ? percentile(current.dispatch, 95) : null, TARGET_MS),
        ],
        text:
          `Chair typing ${KEYSTROKES} keystrokes (after ${WARM_UP} not counted) at the end of one paragraph of ${text.length} characters (${docJson.blocks.length} blocks, ${PROPOSALS} open proposals), Chromium; ` +
          'time of each keystroke transaction (view.dispatch: every plugin, then the view update); wall clock (performance.now) and the main thread\'s CPU time ' +
          '(Chromium trace), which leaves out the moments the OS ran something else (Chromium\'s other processes, the server: 2 shared cores)\n' +
          table(['client', 'transactions', 'median ms', 'p95 ms', 'max ms', 'CPU median / p95 ms', 'state apply median / p95', 'long tasks while typing', 'target', ''], rows),
      };
    } finally {
      await browser.close();
      await accord.stop();
    }
  },
};
