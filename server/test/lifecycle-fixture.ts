// One request through its whole lifecycle with a marker in every free-text field the API takes:
// the retention tests look for the marker after a purge, the log tests in every log line. Its
// messages carry the marker too.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { createRequest, entryBody, requestBody, specialist, today } from './fixtures.ts';
import type { Caller, CallResult } from './harness.ts';

/** The demo users the lifecycle needs: a requester, the coordinator, specialist1 and specialist2. */
export interface LifecycleActors {
  requester: Caller;
  coordinator: Caller;
  sp1: Caller;
  sp2: Caller;
}

const ok = (res: CallResult, status = 200) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
};

/**
 * Runs one request from submission to closing, with `marker` in the case reference, question,
 * context, the needs-information question and its answer, a declined proposal's reason, an ended
 * assignment's reason, two time
 * entries' descriptions, a rejection, a correction, two extension requests with a grant and a
 * refusal, the advice and its correction, the closing and the feedback's comment; plus three requests that end declined, cancelled and
 * withdrawn with `marker` in their reasons.
 *
 * @returns the ids of the closed request and of the four ended ones (the last a casustafel's training with its reach)
 */
export async function markedLifecycle(a: LifecycleActors, marker: string): Promise<{ closed: string; ended: string[] }> {
  const text = (what: string) => `${what} ${marker}`;
  const request = await createRequest(a.requester, {
    caseReference: `C-${marker}-${randomBytes(3).toString('hex')}`,
    question: text('Vraag'),
    context: text('Context'),
  });
  const url = `/api/v1/interpretation-requests/${request.id}`;
  ok(await a.coordinator('PATCH', url, { status: 'needs-information', reason: text('Welke signalen') }));
  ok(await a.requester('PATCH', url, { status: 'submitted', reason: text('Antwoord') }));

  const [s1, s2] = [await specialist(a.coordinator, 1), await specialist(a.coordinator, 2)];
  const first = ok(
    await a.coordinator('POST', `${url}/assignments`, { specialistId: s2.id, estimatedMinutes: 60, overrideReason: 'Vaste keuze van de test' }),
    201,
  );
  ok(await a.sp2('PATCH', `/api/v1/assignments/${first.id}`, { status: 'declined', reason: text('Geen tijd') }));
  // An accepted assignment the coordinator ends with a reason; the request goes back to triage.
  const endedAssignment = ok(
    await a.coordinator('POST', `${url}/assignments`, { specialistId: s2.id, estimatedMinutes: 60, overrideReason: 'Vaste keuze van de test' }),
    201,
  );
  ok(await a.sp2('PATCH', `/api/v1/assignments/${endedAssignment.id}`, { status: 'accepted' }));
  ok(await a.coordinator('POST', `/api/v1/assignments/${endedAssignment.id}/end`, { reason: text('Beeindigd') }));
  const assignment = ok(
    await a.coordinator('POST', `${url}/assignments`, { specialistId: s1.id, estimatedMinutes: 120, overrideReason: 'Vaste keuze van de test' }),
    201,
  );
  ok(await a.sp1('PATCH', `/api/v1/assignments/${assignment.id}`, { status: 'accepted' }));

  const entries = `/api/v1/assignments/${assignment.id}/time-entries`;
  const approved = ok(await a.sp1('POST', entries, entryBody({ minutes: 45, description: text('Dossierstudie') })), 201);
  ok(await a.coordinator('PATCH', `/api/v1/time-entries/${approved.id}`, { status: 'approved' }));
  const rejected = ok(await a.sp1('POST', entries, entryBody({ minutes: 30, description: text('Overleg') })), 201);
  ok(await a.coordinator('PATCH', `/api/v1/time-entries/${rejected.id}`, { status: 'rejected', reason: text('Dubbel') }));
  ok(await a.coordinator('POST', `/api/v1/time-entries/${approved.id}/corrections`, { minutes: -15, reason: text('Te veel') }), 201);

  const extensions = `/api/v1/assignments/${assignment.id}/extension-requests`;
  const granted = ok(await a.sp1('POST', extensions, { extraMinutes: 30, reason: text('Meer bronnen') }), 201);
  ok(await a.coordinator('PATCH', `/api/v1/extension-requests/${granted.id}`, { status: 'granted', reason: text('Akkoord') }));
  const refused = ok(await a.sp1('POST', extensions, { extraMinutes: 600, reason: text('Nog meer') }), 201);
  ok(await a.coordinator('PATCH', `/api/v1/extension-requests/${refused.id}`, { status: 'refused', reason: text('Te veel') }));

  // A message and an internal note on the thread, read by the casustafel (a read marker).
  ok(await a.requester('POST', `${url}/messages`, { body: text('Bericht') }), 201);
  ok(await a.coordinator('POST', `${url}/messages`, { body: text('Notitie'), internal: true }), 201);
  ok(await a.requester('GET', `${url}/messages`));

  ok(await a.sp1('PUT', `${url}/advice-draft`, { summary: text('Concept kern'), body: text('Concept advies'), version: 0 }));
  ok(await a.sp1('POST', `${url}/advice`, { summary: text('Kern'), body: text('Advies') }), 201);
  // A correction by the specialist (decision 114): its reason is case content too.
  ok(
    await a.sp1('POST', `${url}/advice/corrections`, {
      summary: text('Kern gecorrigeerd'),
      body: text('Advies gecorrigeerd'),
      reason: text('Correctie'),
      basedOnVersion: 1,
    }),
    201,
  );
  ok(await a.requester('PATCH', url, { status: 'closed', reason: text('Dank') }));
  ok(await a.requester('POST', `${url}/feedback`, { answered: 'yes', usefulness: 4, changes: ['assessment'], comment: text('Terugkoppeling') }), 201);

  const ended: string[] = [];
  for (const [who, status] of [
    ['coordinator', 'declined'],
    ['coordinator', 'cancelled'],
    ['requester', 'withdrawn'],
  ] as const) {
    const other = await createRequest(a.requester, { caseReference: `E-${marker}-${randomBytes(3).toString('hex')}`, question: text('Vraag') });
    ok(await a[who]('PATCH', `/api/v1/interpretation-requests/${other.id}`, { status, reason: text('Reden') }));
    ended.push(other.id);
  }
  // A training the casustafel asked (decision 095): its place is free text, its participants are
  // recorded after the session; then the coordinator cancels it.
  const {
    caseReference: _c,
    context: _x,
    ...body
  } = await requestBody(a.requester, {
    type: 'training',
    question: text('Training'),
    deliverable: 'training-delivery',
    audiences: ['education'],
    expectedParticipants: 20,
    meetingDate: today(),
    place: text('Wijkcentrum'),
  });
  const training = ok(await a.requester('POST', '/api/v1/interpretation-requests', body), 201);
  const proposal = ok(
    await a.coordinator('POST', `/api/v1/interpretation-requests/${training.id}/assignments`, { specialistId: s1.id, estimatedMinutes: 60 }),
    201,
  );
  ok(await a.sp1('PATCH', `/api/v1/assignments/${proposal.id}`, { status: 'accepted' }));
  ok(await a.sp1('PUT', `/api/v1/interpretation-requests/${training.id}/reach`, { participants: { education: 12, other: 3 } }));
  ok(await a.coordinator('PATCH', `/api/v1/interpretation-requests/${training.id}`, { status: 'cancelled', reason: text('Reden') }));
  ended.push(training.id);
  return { closed: request.id, ended };
}
