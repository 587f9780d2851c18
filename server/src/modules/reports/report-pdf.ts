import { REPORT_LABELS, type Report, type ReportCell, type ReportTable, type ReportUnit } from '@duidingspool/shared';
import { dutchDate, formatCentsNl } from '../../lib/dutch-format.ts';

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
  if (unit === 'minutes') return `${Math.floor(v / 60)}:${String(v % 60).padStart(2, '0')} uur`;
  if (unit === 'percent') return `${grouped.format(v)} %`;
  return grouped.format(v);
}

const MARGIN = 50;
const FONT_SIZE = 9;
const PAD = 3;

/**
 * The report as a tagged PDF (PDF 1.7, `Marked`, a structure tree, document language and title
 * shown; decision 093): headings H1–H3, paragraphs, and every table as Table/TR/TH/TD, with the
 * period and the threshold on the first page. It carries the tables, not the charts (each chart
 * only draws a column of its table). Suppressed figures read `< 5` and `×`, as published.
 * Returns the file's bytes.
 */
export async function reportPdf(report: Report, language: 'nl' | 'en'): Promise<Buffer> {
  // Loaded on the first PDF, not at start: most processes never write one (decision 074).
  const { default: PDFDocument } = await import('pdfkit');
  const L = REPORT_LABELS[language];
  const title = language === 'nl' ? 'Rapportage Duidingspool Oost-Nederland' : 'Report Duidingspool Oost-Nederland';
  const doc = new PDFDocument({
    pdfVersion: '1.7',
    tagged: true,
    lang: language === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    size: 'A4',
    margin: MARGIN,
    info: { Title: title, Subject: `${dutchDate(report.from)} – ${dutchDate(report.to)}`, Creator: 'Duidingspool Oost-Nederland' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const room = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };
  const block = (type: 'H1' | 'H2' | 'H3' | 'P', text: string, size: number, bold = false) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
    room(doc.heightOfString(text, { width }) + 6);
    root.add(
      doc.struct(type, {}, () => {
        doc.text(text, MARGIN, doc.y, { width });
      }),
    );
    doc.moveDown(0.4);
  };

  const drawTable = (table: ReportTable) => {
    const rowTotals = table.rows.some((r) => r.total !== null);
    const headers = [L.item, ...table.columns.map((c) => c.label), ...(rowTotals ? [table.totalLabel ?? L.total] : [])];
    const labelWidth = Math.round(width * 0.4);
    const colWidth = (width - labelWidth) / (headers.length - 1);
    const xs = headers.map((_, i) => (i === 0 ? MARGIN : MARGIN + labelWidth + (i - 1) * colWidth));
    const ws = headers.map((_, i) => (i === 0 ? labelWidth : colWidth));
    const structure = doc.struct('Table');
    root.add(structure);
    const row = (cells: string[], header: 'col' | 'row') => {
      doc.font('Helvetica').fontSize(FONT_SIZE);
      const h = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (ws[i] ?? colWidth) - 2 * PAD }))) + 2 * PAD;
      room(h);
      const y = doc.y;
      const tr = doc.struct('TR');
      structure.add(tr);
      cells.forEach((text, i) => {
        const isHeader = header === 'col' || i === 0;
        tr.add(
          doc.struct(isHeader ? 'TH' : 'TD', {}, () => {
            doc.font(isHeader ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT_SIZE);
            doc.text(text, (xs[i] ?? MARGIN) + PAD, y + PAD, { width: (ws[i] ?? colWidth) - 2 * PAD, align: i === 0 ? 'left' : 'right' });
          }),
        );
      });
      tr.end();
      doc.y = y + h;
      doc.x = MARGIN;
    };
    row(headers, 'col');
    for (const r of table.rows) {
      row([r.label, ...table.columns.map((c, i) => figure(r.cells[i], c.unit, L.hidden)), ...(rowTotals ? [figure(r.total, 'count', L.hidden)] : [])], 'row');
    }
    if (table.columnTotals) {
      row(
        [
          table.totalLabel ?? L.total,
          ...table.columns.map((c, i) => figure(table.columnTotals?.[i], c.unit, L.hidden)),
          ...(rowTotals ? [figure(table.total, 'count', L.hidden)] : []),
        ],
        'row',
      );
    }
    structure.end();
    doc.moveDown(0.8);
  };

  block('H1', title, 18, true);
  block('P', `${language === 'nl' ? 'Periode' : 'Period'} ${dutchDate(report.from)} – ${dutchDate(report.to)}`, 11);
  block('P', L.threshold(report.threshold), 10, true);
  for (const section of report.sections) {
    block('H2', section.title, 15, true);
    for (const table of section.tables) {
      block('H3', table.title, 12, true);
      if (table.note) block('P', table.note, 9);
      if (table.rows.length > 0) drawTable(table);
      else block('P', L.noRows, 9);
    }
  }
  root.end();
  doc.end();
  return done;
}
