import { amsterdamDate } from './dates.ts';

/**
 * Why a date cannot carry hours on an assignment, before the closed months are looked at (those
 * are the periods module's, on the server): `before-request` — before the day its request was
 * first submitted; `future` — after today. Both dates are calendar dates in Europe/Amsterdam.
 */
export type WorkDateProblem = 'before-request' | 'future';

/**
 * The first day hours may be dated on an assignment: the day (Europe/Amsterdam) its request was
 * first submitted. Work for a request can begin as soon as the casustafel asked, before the
 * coordinator proposed the specialist (docs/design.md §5, "Hours are dated on the day of the work").
 *
 * @param requestSubmittedAt instant of the request's first submission (ISO 8601 or Date)
 * @returns `YYYY-MM-DD`
 */
export function firstWorkDate(requestSubmittedAt: string | Date): string {
  return amsterdamDate(new Date(requestSubmittedAt));
}

/**
 * The rule for the date of a time entry (docs/design.md §5): not before `firstDay`
 * (`firstWorkDate`), not after `today`. A date in a closed month is refused too, by the server's
 * periods module (409 `period-closed`), which alone knows which months are closed.
 *
 * @param workedOn the entry's date, `YYYY-MM-DD`
 * @param firstDay the assignment's first work date, `YYYY-MM-DD`
 * @param today today's date in Europe/Amsterdam, `YYYY-MM-DD`
 */
export function workDateProblem(workedOn: string, firstDay: string, today: string): WorkDateProblem | null {
  if (workedOn > today) return 'future';
  if (workedOn < firstDay) return 'before-request';
  return null;
}
