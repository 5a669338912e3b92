import { describe, expect, it } from 'vitest';
import { importPlainText } from '../src/index.js';
import { blocksOf, footnoteRefs, ofType, readSeed, SEED_001 } from './helpers.js';

const TOPIC = '打击为犯罪目的使用信息和通信技术行为';

describe('import seed 001 (PDF-extracted revised draft resolution A/C.3/74/L.11/Rev.1)', () => {
  const result = importPlainText(readSeed(SEED_001));
  const { doc } = result;
  const blocks = blocksOf(doc);
  const pps = ofType(doc, 'preambular');
  const ops = ofType(doc, 'operative');

  it('is valid; the two footnote rules are the only removed lines; meta from the text', () => {
    expect(() => doc.check()).not.toThrow();
    expect(result.removed.map((r) => [r.line, r.kind])).toEqual([
      [111, 'footnote-separator'],
      [172, 'footnote-separator'],
    ]);
    expect(result.warnings).toEqual([
      'line 112: removed footnote-separator "__________________"',
      'line 173: removed footnote-separator "__________________"',
    ]);
    expect(result.footnoteLines).toEqual([113, 115, 117, 174, 176]);
    expect(result.meta).toEqual({ symbol: '', title: TOPIC, language: 'zh', revisionLabel: '' });
  });

  it('has exactly 5 heading lines, 1 title, 1 note, 17 PPs, 6 OPs, 0 sub-paragraphs, 5 footnotes', () => {
    const count = (type: string) => blocks.filter((b) => b.type === type).length;
    expect(blocks).toHaveLength(35);
    expect(count('headingLine')).toBe(5);
    expect(count('title')).toBe(1);
    expect(count('note')).toBe(1);
    expect(count('preambular')).toBe(17);
    expect(ops.filter((o) => o.level === 0)).toHaveLength(6);
    expect(ops.filter((o) => o.level !== 0)).toHaveLength(0);
    expect(count('footnote')).toBe(5);
  });

  it('reads the masthead: session, committee, agenda item, its title and the sponsor list joined across lines', () => {
    expect(ofType(doc, 'headingLine').map((h) => h.text)).toEqual([
      '第七十四届会议',
      '第三委员会',
      '议程项目 107',
      TOPIC,
      '阿尔及利亚、安哥拉、阿塞拜疆、白俄罗斯、多民族玻利维亚国、布隆迪、柬埔寨、中国、古巴、朝鲜民主主义人民共和国、埃及、厄立特里亚、伊朗伊斯兰共和国、哈萨克斯坦、老挝人民民主共和国、利比亚、马达加斯加、缅甸、尼加拉瓜、俄罗斯联邦、苏丹、苏里南、阿拉伯叙利亚共和国、塔吉克斯坦、乌兹别克斯坦、委内瑞拉玻利瓦尔共和国和津巴布韦：订正决议草案',
    ]);
    expect(blocks[5]).toMatchObject({ type: 'title', text: TOPIC });
    expect(blocks[6]).toMatchObject({ type: 'note', style: 'body', text: '大会，' });
  });

  it('joins wrapped lines with no space between CJK characters', () => {
    expect(pps[0].text).toBe(
      '注意到信息和通信技术虽然具有促进各国发展的巨大潜力，却为犯罪分子创造了新的机会，可能导致犯罪率和复杂性上升，',
    );
    for (const b of blocks) expect(b.text).not.toMatch(/\p{Script=Han} +\p{Script=Han}/u);
    expect(pps.map((p) => p.text.slice(0, 3))).toEqual([
      '注意到', '又注意', '关切数', '认识到', '强调指', '回顾预', '注意到', '回顾大', '又回顾',
      '注意到', '又注意', '回顾其', '又回顾', '表示注', '又表示', '认识到', '重申在',
    ]);
    expect(pps[16].text).toBe('重申在使用信息和通信技术时尊重人权和基本自由的重要性，');
  });

  it('keeps the text’s number–CJK spacing where a line broke between them ("2000⏎年" → "2000 年")', () => {
    const pp12 = pps[11].text;
    expect(pp12).toContain('1999 年 12 月 1 日第 54/49 号、2000 年 11 月 20 日第 55/28 号');
    expect(pp12).toContain('2002 年 11 月 22 日第 57/53 号');
    expect(pp12).toContain('2007 年 12 月 5 日第 62/17 号、2008 年');
    expect(pp12).toContain('2010 年 12 月 8 日第 65/41 号');
    expect(pp12).toContain('第 66/181 号、2012 年');
    expect(pp12).toContain('2013 年 12 月 27 日第 68/243 号');
    expect(pp12).toContain('2018 年 12 月 5 日第 73/27 号');
    expect(pps[9].text).toContain('2017 年 4 月 10 日至 13 日、2018 年');
  });

  it('joins paragraphs across page breaks, also when footnotes sit between the two pages', () => {
    expect(pps[4].text.endsWith('特别是预防犯罪和刑事司法委员会的作用，')).toBe(true);
    expect(pps[5].text.startsWith('回顾预防犯罪和刑事司法委员会 2013 年')).toBe(true);
    expect(pps[12].text).toBe(
      '又回顾关于从国际安全角度看信息和电信领域的发展政府专家组的报告，3 其中认为各国应考虑如何以最佳方式开展合作，以起诉为犯罪目的使用信息和通信技术行为，',
    );
    expect(pps[13].text.startsWith('表示注意到预防犯罪和刑事司法委员会 2017 年 5 月 26 日第 26/4 号决议，4 其中表示赞赏')).toBe(true);
  });

  it('turns footnote markers into footnoteRef nodes tied to the footnote texts', () => {
    const refs = blocks.map((b) => footnoteRefs(b.node));
    const where = blocks.flatMap((b, i) => refs[i].map((m) => [m, b.type, b.text.slice(0, 6)]));
    expect(where).toEqual([
      ['1', 'preambular', '回顾预防犯罪'],
      ['2', 'preambular', '又回顾 20'],
      ['3', 'preambular', '又回顾关于从'],
      ['4', 'preambular', '表示注意到预'],
      ['5', 'operative', '表示注意到根'],
    ]);
    expect(pps[5].plain).toContain('第 22/8 号决议，其中委员会欢迎');
    expect(pps[8].text.endsWith('的多哈宣言》，2')).toBe(true);
    expect(ops[0].text).toBe('表示注意到根据第 73/187 号决议编写的秘书长报告；5');
    expect(ofType(doc, 'footnote').map((f) => [f.marker, f.text])).toEqual([
      ['1', '见《经济及社会理事会正式记录，2013 年，补编第 10 号》(E/2013/30)，第一章，D 节。'],
      ['2', '第 70/174 号决议，附件。'],
      ['3', 'A/65/201、A/68/98 和 A/70/174。'],
      ['4', '见《经济及社会理事会正式记录，2017 年，补编第 10 号》(E/2017/30)，第一章，D 节。'],
      ['5', 'A/74/130。'],
    ]);
  });

  it('recognises the six OPs, first and last exactly', () => {
    expect(ops[1].text).toBe(
      '决定设立一个代表所有区域的不限成员名额特设政府间专家委员会，以拟订一项关于打击为犯罪目的使用信息和通信技术行为的全面国际公约，同时充分考虑到关于打击为犯罪目的使用信息和通信技术行为的现有国际文书和国家、区域和国际各级的现有努力，特别是全面研究网络犯罪问题不限成员名额政府间专家组的工作和成果；',
    );
    expect(ops[2].text).toBe('又决定特设委员会应于 2020 年 8 月在纽约召开为期三天的组织会议，以便商定其进一步活动的纲要和方式，提交大会第七十五届会议审议和核准；');
    expect(ops[5].text).toBe(`决定在第七十五届会议题为“${TOPIC}”的项目下审议该问题。`);
  });

  it('has no layout leftovers in any block', () => {
    for (const b of blocks) {
      expect(b.text).not.toMatch(/_{3,}/);
      expect(b.text).toBe(b.text.trim());
    }
    const ids = blocks.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
