import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from './i18n.ts';
import { switchLanguage } from './language.ts';
import { fieldErrorText } from './problem-text.ts';

afterEach(async () => {
  await switchLanguage('nl');
});

describe('a field error the server names by its code', () => {
  it('reads in the UI language with its parameters, also in English where the server wrote Dutch', async () => {
    const noBudget = { pointer: '/year', message: 'geen budget voor 2025', code: 'no-budget', params: { year: 2025 } };
    expect(fieldErrorText(i18next, noBudget)).toBe('geen budget voor 2025');
    await switchLanguage('en');
    expect(fieldErrorText(i18next, noBudget)).toBe('no budget for 2025');
    expect(fieldErrorText(i18next, { pointer: '/totp', message: 'niet te controleren op deze installatie; gebruik een herstelcode', code: 'unreadable' })).toBe(
      'cannot be checked on this installation; use a recovery code',
    );
  });
});
