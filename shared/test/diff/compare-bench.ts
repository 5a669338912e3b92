/**
 * Quick local timing of compareVersions on a generated treaty-sized pair (not a test):
 *   cd /work/main/bench && npx tsx ../shared/test/diff/compare-bench.ts [en|zh]
 */
import { performance } from 'node:perf_hooks';
import { compareVersions, generateTreatyText, renderComparisonHtml } from '../../src/diff/index.js';

const language = process.argv[2] === 'zh' ? 'zh' : 'en';
const { a, b } = generateTreatyText(7, { paragraphs: 2000, chars: 1_000_000, language });
const size = (v: typeof a): number => JSON.stringify(v.doc).length;
const times: number[] = [];
let cmp = compareVersions(a, b);
for (let i = 0; i < 21; i++) {
  const t0 = performance.now();
  cmp = compareVersions(a, b);
  times.push(performance.now() - t0);
}
times.sort((x, y) => x - y);
const t0 = performance.now();
const html = renderComparisonHtml(cmp, { view: 'inline', title: 'bench' });
const renderMs = performance.now() - t0;
console.log(
  JSON.stringify(
    {
      language,
      docJsonBytes: [size(a), size(b)],
      stats: cmp.stats,
      bracketTotals: cmp.brackets.totals,
      concordanceRows: cmp.concordance.length,
      compareMs: { median: +times[10].toFixed(1), min: +times[0].toFixed(1), max: +times[20].toFixed(1) },
      renderHtmlMs: +renderMs.toFixed(1),
      htmlBytes: html.length,
    },
    null,
    2,
  ),
);
