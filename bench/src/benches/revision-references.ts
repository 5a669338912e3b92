// Issuing a revision on a treaty-sized text: renumberAtRevision with paragraph references
// rewritten (every 10th OP refers to two earlier OPs, one paragraph in 50 is new), and the
// reference scan alone (rewriteReferences on an unchanged text, what the preview adds).
import { nowMs } from '../protocol.js';
import { table } from '../report.js';
import { median, round } from '../stats.js';
import type { Bench } from './types.js';

export const revisionReferencesBench: Bench = {
  name: 'revision-references',
  title: 'Issue a revision on a treaty-sized text: renumbering with paragraph references',
  async unavailable() {
    return null;
  },
  async run(config, log) {
    const { generateTreatyText } = await import('@accord/shared/diff/index');
    const { schema } = await import('@accord/shared');
    const { renumberAtRevision } = await import('@accord/shared/revisions/index');
    const { rewriteReferences } = await import('@accord/shared/references/index');
    const json: Record<string, unknown> = {};
    const rows: Array<Array<string | number>> = [];
    for (const language of ['en', 'zh'] as const) {
      const { a } = generateTreatyText(1, { language, chars: 1_000_000 });
      const json0 = a.doc as { content: Array<{ type: string; attrs: Record<string, unknown>; content?: unknown[] }> };
      let op = 0;
      const blocks = json0.content.map((b, i) => {
        if (b.type !== 'operative' || b.attrs.level || b.attrs.altOf) return b;
        const attrs = i % 50 === 0 ? { ...b.attrs, added: 'bench' } : b.attrs;
        if (attrs.added) return { ...b, attrs }; // "n bis": takes no number of its own
        op++;
        if (op % 10 !== 0) return b;
        const ref = language === 'zh' ? `根据上文第 ${op - 7} 和第 ${op - 3} 段` : ` pursuant to paragraphs ${op - 7} and ${op - 3} above`;
        return { ...b, content: [...(b.content ?? []), { type: 'text', text: ref }] };
      });
      const doc = schema.nodeFromJSON({ ...json0, content: blocks });
      const flagged = renumberAtRevision(doc).flagged.length;
      const times: number[] = [];
      const scans: number[] = [];
      let rewritten = 0;
      renumberAtRevision(doc);
      for (let i = 0; i < config.compareRuns; i++) {
        let t = nowMs();
        rewritten = renumberAtRevision(doc).references.length;
        times.push(nowMs() - t);
        t = nowMs();
        rewriteReferences(doc, doc, []);
        scans.push(nowMs() - t);
      }
      json[language] = { renumberMedianMs: round(median(times)), scanMedianMs: round(median(scans)), references: rewritten, flagged, characters: doc.textContent.length };
      rows.push([language, doc.textContent.length, rewritten, round(median(times)), round(median(scans))]);
      log(`  ${language}: renumber ${round(median(times))} ms, scan ${round(median(scans))} ms, ${rewritten} references rewritten, ${flagged} flagged`);
    }
    return {
      json,
      text: table(['language', 'characters', 'references rewritten', 'renumber+rewrite ms (median)', 'reference scan ms (median)'], rows) +
        '\ngenerateTreatyText(1, {chars: 1e6}) with a reference in every 10th OP and one new OP in 50, in this process, after one warm-up run',
    };
  },
};
