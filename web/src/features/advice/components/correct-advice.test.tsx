import type { Advice } from '@duidingspool/shared';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderWithApi, stubApi } from '../../../testing/api-stub.tsx';
import { CorrectAdvice } from './correct-advice.tsx';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const delivered: Advice = {
  id: id(1),
  requestId: id(2),
  version: 1,
  specialistName: 'Sara Vast',
  summary: 'Kern van het advies',
  body: 'Het advies zoals opgeleverd.',
  deliveredAt: '2027-03-01T09:00:00.000Z',
  correctionReason: null,
};

/** Renders the correction with the API answering a POST with `reply` (`status`); returns the calls and the user. */
function renderCorrection(reply: unknown, status = 201) {
  const calls = stubApi((call) => (call.method === 'POST' ? json(reply, status) : undefined));
  const onDone = vi.fn();
  const user = renderWithApi(<CorrectAdvice requestId={id(2)} reference="DP-2027-0001" advice={delivered} onDone={onDone} />);
  return { user, calls, onDone };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('CorrectAdvice (decision 114)', () => {
  it('starts from the delivered text, asks the reason (the error clears once given), confirms what follows, then sends the whole correction', async () => {
    const { user, calls, onDone } = renderCorrection({ ...delivered, id: id(3), version: 2, correctionReason: 'Datum verkeerd.' });
    await user.click(screen.getByRole('button', { name: 'Advies corrigeren' }));
    const body = screen.getByRole('textbox', { name: /^Advies/ });
    expect((body as HTMLTextAreaElement).value).toBe('Het advies zoals opgeleverd.');
    await user.click(screen.getByRole('button', { name: 'Correctie opleveren' }));
    const reason = screen.getByRole('textbox', { name: /Wat is er gecorrigeerd/ });
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    await user.type(reason, 'Datum verkeerd.');
    await vi.waitFor(() => expect(reason.getAttribute('aria-invalid')).not.toBe('true'));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Correctie opleveren' }));
    screen.getByText(/De casustafel ziet de nieuwe versie/);
    await user.click(screen.getByRole('button', { name: 'Correctie opleveren bevestigen' }));
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe(`/interpretation-requests/${id(2)}/advice/corrections`);
    // The version it corrects goes along (the one shown), so a correction made meanwhile is not overwritten.
    expect(post?.body).toEqual({ summary: delivered.summary, body: delivered.body, reason: 'Datum verkeerd.', basedOnVersion: delivered.version });
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.stringContaining('versie 2')));
    // Four screens of one form: more steps than the default 5 s allows on a busy two-core machine.
  }, 20_000);

  it('puts the server’s refusal of a field on that field', async () => {
    const problem = {
      type: 'personal-data-detected',
      title: 'Persoonsgegevens',
      status: 422,
      detail: 'x',
      errors: [{ in: 'body', pointer: '/reason', message: 'telefoonnummer', code: 'phone' }],
    };
    const { user } = renderCorrection(problem, 422);
    await user.click(screen.getByRole('button', { name: 'Advies corrigeren' }));
    await user.type(screen.getByRole('textbox', { name: /Wat is er gecorrigeerd/ }), 'Een reden.');
    await user.click(screen.getByRole('button', { name: 'Correctie opleveren' }));
    await user.click(screen.getByRole('button', { name: 'Correctie opleveren bevestigen' }));
    const reason = await screen.findByRole('textbox', { name: /Wat is er gecorrigeerd/ });
    await vi.waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
  });
});
