import { CASE_CONTENT_FIELDS } from '@duidingspool/db';
import { describe, expect, it } from 'vitest';
import { assertNoPersonalData } from './personal-data-guard.ts';

describe('personal-data guard and the request data declaration', () => {
  it('checks every case-content field the declaration names', () => {
    for (const field of CASE_CONTENT_FIELDS) {
      expect(() => assertNoPersonalData({ [field]: 'Signalen van school' })).not.toThrow();
      expect(() => assertNoPersonalData({ [field]: 'mail naar a@b.nl' })).toThrow(expect.objectContaining({ type: 'personal-data-detected' }));
    }
  });

  it('refuses to check a field that is not declared as case content, so none escapes the purge and the log redaction', () => {
    expect(() => assertNoPersonalData({ remark: 'Signalen van school' })).toThrow(/not declared as case content/);
  });
});
