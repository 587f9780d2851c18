import { retryWait } from '@duidingspool/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from './i18n.ts';
import { switchLanguage } from './language.ts';
import { fieldErrorText, problemText } from './problem-text.ts';

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

describe('a throttled attempt', () => {
  const limited = (retryAfterSeconds?: number) => ({
    type: 'rate-limited',
    status: 429,
    detail: 'Te veel pogingen.',
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });

  it('names the wait the server gives, in seconds under two minutes and in whole minutes above, in either language', async () => {
    for (const seconds of [1, 30, 119, 120, 121, 900]) {
      const { unit, count } = retryWait(seconds);
      const nl = problemText(i18next, limited(seconds));
      expect(nl).toContain(`over ${count} ${unit === 'seconds' ? (count === 1 ? 'seconde' : 'seconden') : count === 1 ? 'minuut' : 'minuten'} opnieuw`);
    }
    expect(retryWait(119)).toEqual({ unit: 'seconds', count: 119 });
    expect(retryWait(121)).toEqual({ unit: 'minutes', count: 3 });
    await switchLanguage('en');
    expect(problemText(i18next, limited(900))).toBe('Too many attempts. Please try again in 15 minutes.');
    expect(problemText(i18next, limited(1))).toBe('Too many attempts. Please try again in 1 second.');
  });

  it('without a wait says "later", as before', () => {
    expect(problemText(i18next, limited())).toBe('Te veel pogingen. Probeer het later opnieuw.');
  });
});
