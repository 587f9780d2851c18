/** Formats for the documents the server writes (exports, PDF, the statement): Dutch, as a reader of them expects. */

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** `YYYY-MM-DD` → `DD-MM-YYYY`, as Dutch readers and spreadsheets read a date. */
export const dutchDate = (iso: string): string => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** Cents as Dutch euros in a sentence: `€ 1.234,56` (negative `€ -1.234,56`), with ordinary spaces. */
export function formatCentsNl(cents: number): string {
  return euro.format(cents / 100).replace(/\u00a0/g, ' ');
}

/** Minutes as hours and minutes in a sentence or a table: `2:30 uur` (135 → `2:15 uur`). */
export function formatMinutesNl(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')} uur`;
}
