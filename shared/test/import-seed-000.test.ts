import { describe, expect, it } from 'vitest';
import { importPlainText } from '../src/index.js';
import { blocksOf, ofType, pendingBrackets, readSeed, SEED_000 } from './helpers.js';

const CONVENTION = '联合国打击网络犯罪（使用信息和通信技术系统实施的犯罪）公约';

describe('import seed 000 (Chair’s note + annexed draft resolution, cybercrime convention)', () => {
  const result = importPlainText(readSeed(SEED_000));
  const { doc } = result;
  const blocks = blocksOf(doc);

  it('is a valid document with no warnings and meta from the text', () => {
    expect(() => doc.check()).not.toThrow();
    expect(result.warnings).toEqual([]);
    expect(result.removed).toEqual([]);
    expect(result.meta).toEqual({
      symbol: '',
      // The text is named without its placeholder number; its title line keeps it (below).
      title: CONVENTION,
      language: 'zh',
      revisionLabel: '',
    });
  });

  it('has exactly 11 notes, 1 title, 4 PPs, 11 OPs, no sub-paragraphs, heading lines or footnotes', () => {
    const count = (type: string) => blocks.filter((b) => b.type === type).length;
    expect(blocks).toHaveLength(27);
    expect(count('note')).toBe(11);
    expect(count('headingLine')).toBe(0);
    expect(count('title')).toBe(1);
    expect(count('preambular')).toBe(4);
    expect(ofType(doc, 'operative', 0)).toHaveLength(11);
    expect(count('operative')).toBe(11);
    expect(count('footnote')).toBe(0);
  });

  it('keeps the Chair’s note apart as notes, with its own "1." and "2." and headings joined only where wrapped', () => {
    const front = blocks.slice(0, 10).map((b) => [b.style, b.text.slice(0, 20)]);
    expect(front).toEqual([
      ['heading', '拟订一项关于打击为犯罪目的使用信息和通信'],
      ['heading', '总结会议续会'],
      ['heading', '2024年7月29日至8月9日，纽约'],
      ['heading', '供大会审议的修订决议草案'],
      ['heading', '主席的说明'],
      ['body', '1. 为筹备拟订一项关于打击为犯罪目的使'],
      ['body', '2. 此项供大会审议的修订决议草案系根据'],
      ['heading', '附件'],
      ['heading', '供大会审议的决议草案'],
      ['body', '拟订一项关于打击为犯罪目的使用信息和通信'],
    ]);
    expect(blocks.slice(0, 10).every((b) => b.type === 'note')).toBe(true);
    expect(blocks[0].text).toBe('拟订一项关于打击为犯罪目的使用信息和通信技术行为的全面国际公约特设委员会');
    expect(blocks[9].text).toBe(
      '拟订一项关于打击为犯罪目的使用信息和通信技术行为的全面国际公约特设委员会核准以下决议草案，并建议大会予以通过：',
    );
  });

  it('turns the markdown link [A/AC.291/7](#) into plain text, not a bracket', () => {
    const note1 = blocks[5];
    expect(note1.text).toContain('路线图和工作方式（A/AC.291/7，附件二），委员会主席');
    expect(pendingBrackets(note1.node)).toEqual([]);
    expect(blocks.some((b) => b.text.includes('](#)'))).toBe(false);
  });

  it('makes the title with [xx/xxx] as a pending bracket mark (the [ ] are not text)', () => {
    const title = blocks[10];
    expect(title.type).toBe('title');
    expect(title.text).toBe(`[xx/xxx]. ${CONVENTION}`);
    expect(title.plain).toBe(`xx/xxx. ${CONVENTION}`);
    const [bracket] = pendingBrackets(title.node);
    expect(bracket.text).toBe('xx/xxx');
    expect(bracket.id).toMatch(/^b[0-9a-z]{9}$/);
  });

  it('keeps the chapeau "大会，" as a note and recognises the four PPs', () => {
    expect(blocks[11]).toMatchObject({ type: 'note', style: 'body', text: '大会，' });
    const pps = ofType(doc, 'preambular');
    expect(pps.map((p) => p.text.slice(0, 4))).toEqual(['回顾其 ', '还回顾其', '坚信鉴于', '还坚信《']);
    expect(pps[0].text).toBe(
      '回顾其 2019 年 12 月 27 日第 74/247 号决议，其中大会决定设立一个代表所有区域的不限成员名额特设政府间专家委员会，以拟订一项关于打击为犯罪目的使用信息和通信技术行为的全面国际公约，同时充分考虑到关于打击为犯罪目的使用信息和通信技术行为的现有国际文书以及国家、区域和国际各级的现有努力，特别是全面研究网络犯罪问题不限成员名额政府间专家组的工作和成果，',
    );
    expect(pps[3].text.endsWith('以及贩毒和非法贩运文化财产，')).toBe(true);
  });

  it('recognises OPs 1–11 with their numbers removed from the text', () => {
    const ops = ofType(doc, 'operative');
    expect(ops.every((o) => o.level === 0)).toBe(true);
    expect(ops.map((o) => o.text.slice(0, 3))).toEqual([
      '注意到', '通过本', '促请所', '决定在', '还决定', '又决定', '请公约', '请秘书', '还请秘', '又请秘', '决定，',
    ]);
    expect(ops[0].text.startsWith('注意到拟订一项关于')).toBe(true);
    expect(ops[10].text).toBe(
      `决定，为了提高对网络犯罪的认识并宣传《${CONVENTION}》在打击和预防网络犯罪方面的作用，应将[日期]定为国际打击网络犯罪日。`,
    );
  });

  it('joins OP 4, split across a blank line, with no spurious space', () => {
    const op4 = ofType(doc, 'operative')[3];
    expect(op4.text).toBe(
      `决定在依照《${CONVENTION}》设立的公约缔约国会议作出另外的决定之前，《公约》第 56 条提到的账户将由联合国毒品和犯罪问题办公室负责运作，并鼓励各会员国开始向该账户提供充分的自愿捐款，以便向发展中国家和经济转型期国家提供其为批准和实施《公约》开展的筹备工作可能需要的技术援助；`,
    );
  });

  it('turns each [日期] into a pending bracket with its own id', () => {
    const ops = ofType(doc, 'operative');
    const op2 = pendingBrackets(ops[1].node);
    const op11 = pendingBrackets(ops[10].node);
    expect(op2.map((b) => b.text)).toEqual(['日期']);
    expect(op11.map((b) => b.text)).toEqual(['日期']);
    expect(op2[0].id).not.toBe(op11[0].id);
    expect(ops[1].plain).toContain('并直至日期在纽约');
    expect(blocks.every((b) => !b.plain.includes('[') && !b.plain.includes(']'))).toBe(true);
  });

  it('gives every block a distinct id', () => {
    const ids = blocks.map((b) => b.id);
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
