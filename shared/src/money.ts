/**
 * Money arithmetic of docs/design.md §5: integer euro cents and integer minutes only; no floats touch
 * money. Formatting lives in the UI.
 */

/**
 * Cost of `minutes` of work at `rateCentsPerHour`: minutes × rate / 60, rounded half-up to the
 * cent (half away from zero for negative minutes, so a correction mirrors its original exactly).
 *
 * @param minutes integer minutes (may be negative for a correcting entry)
 * @param rateCentsPerHour integer cents per hour, > 0
 * @returns integer cents
 * @throws RangeError when an argument is not a safe integer or the rate is not positive
 */
export function entryCostCents(minutes: number, rateCentsPerHour: number): number {
  if (!Number.isSafeInteger(minutes)) throw new RangeError('minutes must be an integer');
  if (!Number.isSafeInteger(rateCentsPerHour) || rateCentsPerHour <= 0) {
    throw new RangeError('rate must be a positive integer number of cents');
  }
  const product = Math.abs(minutes) * rateCentsPerHour;
  if (!Number.isSafeInteger(product)) throw new RangeError('amount out of range');
  // Half-up on the absolute value: floor((x + 30) / 60) for x = minutes × rate.
  const cents = Math.floor((product + 30) / 60);
  return minutes < 0 ? -cents : cents;
}

/** Budget figures per year (docs/design.md §5), all integer cents. */
export interface BudgetFigures {
  allocatedCents: number;
  reservedCents: number;
  pendingCents: number;
  spentCents: number;
}

/** `availableCents = allocated − reserved − pending − spent` (docs/design.md §5). */
export function availableCents(b: BudgetFigures): number {
  return b.allocatedCents - b.reservedCents - b.pendingCents - b.spentCents;
}

/** Sum of integer cents; throws RangeError past Number.MAX_SAFE_INTEGER. */
export function sumCents(values: readonly number[]): number {
  let total = 0;
  for (const v of values) {
    total += v;
    if (!Number.isSafeInteger(total)) throw new RangeError('sum out of range');
  }
  return total;
}

/**
 * True when `committedCents` has reached `percent` % of `allocatedCents` (integer arithmetic, no
 * floats: committed × 100 ≥ allocated × percent). Exactly 100 % is reached ("full"), never "over".
 */
export function thresholdReached(committedCents: number, allocatedCents: number, percent: number): boolean {
  return committedCents * 100 >= allocatedCents * percent;
}
