import { describe, expect, it } from 'vitest';
import { compareVersions, renderComparisonHtml } from '../../src/diff/index.js';
import { br, italic, op, pp, proposal, records, t, version } from './builders.js';

const hostile = '<script>alert("x")</script> & <img src=x onerror=1>';

function comparison() {
  const a = version(
    'Rev.1 <b>',
    [
      pp('pp1', t('Recalling', italic), ' its resolution 74/247,'),
      op('o1', 'Decides to', t(' establish', br('x1', 'insert')), ' a committee;'),
      op('o2', 'Old paragraph.'),
      op('o3', 'إذ تشير إلى قرارها'),
    ],
    { proposals: records(proposal('x1', [hostile], 'open', 'o1')) },
  );
  const b = version(
    'Rev.2',
    [
      pp('pp1', t('Recalling', italic), ' also its resolution 74/247,'),
      op('o1', `Decides to establish a committee ${hostile};`),
      op('o3', 'إذ تشير أيضا إلى قرارها'),
      op('o4', 'New paragraph.'),
    ],
    { proposals: records(proposal('x1', [hostile], 'accepted', 'o1')), language: 'en' },
  );
  return compareVersions(a, b);
}

describe('renderComparisonHtml', () => {
  for (const view of ['inline', 'side-by-side'] as const) {
    it(`${view}: self-contained, escaped, dir=auto per paragraph, lang`, () => {
      const html = renderComparisonHtml(comparison(), { view, title: `Compare ${hostile}` });
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).toContain('<html lang="en">');
      expect(html).not.toMatch(/<(script|img|link|iframe|object)|@import|url\(|https?:/i);
      expect(html).toContain('&lt;script&gt;');
      expect(html).toContain('Rev.1 &lt;b&gt;');
      expect(html).toMatch(/<p dir="auto" lang="en">/);
      expect(html).toContain('<ins>also </ins>');
      expect(html).toContain('<ins>أيضا </ins>');
      expect(html).toMatch(/badge b-added">new</);
      expect(html).toMatch(/badge b-deleted">deleted</);
      expect(html).toContain('Open brackets: <b>1</b> → <b>0</b>');
      expect(html).toContain('Concordance');
      expect(html).toContain('<i>Recalling</i>');
    });
  }

  it('side-by-side puts deletions on the left and insertions on the right', () => {
    const html = renderComparisonHtml(comparison(), { view: 'side-by-side' });
    const row = html.split('\n').find((l) => l.includes('id="p-pp1"'))!;
    const [left, right] = row.split('</td><td>');
    expect(left).not.toContain('<ins>');
    expect(right).toContain('<ins>also </ins>');
  });

  it('marks deletions struck and moved paragraphs', () => {
    const a = version('A', [op('o1', 'One two three.'), op('o2', 'Second.'), op('o3', 'Third.')]);
    const b = version('B', [op('o3', 'Third.'), op('o1', 'One three.'), op('o2', 'Second.')]);
    const html = renderComparisonHtml(compareVersions(a, b), { view: 'inline' });
    expect(html).toContain('<del>two </del>');
    expect(html).toMatch(/badge b-moved">moved from 3</);
  });
});
