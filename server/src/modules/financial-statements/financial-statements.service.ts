import { createHash } from 'node:crypto';
import { type Executor, schema } from '@duidingspool/db';
import {
  amsterdamDate,
  type FinancialStatement,
  type StatementAction,
  type StatementContent,
  StatementContentSchema,
  type StatementDocumentFormat,
} from '@duidingspool/shared';
import { eq, getTableColumns, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { AppError, notFound } from '../../errors.ts';
import { type Actor, hasRole, type ServiceContext } from '../../lib/context.ts';
import { dutchDate, formatCentsNl } from '../../lib/dutch-format.ts';
import { iso } from '../../lib/pagination.ts';
import { audit } from '../audit/index.ts';
import { assertYearClosed, lockBudgetYear, statementFigures, yearNotReady } from './statement.read-model.ts';
import { type StatementSignatures, statementPdf, statementXlsx } from './statement-document.ts';

const fs = schema.financialStatements;
const preparer = alias(schema.users, 'preparer');
const adopter = alias(schema.users, 'adopter');

/** The SHA-256 (hex) of a statement's JSON text: what the document prints and the adoption freezes. */
const sha256 = (json: string) => createHash('sha256').update(json, 'utf8').digest('hex');

/** A day as `DD-MM-YYYY` in Europe/Amsterdam. */
const dutchDay = (at: Date) => dutchDate(amsterdamDate(at));

/** The columns of a statement without its documents: reading a statement never loads their bytes. */
const { document: _xlsx, documentPdf: _pdf, ...statementColumns } = getTableColumns(fs);

async function findRow(db: Executor, year: number, forUpdate = false) {
  const q = db
    .select({
      row: statementColumns,
      hasPdf: sql<boolean>`${fs.documentPdf} is not null`,
      preparedByName: preparer.displayName,
      adoptedByName: adopter.displayName,
    })
    .from(fs)
    .innerJoin(preparer, eq(preparer.id, fs.preparedBy))
    .leftJoin(adopter, eq(adopter.id, fs.adoptedBy))
    .where(eq(fs.year, year));
  const [found] = forUpdate ? await q.for('update', { of: fs }) : await q;
  return found;
}
type Found = NonNullable<Awaited<ReturnType<typeof findRow>>>;

/** Who may adopt: a coordinator or finance, never the one who prepared it (docs/design.md §11). */
const mayAdopt = (actor: Actor, f: Found) =>
  f.row.status === 'prepared' && f.row.preparedBy !== actor.userId && (hasRole(actor, 'coordinator') || hasRole(actor, 'finance'));

/**
 * What changed in the ledger since the statement was adopted: each total whose figure today differs
 * from the frozen one, in words. Empty for a statement not yet adopted.
 */
function changesSince(frozen: StatementContent, now: StatementContent): string[] {
  const out: string[] = [];
  const compare = (what: string, then: number, today: number) => {
    if (then !== today) out.push(`${what}: vastgesteld ${formatCentsNl(then)}, nu ${formatCentsNl(today)} (verschil ${formatCentsNl(today - then)}).`);
  };
  if (frozen.fundingSource !== now.fundingSource) out.push(`Financieringsbron: vastgesteld "${frozen.fundingSource}", nu "${now.fundingSource}".`);
  compare('Toegekend bedrag', frozen.allocatedCents, now.allocatedCents);
  compare('Uitgegeven', frozen.totals.spentCents, now.totals.spentCents);
  compare('Niet besteed', frozen.totals.unusedCents, now.totals.unusedCents);
  compare('Correcties', frozen.corrections.amountCents, now.corrections.amountCents);
  const lines = (what: string, then: StatementContent['byActivity'], today: StatementContent['byActivity']) => {
    const keys = [...new Set([...then, ...today].map((l) => l.key))].sort();
    for (const key of keys) {
      const a = then.find((l) => l.key === key);
      const b = today.find((l) => l.key === key);
      compare(`${what} ${b?.label ?? a?.label ?? key}`, a?.amountCents ?? 0, b?.amountCents ?? 0);
    }
  };
  lines('Activiteit', frozen.byActivity, now.byActivity);
  lines('Specialist', frozen.bySpecialist, now.bySpecialist);
  if (frozen.byLine && now.byLine) {
    lines('Budgetregel', frozen.byLine, now.byLine);
    for (const line of now.byLine) {
      const then = frozen.byLine.find((x) => x.key === line.key);
      if (then && then.allocatedCents !== line.allocatedCents) compare(`Toegekend op budgetregel ${line.label}`, then.allocatedCents, line.allocatedCents);
    }
  }
  return out;
}

async function toStatement(db: Executor, actor: Actor, f: Found): Promise<FinancialStatement> {
  const content = StatementContentSchema.parse(JSON.parse(f.row.content));
  const adopted = f.row.status === 'adopted';
  const changes = adopted ? changesSince(content, await statementFigures(db, f.row.year)) : [];
  // A prepared statement is adopted or prepared again only while its year is still closed and decided.
  const notReady = adopted ? null : ((await yearNotReady(db, f.row.year))?.message ?? null);
  const actions: StatementAction[] = [];
  if (notReady === null && mayAdopt(actor, f)) actions.push('adopt');
  if (notReady === null && !adopted && hasRole(actor, 'finance')) actions.push('prepare');
  return {
    id: f.row.id,
    year: f.row.year,
    status: f.row.status,
    sha256: f.row.sha256,
    content,
    preparedByName: f.preparedByName,
    preparedAt: iso(f.row.preparedAt),
    adoptedByName: f.adoptedByName,
    adoptedAt: f.row.adoptedAt ? iso(f.row.adoptedAt) : null,
    changesSinceAdoption: changes,
    documentFormats: f.row.status === 'adopted' && !f.hasPdf ? ['xlsx'] : ['xlsx', 'pdf'],
    notReady,
    allowedActions: actions,
  };
}

/**
 * The statement of `year` (finance, coordinator), with what changed in the ledger since adoption.
 * @throws AppError 404 `not-found` when none was prepared for the year
 */
export async function getStatement(ctx: ServiceContext, year: number): Promise<FinancialStatement> {
  const found = await findRow(ctx.db, year);
  if (!found) throw notFound(`Een verantwoording over ${year}`);
  return toStatement(ctx.db, ctx.actor, found);
}

/**
 * Prepares the statement of a closed year (finance): computes the figures, freezes them as JSON text
 * with its SHA-256, and records who prepared it; preparing again replaces a statement not yet
 * adopted. Audited as `prepare-financial-statement`.
 * @throws AppError 409 `no-budget`, 409 `invalid-transition` (a month open, entries undecided, already adopted)
 */
export async function prepareStatement(ctx: ServiceContext, year: number): Promise<FinancialStatement> {
  return ctx.db.transaction(async (tx) => {
    if (!(await lockBudgetYear(tx, year))) throw new AppError('no-budget', `Er is geen budget voor ${year}.`);
    const existing = await findRow(tx, year, true);
    if (existing?.row.status === 'adopted')
      throw new AppError('invalid-transition', `De verantwoording over ${year} is al vastgesteld en kan niet opnieuw worden opgesteld.`);
    await assertYearClosed(tx, year);
    const json = JSON.stringify(await statementFigures(tx, year));
    const values = { status: 'prepared' as const, content: json, sha256: sha256(json), preparedBy: ctx.actor.userId, preparedAt: ctx.now() };
    if (existing) await tx.update(fs).set(values).where(eq(fs.id, existing.row.id));
    else await tx.insert(fs).values({ year, ...values });
    const made = await findRow(tx, year);
    if (!made) throw new Error('prepared statement not found');
    await audit(ctx, tx, {
      action: 'prepare-financial-statement',
      objectType: 'financial-statement',
      objectId: made.row.id,
      result: 'success',
      details: { year, sha256: made.row.sha256 },
    });
    return toStatement(tx, ctx.actor, made);
  });
}

/**
 * Adopts the prepared statement of `year` (a coordinator, or finance other than the preparer): the
 * year must still be closed with nothing undecided and its figures unchanged since preparation;
 * the XLSX and the PDF are made once and stored in the same update that adopts, so both download
 * byte-identical ever after (decision 073). Audited as
 * `adopt-financial-statement`.
 * `seenSha256` is the hash of the version the adopter reviewed: another version is never adopted.
 * @throws AppError 404 `not-found`, 403 `separation-of-duties` (the preparer), 409 `conflict` (`seenSha256`
 *   is not the hash of the current version: prepared again since it was seen, or never its hash), 409 `invalid-transition` (already adopted, year reopened, entries
 *   undecided, figures changed since preparation)
 */
export async function adoptStatement(ctx: ServiceContext, year: number, seenSha256: string): Promise<FinancialStatement> {
  return ctx.db.transaction(async (tx) => {
    await lockBudgetYear(tx, year);
    const found = await findRow(tx, year, true);
    if (!found) throw notFound(`Een verantwoording over ${year}`);
    if (found.row.status === 'adopted') throw new AppError('invalid-transition', `De verantwoording over ${year} is al vastgesteld.`);
    if (found.row.sha256 !== seenSha256) {
      throw new AppError(
        'conflict',
        `De verantwoording over ${year} die u bekeek, is niet de huidige versie (de SHA-256 verschilt): bekijk de huidige cijfers voordat u vaststelt.`,
        {
          errors: [{ in: 'body', pointer: '/sha256', message: 'hoort niet bij de huidige versie van de verantwoording' }],
        },
      );
    }
    if (found.row.preparedBy === ctx.actor.userId) {
      throw new AppError(
        'separation-of-duties',
        `U stelde deze verantwoording zelf op: een coördinator of een andere medewerker financiën stelt haar vast (functiescheiding).`,
      );
    }
    await assertYearClosed(tx, year);
    const today = JSON.stringify(await statementFigures(tx, year));
    if (today !== found.row.content) {
      throw new AppError('invalid-transition', `De cijfers over ${year} zijn veranderd sinds de verantwoording werd opgesteld: stel haar opnieuw op.`);
    }
    const adoptedAt = ctx.now();
    const content = StatementContentSchema.parse(JSON.parse(found.row.content));
    const signed: StatementSignatures = {
      status: 'adopted',
      sha256: found.row.sha256,
      preparedByName: found.preparedByName,
      preparedOn: dutchDay(found.row.preparedAt),
      adoptedByName: ctx.actor.displayName,
      adoptedOn: dutchDay(adoptedAt),
    };
    const document = await statementXlsx(content, signed);
    const documentPdf = await statementPdf(content, signed, adoptedAt);
    // One update: the trigger refuses any later change of the row, so both documents go in now or never.
    await tx.update(fs).set({ status: 'adopted', adoptedBy: ctx.actor.userId, adoptedAt, document, documentPdf }).where(eq(fs.id, found.row.id));
    await audit(ctx, tx, {
      action: 'adopt-financial-statement',
      objectType: 'financial-statement',
      objectId: found.row.id,
      result: 'success',
      details: { year, sha256: found.row.sha256 },
    });
    const adopted = await findRow(tx, year);
    if (!adopted) throw new Error('adopted statement not found');
    return toStatement(tx, ctx.actor, adopted);
  });
}

/** Media type and file extension of each document format. */
export const STATEMENT_DOCUMENT_TYPES: Record<StatementDocumentFormat, { mediaType: string; extension: string }> = {
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  pdf: { mediaType: 'application/pdf', extension: 'pdf' },
};

/**
 * The statement of `year` as XLSX or tagged PDF: the document stored at adoption, byte for byte; a
 * prepared statement's is made from its frozen content on each download and marked as a draft.
 * @throws AppError 404 `not-found` when no statement was prepared for the year, or for the PDF of a
 *   statement adopted before the PDF existed (its adopted document is the XLSX; none is made later)
 */
export async function statementDocument(ctx: ServiceContext, year: number, format: StatementDocumentFormat): Promise<{ bytes: Buffer; adopted: boolean }> {
  const found = await findRow(ctx.db, year);
  if (!found) throw notFound(`Een verantwoording over ${year}`);
  if (found.row.status === 'adopted') {
    // An adopted row never changes again (the trigger), so reading its bytes apart is safe.
    const [stored] = await ctx.db
      .select({ bytes: format === 'pdf' ? fs.documentPdf : fs.document })
      .from(fs)
      .where(eq(fs.id, found.row.id));
    if (stored?.bytes) return { bytes: stored.bytes, adopted: true };
    throw new AppError(
      'not-found',
      `De verantwoording over ${year} werd vastgesteld voordat er een PDF van werd gemaakt: het vastgestelde document is het XLSX-bestand.`,
    );
  }
  const content = StatementContentSchema.parse(JSON.parse(found.row.content));
  const signed: StatementSignatures = {
    status: 'prepared',
    sha256: found.row.sha256,
    preparedByName: found.preparedByName,
    preparedOn: dutchDay(found.row.preparedAt),
    adoptedByName: null,
    adoptedOn: null,
  };
  const bytes = format === 'pdf' ? await statementPdf(content, signed, ctx.now()) : await statementXlsx(content, signed);
  return { bytes, adopted: false };
}
