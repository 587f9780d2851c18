import type { Assignment } from '@duidingspool/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AssignmentResponse } from './assignment-response.tsx';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const proposal: Assignment = {
  id: id(1),
  requestId: id(2),
  requestReference: 'DP-2027-0001',
  budgetLineId: '00000000-0000-4000-8000-0000000000b1',
  requestType: 'case-interpretation',
  requestStatus: 'assigned',
  specialistId: id(3),
  specialistName: 'Sara Vast',
  status: 'proposed',
  estimatedMinutes: 180,
  loggedMinutes: 0,
  rateCents: 9500,
  reservedCents: 28500,
  budgetYear: 2027,
  declineReason: null,
  endReason: null,
  specialistActive: true,
  proposedAt: '2027-03-01T09:00:00.000Z',
  hoursFrom: '2027-03-01',
  respondedAt: null,
  closedAt: null,
  closeCause: null,
  noConflictConfirmedAt: null,
  allowedActions: ['confirm-no-conflict', 'decline'],
};

/** Renders the answer with a fetch that records each call and answers `reply`. */
function renderResponse(assignment: Assignment, reply: Assignment) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url: String(url), method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined });
      return new Response(JSON.stringify(reply), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  );
  const onDone = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <AssignmentResponse assignment={assignment} party={{ municipalityName: 'Barneveld', caseTableName: 'Casustafel Ede' }} onDone={onDone} />
    </QueryClientProvider>,
  );
  return { user: userEvent.setup(), calls, onDone };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AssignmentResponse (decision 103)', () => {
  it('offers the no-conflict confirmation, not acceptance, until the server allows accepting', async () => {
    const confirmed = { ...proposal, noConflictConfirmedAt: '2027-03-01T10:00:00.000Z', allowedActions: ['accept', 'decline'] as Assignment['allowedActions'] };
    const { user, calls, onDone } = renderResponse(proposal, confirmed);
    expect(screen.queryByRole('button', { name: /^Accepteren/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: /^Ik heb geen belangenverstrengeling/ }));
    expect(calls.find((c) => c.method === 'POST')?.url).toMatch(new RegExp(`/api/v1/assignments/${id(1)}/no-conflict-confirmation$`));
    expect(onDone).toHaveBeenCalledWith('confirmed');
  });

  it('declines because of a conflict with the municipality, naming it', async () => {
    const { user, calls } = renderResponse(proposal, { ...proposal, status: 'declined', allowedActions: [] });
    await user.click(screen.getByRole('button', { name: /^Afwijzen/ }));
    await user.selectOptions(screen.getByLabelText('Afwijzen vanwege belangenverstrengeling?'), 'Ja, met de gemeente Barneveld');
    await user.click(screen.getByRole('button', { name: /^Afwijzing bevestigen/ }));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ status: 'declined', conflictOfInterest: 'municipality' });
  });
});
