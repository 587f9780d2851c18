import { parseDuration } from '@duidingspool/shared';

/** Amounts are read by the one rule in shared (`1.234,56` → cents); re-exported for the forms. */
export { parseEuros } from '@duidingspool/shared';

/**
 * Parses the size of a correction, typed as `h:mm` with or without a leading minus (`0:30`,
 * `-0:30`), into the negative minutes the API expects (`-30`). Returns `null` for zero or invalid input.
 */
export function parseCorrectionMinutes(input: string): number | null {
  const minutes = parseDuration(input.trim().replace(/^[-−]\s*/, ''));
  if (minutes === null || minutes === 0) return null;
  return -minutes;
}

/**
 * Parses budget thresholds typed as a list of percentages (`50, 75, 90` or `50 75 90 %`) into a
 * sorted list of unique whole numbers 1–100. Returns `null` when any part is not such a number.
 */
export function parsePercentList(input: string): number[] | null {
  const parts = input
    .replace(/%/g, ' ')
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (parts.length === 0) return null;
  const values: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n < 1 || n > 100) return null;
    if (!values.includes(n)) values.push(n);
  }
  return values.sort((a, b) => a - b);
}

/** Writes integer cents as the Dutch input a user would type, e.g. `12500` → `125,00` (no euro sign or grouping). */
export function centsToInput(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}
