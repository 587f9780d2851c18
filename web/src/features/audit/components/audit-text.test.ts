import { afterEach, describe, expect, it } from 'vitest';
import { formatCents } from '../../../lib/format.ts';
import { i18next } from '../../../lib/i18n.ts';
import { actionSentence, changesOf } from './audit-text.ts';

const event = (over: Record<string, unknown>) =>
  ({
    action: 'read',
    objectType: 'interpretation-request',
    objectId: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
    objectLabel: null,
    details: null,
    ...over,
  }) as Parameters<typeof actionSentence>[1];

afterEach(async () => {
  await i18next.changeLanguage('nl');
});

describe('the audit log in words', () => {
  it('says what happened with the pool reference, never a uuid', () => {
    expect(actionSentence(i18next, event({ action: 'deliver-advice', objectLabel: 'DP-2026-0004' }))).toBe('Advies opgeleverd voor DP-2026-0004');
    expect(actionSentence(i18next, event({ action: 'login', objectType: 'user' }))).toBe('Inloggen');
    const purged = actionSentence(i18next, event({ action: 'purge-content' }));
    expect(purged).toBe('Casusinhoud verwijderd na de bewaartermijn: duidingsverzoek');
    expect(actionSentence(i18next, event({ action: 'close-period', objectType: 'accounting-period', objectId: '2026-03' }))).toBe(
      'Afgesloten: boekmaand maart 2026',
    );
  });

  it('in English too', async () => {
    await i18next.changeLanguage('en');
    expect(actionSentence(i18next, event({ action: 'deliver-advice', objectLabel: 'DP-2026-0004' }))).toBe('Advice delivered for DP-2026-0004');
    expect(actionSentence(i18next, event({ action: 'login', objectType: 'user' }))).toBe('Sign in');
  });

  it('lists what changed: old → new for fields that are no free text, names only for free text', () => {
    expect(changesOf(i18next, event({ action: 'transition', details: { from: 'submitted', to: 'assigned' } }))).toEqual([
      { field: 'Status', from: 'ingediend', to: 'toegewezen' },
    ]);
    expect(changesOf(i18next, event({ action: 'change-estimate', details: { from: 120, to: 180, reservedCentsDelta: 5000 } }))).toEqual([
      { field: 'Inschatting', from: '2:00 uur', to: '3:00 uur' },
    ]);
    expect(
      changesOf(
        i18next,
        event({
          action: 'update',
          objectType: 'user',
          details: {
            changed: ['roles', 'isActive'],
            from: { isActive: true, roles: ['requester'] },
            to: { isActive: false, roles: ['requester', 'coordinator'] },
          },
        }),
      ),
    ).toEqual([
      { field: 'Actief', from: 'ja', to: 'nee' },
      { field: 'Rollen', from: 'aanvrager', to: 'aanvrager, coördinator' },
    ]);
    expect(
      changesOf(i18next, event({ action: 'update-profile', details: { changed: ['bio', 'capacityMinutesPerMonth'], capacityMinutesPerMonth: 600 } })),
    ).toEqual([{ field: 'Over mij' }, { field: 'Capaciteit per maand', to: '10:00 uur' }]);
    expect(changesOf(i18next, event({ action: 'change-budget', details: { year: 2026, from: { allocatedCents: 100 }, to: { allocatedCents: 250 } } }))).toEqual(
      [{ field: 'Toegekend bedrag', from: formatCents(100), to: formatCents(250) }],
    );
  });
});
