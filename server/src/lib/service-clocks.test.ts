import { clockState, DUE_SOON_SHARE, DEFAULT_SERVICE_LEVEL_TARGETS as T } from '@duidingspool/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adviceDueAt, answerDueAt, reopenedAdviceDueAt, requestClocks, triageDueAt } from './service-clocks.ts';
import { addWorkingHours, DEFAULT_WORKING_HOURS, endOfLastWorkingDayBefore, latestMeetingDateDue } from './working-time.ts';

const H = DEFAULT_WORKING_HOURS; // 08:30–17:00
const AMS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** `YYYY-MM-DD HH:MM` in Europe/Amsterdam. */
const ams = (d: Date) => {
  const p = Object.fromEntries(AMS.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
};
/** An instant from its Amsterdam wall clock and offset, e.g. `at('2026-03-27T15:00', '+01:00')`. */
const at = (local: string, offset: string) => new Date(`${local}:00${offset}`);

describe('addWorkingHours', () => {
  it('stays within a working day, and a deadline at the end of the day stays there', () => {
    expect(ams(addWorkingHours(at('2026-12-01T09:00', '+01:00'), 4, H))).toBe('2026-12-01 13:00');
    expect(ams(addWorkingHours(at('2026-12-01T13:00', '+01:00'), 4, H))).toBe('2026-12-01 17:00');
  });

  it('skips the weekend: Friday 15:00 + 4 → Monday 10:30; Saturday → from Monday 08:30', () => {
    expect(ams(addWorkingHours(at('2026-12-04T15:00', '+01:00'), 4, H))).toBe('2026-12-07 10:30');
    expect(ams(addWorkingHours(at('2026-12-05T10:00', '+01:00'), 1, H))).toBe('2026-12-07 09:30');
  });

  it('skips Dutch public holidays (Easter Monday, Christmas), not Good Friday', () => {
    // Good Friday 3 April 2026 is a working day; Easter Monday 6 April is not.
    expect(ams(addWorkingHours(at('2026-04-02T16:00', '+02:00'), 4, H))).toBe('2026-04-03 11:30');
    expect(ams(addWorkingHours(at('2026-04-03T15:00', '+02:00'), 4, H))).toBe('2026-04-07 10:30');
    // Christmas Friday 25 and Saturday 26 December 2026.
    expect(ams(addWorkingHours(at('2026-12-24T16:00', '+01:00'), 4, H))).toBe('2026-12-28 11:30');
  });

  it('counts wall-clock working hours across the change to summer time (29 March 2026)', () => {
    const due = addWorkingHours(at('2026-03-27T15:00', '+01:00'), 4, H);
    expect(ams(due)).toBe('2026-03-30 10:30');
    expect(due.toISOString()).toBe('2026-03-30T08:30:00.000Z');
  });

  it('counts wall-clock working hours across the change to winter time (25 October 2026)', () => {
    const due = addWorkingHours(at('2026-10-23T15:00', '+02:00'), 4, H);
    expect(ams(due)).toBe('2026-10-26 10:30');
    expect(due.toISOString()).toBe('2026-10-26T09:30:00.000Z');
  });

  it('refuses zero or negative hours', () => {
    expect(() => addWorkingHours(new Date(), 0, H)).toThrow(RangeError);
    expect(() => addWorkingHours(new Date(), -1, H)).toThrow(RangeError);
  });
});

describe('advice by the day before the meeting', () => {
  it('is due at the end of the last working day before the meeting date', () => {
    expect(ams(endOfLastWorkingDayBefore('2026-12-10', H))).toBe('2026-12-09 17:00');
    // A Monday meeting: Friday's end; across the change to summer time.
    expect(endOfLastWorkingDayBefore('2026-03-30', H).toISOString()).toBe('2026-03-27T16:00:00.000Z');
    // The Tuesday after Easter Monday: the Friday before.
    expect(ams(endOfLastWorkingDayBefore('2026-04-07', H))).toBe('2026-04-03 17:00');
    // A Monday meeting after the change to winter time: Friday 17:00 summer time.
    expect(endOfLastWorkingDayBefore('2026-10-26', H).toISOString()).toBe('2026-10-23T15:00:00.000Z');
  });

  it('latestMeetingDateDue is the exact cut-off: due ⇔ the meeting date is not after it', () => {
    expect(latestMeetingDateDue(at('2026-03-27T17:00', '+01:00'), H)).toBe('2026-03-30');
    expect(latestMeetingDateDue(at('2026-03-27T16:59', '+01:00'), H)).toBe('2026-03-27');
    const start = Date.parse('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 24 * 60 }), fc.integer({ min: -5, max: 20 }), (minute, offsetDays) => {
        const now = new Date(start + minute * 60_000);
        const cut = latestMeetingDateDue(now, H);
        const day = new Date(now.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
        return endOfLastWorkingDayBefore(day, H).getTime() <= now.getTime() === day <= cut;
      }),
      { numRuns: 300 },
    );
  });
});

describe('the clocks of a request', () => {
  const base = {
    urgency: 'regular' as const,
    meetingDate: null,
    submittedSince: null,
    triageDueAt: null,
    proposedAt: null,
    acceptedAt: null,
    reopenedAt: null,
  };

  it('triage: 2 working days, urgent 4 working hours, from the latest submission', () => {
    const friday = at('2026-12-04T15:00', '+01:00');
    expect(ams(triageDueAt(friday, 'regular', T, H))).toBe('2026-12-08 15:00');
    expect(ams(triageDueAt(friday, 'urgent', T, H))).toBe('2026-12-07 10:30');
    const [c] = requestClocks({ ...base, status: 'submitted', submittedSince: friday }, T, at('2026-12-08T16:00', '+01:00'), H);
    expect(c).toMatchObject({ kind: 'triage', state: 'overdue', msLeft: -3_600_000, dueAt: '2026-12-08T14:00:00.000Z' });
  });

  it('a stored triage deadline wins over one computed with today’s targets', () => {
    const stored = at('2026-12-10T12:00', '+01:00');
    const [c] = requestClocks(
      { ...base, status: 'submitted', submittedSince: at('2026-12-04T15:00', '+01:00'), triageDueAt: stored },
      T,
      at('2026-12-08T16:00', '+01:00'),
      H,
    );
    expect(c?.dueAt).toBe(stored.toISOString());
  });

  it('answer: 1 working day after the proposal; advice: the day before the meeting, else 10 working days', () => {
    const proposed = at('2026-12-24T10:00', '+01:00');
    expect(ams(answerDueAt(proposed, T, H))).toBe('2026-12-28 10:00');
    const accepted = at('2026-12-01T10:00', '+01:00');
    expect(ams(adviceDueAt(accepted, '2026-12-07', T, H))).toBe('2026-12-04 17:00');
    expect(ams(adviceDueAt(accepted, null, T, H))).toBe('2026-12-15 10:00');
    expect(requestClocks({ ...base, status: 'assigned', proposedAt: proposed }, T, proposed, H)[0]?.kind).toBe('proposal-answer');
    expect(requestClocks({ ...base, status: 'in-progress', acceptedAt: accepted }, T, accepted, H)[0]?.kind).toBe('advice');
  });

  it('after a reopening the advice clock starts again: 10 working days from the reopening, the past meeting date left out (decision 113)', () => {
    const accepted = at('2026-11-02T10:00', '+01:00');
    const reopened = at('2026-12-18T14:00', '+01:00'); // a Friday; Christmas, Boxing Day and New Year's Day are no working days
    expect(ams(reopenedAdviceDueAt(reopened, T, H))).toBe('2027-01-05 14:00');
    const [c] = requestClocks({ ...base, status: 'in-progress', meetingDate: '2026-11-20', acceptedAt: accepted, reopenedAt: reopened }, T, reopened, H);
    expect(c).toMatchObject({ kind: 'advice', startedAt: reopened.toISOString(), state: 'on-time' });
    expect(ams(new Date(c?.dueAt ?? ''))).toBe('2027-01-05 14:00');
  });

  it('runs no clock in other states', () => {
    for (const status of ['draft', 'needs-information', 'advice-delivered', 'closed', 'declined', 'withdrawn', 'cancelled'] as const) {
      expect(requestClocks({ ...base, status, submittedSince: new Date() }, T, new Date(), H)).toEqual([]);
    }
  });
});

describe('clockState', () => {
  const start = new Date('2026-12-01T08:00:00Z');
  const due = new Date('2026-12-01T16:00:00Z'); // 8 hours: due soon in the last 2
  it(`is due soon with less than ${DUE_SOON_SHARE * 100} % of the span left, overdue from the deadline on`, () => {
    expect(clockState(start, due, new Date('2026-12-01T13:59:00Z'))).toBe('on-time');
    expect(clockState(start, due, new Date('2026-12-01T14:00:00Z'))).toBe('due-soon');
    expect(clockState(start, due, due)).toBe('overdue');
  });
});
