import { FUNDING_SOURCE_WORDS, type StatementContent, type StatementStatus } from '@duidingspool/shared';
import { formatCentsNl } from '../../lib/dutch-format.ts';

/** What the document says about who prepared and adopted it. */
export interface StatementSignatures {
  status: StatementStatus;
  sha256: string;
  preparedByName: string;
  preparedOn: string;
  adoptedByName: string | null;
  adoptedOn: string | null;
}

/**
 * The statement as an XLSX workbook (sheet "Verantwoording"): heading, funding, the budget lines with
 * their funding sources (allocated, spent, unused; decision 094), spending by activity and by specialist (hours and euros as numbers), corrections, unused budget, the reconciliation
 * with the ledger, and the SHA-256 of the statement's content with who prepared and adopted it.
 * Text cells are typed as text, so nothing in them runs as a formula. Returns the file's bytes.
 */
export async function statementXlsx(content: StatementContent, signed: StatementSignatures): Promise<Buffer> {
  const text = (value: string, bold = false) => ({ type: String, value, ...(bold ? { fontWeight: 'bold' as const } : {}) });
  const money = (cents: number) => ({ type: Number, value: cents / 100, format: '#,##0.00' });
  // Hours as a spreadsheet duration (days; shown as h:mm), so a column of them adds up.
  const hours = (minutes: number) => ({ type: Number, value: minutes / 1440, format: '[h]:mm' });
  const blank = null;
  const rows: unknown[][] = [
    [text(`Financiële verantwoording duidingspool ${content.year}`, true)],
    [text(signed.status === 'adopted' ? 'Vastgesteld' : 'Concept (nog niet vastgesteld)')],
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
    [],
    [text('Correcties (goedgekeurd)', true), text(`${content.corrections.count}`), money(content.corrections.amountCents)],
    [text('Uitgegeven (EUR)', true), blank, money(content.totals.spentCents)],
    [text('Niet besteed (EUR)', true), blank, money(content.totals.unusedCents)],
    [],
    [text('Aansluiting met het grootboek', true)],
    [text('Totaal van deze verantwoording'), blank, money(content.reconciliation.statementTotalCents)],
    [text('Som van de goedgekeurde grootboekregels'), blank, money(content.reconciliation.approvedLedgerCents)],
    [text('Lopend totaal uitgegeven van het budget'), blank, money(content.reconciliation.budgetSpentCents)],
    ...(content.reconciliation.differences.length === 0
      ? [[text('Sluit aan tot op de cent.')]]
      : content.reconciliation.differences.map((d) => [text(`Verschil: ${d}`)])),
    [],
    [text('Opgesteld door', true), text(`${signed.preparedByName} op ${signed.preparedOn}`)],
    [
      text('Vastgesteld door', true),
      text(signed.adoptedByName && signed.adoptedOn ? `${signed.adoptedByName} op ${signed.adoptedOn}` : 'nog niet vastgesteld'),
    ],
    [text('SHA-256 van de vastgestelde cijfers (JSON, niet van dit bestand)', true), text(signed.sha256)],
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
