// Service-level clocks (docs/design.md §4 "Service-level clocks", decision 102): the targets, the
// clock kinds and the state of a running clock. The working-day calendar (weekends, Dutch public
// holidays, working hours in Europe/Amsterdam) is the server's (server/src/lib/working-time.ts);
// what is here needs no calendar.

/** The clocks a request can run: awaiting triage, a proposal awaiting the specialist's answer, advice awaiting delivery. */
export const CLOCK_KINDS = ['triage', 'proposal-answer', 'advice'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/** How a running clock stands: in time, with less than `DUE_SOON_SHARE` of its span left, or past its deadline. */
export const CLOCK_STATES = ['on-time', 'due-soon', 'overdue'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

/** A clock is "due soon" once less than this share of its span (start to deadline) is left. */
export const DUE_SOON_SHARE = 0.25;

/** The pool's service-level targets (decision 102): whole working days or working hours, each at least 1. */
export interface ServiceLevelTargets {
  /** Working days a submitted request waits for triage (a proposal, a decline or a question). */
  triageWorkingDays: number;
  /** Working hours an urgent submitted request waits for triage. */
  triageUrgentWorkingHours: number;
  /** Working days the proposed specialist has to accept or decline. */
  proposalAnswerWorkingDays: number;
  /** Working days from acceptance to the advice when the request has no meeting date (with one: the working day before it). */
  adviceWorkingDays: number;
}

/** The targets until the coordinator changes them: triage 2 working days (urgent 4 working hours), answer 1, advice 10. */
export const DEFAULT_SERVICE_LEVEL_TARGETS: ServiceLevelTargets = {
  triageWorkingDays: 2,
  triageUrgentWorkingHours: 4,
  proposalAnswerWorkingDays: 1,
  adviceWorkingDays: 10,
};

/** Bounds of each target: working days 1–10 (two working weeks), working hours 1–40 (a working week). */
export const SERVICE_LEVEL_BOUNDS = { workingDays: { min: 1, max: 10 }, workingHours: { min: 1, max: 40 } } as const;

/**
 * The state of a clock started at `startedAt` with deadline `dueAt`, at `now` (instants):
 * `overdue` from the deadline on, `due-soon` once less than `DUE_SOON_SHARE` of the span is left,
 * else `on-time`.
 */
export function clockState(startedAt: Date, dueAt: Date, now: Date): ClockState {
  const left = dueAt.getTime() - now.getTime();
  if (left <= 0) return 'overdue';
  const span = dueAt.getTime() - startedAt.getTime();
  return left <= span * DUE_SOON_SHARE ? 'due-soon' : 'on-time';
}
