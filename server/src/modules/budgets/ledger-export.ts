import { amsterdamDate, LEDGER_STATUS_LABELS_NL, type LedgerEntry } from '@duidingspool/shared';
import { stringify } from 'csv-stringify/sync';
import { dutchDate } from '../../lib/dutch-format.ts';

/**
 * The ledger export: one line per entry with money and accountable organisation,
 * never case content. `Uitgegeven` and `In behandeling` hold the amount only when the entry counts
 * there, so their column sums equal the budget page's spent and pending to the cent.
 */
const HEADERS = [
  'Regel-id',
  'Datum',
  'Specialist',
  'Veiligheidsregio',
  'Gemeente',
  'Casustafel',
  'Poolreferentie',
  'Activiteit',
  'Minuten',
  'Tarief per uur (EUR)',
  'Bedrag (EUR)',
  'Uitgegeven (EUR)',
  'In behandeling (EUR)',
  'Status',
  'Goedgekeurd op',
  'Beoordelaar',
  'Corrigeert regel',
] as const;

const dutchDateOrNull = (iso: string | null) => (iso === null ? null : dutchDate(iso));
const amsterdamDay = (instant: string) => amsterdamDate(new Date(instant));

/** Integer cents as a decimal-comma string without thousands separators (`-1234,50`). */
export function centsDecimalComma(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

const spentOf = (e: LedgerEntry) => (e.status === 'approved' ? e.amountCents : null);
const pendingOf = (e: LedgerEntry) => (e.status === 'submitted' && e.correctsEntryId === null ? e.amountCents : null);
const approvedOn = (e: LedgerEntry) => (e.status === 'approved' && e.reviewedAt ? amsterdamDay(e.reviewedAt) : null);

/** Columns holding cents (formatted with a decimal comma). */
const MONEY_COLUMNS = new Set([9, 10, 11, 12]);

/**
 * CSV as Dutch Excel opens it: UTF-8 with BOM, `;` separator, decimal comma, CRLF. Text cells that
 * start with `=`, `+`, `-`, `@`, tab or carriage return get a leading `'` (csv-stringify's
 * `escape_formulas`) so no spreadsheet runs them; numbers (also negative corrections) stay numbers.
 */
export function ledgerCsv(entries: LedgerEntry[]): string {
  const records = entries.map((e) => [
    e.id,
    dutchDate(e.workedOn),
    e.specialistName,
    e.safetyRegionName,
    e.municipalityName,
    e.caseTableName,
    e.poolReference,
    e.activity,
    e.minutes,
    e.rateCents,
    e.amountCents,
    spentOf(e),
    pendingOf(e),
    LEDGER_STATUS_LABELS_NL[e.status],
    dutchDateOrNull(approvedOn(e)),
    e.status === 'approved' ? e.reviewerName : null,
    e.correctsEntryId,
  ]);
  return stringify(records, {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    header: true,
    columns: [...HEADERS],
    escape_formulas: true,
    cast: {
      number: (value, context) => (typeof context.index === 'number' && MONEY_COLUMNS.has(context.index) ? centsDecimalComma(value) : String(value)),
    },
  });
}

/**
 * The same lines as an XLSX workbook: text cells are typed as text (never formulas), amounts as
 * numbers in euros with two decimals, dates as dates. Returns the file's bytes.
 */
export async function ledgerXlsx(entries: LedgerEntry[]): Promise<Buffer> {
  const money = (cents: number | null) => (cents === null ? null : { type: Number, value: cents / 100, format: '#,##0.00' });
  const text = (value: string | null) => (value === null ? null : { type: String, value });
  const date = (iso: string | null) => (iso === null ? null : { type: Date, value: new Date(`${iso}T00:00:00Z`), format: 'dd-mm-yyyy' });
  const data = [
    HEADERS.map((h) => ({ type: String, value: h, fontWeight: 'bold' as const })),
    ...entries.map((e) => [
      text(e.id),
      date(e.workedOn),
      text(e.specialistName),
      text(e.safetyRegionName),
      text(e.municipalityName),
      text(e.caseTableName),
      text(e.poolReference),
      text(e.activity),
      { type: Number, value: e.minutes },
      money(e.rateCents),
      money(e.amountCents),
      money(spentOf(e)),
      money(pendingOf(e)),
      text(LEDGER_STATUS_LABELS_NL[e.status]),
      date(approvedOn(e)),
      text(e.status === 'approved' ? e.reviewerName : null),
      text(e.correctsEntryId),
    ]),
  ];
  // The spreadsheet library is loaded on the first spreadsheet, not at start (decision 074).
  return (await (await import('write-excel-file/node')).default(data as any, { sheet: 'Grootboek' }).toBuffer()) as Buffer;
}
