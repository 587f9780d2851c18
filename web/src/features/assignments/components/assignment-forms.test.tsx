import { type Assignment, CreateAssignmentBodySchema, rangeOf } from '@duidingspool/shared';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatMinutes } from '../../../lib/format.ts';
import { fieldProblem, json, renderWithApi, serverFieldText, stubApi } from '../../../testing/api-stub.tsx';
import { AssignSpecialistForm } from './assign-specialist-form.tsx';
import { AssignmentResponse } from './assignment-response.tsx';
import { EditEstimate } from './edit-estimate.tsx';
import { EndAssignment } from './end-assignment.tsx';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const accepted: Assignment = {
  id: id(1),
  requestId: id(2),
  requestReference: 'DP-2027-0001',
  budgetLineId: '00000000-0000-4000-8000-0000000000b1',
  requestType: 'case-interpretation',
  requestStatus: 'in-progress',
  specialistId: id(3),
  specialistName: 'Sara Vast',
  status: 'accepted',
  estimatedMinutes: 180,
  loggedMinutes: 60,
  rateCents: 9500,
  reservedCents: 28500,
  budgetYear: 2027,
  declineReason: null,
  endReason: null,
  specialistActive: true,
  proposedAt: '2027-03-01T09:00:00.000Z',
  hoursFrom: '2027-03-01',
  respondedAt: '2027-03-01T10:00:00.000Z',
  closedAt: null,
  closeCause: null,
  noConflictConfirmedAt: '2027-03-01T10:00:00.000Z',
  allowedActions: ['change-estimate', 'end'],
};

const errorText = (fieldId: string) => document.getElementById(`${fieldId}-error`)?.textContent ?? null;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the assignment forms (one form pattern)', () => {
  it('“Schatting wijzigen”: an unreadable estimate is named until fixed; the server’s refusal lands on the field', async () => {
    const refusal = { pointer: '/estimatedMinutes', message: 'te groot', code: 'too_big', params: { origin: 'number', maximum: 12000 } };
    const calls = stubApi((call) => (call.method === 'PATCH' ? fieldProblem(refusal) : undefined));
    const user = renderWithApi(<EditEstimate assignment={accepted} />);
    await user.click(screen.getByRole('button', { name: /^Schatting wijzigen/ }));
    const field = screen.getByLabelText('Nieuwe schatting (uu:mm)');
    expect((field as HTMLInputElement).value).toBe('3:00');
    await user.clear(field);
    await user.type(field, 'vier');
    await user.click(screen.getByRole('button', { name: 'Schatting opslaan' }));
    await waitFor(() => expect(errorText(`estimate-${id(1)}`)).toBe('Vul een duur in als uren en minuten, bijvoorbeeld 4:30, 4,5 of 4.'));
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
    await user.clear(field);
    await user.type(field, '4,5');
    await waitFor(() => expect(errorText(`estimate-${id(1)}`)).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Schatting opslaan' }));
    await waitFor(() => expect(errorText(`estimate-${id(1)}`)).toBe(serverFieldText(refusal)));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ estimatedMinutes: 270 });
    expect(document.activeElement).toBe(field);
  });

  it('“Inzet beëindigen”: the reason is required, and the server’s refusal of it lands on the field', async () => {
    const refusal = { pointer: '/reason', message: 'bevat persoonsgegevens', code: 'personal-data', params: { kinds: ['bsn'] } };
    stubApi((call) => (call.method === 'POST' ? fieldProblem(refusal) : undefined));
    const user = renderWithApi(<EndAssignment assignment={accepted} />);
    await user.click(screen.getByRole('button', { name: /^Inzet beëindigen/ }));
    await user.click(screen.getByRole('button', { name: /^Beëindiging bevestigen/ }));
    const reasonId = `end-reason-${id(1)}`;
    await waitFor(() => expect(errorText(reasonId)).toBe('Geef een reden voor het beëindigen.'));
    await user.type(screen.getByLabelText('Reden van beëindigen (zichtbaar in de tijdlijn)'), 'Specialist is ziek.');
    await waitFor(() => expect(errorText(reasonId)).toBeNull());
    await user.click(screen.getByRole('button', { name: /^Beëindiging bevestigen/ }));
    await waitFor(() => expect(errorText(reasonId)).toBe(serverFieldText(refusal)));
  });

  it('“Afwijzen”: a reason with personal data is refused before sending, and the server’s refusal lands on the field', async () => {
    const refusal = { pointer: '/reason', message: 'onzichtbare tekens', code: 'invisible-characters' };
    const calls = stubApi((call) => (call.method === 'PATCH' ? fieldProblem(refusal) : undefined));
    const proposal = { ...accepted, status: 'proposed' as const, allowedActions: ['accept', 'decline'] as Assignment['allowedActions'] };
    const user = renderWithApi(<AssignmentResponse assignment={proposal} />);
    await user.click(screen.getByRole('button', { name: /^Afwijzen/ }));
    const reason = screen.getByLabelText('Reden van afwijzen');
    await user.type(reason, 'Bel mij op 06-12345678');
    await user.click(screen.getByRole('button', { name: /^Afwijzing bevestigen/ }));
    await waitFor(() => expect(errorText(`decline-reason-${id(1)}`)).not.toBeNull());
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
    await user.clear(reason);
    await user.type(reason, 'Geen tijd deze maand.');
    await waitFor(() => expect(errorText(`decline-reason-${id(1)}`)).toBeNull());
    await user.click(screen.getByRole('button', { name: /^Afwijzing bevestigen/ }));
    await waitFor(() => expect(errorText(`decline-reason-${id(1)}`)).toBe(serverFieldText(refusal)));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ status: 'declined', reason: 'Geen tijd deze maand.' });
  });

  it('“Toewijzen”: the estimate’s range comes from the contract; the summary names the fields and the server’s refusal lands on one', async () => {
    const refusal = { pointer: '/overrideReason', message: 'bevat persoonsgegevens', code: 'personal-data', params: { kinds: ['email'] } };
    const calls = stubApi((call) => (call.method === 'POST' ? fieldProblem(refusal) : json({})));
    const user = renderWithApi(
      <AssignSpecialistForm
        requestId={id(2)}
        specialist={{ id: id(3), displayName: 'Sara Vast', currentRateCents: 9500 }}
        overrideNeeded
        availableCents={1_000_000}
        budgetYear={2027}
        onMissingSpecialist={vi.fn()}
      />,
    );
    const estimate = screen.getByLabelText('Geschatte tijd (uu:mm)');
    await user.type(estimate, '999');
    await user.click(screen.getByRole('button', { name: 'Toewijzen' }));
    const { min, max } = rangeOf(CreateAssignmentBodySchema.shape.estimatedMinutes);
    await waitFor(() => expect(errorText('assign-estimate')).toBe(`Vul een duur in van ${formatMinutes(min)} tot en met ${formatMinutes(max)}.`));
    expect(errorText('assign-override-reason')).toBe('Geef aan waarom u een andere specialist kiest dan de eerste suggestie.');
    expect(document.activeElement?.closest('.dsp-error-summary')).not.toBeNull();
    await user.clear(estimate);
    await user.type(estimate, '4');
    await waitFor(() => expect(errorText('assign-estimate')).toBeNull());
    await user.type(screen.getByLabelText('Waarom kiest u niet de eerste suggestie?'), 'Kent de casustafel.');
    await user.click(screen.getByRole('button', { name: 'Toewijzen' }));
    await waitFor(() => expect(errorText('assign-override-reason')).toBe(serverFieldText(refusal)));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ specialistId: id(3), estimatedMinutes: 240, overrideReason: 'Kent de casustafel.' });
  });
});
