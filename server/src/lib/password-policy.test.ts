import { describe, expect, it } from 'vitest';
import { assertStrongPassword } from './password-policy.ts';

const refused = async (password: string, inputs: string[] = []) => {
  try {
    await assertStrongPassword(password, inputs);
    return null;
  } catch (error) {
    return (error as { type: string }).type;
  }
};

describe('password policy (ASVS 2.1)', async () => {
  it('accepts a long passphrase, with any characters and no composition rules', async () => {
    expect(await refused('kompas lantaarn rivier vogelhuis')).toBeNull();
    expect(await refused('Zeven zwanen zwemmen zuidwaarts 🦢')).toBeNull();
  });
  it('refuses fewer than 12 characters (counted as characters, not bytes)', async () => {
    expect(await refused('Kx9#vT2!qLm')).toBe('weak-password');
  });
  it('refuses common and breached passwords, also with digits appended or l33t', async () => {
    for (const p of ['password1234', 'qwertyuiop12', '123456789012', 'iloveyou1234', 'P@ssw0rd1234', 'welcome12345'])
      expect(await refused(p), p).toBe('weak-password');
  });
  it('refuses a password made of the user’s own e-mail address or name', async () => {
    expect(await refused('jan.jansen@arnhem.nl', ['jan.jansen@arnhem.nl', 'Jan Jansen'])).toBe('weak-password');
    expect(await refused('janjansen2019!', ['jan.jansen@arnhem.nl', 'Jan Jansen'])).toBe('weak-password');
  });
  it('refuses a Dutch word repeated or with digits, since the hint promises that common words are refused', async () => {
    // Each is one or two words of the Dutch word list, repeated or with a year: a dictionary
    // attack tries them within minutes.
    for (const p of ['welkom welkom welkom', 'welkomwelkomwelkom', 'wachtwoord123!', 'Wachtwoord2026', 'zomer2026zomer2026', 'voetbal voetbal voetbal'])
      expect(await refused(p), p).toBe('weak-password');
  });
  it('refuses the product’s and the region’s own names, with or without a year', async () => {
    for (const p of ['duidingspool2026', 'Duidingspool2019!', 'Arnhem Arnhem Arnhem', 'oost-nederland2026']) expect(await refused(p), p).toBe('weak-password');
  });
  it('refuses more than 128 characters', async () => {
    expect(await refused('a b c d e f g '.repeat(20))).toBe('weak-password');
  });
});
