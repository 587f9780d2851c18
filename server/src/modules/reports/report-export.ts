import { REPORT_LABELS, type Report, type ReportCell, type ReportUnit } from '@duidingspool/shared';
import { stringify } from 'csv-stringify/sync';
import { dutchDate } from '../../lib/dutch-format.ts';

/** Integer cents as a decimal-comma string without thousands separators (`-1234,50`), as the ledger export. */
const centsDecimalComma = (cents: number) => {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
};
/** Minutes as decimal hours with a comma (`150` → `2,50`). */
const hoursDecimalComma = (minutes: number) => centsDecimalComma(Math.round((minutes * 100) / 60));

/** One line of the export: where the figure stands and the figure as published. */
interface Line {
  section: string;
  table: string;
  row: string;
  column: string;
  unit: ReportUnit;
  cell: ReportCell;
}

function linesOf(report: Report, language: 'nl' | 'en'): Line[] {
  const L = REPORT_LABELS[language];
  const lines: Line[] = [];
  for (const section of report.sections)
    for (const table of section.tables) {
      for (const row of table.rows) {
        table.columns.forEach((c, i) => {
          const cell = row.cells[i];
          if (cell) lines.push({ section: section.title, table: table.title, row: row.label, column: c.label, unit: c.unit, cell });
        });
        if (row.total) lines.push({ section: section.title, table: table.title, row: row.label, column: L.total, unit: 'count', cell: row.total });
      }
      if (table.columnTotals) {
        table.columns.forEach((c, i) => {
          const cell = table.columnTotals?.[i];
          if (cell) lines.push({ section: section.title, table: table.title, row: table.totalLabel ?? L.total, column: c.label, unit: c.unit, cell });
        });
        if (table.total)
          lines.push({ section: section.title, table: table.title, row: table.totalLabel ?? L.total, column: L.total, unit: 'count', cell: table.total });
      }
    }
  return lines;
}

/** A suppressed figure as text: `< 5` or `×`. */
const suppressedText = (cell: ReportCell, hidden: string) => (cell.kind === 'small' ? `< ${cell.below}` : hidden);

const HEADERS = { nl: ['Onderdeel', 'Tabel', 'Rij', 'Kolom', 'Waarde', 'Eenheid'], en: ['Section', 'Table', 'Row', 'Column', 'Value', 'Unit'] } as const;
const UNITS: Record<'nl' | 'en', Record<ReportUnit, string>> = {
  nl: { count: 'aantal', cents: 'EUR', minutes: 'uren', percent: '%', days: 'werkdagen', number: 'aantal' },
  en: { count: 'number', cents: 'EUR', minutes: 'hours', percent: '%', days: 'working days', number: 'number' },
};

/** The lines above the table: the period, for a chosen period that it is internal, and the suppression threshold, printed on every report. */
function heading(report: Report, language: 'nl' | 'en'): string[] {
  const L = REPORT_LABELS[language];
  const period = `${dutchDate(report.from)} – ${dutchDate(report.to)}`;
  return [
    language === 'nl' ? `Rapportage Duidingspool Oost-Nederland, ${period}` : `Report Duidingspool Oost-Nederland, ${period}`,
    ...(report.publishable ? [] : [L.internal]),
    L.threshold(report.threshold),
  ];
}

/**
 * The report as CSV, with the ledger export's rules: UTF-8 with BOM, `;`, decimal comma, CRLF, and
 * csv-stringify's `escape_formulas`, so a text cell starting with `=`, `+`, `-`, `@`, tab or
 * carriage return gets a leading `'` and no spreadsheet runs it. One line per published figure,
 * as published: suppressed figures are `< 5` or `×`, never the number behind them.
 */
export function reportCsv(report: Report, language: 'nl' | 'en'): string {
  const L = REPORT_LABELS[language];
  const records = linesOf(report, language).map((l) => {
    const v =
      l.cell.kind !== 'value'
        ? suppressedText(l.cell, L.hidden)
        : l.unit === 'cents'
          ? centsDecimalComma(l.cell.value)
          : l.unit === 'minutes'
            ? hoursDecimalComma(l.cell.value)
            : String(l.cell.value);
    return [l.section, l.table, l.row, l.column, v, UNITS[language][l.unit]];
  });
  const head = heading(report, language).map((line) => [line, '', '', '', '', '']);
  return stringify([...head, [...HEADERS[language]], ...records], { bom: true, delimiter: ';', record_delimiter: 'windows', escape_formulas: true });
}

/**
 * The same lines as an XLSX workbook: labels typed as text (never formulas), published figures as
 * numbers (euros with two decimals, hours with two decimals), suppressed figures as the text
 * `< 5` or `×`. Returns the file's bytes.
 */
export async function reportXlsx(report: Report, language: 'nl' | 'en'): Promise<Buffer> {
  const L = REPORT_LABELS[language];
  const text = (value: string) => ({ type: String, value });
  const data = [
    ...heading(report, language).map((line) => [{ type: String, value: line, fontWeight: 'bold' as const }]),
    HEADERS[language].map((h) => ({ type: String, value: h, fontWeight: 'bold' as const })),
    ...linesOf(report, language).map((l) => [
      text(l.section),
      text(l.table),
      text(l.row),
      text(l.column),
      l.cell.kind !== 'value'
        ? text(suppressedText(l.cell, L.hidden))
        : l.unit === 'cents'
          ? { type: Number, value: l.cell.value / 100, format: '#,##0.00' }
          : l.unit === 'minutes'
            ? { type: Number, value: Math.round((l.cell.value * 100) / 60) / 100, format: '#,##0.00' }
            : { type: Number, value: l.cell.value },
      text(UNITS[language][l.unit]),
    ]),
  ];
  // The spreadsheet library is loaded on the first spreadsheet, not at start (decision 074).
  return (await (await import('write-excel-file/node')).default(data as any, { sheet: language === 'nl' ? 'Rapportage' : 'Report' }).toBuffer()) as Buffer;
}
