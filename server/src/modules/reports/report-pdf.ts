import { REPORT_LABELS, type Report, type ReportCell, type ReportTable, type ReportUnit } from '@duidingspool/shared';
import { dutchDate, formatCentsNl, formatMinutesNl } from '../../lib/dutch-format.ts';
import { taggedPdf } from '../../lib/tagged-pdf.ts';

const grouped = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

/**
 * A published figure as the page and the PDF show it: Dutch digits, `€ 1.234,56`, `2:30 uur`,
 * `< 5`, or `hidden` (`×`); empty for no cell. Exported for the test that reads the PDF back.
 */
export function figure(cell: ReportCell | null | undefined, unit: ReportUnit, hidden: string): string {
  if (!cell) return '';
  if (cell.kind === 'small') return `< ${cell.below}`;
  if (cell.kind === 'hidden') return hidden;
  const v = cell.value;
  if (unit === 'cents') return formatCentsNl(v);
  if (unit === 'minutes') return formatMinutesNl(v);
  if (unit === 'percent') return `${grouped.format(v)} %`;
  return grouped.format(v);
}

/**
 * The report as a tagged PDF (PDF 1.7, `Marked`, a structure tree, document language and title
 * shown; decision 093): headings H1–H3, paragraphs, and every table as Table/TR/TH/TD, with the
 * period and the threshold on the first page. It carries the tables, not the charts (each chart
 * only draws a column of its table). Suppressed figures read `< 5` and `×`, as published.
 * Returns the file's bytes.
 */
export async function reportPdf(report: Report, language: 'nl' | 'en'): Promise<Buffer> {
  const L = REPORT_LABELS[language];
  const title = language === 'nl' ? 'Rapportage Duidingspool Oost-Nederland' : 'Report Duidingspool Oost-Nederland';
  const pdf = await taggedPdf({ title, subject: `${dutchDate(report.from)} – ${dutchDate(report.to)}`, lang: language === 'nl' ? 'nl-NL' : 'en-GB' });

  const drawTable = (table: ReportTable) => {
    const rowTotals = table.rows.some((r) => r.total !== null);
    const rows = table.rows.map((r) => [
      r.label,
      ...table.columns.map((c, i) => figure(r.cells[i], c.unit, L.hidden)),
      ...(rowTotals ? [figure(r.total, 'count', L.hidden)] : []),
    ]);
    if (table.columnTotals) {
      rows.push([
        table.totalLabel ?? L.total,
        ...table.columns.map((c, i) => figure(table.columnTotals?.[i], c.unit, L.hidden)),
        ...(rowTotals ? [figure(table.total, 'count', L.hidden)] : []),
      ]);
    }
    pdf.table({ headers: [L.item, ...table.columns.map((c) => c.label), ...(rowTotals ? [table.totalLabel ?? L.total] : [])], rows });
  };

  pdf.block('H1', title, { size: 18, bold: true });
  pdf.block('P', `${language === 'nl' ? 'Periode' : 'Period'} ${dutchDate(report.from)} – ${dutchDate(report.to)}`, { size: 11 });
  if (!report.publishable) pdf.block('P', L.internal, { size: 10, bold: true });
  pdf.block('P', L.threshold(report.threshold), { size: 10, bold: true });
  for (const section of report.sections) {
    pdf.block('H2', section.title, { size: 15, bold: true });
    for (const table of section.tables) {
      pdf.block('H3', table.title, { size: 12, bold: true });
      if (table.note) pdf.block('P', table.note, { size: 9 });
      if (table.rows.length > 0) drawTable(table);
      else pdf.block('P', L.noRows, { size: 9 });
    }
  }
  return pdf.end();
}
