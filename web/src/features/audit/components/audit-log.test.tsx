import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorOf, renderForm, stubAnswer } from '../../../testing/api-stub.tsx';
import { AuditLog } from './audit-log.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the audit filter on the one form pattern', () => {
  it('a reversed date range and a reference the API does not read are refused at their fields before the list is asked again, and clear when fixed', async () => {
    const fetch = stubAnswer(200, { items: [], total: 0, page: 1, pageSize: 25 });
    const user = renderForm(<AuditLog actors={[]} />, { path: '/audit?fromDate=2026-03-10' });
    const from = screen.getByLabelText(/^Vanaf/) as HTMLInputElement;
    expect(from.value).toBe('10-03-2026');
    await user.type(screen.getByLabelText(/^Tot en met/), '09-03-2026');
    await user.type(screen.getByLabelText(/^Poolreferentie/), 'DP 4');
    const calls = fetch.mock.calls.length;
    await user.click(screen.getByRole('button', { name: 'Filteren' }));
    expect(errorOf(/^Tot en met/)).toBe('De einddatum ligt vóór de begindatum. Kies een einddatum op of na de begindatum.');
    expect(errorOf(/^Poolreferentie/)).toBe('Vul een poolreferentie in zoals DP-2026-0004, of laat het veld leeg.');
    await user.clear(screen.getByLabelText(/^Tot en met/));
    await user.type(screen.getByLabelText(/^Tot en met/), '31-03-2026');
    expect(errorOf(/^Tot en met/)).toBeNull();
    await user.clear(screen.getByLabelText(/^Poolreferentie/));
    await user.type(screen.getByLabelText(/^Poolreferentie/), 'DP-2026-0004');
    expect(errorOf(/^Poolreferentie/)).toBeNull();
    expect(fetch.mock.calls.length).toBe(calls);
    await user.click(screen.getByRole('button', { name: 'Filteren' }));
    await vi.waitFor(() => expect(fetch.mock.calls.length).toBeGreaterThan(calls));
    const url = String((fetch.mock.calls.at(-1) as unknown[])[0]);
    expect(url).toContain('toDate=2026-03-31');
    expect(url).toContain('reference=DP-2026-0004');
    // Much typing through user-event: give a busy machine time.
  }, 20_000);
});
