import { MAX_STANDING_SPECIALISTS } from '@duidingspool/shared';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refusal, renderForm, sentBody, stubAnswer } from '../../../testing/api-stub.tsx';
import { StandingChoices } from './standing-specialists-panel.tsx';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const options = Array.from({ length: MAX_STANDING_SPECIALISTS + 1 }, (_, i) => ({ value: id(i + 1), label: `Specialist ${i + 1}` }));
const errorText = () => document.getElementById('standing-specialistIds-error')?.textContent ?? null;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('StandingChoices on the one form pattern', () => {
  it('more standing specialists than the contract takes are refused until one is unticked; a refused list lands on the group', async () => {
    const fetch = stubAnswer(400, refusal('/specialistIds', 'Een van deze specialisten is niet inzetbaar.'));
    const all = options.map((o) => o.value);
    const user = renderForm(<StandingChoices caseTableId={id(99)} chosen={all} options={options} />);
    await user.click(screen.getByRole('button', { name: 'Vaste specialisten opslaan' }));
    expect(errorText()).not.toBeNull();
    expect(fetch).not.toHaveBeenCalled();
    await user.click(screen.getByRole('checkbox', { name: `Specialist ${options.length}` }));
    expect(errorText()).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Vaste specialisten opslaan' }));
    await waitFor(() => expect(errorText()).toBe('Een van deze specialisten is niet inzetbaar.'));
    expect(sentBody(fetch)).toEqual({ specialistIds: all.slice(0, MAX_STANDING_SPECIALISTS) });
  });
});
