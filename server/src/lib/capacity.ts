import { addDays } from '@duidingspool/shared';
import { isWorkingDay } from './working-time.ts';

// The capacity of a specialist per week (docs/design.md §2 "Matching", decision 100): the monthly
// capacity spread evenly over the working days of its month (weekdays without Dutch public
// holidays), counting only the days they are not absent. Pure; dates are Europe/Amsterdam calendar dates.

const workingDaysCache = new Map<string, number>();

/** The number of working days in the month of `date` (YYYY-MM-DD). */
export function workingDaysInMonth(date: string): number {
  const month = date.slice(0, 7);
  const known = workingDaysCache.get(month);
  if (known !== undefined) return known;
  let n = 0;
  for (let day = `${month}-01`; day.startsWith(month); day = addDays(day, 1)) if (isWorkingDay(day)) n++;
  workingDaysCache.set(month, n);
  return n;
}

/** The Monday (YYYY-MM-DD) of the week of `date`. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * Minutes a specialist with `capacityMinutesPerMonth` can work in the week from Monday `weekStart`:
 * per working day not covered by an absence, the monthly capacity divided by that month's working
 * days; rounded down to whole minutes. Also the working days lost to absences.
 */
export function weekCapacity(
  capacityMinutesPerMonth: number,
  weekStart: string,
  absences: readonly { startsOn: string; endsOn: string }[],
): { capacityMinutes: number; absentDays: number } {
  let capacity = 0;
  let absentDays = 0;
  for (let i = 0; i < 7; i++) {
    const day = addDays(weekStart, i);
    if (!isWorkingDay(day)) continue;
    if (absences.some((a) => a.startsOn <= day && day <= a.endsOn)) {
      absentDays++;
      continue;
    }
    capacity += capacityMinutesPerMonth / workingDaysInMonth(day);
  }
  return { capacityMinutes: Math.floor(capacity), absentDays };
}
