import { describe, expect, it } from 'vitest';
import { joinLines } from '../src/import/join-lines.js';

describe('joinLines (re-joining a line broken by layout)', () => {
  it('never puts a space between CJK characters or CJK punctuation', () => {
    expect(joinLines('开始向该 ', '账户提供', true)).toBe('开始向该账户提供');
    expect(joinLines('号、', '2012 年', true)).toBe('号、2012 年');
    expect(joinLines('第 10 号》', '(E/2013/30)', true)).toBe('第 10 号》(E/2013/30)');
  });

  it('follows the text’s convention between a CJK letter and a number or Latin word', () => {
    expect(joinLines('2000', '年 11 月', true)).toBe('2000 年 11 月');
    expect(joinLines('2000', '年11月', false)).toBe('2000年11月');
    expect(joinLines('第', '57/53 号', true)).toBe('第 57/53 号');
  });

  it('puts one space between Latin words, none after a word-final hyphen, one after a spaced dash', () => {
    expect(joinLines('the Salvador  ', '  Declaration', false)).toBe('the Salvador Declaration');
    expect(joinLines('Secretary-', 'General', false)).toBe('Secretary-General');
    expect(joinLines('changing unsustainable - EU, G77 retain -', 'US', false)).toBe('changing unsustainable - EU, G77 retain - US');
    expect(joinLines('إذ تشير إلى', 'قرارها', false)).toBe('إذ تشير إلى قرارها');
  });
});
