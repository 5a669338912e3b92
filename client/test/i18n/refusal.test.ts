import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '../../src/i18n';
import { refusalText } from '../../src/i18n/refusal';

describe('refusals in the interface language', () => {
  afterEach(() => i18next.changeLanguage('en'));

  it('an English reader gets the server’s precise words', async () => {
    await i18next.changeLanguage('en');
    expect(refusalText({ code: 'invalid', message: "the speakers' list is empty" })).toBe("the speakers' list is empty");
  });

  it('another language leads with its own sentence for the code and keeps the precise reason', async () => {
    await i18next.changeLanguage('fr');
    const text = refusalText({ code: 'paragraph_locked', message: 'OP4 is agreed; the chair must reopen it first' });
    expect(text.startsWith(i18next.t('refusal.paragraph_locked'))).toBe(true);
    expect(text).toContain('OP4 is agreed');
    expect(i18next.t('refusal.paragraph_locked')).not.toBe(i18next.t('refusal.paragraph_locked', { lng: 'en' }));
  });

  it('a refusal without words, or the client’s own about the connection, is the translated sentence alone', async () => {
    await i18next.changeLanguage('zh');
    expect(refusalText({ code: 'paragraph_locked' })).toBe(i18next.t('refusal.paragraph_locked'));
    expect(refusalText({ code: 'disconnected', message: 'The connection dropped before the server answered.' })).toBe(i18next.t('refusal.disconnected'));
  });
});
