import { amsterdamDate } from '@duidingspool/shared';

/** Today's date in Europe/Amsterdam as `YYYY-MM-DD`. */
export function today(): string {
  return amsterdamDate(new Date());
}

/** The current year in Europe/Amsterdam. */
export function currentYear(): number {
  return Number(today().slice(0, 4));
}
