import { EXTENSION_STATUSES, NOTIFICATION_STATUSES, REQUEST_STATUSES, STATUS_LABELS, TIME_ENTRY_STATUSES } from '@duidingspool/shared';
import { describe, expect, it } from 'vitest';
import { i18next } from '../lib/i18n.ts';
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

  it('hold the Dutch status labels of the lifecycle, from shared/', () => {
    expect(REQUEST_STATUSES.map((s) => i18next.t(`status.request.${s}`, { lng: 'nl' }))).toEqual([
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

  it('name every status of every shared enum in both languages', () => {
    for (const lng of ['nl', 'en']) {
      for (const [kind, labels] of Object.entries(STATUS_LABELS.nl)) {
        for (const status of Object.keys(labels)) {
          const key = `status.${kind}.${status}`;
          expect(i18next.exists(key, { lng }), `${lng} ${key}`).toBe(true);
        }
      }
    }
    expect(Object.keys(STATUS_LABELS.nl.timeEntry)).toEqual([...TIME_ENTRY_STATUSES]);
    expect(Object.keys(STATUS_LABELS.nl.extension)).toEqual([...EXTENSION_STATUSES]);
    expect(Object.keys(STATUS_LABELS.nl.notification)).toEqual([...NOTIFICATION_STATUSES]);
    expect(Object.keys(STATUS_LABELS.en.request)).toEqual([...REQUEST_STATUSES]);
  });
});
