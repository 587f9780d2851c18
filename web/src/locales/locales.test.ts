import { describe, expect, it } from 'vitest';
import en from './en.json';
import nl from './nl.json';

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('locale files', () => {
  it('have the same keys in Dutch and English', () => {
    expect(keys(en).sort()).toEqual(keys(nl).sort());
  });

  it('hold the Dutch status labels of the lifecycle', () => {
    expect(Object.values(nl.status.request)).toEqual([
      'concept',
      'ingediend',
      'aanvullende informatie nodig',
      'afgewezen',
      'toegewezen',
      'in behandeling',
      'advies opgeleverd',
      'gesloten',
      'ingetrokken',
      'geannuleerd',
    ]);
  });
});
