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
      expect(html).toContain('<i>Recalling</i> <ins>also</ins></span><ins> </ins>');
      expect(html).toContain('<ins>أيضا </ins>');
      expect(html).toMatch(/badge b-added">new</);
      expect(html).toMatch(/badge b-deleted">deleted</);
      expect(html).toContain('Open brackets: <b>1</b> → <b>0</b>');
      expect(html).toContain('Concordance');
      expect(html).toContain('<i>Recalling</i>');
    });
  }

  it('house style: italic PP openings and OP verbs (English, French, Spanish, not Chinese), labels as the editor writes them', () => {
    for (const view of ['inline', 'side-by-side'] as const) {
      const html = renderComparisonHtml(comparison(), { view });
      // The opening phrase is found in the text this side shows, across ops ("Recalling" + "also").
      expect(html).toContain('<span class="opening"><i>Recalling</i> <ins>also</ins></span><ins> </ins>');
      expect(html).toContain('<span class="opening">Decides</span> to');
      // "New paragraph." opens with no verb.
      expect(html).not.toContain('<span class="opening">New');
      expect(html).toContain('<div class="lab">OP1</div>');
    }
    const fr = compareVersions(version('A', [pp('p', 'Rappelant sa résolution'), op('o', 'Prie le Secrétaire général')]), version('B', [pp('p', 'Rappelant également sa résolution'), op('o', 'Prie le Secrétaire général')], { language: 'fr' }));
    const frHtml = renderComparisonHtml(fr);
    expect(frHtml).toContain('<span class="opening">Rappelant <ins>également</ins></span><ins> </ins>sa');
    expect(frHtml).toContain('<span class="opening">Prie</span> le');
    const es = compareVersions(version('A', [op('o', 'Decide establecer')]), version('B', [op('o', 'Decide también establecer')], { language: 'es' }));
    expect(renderComparisonHtml(es)).toContain('<span class="opening">Decide <ins>también</ins></span>');
    const zh = compareVersions(version('A', [op('o', 'Decides to act')]), version('B', [op('o', 'Decides to act now')], { language: 'zh' }));
    expect(renderComparisonHtml(zh)).not.toContain('class="opening"');
  });

  it('a right-to-left text puts paragraph labels on the right', () => {
    const ar = compareVersions(version('A', [op('o', 'يقرر إنشاء لجنة')]), version('B', [op('o', 'يقرر أيضا إنشاء لجنة')], { language: 'ar' }));
    expect(renderComparisonHtml(ar)).toContain('<div class="para st-changed" id="p-o" dir="rtl"><div class="lab">OP1</div>');
    expect(renderComparisonHtml(ar, { view: 'side-by-side' })).toContain('<td dir="rtl"><div class="lab">OP1</div>');
    expect(renderComparisonHtml(comparison())).not.toContain('dir="rtl"');
  });

  it('side-by-side puts deletions on the left and insertions on the right', () => {
    const html = renderComparisonHtml(comparison(), { view: 'side-by-side' });
    const row = html.split('\n').find((l) => l.includes('id="p-pp1"'))!;
    const [left, right] = row.split('</td><td>');
    expect(left).not.toContain('<ins>');
    expect(right).toContain('<ins>also</ins></span><ins> </ins>');
  });

  it('marks deletions struck and moved paragraphs', () => {
    const a = version('A', [op('o1', 'One two three.'), op('o2', 'Second.'), op('o3', 'Third.')]);
    const b = version('B', [op('o3', 'Third.'), op('o1', 'One three.'), op('o2', 'Second.')]);
    const html = renderComparisonHtml(compareVersions(a, b), { view: 'inline' });
    expect(html).toContain('<del>two </del>');
    expect(html).toMatch(/badge b-moved">moved from OP3</);
  });
});
