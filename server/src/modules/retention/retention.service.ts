import { type Database, type Executor, schema } from '@duidingspool/db';
import { and, asc, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { auditAs, SYSTEM_ORIGIN } from '../audit/audit.service.ts';

const r = schema.interpretationRequests;

/** How many requests one transaction claims; the job loops until none are left. */
export const RETENTION_BATCH = 50;

/** What one run of the retention job did. */
export interface RetentionResult {
  /** Requests whose case content was purged. */
  contentPurged: number;
  /** Requests whose financial ledger (and the request itself) was deleted after its retention. */
  ledgerPurged: number;
}

/**
 * Claims up to `RETENTION_BATCH` requests matching `where` with `FOR UPDATE SKIP LOCKED`: several
 * instances running the job at once each get other rows, and none waits (DESIGN.md §8).
 */
async function claim(tx: Executor, where: ReturnType<typeof and>): Promise<{ id: string; closedAt: Date | string | null }[]> {
  return tx
    .select({ id: r.id, closedAt: r.closedAt })
    .from(r)
    .where(where)
    .orderBy(asc(r.closedAt), asc(r.id))
    .limit(RETENTION_BATCH)
    .for('update', { of: r, skipLocked: true });
}

/**
 * The first retention clock (DESIGN.md §6): the case content of requests closed (or otherwise
 * ended) more than `months` ago is emptied — case reference, question, context, advice, reasons
 * on the timeline and the assignments, and the descriptions of time entries. Money columns are not
 * touched, so no total changes. Each purge is audited (actor: the system) in its own transaction.
 *
 * @returns the number of requests purged
 */
export async function purgeCaseContent(db: Database, months: number): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const due = and(isNotNull(r.closedAt), isNull(r.contentPurgedAt), lt(r.closedAt, sql`now() - make_interval(months => ${months})`));
      const rows = await claim(tx, due);
      if (rows.length === 0) return 0;
      const ids = rows.map((row) => row.id);
      await tx
        .update(r)
        .set({ caseReference: '', question: '', context: null, contentPurgedAt: sql`now()` as never })
        .where(inArray(r.id, ids));
      await tx.update(schema.advice).set({ summary: '', body: '' }).where(inArray(schema.advice.requestId, ids));
      await tx.update(schema.requestStatusEvents).set({ reason: null }).where(inArray(schema.requestStatusEvents.requestId, ids));
      await tx.update(schema.assignments).set({ declineReason: null, endReason: null }).where(inArray(schema.assignments.requestId, ids));
      await tx
        .update(schema.timeEntries)
        .set({ description: '', rejectReason: null })
        .where(
          sql`${schema.timeEntries.assignmentId} in (select ${schema.assignments.id} from ${schema.assignments} where ${inArray(schema.assignments.requestId, ids)})`,
        );
      for (const row of rows) {
        await auditAs(
          tx,
          { actorId: null, origin: SYSTEM_ORIGIN },
          {
            action: 'purge-content',
            objectType: 'interpretation-request',
            objectId: row.id,
            result: 'success',
            details: { retentionMonths: months },
          },
        );
      }
      return rows.length;
    });
    total += done;
    if (done < RETENTION_BATCH) return total;
  }
}

/**
 * The second retention clock (DESIGN.md §6): `years` after closing, the request's financial ledger
 * (time entries, assignments, timeline) and the request itself are deleted. The budget rows keep
 * their running totals, so the year's figures do not change. Audited per request.
 *
 * @returns the number of requests deleted
 */
export async function purgeLedger(db: Database, years: number): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = await claim(tx, and(isNotNull(r.closedAt), lt(r.closedAt, sql`now() - make_interval(years => ${years})`)));
      if (rows.length === 0) return 0;
      const ids = rows.map((row) => row.id);
      const a = schema.assignments;
      const assignmentIds = (await tx.select({ id: a.id }).from(a).where(inArray(a.requestId, ids))).map((x) => x.id);
      if (assignmentIds.length > 0) await tx.delete(schema.timeEntries).where(inArray(schema.timeEntries.assignmentId, assignmentIds));
      await tx.delete(schema.advice).where(inArray(schema.advice.requestId, ids));
      if (assignmentIds.length > 0) await tx.delete(a).where(inArray(a.id, assignmentIds));
      await tx.delete(schema.requestStatusEvents).where(inArray(schema.requestStatusEvents.requestId, ids));
      await tx.delete(schema.requestExpertiseAreas).where(inArray(schema.requestExpertiseAreas.requestId, ids));
      await tx.delete(r).where(inArray(r.id, ids));
      for (const row of rows) {
        await auditAs(
          tx,
          { actorId: null, origin: SYSTEM_ORIGIN },
          {
            action: 'purge-ledger',
            objectType: 'interpretation-request',
            objectId: row.id,
            result: 'success',
            details: { retentionYears: years },
          },
        );
      }
      return rows.length;
    });
    total += done;
    if (done < RETENTION_BATCH) return total;
  }
}

/** One run of the retention job: both clocks. Safe to run on several instances at once. */
export async function runRetention(db: Database, settings: { retentionCaseMonths: number; retentionLedgerYears: number }): Promise<RetentionResult> {
  const contentPurged = await purgeCaseContent(db, settings.retentionCaseMonths);
  const ledgerPurged = await purgeLedger(db, settings.retentionLedgerYears);
  return { contentPurged, ledgerPurged };
}
