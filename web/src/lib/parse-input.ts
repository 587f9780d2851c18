import { parseDuration } from './format.ts';

/**
 * Parses a euro amount typed the Dutch way into integer cents: `125,00` → 12500, `1.234,56` →
 * 123456, `€ 95` → 9500, `80,5` → 8050. A dot is read as a thousands separator only when it groups
 * three digits; a single dot with one or two decimals (`125.50`) is read as a decimal separator.
 * Returns `null` for anything else (more than two decimals, letters, a negative amount).
 */
export function parseEuros(input: string): number | null {
  const value = input.trim().replace(/^€\s*/, '').replace(/\s+/g, '');
  if (!value) return null;
  let whole: string;
  let fraction = '';
  const dutch = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(value);
  const dotDecimal = /^(\d+)\.(\d{1,2})$/.exec(value);
  if (dutch) {
    whole = (dutch[1] ?? '').replace(/\./g, '');
    fraction = dutch[2] ?? '';
  } else if (dotDecimal) {
    whole = dotDecimal[1] ?? '';
    fraction = dotDecimal[2] ?? '';
  } else {
    return null;
  }
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0') || '0');
  return Number.isSafeInteger(cents) ? cents : null;
}

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
