import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fieldProblem, json, renderWithApi, serverFieldText, stubApi } from '../../../testing/api-stub.tsx';
import { AdviceForm } from './advice-form.tsx';

const requestId = '00000000-0000-4000-8000-000000000001';
const errorText = (fieldId: string) => document.getElementById(`${fieldId}-error`)?.textContent ?? null;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AdviceForm (one form pattern)', () => {
  it('names the empty fields until filled, asks for confirmation, and puts the server’s refusal on the field', async () => {
    const refusal = { pointer: '/summary', message: 'bevat persoonsgegevens', code: 'personal-data', params: { kinds: ['iban'] } };
    const calls = stubApi((call) => {
      if (call.path.endsWith('/advice-draft') && call.method === 'GET') return json({ summary: '', body: '', version: 0, updatedAt: null });
      if (call.path.endsWith('/advice-draft')) return json({ ...(call.body as object), version: 1, updatedAt: '2027-03-02T10:00:00.000Z' });
      if (call.path.endsWith('/advice')) return fieldProblem(refusal);
      return undefined;
    });
    const user = renderWithApi(<AdviceForm requestId={requestId} reference="DP-2027-0004" />);
    await waitFor(() => expect(calls.some((c) => c.path.endsWith('/advice-draft'))).toBe(true));
    await user.click(screen.getByRole('button', { name: 'Advies opleveren' }));
    await waitFor(() => expect(errorText('advice-summary')).toBe('Dit veld is verplicht.'));
    expect(errorText('advice-body')).toBe('Dit veld is verplicht.');
    expect(screen.queryByRole('button', { name: 'Advies opleveren bevestigen' })).toBeNull();

    await user.type(screen.getByLabelText('Samenvatting'), 'Geen acute dreiging.');
    await waitFor(() => expect(errorText('advice-summary')).toBeNull());
    await user.type(screen.getByLabelText('Advies'), 'De uitingen passen bij een zoekende jongere.');
    await user.click(screen.getByRole('button', { name: 'Advies opleveren' }));
    // Nothing is delivered before the confirmation.
    expect(calls.filter((c) => c.path.endsWith('/advice'))).toHaveLength(0);
    await user.click(await screen.findByRole('button', { name: 'Advies opleveren bevestigen' }));
    await waitFor(() => expect(errorText('advice-summary')).toBe(serverFieldText(refusal)));
    expect(calls.find((c) => c.path.endsWith('/advice'))?.body).toEqual({
      summary: 'Geen acute dreiging.',
      body: 'De uitingen passen bij een zoekende jongere.',
    });
  });
});
