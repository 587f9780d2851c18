import { FUNDING_SOURCE_WORDS, type StatementContent, type StatementStatus } from '@duidingspool/shared';
import { formatCentsNl, formatMinutesNl } from '../../lib/dutch-format.ts';
import { taggedPdf } from '../../lib/tagged-pdf.ts';

/** What the document says about who prepared and adopted it. */
export interface StatementSignatures {
  status: StatementStatus;
  sha256: string;
  preparedByName: string;
  preparedOn: string;
  adoptedByName: string | null;
  adoptedOn: string | null;
}

/** The document's title, the same in the XLSX, the PDF and the PDF's info. */
const title = (year: number) => `Financiële verantwoording duidingspool ${year}`;
/** The state line under the title. */
const stateLine = (status: StatementStatus) => (status === 'adopted' ? 'Vastgesteld' : 'Concept (nog niet vastgesteld)');
/** Who adopted the statement, or that nobody did yet. */
const adoptedLine = (signed: StatementSignatures) =>
  signed.adoptedByName && signed.adoptedOn ? `${signed.adoptedByName} op ${signed.adoptedOn}` : 'nog niet vastgesteld';
/** The label of the hash: it is over the figures' JSON text, not over the file that prints it; a draft's figures are not adopted yet. */
const hashLabel = (status: StatementStatus) =>
  `SHA-256 van de ${status === 'adopted' ? 'vastgestelde cijfers' : 'cijfers van dit concept'} (JSON, niet van dit bestand)`;
/** The column sums of a table's rows, so its total row is the sum of what it shows. */
const sumOf = <T extends object, K extends keyof T>(rows: readonly T[], keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, rows.reduce((sum, r) => sum + Number(r[k]), 0)])) as Record<K, number>;
const RECONCILES = 'Sluit aan tot op de cent.';

/**
 * The statement as an XLSX workbook (sheet "Verantwoording"): heading, funding, the budget lines with
 * their funding sources (allocated, spent, unused; decision 094), spending by activity and by specialist (hours and euros as numbers), each table with a total row of its own rows, corrections, unused budget, the reconciliation
 * with the ledger, and the SHA-256 of the statement's content with who prepared and adopted it.
 * Text cells are typed as text, so nothing in them runs as a formula. Returns the file's bytes.
 */
export async function statementXlsx(content: StatementContent, signed: StatementSignatures): Promise<Buffer> {
  const text = (value: string, bold = false) => ({ type: String, value, ...(bold ? { fontWeight: 'bold' as const } : {}) });
  const money = (cents: number) => ({ type: Number, value: cents / 100, format: '#,##0.00' });
  // Hours as a spreadsheet duration (days; shown as h:mm), so a column of them adds up.
  const hours = (minutes: number) => ({ type: Number, value: minutes / 1440, format: '[h]:mm' });
  const blank = null;
  const lineTotals = sumOf(content.byLine ?? [], ['allocatedCents', 'minutes', 'amountCents', 'unusedCents']);
  const specialistTotals = sumOf(content.bySpecialist, ['minutes', 'amountCents']);
  const rows: unknown[][] = [
    [text(title(content.year), true)],
    [text(stateLine(signed.status))],
    [],
    [text('Financieringsbron', true), text(content.fundingSource)],
    [text('Toegekend bedrag (EUR)', true), money(content.allocatedCents)],
    [],
    ...(content.byLine
      ? [
          [text('Budgetregels en financieringsbronnen', true)],
          [
            text('Budgetregel', true),
            text('Financieringsbron', true),
            text('Toegekend (EUR)', true),
            text('Uren (u:mm)', true),
            text('Besteed (EUR)', true),
            text('Niet besteed (EUR)', true),
          ],
          ...content.byLine.map((l) => [
            text(l.label),
            text(FUNDING_SOURCE_WORDS.nl[l.fundingSource]),
            money(l.allocatedCents),
            hours(l.minutes),
            money(l.amountCents),
            money(l.unusedCents),
          ]),
          [
            text('Totaal', true),
            blank,
            money(lineTotals.allocatedCents),
            hours(lineTotals.minutes),
            money(lineTotals.amountCents),
            money(lineTotals.unusedCents),
          ],
          [],
        ]
      : []),
    [text('Besteding per activiteit', true)],
    [text('Activiteit', true), text('Uren (u:mm)', true), text('Bedrag (EUR)', true)],
    ...content.byActivity.map((l) => [text(l.label), hours(l.minutes), money(l.amountCents)]),
    [text('Totaal', true), hours(content.totals.minutes), money(content.totals.spentCents)],
    [],
    [text('Besteding per specialist', true)],
    [text('Specialist', true), text('Uren (u:mm)', true), text('Bedrag (EUR)', true)],
    ...content.bySpecialist.map((l) => [text(l.label), hours(l.minutes), money(l.amountCents)]),
    [text('Totaal', true), hours(specialistTotals.minutes), money(specialistTotals.amountCents)],
    [],
    [text('Correcties (goedgekeurd)', true), text(`${content.corrections.count}`), money(content.corrections.amountCents)],
    [text('Uitgegeven (EUR)', true), blank, money(content.totals.spentCents)],
    [text('Niet besteed (EUR)', true), blank, money(content.totals.unusedCents)],
    [],
    [text('Aansluiting met het grootboek', true)],
    [text('Totaal van deze verantwoording'), blank, money(content.reconciliation.statementTotalCents)],
    [text('Som van de goedgekeurde grootboekregels'), blank, money(content.reconciliation.approvedLedgerCents)],
    [text('Lopend totaal uitgegeven van het budget'), blank, money(content.reconciliation.budgetSpentCents)],
    ...(content.reconciliation.differences.length === 0 ? [[text(RECONCILES)]] : content.reconciliation.differences.map((d) => [text(`Verschil: ${d}`)])),
    [],
    [text('Opgesteld door', true), text(`${signed.preparedByName} op ${signed.preparedOn}`)],
    [text('Vastgesteld door', true), text(adoptedLine(signed))],
    [text(hashLabel(signed.status), true), text(signed.sha256)],
  ];
  // The spreadsheet library is loaded on the first spreadsheet, not at start (decision 074).
  return (await (
    await import('write-excel-file/node')
  )
    .default(rows as any, {
      sheet: 'Verantwoording',
      columns: [{ width: 44 }, { width: 36 }, { width: 16 }, { width: 12 }, { width: 16 }, { width: 18 }],
    })
    .toBuffer()) as Buffer;
}

/**
 * The statement as a tagged PDF (decision 093's approach; docs/design.md §11): the same figures as
 * the XLSX in the same order — funding source and allocation, the budget lines with their funding
 * sources, spending by activity and by specialist (hours as `2:30 uur`, money as `€ 1.234,56`),
 * corrections, spent and unused, the reconciliation with the ledger, who prepared and adopted it,
 * and the SHA-256 of the statement's JSON text. Dutch (`nl-NL`), titled as the XLSX. `createdAt` is
 * the creation date in the PDF's info (the adoption's moment for the adopted document). Returns the
 * file's bytes.
 */
export async function statementPdf(content: StatementContent, signed: StatementSignatures, createdAt: Date): Promise<Buffer> {
  const heading = title(content.year);
  const pdf = await taggedPdf({ title: heading, subject: stateLine(signed.status), lang: 'nl-NL', createdAt });
  const h2 = (text: string) => pdf.block('H2', text, { size: 13, bold: true });
  const lines = (key: string, items: StatementContent['byActivity'], total?: string[]) =>
    pdf.table({
      headers: [key, 'Uren', 'Bedrag'],
      rows: [...items.map((l) => [l.label, formatMinutesNl(l.minutes), formatCentsNl(l.amountCents)]), ...(total ? [total] : [])],
    });

  pdf.block('H1', heading, { size: 18, bold: true });
  pdf.block('P', stateLine(signed.status), { size: 11, bold: true });
  pdf.table({
    headers: ['Financiering', 'Bedrag of bron'],
    rows: [
      ['Financieringsbron', content.fundingSource],
      ['Toegekend bedrag', formatCentsNl(content.allocatedCents)],
    ],
    align: ['left', 'left'],
  });
  if (content.byLine) {
    h2('Budgetregels en financieringsbronnen');
    const sums = sumOf(content.byLine, ['allocatedCents', 'minutes', 'amountCents', 'unusedCents']);
    pdf.table({
      headers: ['Budgetregel', 'Financieringsbron', 'Toegekend', 'Uren', 'Besteed', 'Niet besteed'],
      rows: [
        ...content.byLine.map((l) => [
          l.label,
          FUNDING_SOURCE_WORDS.nl[l.fundingSource],
          formatCentsNl(l.allocatedCents),
          formatMinutesNl(l.minutes),
          formatCentsNl(l.amountCents),
          formatCentsNl(l.unusedCents),
        ]),
        ['Totaal', '', formatCentsNl(sums.allocatedCents), formatMinutesNl(sums.minutes), formatCentsNl(sums.amountCents), formatCentsNl(sums.unusedCents)],
      ],
      // Six columns: a smaller size, and room for the longest words and amounts (up to € 1.000.000,00).
      widths: [0.2, 0.23, 0.15, 0.12, 0.15, 0.15],
      align: ['left', 'left', 'right', 'right', 'right', 'right'],
      size: 8,
    });
  }
  h2('Besteding per activiteit');
  lines('Activiteit', content.byActivity, ['Totaal', formatMinutesNl(content.totals.minutes), formatCentsNl(content.totals.spentCents)]);
  h2('Besteding per specialist');
  const specialists = sumOf(content.bySpecialist, ['minutes', 'amountCents']);
  lines('Specialist', content.bySpecialist, ['Totaal', formatMinutesNl(specialists.minutes), formatCentsNl(specialists.amountCents)]);
  h2('Correcties en besteding');
  pdf.table({
    headers: ['Onderdeel', 'Aantal', 'Bedrag'],
    rows: [
      ['Correcties (goedgekeurd)', String(content.corrections.count), formatCentsNl(content.corrections.amountCents)],
      ['Uitgegeven', '', formatCentsNl(content.totals.spentCents)],
      ['Niet besteed', '', formatCentsNl(content.totals.unusedCents)],
    ],
  });
  h2('Aansluiting met het grootboek');
  pdf.table({
    headers: ['Bron', 'Bedrag'],
    rows: [
      ['Totaal van deze verantwoording', formatCentsNl(content.reconciliation.statementTotalCents)],
      ['Som van de goedgekeurde grootboekregels', formatCentsNl(content.reconciliation.approvedLedgerCents)],
      ['Lopend totaal uitgegeven van het budget', formatCentsNl(content.reconciliation.budgetSpentCents)],
    ],
    widths: [0.6, 0.4],
  });
  if (content.reconciliation.differences.length === 0) pdf.block('P', RECONCILES, { size: 10 });
  else for (const d of content.reconciliation.differences) pdf.block('P', `Verschil: ${d}`, { size: 10 });
  h2('Opstelling en vaststelling');
  pdf.table({
    headers: ['Wie', 'Naam en datum'],
    rows: [
      ['Opgesteld door', `${signed.preparedByName} op ${signed.preparedOn}`],
      ['Vastgesteld door', adoptedLine(signed)],
    ],
    align: ['left', 'left'],
  });
  // The hash on a line of its own, in a fixed-width font, so it is read and copied whole.
  pdf.block('P', hashLabel(signed.status), { size: 10, bold: true });
  pdf.block('P', signed.sha256, { size: 9, font: 'mono' });
  return pdf.end();
}
