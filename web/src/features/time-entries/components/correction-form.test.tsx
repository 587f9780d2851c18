import type { TimeEntry } from '@duidingspool/shared';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorOf, refusal, renderForm, sentBody, stubAnswer } from '../../../testing/api-stub.tsx';
import { CorrectionForm } from './approved-entries-table.tsx';

const entry = {
  id: '00000000-0000-4000-8000-0000000000e1',
  requestReference: 'DP-2026-0004',
  specialistName: 'Sanne de Boer',
  workedOn: '2026-03-02',
  minutes: 120,
} as TimeEntry;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('CorrectionForm on the one form pattern', () => {
  it('more than the entry is refused until fixed; 0,5 is sent as -30 minutes; a refused reason lands on its field', async () => {
    const fetch = stubAnswer(400, refusal('/reason', 'De reden bevat een teken dat niet mag.'));
    const user = renderForm(<CorrectionForm entry={entry} onDone={() => {}} onCancel={() => {}} />);
    await user.type(screen.getByLabelText(/Te corrigeren tijd/), '2:30');
    await user.type(screen.getByLabelText(/Reden van de correctie/), 'Dubbel geboekt');
    await user.click(screen.getByRole('button', { name: 'Correctie boeken' }));
    expect(errorOf(/Te corrigeren tijd/)).toBe('Een correctie is hoogstens de oorspronkelijke 2:00 uur.');
    await user.clear(screen.getByLabelText(/Te corrigeren tijd/));
    await user.type(screen.getByLabelText(/Te corrigeren tijd/), '0,5');
    expect(errorOf(/Te corrigeren tijd/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Correctie boeken' }));
    await waitFor(() => expect(errorOf(/Reden van de correctie/)).toBe('De reden bevat een teken dat niet mag.'));
    expect(sentBody(fetch)).toEqual({ minutes: -30, reason: 'Dubbel geboekt' });
  });
});
