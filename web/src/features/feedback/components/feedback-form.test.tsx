import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fieldProblem, renderWithApi, serverFieldText, stubApi } from '../../../testing/api-stub.tsx';
import { FeedbackForm } from './feedback-form.tsx';

const requestId = '00000000-0000-4000-8000-000000000001';
const errorText = (fieldId: string) => document.getElementById(`${fieldId}-error`)?.textContent ?? null;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('FeedbackForm (one form pattern)', () => {
  it('names each unanswered question until answered, links the summary to the group, and puts the server’s refusal on the field', async () => {
    const refusal = { pointer: '/comment', message: 'bevat persoonsgegevens', code: 'personal-data', params: { kinds: ['phone'] } };
    const calls = stubApi((call) => (call.method === 'POST' ? fieldProblem(refusal) : undefined));
    const user = renderWithApi(<FeedbackForm requestId={requestId} onDone={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Terugkoppeling versturen' }));
    await waitFor(() => expect(errorText('feedback-answered')).toBe('Dit veld is verplicht.'));
    expect(errorText('feedback-usefulness')).toBe('Dit veld is verplicht.');
    expect(errorText('feedback-changes')).toBe('Kies minstens één gevolg.');
    // The summary's link goes to the group's first box.
    await user.click(screen.getByRole('link', { name: 'Is de vraag beantwoord?: Dit veld is verplicht.' }));
    expect(document.activeElement?.getAttribute('type')).toBe('radio');

    const scores = screen.getByRole('group', { name: 'Hoe bruikbaar was het advies?' });
    await user.click(scores.querySelector('input[value="4"]') as HTMLInputElement);
    await waitFor(() => expect(errorText('feedback-usefulness')).toBeNull());
    await user.click(screen.getAllByRole('radio')[0] as HTMLInputElement);
    await user.click(screen.getAllByRole('checkbox')[0] as HTMLInputElement);
    await waitFor(() => expect(errorText('feedback-changes')).toBeNull());
    await user.type(screen.getByLabelText('Toelichting (optioneel)'), 'Heel bruikbaar.');
    await user.click(screen.getByRole('button', { name: 'Terugkoppeling versturen' }));
    await waitFor(() => expect(errorText('feedback-comment')).toBe(serverFieldText(refusal)));
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ usefulness: 4, comment: 'Heel bruikbaar.' });
  });
});
