import { z } from 'zod';
import { FundingSourceSchema } from './budgets.ts';
import { CentsSchema, IdSchema, InstantSchema, MinutesSchema } from './common.ts';

/**
 * A financial statement's state (docs/design.md §11): `prepared` by finance for a closed year,
 * `adopted` when a second person (a coordinator, or finance other than the preparer) approves it;
 * an adopted statement is frozen.
 */
export const STATEMENT_STATUSES = ['prepared', 'adopted'] as const;
export const StatementStatusSchema = z.enum(STATEMENT_STATUSES);
export type StatementStatus = z.infer<typeof StatementStatusSchema>;

/** Hours (minutes) and amount (cents) of approved entries for one activity or specialist. */
const StatementLineSchema = z.object({
  key: z.string(),
  label: z.string(),
  minutes: MinutesSchema,
  amountCents: CentsSchema,
});
export type StatementLine = z.infer<typeof StatementLineSchema>;

/**
 * One budget line of the year (decision 094): its code, name and funding source, its allocation,
 * and the approved hours (minutes) and amount (cents) charged to it; `unusedCents` = allocation − amount.
 */
const StatementBudgetLineSchema = StatementLineSchema.extend({
  fundingSource: FundingSourceSchema,
  allocatedCents: CentsSchema,
  unusedCents: CentsSchema,
});
export type StatementBudgetLine = z.infer<typeof StatementBudgetLineSchema>;

/**
 * The figures of a year's financial statement to the NCTV, as frozen on adoption. All money in
 * cents, all durations in minutes, over the time entries approved for the budget year.
 * `reconciliation` compares the statement's total with the sum of the approved ledger entries and
 * with the budget's running total: `differences` lists every mismatch (empty when it reconciles).
 */
export const StatementContentSchema = z
  .object({
    year: z.number().int(),
    fundingSource: z.string(),
    allocatedCents: CentsSchema,
    byActivity: z.array(StatementLineSchema),
    bySpecialist: z.array(StatementLineSchema),
    /** Per budget line with its funding source; absent in statements adopted before lines existed (they stay byte-identical). */
    byLine: z.array(StatementBudgetLineSchema).optional(),
    corrections: z.object({ count: z.number().int(), amountCents: CentsSchema }),
    totals: z.object({
      minutes: MinutesSchema,
      spentCents: CentsSchema,
      /** Allocation minus spent: what the year leaves unused. */
      unusedCents: CentsSchema,
    }),
    reconciliation: z.object({
      statementTotalCents: CentsSchema,
      approvedLedgerCents: CentsSchema,
      budgetSpentCents: CentsSchema,
      differences: z.array(z.string()),
    }),
  })
  .meta({ id: 'FinancialStatementContent' });
export type StatementContent = z.infer<typeof StatementContentSchema>;

/**
 * The formats a statement downloads in (decision 073): the XLSX and the tagged PDF, both made once
 * at adoption and stored; a draft's are made on each download.
 */
export const STATEMENT_DOCUMENT_FORMATS = ['xlsx', 'pdf'] as const;
export const StatementDocumentFormatSchema = z.enum(STATEMENT_DOCUMENT_FORMATS);
export type StatementDocumentFormat = z.infer<typeof StatementDocumentFormatSchema>;

/** Query of `GET /financial-statements/{year}/document`: the format, XLSX when absent. */
export const StatementDocumentQuerySchema = z.strictObject({ format: StatementDocumentFormatSchema.default('xlsx') });
export type StatementDocumentQuery = z.infer<typeof StatementDocumentQuerySchema>;

/**
 * What the signed-in user may do with a statement now: `adopt` it (a coordinator or finance, not its
 * preparer) or `prepare` it again (finance), both only while its year is closed with every entry decided.
 */
export const STATEMENT_ACTIONS = ['adopt', 'prepare'] as const;
export type StatementAction = (typeof STATEMENT_ACTIONS)[number];

/**
 * A year's financial statement: the frozen content, its SHA-256 (over the content's JSON text,
 * printed on the document), who prepared and who adopted it. `changesSinceAdoption` compares the
 * frozen figures with today's ledger: a correction booked later in that year shows here, never
 * silently in the document. `documentFormats` are the formats it downloads in: a draft both; an
 * adopted statement those stored at its adoption (no PDF for one adopted before the PDF existed).
 */
export const FinancialStatementSchema = z
  .object({
    id: IdSchema,
    year: z.number().int(),
    status: StatementStatusSchema,
    sha256: z.string(),
    content: StatementContentSchema,
    preparedByName: z.string(),
    preparedAt: InstantSchema,
    adoptedByName: z.string().nullable(),
    adoptedAt: InstantSchema.nullable(),
    changesSinceAdoption: z.array(z.string()),
    /** Why a prepared statement can be neither adopted nor prepared again now (a month reopened, entries undecided), or null. */
    notReady: z.string().nullable(),
    documentFormats: z.array(StatementDocumentFormatSchema),
    allowedActions: z.array(z.enum(STATEMENT_ACTIONS)),
  })
  .meta({ id: 'FinancialStatement' });
export type FinancialStatement = z.infer<typeof FinancialStatementSchema>;

/**
 * `POST /financial-statements/{year}/adoption`: the SHA-256 of the statement as the adopter saw it.
 * A statement prepared again since then answers 409 `conflict`: nobody adopts figures they did not see.
 */
export const AdoptStatementBodySchema = z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'verwacht de SHA-256 van de verantwoording') });
export type AdoptStatementBody = z.infer<typeof AdoptStatementBodySchema>;

/** `POST /financial-statements`: prepare (or prepare again, until adopted) the statement of `year`. */
export const PrepareStatementBodySchema = z.strictObject({ year: z.number().int().min(2000).max(2999) });
export type PrepareStatementBody = z.infer<typeof PrepareStatementBodySchema>;
