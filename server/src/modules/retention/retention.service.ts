import { type Database, type Executor, LEDGER_PURGE_ORDER, REQUEST_DATA, type RequestDataTable, schema } from '@duidingspool/db';
import { and, asc, eq, getTableColumns, isNotNull, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { safeError } from '../../lib/logger.ts';
import { auditAs, SYSTEM_ORIGIN } from '../audit/index.ts';
import { noteRetentionFailure } from '../interpretation-requests/index.ts';

const r = schema.interpretationRequests;

/** How many requests one transaction claims; the job loops until none are left. */
export const RETENTION_BATCH = 50;

/** Longest wait before a failed purge is tried again, minutes (it starts at 60 and doubles). */
export const RETENTION_RETRY_CAP_MINUTES = 24 * 60;

/** What one run of the retention job did. */
export interface RetentionResult {
  /** Requests whose case content was purged. */
  contentPurged: number;
  /** Requests whose financial ledger (and the request itself) was deleted after its retention. */
  ledgerPurged: number;
  /** Requests whose purge failed this run (either clock): logged, counted on the request, retried later. */
  failed: number;
}

/** Where the job reports a failed purge (pino's shape). */
export interface RetentionLog {
  warn(obj: object, msg?: string): void;
}

const silent: RetentionLog = { warn() {} };

/**
 * Claims up to `RETENTION_BATCH` requests matching `where` whose retry time (after a failure) has
 * come, with `FOR UPDATE SKIP LOCKED`: several instances running the job at once each get other
 * rows, and none waits (docs/design.md §8).
 */
async function claim(tx: Executor, where: SQL | undefined): Promise<{ id: string }[]> {
  return tx
    .select({ id: r.id })
    .from(r)
    .where(and(where, or(isNull(r.retentionRetryAt), lte(r.retentionRetryAt, sql`now()`))))
    .orderBy(asc(r.closedAt), asc(r.id))
    .limit(RETENTION_BATCH)
    .for('update', { of: r, skipLocked: true });
}

/** The rows of table `d` that belong to request `requestId` (REQUEST_DATA's `owner`). */
function rowsOf(d: RequestDataTable, requestId: string): SQL {
  const a = schema.assignments;
  switch (d.owner.kind) {
    case 'self':
      return eq(r.id, requestId);
    case 'request':
      return eq(d.owner.column, requestId);
    case 'assignment':
      return sql`${d.owner.column} in (select ${a.id} from ${a} where ${a.requestId} = ${requestId})`;
  }
}

/** Empties every case-content column of one request, table by table, as REQUEST_DATA declares. */
async function purgeContentOf(tx: Executor, requestId: string): Promise<void> {
  for (const d of REQUEST_DATA) {
    const columns = getTableColumns(d.table);
    // Text becomes `purgeTo`; an absent value (null) stays absent.
    const set: Record<string, unknown> = Object.fromEntries(
      Object.entries(d.caseContent).map(([name, c]) => {
        const column = columns[name];
        const to = c?.purgeTo ?? null;
        return [name, to === '' && column && !column.notNull ? sql`case when ${column} is null then null else '' end` : to];
      }),
    );
    if (d.owner.kind === 'self') Object.assign(set, { contentPurgedAt: sql`now()`, retentionFailures: 0, retentionRetryAt: null, retentionLastError: null });
    if (Object.keys(set).length === 0) continue;
    await tx.update(d.table).set(set).where(rowsOf(d, requestId));
  }
}

/** Deletes every row of one request, children before parents (LEDGER_PURGE_ORDER). */
async function purgeLedgerOf(tx: Executor, requestId: string): Promise<void> {
  for (const d of LEDGER_PURGE_ORDER) await tx.delete(d.table).where(rowsOf(d, requestId));
}

/** One retention clock: its audit action, which requests are due, what purging one does, and the audit details. */
interface Clock {
  name: 'purge-content' | 'purge-ledger';
  due: SQL | undefined;
  purge: (tx: Executor, requestId: string) => Promise<void>;
  details: Record<string, number>;
}

/**
 * One batch of one clock, in one transaction: claims up to `RETENTION_BATCH` due requests and
 * purges and audits each under its own savepoint. When one fails (a constraint, a lock timeout)
 * only its savepoint is rolled back; the failure is logged (class and SQLSTATE, never the message),
 * counted on the request and tried again after 1, 2, 4 … hours (at most a day), and the batch
 * carries on with the next request. Both clocks run through here; only their `Clock` differs.
 * @returns how many requests were claimed, purged and failed
 */
async function purgeBatch(db: Database, clock: Clock, log: RetentionLog): Promise<{ claimed: number; purged: number; failed: number }> {
  return db.transaction(async (tx) => {
    const rows = await claim(tx, clock.due);
    let purged = 0;
    let failed = 0;
    for (const row of rows) {
      try {
        await tx.transaction(async (sp) => {
          await clock.purge(sp, row.id);
          await auditAs(
            sp,
            { actorId: null, origin: SYSTEM_ORIGIN },
            { action: clock.name, objectType: 'interpretation-request', objectId: row.id, result: 'success', details: clock.details },
          );
        });
        purged++;
      } catch (error) {
        failed++;
        const err = safeError(error);
        const noted = await noteRetentionFailure(tx, row.id, [err.type, err.code ?? err.causeCode].filter(Boolean).join(' '), RETENTION_RETRY_CAP_MINUTES);
        // Named apart from the `requestId` of HTTP log lines: this is the interpretation request.
        log.warn(
          { interpretationRequestId: row.id, job: clock.name, failures: noted?.failures, retryAt: noted?.retryAt, err },
          'retention purge failed; retried later',
        );
      }
    }
    return { claimed: rows.length, purged, failed };
  });
}

/** Runs one clock over every due request: batch after batch until one comes back short. */
async function runClock(db: Database, clock: Clock, log: RetentionLog): Promise<{ purged: number; failed: number }> {
  const total = { purged: 0, failed: 0 };
  for (;;) {
    const batch = await purgeBatch(db, clock, log);
    total.purged += batch.purged;
    total.failed += batch.failed;
    if (batch.claimed < RETENTION_BATCH) return total;
  }
}

/**
 * The first retention clock (docs/design.md §6): the case content of requests closed (or otherwise
 * ended) more than `months` ago is emptied — every column REQUEST_DATA declares as case content
 * (case reference, question, context, advice, every reason, time-entry descriptions). Money columns
 * are not touched, so no total changes. Each purge is audited (actor: the system).
 */
export async function purgeCaseContent(db: Database, months: number, log: RetentionLog = silent): Promise<{ purged: number; failed: number }> {
  return runClock(
    db,
    {
      name: 'purge-content',
      due: and(isNotNull(r.closedAt), isNull(r.contentPurgedAt), lt(r.closedAt, sql`now() - make_interval(months => ${months})`)),
      purge: purgeContentOf,
      details: { retentionMonths: months },
    },
    log,
  );
}

/**
 * The second retention clock (docs/design.md §6): `years` after closing, every row of the request —
 * every table REQUEST_DATA declares, in foreign-key order — and the request itself are deleted.
 * The budget rows and the ledger running totals keep their figures, so no total changes.
 */
export async function purgeLedger(db: Database, years: number, log: RetentionLog = silent): Promise<{ purged: number; failed: number }> {
  return runClock(
    db,
    {
      name: 'purge-ledger',
      due: and(isNotNull(r.closedAt), lt(r.closedAt, sql`now() - make_interval(years => ${years})`)),
      purge: purgeLedgerOf,
      details: { retentionYears: years },
    },
    log,
  );
}

/** One run of the retention job: both clocks. Safe to run on several instances at once. */
export async function runRetention(
  db: Database,
  settings: { retentionCaseMonths: number; retentionLedgerYears: number },
  log: RetentionLog = silent,
): Promise<RetentionResult> {
  const content = await purgeCaseContent(db, settings.retentionCaseMonths, log);
  const ledger = await purgeLedger(db, settings.retentionLedgerYears, log);
  return { contentPurged: content.purged, ledgerPurged: ledger.purged, failed: content.failed + ledger.failed };
}
