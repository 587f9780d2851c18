import { type ClockKind, clockState, type RequestStatus, type ServiceClock, type ServiceLevelTargets, type Urgency } from '@duidingspool/shared';
import { addWorkingDays, addWorkingHours, endOfLastWorkingDayBefore, type WorkingHours } from './working-time.ts';

// The service-level clocks of a request (docs/design.md §4 "Service-level clocks", decision 102),
// computed from its facts, the targets and the working-day calendar; pure, no database.

/**
 * The triage deadline of a request that moved into `submitted` at `since`: `triageWorkingDays`
 * working days later, or `triageUrgentWorkingHours` working hours when urgent.
 */
export function triageDueAt(since: Date, urgency: Urgency, targets: ServiceLevelTargets, wh: WorkingHours): Date {
  return urgency === 'urgent' ? addWorkingHours(since, targets.triageUrgentWorkingHours, wh) : addWorkingDays(since, targets.triageWorkingDays, wh);
}

/** When a proposal made at `proposedAt` is to be answered: `proposalAnswerWorkingDays` working days later. */
export function answerDueAt(proposedAt: Date, targets: ServiceLevelTargets, wh: WorkingHours): Date {
  return addWorkingDays(proposedAt, targets.proposalAnswerWorkingDays, wh);
}

/**
 * When the advice of an assignment accepted at `acceptedAt` is due: by the end of the last working
 * day before the meeting date, or `adviceWorkingDays` working days after acceptance when there is none.
 */
export function adviceDueAt(acceptedAt: Date, meetingDate: string | null, targets: ServiceLevelTargets, wh: WorkingHours): Date {
  return meetingDate ? endOfLastWorkingDayBefore(meetingDate, wh) : addWorkingDays(acceptedAt, targets.adviceWorkingDays, wh);
}

/** What the clocks of one request look at. */
export interface ClockFacts {
  status: RequestStatus;
  urgency: Urgency;
  meetingDate: string | null;
  /** The latest move into `submitted`, or null. */
  submittedSince: Date | null;
  /** The triage deadline stored when it was submitted (targets of that moment), or null (then computed). */
  triageDueAt: Date | null;
  /** When the live proposal (not yet answered) was made, or null. */
  proposedAt: Date | null;
  /** When the live accepted assignment was accepted, or null. */
  acceptedAt: Date | null;
  /**
   * When the request was reopened for more work, if its latest move into `in-progress` was a
   * reopening (decision 113), else null: the advice clock then runs from the reopening.
   */
  reopenedAt: Date | null;
}

/**
 * When the advice of a request reopened at `reopenedAt` is due again (decision 113):
 * `adviceWorkingDays` working days after the reopening. The meeting date is not used: it was the
 * date of the first advice, which the table has; what the table asks now has no date of its own.
 */
export function reopenedAdviceDueAt(reopenedAt: Date, targets: ServiceLevelTargets, wh: WorkingHours): Date {
  return addWorkingDays(reopenedAt, targets.adviceWorkingDays, wh);
}

const clock = (kind: ClockKind, startedAt: Date, dueAt: Date, now: Date): ServiceClock => ({
  kind,
  startedAt: startedAt.toISOString(),
  dueAt: dueAt.toISOString(),
  state: clockState(startedAt, dueAt, now),
  msLeft: dueAt.getTime() - now.getTime(),
});

/**
 * The running clocks of a request at `now`: triage while it is `submitted`; the specialist's answer
 * while a proposal waits (`assigned`); the advice while it is `in-progress` (from the acceptance, or
 * from the reopening after an earlier advice, decision 113). None in other states.
 */
export function requestClocks(f: ClockFacts, targets: ServiceLevelTargets, now: Date, wh: WorkingHours): ServiceClock[] {
  if (f.status === 'submitted' && f.submittedSince) {
    return [clock('triage', f.submittedSince, f.triageDueAt ?? triageDueAt(f.submittedSince, f.urgency, targets, wh), now)];
  }
  if (f.status === 'assigned' && f.proposedAt) return [clock('proposal-answer', f.proposedAt, answerDueAt(f.proposedAt, targets, wh), now)];
  if (f.status === 'in-progress' && f.reopenedAt) return [clock('advice', f.reopenedAt, reopenedAdviceDueAt(f.reopenedAt, targets, wh), now)];
  if (f.status === 'in-progress' && f.acceptedAt) return [clock('advice', f.acceptedAt, adviceDueAt(f.acceptedAt, f.meetingDate, targets, wh), now)];
  return [];
}
