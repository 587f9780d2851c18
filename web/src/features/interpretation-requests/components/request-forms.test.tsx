import { type InterpretationRequest, MAX_PARTICIPANTS_PER_CATEGORY, SERVICE_LEVEL_BOUNDS } from '@duidingspool/shared';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fieldProblem, json, renderWithApi, serverFieldText, stubApi } from '../../../testing/api-stub.tsx';
import { ReopenRequest } from './reopen-request.tsx';
import { RequestActions } from './request-actions.tsx';
import { RequestReachSection } from './request-reach.tsx';
import { ServiceLevelsForm } from './service-levels-form.tsx';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
/** The parts of a request these forms read (the rest is not shown by them). */
const request = {
  id: id(1),
  reference: 'DP-2027-0004',
  type: 'training',
  status: 'in-progress',
  assignments: [],
  allowedActions: ['record-reach'],
  allowedTransitions: ['needs-information', 'cancelled'],
  endEffects: { releasedCents: 0, openExtensionRequests: 0, undecidedEntries: 0 },
  reach: null,
} as unknown as InterpretationRequest;

const errorText = (fieldId: string) => document.getElementById(`${fieldId}-error`)?.textContent ?? null;
const personalData = { message: 'bevat persoonsgegevens', code: 'personal-data', params: { kinds: ['bsn'] } };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the request forms (one form pattern)', () => {
  it('“Heropenen”: the reason is required and focused; the server’s refusal lands on it', async () => {
    const refusal = { pointer: '/reason', ...personalData };
    stubApi((call) => (call.method === 'POST' ? fieldProblem(refusal) : undefined));
    const user = renderWithApi(<ReopenRequest request={request} onDone={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Heropenen voor meer werk' }));
    const reason = screen.getByLabelText('Welk werk is er nog nodig?');
    await waitFor(() => expect(document.activeElement).toBe(reason));
    await user.click(screen.getByRole('button', { name: 'Heropenen bevestigen' }));
    await waitFor(() => expect(errorText('reopen-reason')).toBe('Dit veld is verplicht.'));
    await user.type(reason, 'Een aanvulling op paragraaf 2.');
    await waitFor(() => expect(errorText('reopen-reason')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Heropenen bevestigen' }));
    await waitFor(() => expect(errorText('reopen-reason')).toBe(serverFieldText(refusal)));
  });

  it('a status change that needs a reason asks for it, and the server’s refusal lands on it', async () => {
    const refusal = { pointer: '/reason', ...personalData };
    const calls = stubApi((call) => (call.method === 'PATCH' ? fieldProblem(refusal) : undefined));
    const user = renderWithApi(<RequestActions request={request} />);
    await user.click(screen.getByRole('button', { name: 'Aanvullende informatie vragen' }));
    await user.click(screen.getByRole('button', { name: 'Aanvullende informatie vragen bevestigen' }));
    await waitFor(() => expect(errorText('transition-reason')).toBe('Dit veld is verplicht.'));
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
    await user.type(screen.getByLabelText('Welke informatie is nodig?'), 'De datum van de bijeenkomst.');
    await waitFor(() => expect(errorText('transition-reason')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Aanvullende informatie vragen bevestigen' }));
    await waitFor(() => expect(errorText('transition-reason')).toBe(serverFieldText(refusal)));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ status: 'needs-information', reason: 'De datum van de bijeenkomst.' });
  });

  it('“Servicenormen”: shows each range before submit, names a value outside it until fixed, and puts the server’s refusal on the field', async () => {
    const refusal = { pointer: '/adviceWorkingDays', message: 'te groot', code: 'too_big', params: { origin: 'number', maximum: 10 } };
    const calls = stubApi((call) => {
      if (call.method === 'PUT') return fieldProblem(refusal);
      return json({ triageWorkingDays: 2, triageUrgentWorkingHours: 4, proposalAnswerWorkingDays: 2, adviceWorkingDays: 5 });
    });
    const user = renderWithApi(<ServiceLevelsForm />);
    const days = await screen.findByLabelText('Triage (werkdagen)');
    const range = SERVICE_LEVEL_BOUNDS.workingDays;
    expect(document.getElementById('sla-triageWorkingDays-description')?.textContent).toBe(`Een geheel getal van ${range.min} tot en met ${range.max}.`);
    await user.clear(days);
    await user.type(days, String(range.max + 1));
    await user.click(screen.getByRole('button', { name: 'Servicenormen opslaan' }));
    await waitFor(() => expect(errorText('sla-triageWorkingDays')).toBe(`Vul een geheel getal in van ${range.min} tot en met ${range.max}.`));
    await user.clear(days);
    await user.type(days, String(range.max));
    await waitFor(() => expect(errorText('sla-triageWorkingDays')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Servicenormen opslaan' }));
    await waitFor(() => expect(errorText('sla-adviceWorkingDays')).toBe(serverFieldText(refusal)));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      triageWorkingDays: range.max,
      triageUrgentWorkingHours: 4,
      proposalAnswerWorkingDays: 2,
      adviceWorkingDays: 5,
    });
  });

  it('“Bereik”: an empty category is not sent, a count over the maximum is named until fixed, and the server’s refusal lands on the field', async () => {
    const refusal = {
      pointer: '/participants/police',
      message: 'te groot',
      code: 'too_big',
      params: { origin: 'number', maximum: MAX_PARTICIPANTS_PER_CATEGORY },
    };
    const calls = stubApi((call) => (call.method === 'PUT' ? fieldProblem(refusal) : undefined));
    const user = renderWithApi(<RequestReachSection request={request} onRecorded={vi.fn()} />);
    const police = screen.getByLabelText('Politie');
    await user.type(police, String(MAX_PARTICIPANTS_PER_CATEGORY + 1));
    await user.click(screen.getByRole('button', { name: 'Deelnemers vastleggen' }));
    await waitFor(() => expect(errorText('reach-police')).toBe(`Vul een geheel getal in van 0 tot en met ${MAX_PARTICIPANTS_PER_CATEGORY}.`));
    await user.clear(police);
    await user.type(police, '12');
    await waitFor(() => expect(errorText('reach-police')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Deelnemers vastleggen' }));
    await waitFor(() => expect(errorText('reach-police')).toBe(serverFieldText(refusal)));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ participants: { police: 12 } });
  });
});
