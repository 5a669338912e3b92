// The compare REST endpoint end to end on a treaty-sized session: Accord as a child process,
// GET /api/sessions/:id/compare (rev vs live, rev vs rev, HTML), median of N requests.
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { nowMs } from '../protocol.js';
import { table } from '../report.js';
import { startAccordInstance } from '../servers/accord-instance.js';
import { median, round } from '../stats.js';
import { atMost, type Bench } from './types.js';

const serverDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../server');
const routes = path.join(serverDir, 'src/revisions/revision-routes.ts');
const TARGET_MS = 200;

export const compareRestBench: Bench = {
  name: 'compare-rest',
  title: 'Compare endpoint end to end on a treaty-sized session',
  async unavailable() {
    return fs.existsSync(routes) ? null : 'server/src/revisions does not exist yet';
  },
  async run(config, log) {
    const { generateTreatyText } = await import('@accord/shared/diff/index');
    const { schema, exportPlainText } = await import('@accord/shared');
    const accord = await startAccordInstance('compare');
    const { base, adminKey } = accord;
    const call = async (method: string, url: string, body?: unknown): Promise<{ ms: number; bytes: number; json: unknown }> => {
      const t = nowMs();
      const res = await fetch(base + url, {
        method,
        headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      const ms = nowMs() - t;
      if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${text.slice(0, 300)}`);
      return { ms, bytes: text.length, json: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null };
    };
    try {
      const { a } = generateTreatyText(1, { language: 'en', chars: 1_000_000 });
      const text = exportPlainText(schema.nodeFromJSON(a.doc));
      const created = (await call('POST', '/api/sessions', { title: 'Treaty', text })).json as { session: { id: string }; chairToken: string };
      const id = created.session.id;
      const issued1 = await call('POST', `/api/sessions/${id}/revisions`, { label: 'Rev.1' });
      const rev1 = issued1.json as { id: string };
      log(`  session of ${text.length} characters, Rev.1 issued in ${round(issued1.ms)} ms`);

      // The chair edits every 20th paragraph through a stock provider, as in a negotiating day.
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(`${base.replace('http', 'ws')}/collab`, id, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        params: { token: created.chairToken },
        disableBc: true,
      });
      await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
      const blocks = doc.getXmlFragment('body').toArray() as Y.XmlElement[];
      let edited = 0;
      doc.transact(() => {
        for (let i = 10; i < blocks.length; i += 20) {
          const t = blocks[i].get(0);
          if (t instanceof Y.XmlText) {
            t.insert(0, 'As amended, ');
            edited++;
          }
        }
      });
      const deadline = Date.now() + 60_000;
      for (;;) {
        const c = (await call('GET', `/api/sessions/${id}/compare?from=rev:${rev1.id}&to=live`)).json as { stats: { changed: number } };
        if (c.stats.changed >= edited) break;
        if (Date.now() > deadline) throw new Error('the edits never reached the server');
        await new Promise((r) => setTimeout(r, 200));
      }
      provider.destroy();
      doc.destroy();
      const issued2 = await call('POST', `/api/sessions/${id}/revisions`, { label: 'Rev.2' });
      const rev2 = issued2.json as { id: string };

      const cases: Array<[string, string]> = [
        ['Rev.1 → live, json', `from=rev:${rev1.id}&to=live`],
        ['Rev.1 → Rev.2, json', `from=rev:${rev1.id}&to=rev:${rev2.id}`],
        ['Rev.1 → Rev.2, html side by side', `from=rev:${rev1.id}&to=rev:${rev2.id}&format=html&view=side-by-side`],
      ];
      // Issuing includes loading the room (Rev.1) or not (Rev.2), the history point and both writes.
      const json: Record<string, unknown> = { chars: text.length, editedParagraphs: edited, targetMs: TARGET_MS, issueRev1Ms: round(issued1.ms), issueRev2Ms: round(issued2.ms) };
      const rows: Array<Array<string | number>> = [];
      for (const [name, q] of cases) {
        await call('GET', `/api/sessions/${id}/compare?${q}`); // warm-up
        const times: number[] = [];
        let bytes = 0;
        for (let i = 0; i < config.compareRuns; i++) {
          const r = await call('GET', `/api/sessions/${id}/compare?${q}`);
          times.push(r.ms);
          bytes = r.bytes;
        }
        const med = round(median(times));
        json[name] = { medianMs: med, minMs: round(Math.min(...times)), maxMs: round(Math.max(...times)), bytes };
        rows.push([name, med, round(Math.min(...times)), round(Math.max(...times)), Math.round(bytes / 1024), `≤ ${TARGET_MS}`, med <= TARGET_MS ? 'met' : 'MISSED']);
        log(`  ${name}: median ${med} ms`);
      }
      // Bracket commands on the same text: each reads the whole text to check and apply the rules.
      const delegation = (await call('POST', `/api/sessions/${id}/participants`, { role: 'delegation', delegation: 'EU' })).json as { token: string };
      const docJson = (await call('GET', `/api/sessions/${id}/document`)).json as { blocks: { id: string; type: string; text: string }[] };
      const targets = docJson.blocks.filter((b) => b.type === 'operative' && b.text.length > 20);
      const proposeTimes: number[] = [];
      const acceptTimes: number[] = [];
      for (let i = 0; i < config.compareRuns; i++) {
        const block = targets[Math.floor(((i + 1) * targets.length) / (config.compareRuns + 1))];
        const t = nowMs();
        const res = await fetch(`${base}/api/sessions/${id}/commands`, {
          method: 'POST',
          headers: { authorization: `Bearer ${delegation.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ command: { type: 'propose', kind: 'insert', anchor: { paragraphId: block.id, from: 0, to: 0, text: '' }, text: 'Also ' } }),
        });
        const answer = (await res.json()) as { ok: boolean; result?: { proposalId: string } };
        proposeTimes.push(nowMs() - t);
        if (!answer.ok) throw new Error(`propose failed: ${JSON.stringify(answer)}`);
        acceptTimes.push((await call('POST', `/api/sessions/${id}/commands`, { command: { type: 'accept', proposalId: answer.result!.proposalId } })).ms);
      }
      json.proposeMs = round(median(proposeTimes));
      json.acceptMs = round(median(acceptTimes));
      log(`  propose: median ${json.proposeMs} ms, accept: median ${json.acceptMs} ms`);

      return {
        json,
        targets: Object.entries(json).filter(([, v]) => typeof v === 'object' && v !== null && 'medianMs' in v).map(([name, v]) => atMost(`REST ${name}`, (v as { medianMs: number }).medianMs, TARGET_MS)),
        text: table(['request', 'median ms', 'min ms', 'max ms', 'KiB', 'target', ''], rows) +
          `\nPOST commands on the same text (answered once stored): propose ${json.proposeMs as number} ms, accept ${json.acceptMs as number} ms (median of ${config.compareRuns})` +
          `\n${text.length} characters, ${edited} paragraphs edited; request → full response body, server as a child process` +
          `\nPOST revisions (one request each): Rev.1 ${round(issued1.ms)} ms (room not loaded yet), Rev.2 ${round(issued2.ms)} ms`,
      };
    } finally {
      await accord.stop();
    }
  },
};
