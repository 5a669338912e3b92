import { describe, expect, it } from 'vitest';
import { activityTime, languageName } from '../../src/views/activity-time';
import { foldForSearch, matchesSearch } from '../../src/views/session-search';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const ago = (s: number) => new Date(NOW - s * 1000).toISOString();

describe('the session list search', () => {
  it('ignores case, accents and width', () => {
    expect(foldForSearch('Côte d’Ivoire')).toBe('cote d’ivoire');
    expect(matchesSearch('cote', ['', 'Déclaration de Côte d’Ivoire'])).toBe(true);
    expect(matchesSearch('COUNTERING', ['', 'Countering the use of ICT'])).toBe(true);
    expect(matchesSearch('ａ/ｒｅｓ', ['A/RES/78/243', 'x'])).toBe(true);
  });

  it('matches the symbol or the title, every word, Chinese as substrings', () => {
    const seed = ['', '联合国打击网络犯罪（使用信息和通信技术系统实施的犯罪）公约'];
    expect(matchesSearch('网络犯罪', seed)).toBe(true);
    expect(matchesSearch('信息 公约', seed)).toBe(true);
    expect(matchesSearch('决议', seed)).toBe(false);
    expect(matchesSearch('L.11 countering', ['A/C.3/74/L.11', 'Countering'])).toBe(true);
    expect(matchesSearch('L.12', ['A/C.3/74/L.11', 'Countering'])).toBe(false);
    expect(matchesSearch('  ', seed)).toBe(true);
  });
});

describe('last activity', () => {
  it('is relative while recent, in the viewer’s locale', () => {
    expect(activityTime(ago(5), NOW, 'en').shown).toBe('now');
    expect(activityTime(ago(5 * 60), NOW, 'en').shown).toBe('5 minutes ago');
    expect(activityTime(ago(3 * 3600), NOW, 'en').shown).toBe('3 hours ago');
    expect(activityTime(ago(26 * 3600), NOW, 'en').shown).toBe('yesterday');
    expect(activityTime(ago(5 * 60), NOW, 'fr').shown).toBe('il y a 5 minutes');
    expect(activityTime(ago(5 * 60), NOW, 'zh').shown).toBe('5分钟前');
  });

  it('is a date when older, with the full date and time for the tooltip', () => {
    const old = activityTime('2026-10-01T09:30:00Z', NOW, 'en');
    expect(old.shown).toBe('Oct 1, 2026');
    expect(old.full).toContain('October 1, 2026');
    expect(activityTime('2026-10-01T09:30:00Z', NOW, 'de').shown).toBe('01.10.2026');
  });
});

describe('the document language', () => {
  it('is named in the viewer’s locale', () => {
    expect(languageName('zh', 'en')).toBe('Chinese');
    expect(languageName('zh', 'fr')).toBe('chinois');
    expect(languageName('ar', 'en')).toBe('Arabic');
    expect(languageName('', 'en')).toBe('');
  });
});
