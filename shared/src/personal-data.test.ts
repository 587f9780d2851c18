import { describe, expect, it } from 'vitest';
import { findPersonalData, isValidBsn, isValidIban } from './personal-data.ts';

const kinds = (text: string) => findPersonalData(text).map((f) => `${f.kind}:${f.severity}`);

describe('BSN 11-test', () => {
  it('accepts numbers that pass it', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
  });
  it('refuses numbers that look like a BSN but fail it', () => {
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('111222334')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
  });
});

describe('IBAN mod-97', () => {
  it('accepts valid IBANs with or without spaces', () => {
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
  });
  it('refuses a wrong check digit', () => {
    expect(isValidIban('NL92ABNA0417164300')).toBe(false);
  });
});

describe('findPersonalData', () => {
  it('blocks a BSN, also written with dots', () => {
    expect(kinds('betrokkene 111222333 is bekend')).toEqual(['bsn:block']);
    expect(kinds('bsn 1112.22.333')).toEqual(['bsn:block']);
  });
  it('blocks a BSN with dashes, spaces or hidden characters, and full-width digits', () => {
    expect(kinds('nummer 111-222-333')).toEqual(['bsn:block']);
    expect(kinds('nummer 1112 22 333')).toEqual(['bsn:block']);
    expect(kinds('nummer 1112\u200b22333')).toEqual(['bsn:block']);
    expect(kinds('bel ０６１２３４５６７８')).toEqual(['phone:block']);
  });
  it('blocks an e-mail address written with (at) and (dot)', () => {
    expect(kinds('mail jan (at) gmail.com')).toEqual(['email:block']);
    expect(kinds('mail jan[at]gmail[dot]com')).toEqual(['email:block']);
  });
  it('lets a 9-digit number through that fails the 11-test', () => {
    expect(kinds('zaaknummer 123456789')).toEqual([]);
  });
  it('blocks IBANs, e-mail addresses and Dutch phone numbers', () => {
    expect(kinds('rekening NL91ABNA0417164300')).toEqual(['iban:block']);
    expect(kinds('mail jan.jansen@example.nl')).toEqual(['email:block']);
    expect(kinds('bel 06-12345678')).toEqual(['phone:block']);
    expect(kinds('bel +31 20 123 4567')).toEqual(['phone:block']);
    expect(kinds('bel 0031-6-12345678')).toEqual(['phone:block']);
    expect(kinds('bel (020) 123 45 67')).toEqual(['phone:block']);
  });
  it('warns of a date and of a postcode with house number', () => {
    expect(kinds('geboren 12-03-2004')).toEqual(['date:warn']);
    expect(kinds('woont op 6811 AB 12')).toEqual(['postcode:warn']);
  });
  it('finds nothing in ordinary case text', () => {
    expect(kinds('Jongere uit wijk Presikhaaf deelt sinds 2019 extreemrechtse memes; 3 signalen van school.')).toEqual([]);
    expect(kinds('Casustafel van 14 oktober, referentie CASUS-2019-07')).toEqual([]);
  });
  it('reports where each finding is', () => {
    const [finding] = findPersonalData('x 111222333 y');
    expect(finding).toMatchObject({ start: 2, end: 11 });
  });
});
