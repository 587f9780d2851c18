import { describe, expect, it } from 'vitest';
import { formatMinutes, formatMonth } from './format.ts';
import { i18next } from './i18n.ts';
import { browserLanguage, switchLanguage } from './language.ts';

describe('the language before login', () => {
  it('is the one chosen in this browser, else the first preferred language the UI has, else Dutch', () => {
    expect(browserLanguage('en', ['nl-NL'])).toBe('en');
    expect(browserLanguage(null, ['de-DE', 'en-GB', 'nl'])).toBe('en');
    expect(browserLanguage(null, ['nl-BE', 'en'])).toBe('nl');
    expect(browserLanguage('fr', ['fr-FR'])).toBe('nl');
    expect(browserLanguage(null, [])).toBe('nl');
  });
});

describe('switching the language', () => {
  it('sets <html lang>, the duration unit, month names and zod’s messages, and back', async () => {
    await switchLanguage('en');
    try {
      expect(document.documentElement.lang).toBe('en');
      expect(formatMinutes(150)).toBe('2:30 h');
      expect(formatMonth('2026-03')).toBe('March 2026');
      expect(i18next.t('layout.logout')).toBe('Sign out');
    } finally {
      await switchLanguage('nl');
    }
    expect(document.documentElement.lang).toBe('nl');
    expect(formatMinutes(150)).toBe('2:30 uur');
    expect(formatMonth('2026-03')).toBe('maart 2026');
  });
});
