import { describe, expect, it } from 'vitest';
import { allowedRecipient, parseAllowedDomains, parseStrictAddress, sanitizeDisplayName } from './addresses.ts';

const allowed = ['duidingspool.example', 'arnhem.nl'];

describe('strict recipient addresses', () => {
  it('accepts plain addresses of an allowed domain, case-insensitively in the domain', () => {
    expect(allowedRecipient('coordinator@duidingspool.example', allowed)?.domain).toBe('duidingspool.example');
    expect(allowedRecipient('j.de-vries+pool@Arnhem.NL', allowed)?.address).toBe('j.de-vries+pool@arnhem.nl');
    expect(allowedRecipient('someone@elsewhere.org', undefined)?.domain).toBe('elsewhere.org');
  });

  it('refuses other domains, including look-alikes and subdomains not listed', () => {
    for (const a of ['x@evil.example', 'x@arnhem.nl.evil.example', 'x@evilarnhem.nl', 'x@sub.arnhem.nl']) {
      expect(allowedRecipient(a, allowed), a).toBeNull();
    }
  });

  it('refuses quoting, comments, brackets, lists and other smuggling forms', () => {
    const smuggled = [
      '"x@evil.example"@arnhem.nl',
      '"x@evil.example" <y@arnhem.nl>',
      'x@evil.example(comment)@arnhem.nl',
      'x@arnhem.nl(x@evil.example)',
      '(arnhem.nl)x@evil.example',
      'x@evil.example, y@arnhem.nl',
      'y@arnhem.nl,x@evil.example',
      '<x@evil.example>',
      'Name <x@arnhem.nl>',
      'x@evil.example\r\nBcc: y@arnhem.nl',
      'x@arnhem.nl\nBcc: x@evil.example',
      'x@[127.0.0.1]',
      'x@evil.example;y@arnhem.nl',
      'group: x@evil.example;@arnhem.nl',
      'x @arnhem.nl',
      'x@arnhem.nl ',
      'x@@arnhem.nl',
      'x\\@evil.example@arnhem.nl',
      'x@arnhem.nl.',
      '.x@arnhem.nl',
      'x..y@arnhem.nl',
      'xé@arnhem.nl',
      'x@arnhem',
    ];
    for (const a of smuggled) {
      expect(parseStrictAddress(a), JSON.stringify(a)).toBeNull();
      expect(allowedRecipient(a, allowed), JSON.stringify(a)).toBeNull();
    }
  });

  it('parses MAIL_ALLOWED_DOMAINS and refuses nonsense', () => {
    expect(parseAllowedDomains(' Arnhem.nl, duidingspool.example ')).toEqual(['arnhem.nl', 'duidingspool.example']);
    expect(parseAllowedDomains('')).toBeUndefined();
    expect(() => parseAllowedDomains('arnhem.nl, <evil>')).toThrow();
  });
});

describe('display names in headers', () => {
  it('removes line breaks, quotes and address syntax', () => {
    expect(sanitizeDisplayName('Jan\r\nBcc: x@evil.example')).toBe('Jan Bcc x evil.example');
    expect(sanitizeDisplayName('"Evil" <x@evil.example>')).toBe('Evil x evil.example');
    expect(sanitizeDisplayName('Ünal Çelik-de Vries')).toBe('Ünal Çelik-de Vries');
    expect(sanitizeDisplayName('a'.repeat(100))).toHaveLength(64);
  });
});
