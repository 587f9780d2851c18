import { type Database, type Executor, schema } from '@duidingspool/db';
import type { AssignmentStatus, RequestStatus, RequestType, TimeEntry, TimeEntryAction, TimeEntryListQuery } from '@duidingspool/shared';
import { and, eq, inArray, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type BuiltStatement, builtStatement } from '../../lib/built-statement.ts';
import { type Actor, hasRole } from '../../lib/context.ts';
import { countUpTo, iso, isoOrNull, type PreparedWindow, preparedPage, type Seek, seekCursor, seekOrder } from '../../lib/pagination.ts';
import { isOwnWork } from '../../lib/separation-of-duties.ts';
import { assignmentsVisibleTo, consumedMoved, consumeReservationParts, rateOnSql } from '../assignments/index.ts';
import { addDayMinutesPart, monthClosed } from '../periods/index.ts';
import { activityRetiredOrUnknown } from '../specialists/index.ts';

const te = schema.timeEntries;
const specialistUser = alias(schema.users, 'specialist_user');
const reviewer = alias(schema.users, 'reviewer');

const columns = {
  id: te.id,
  assignmentId: te.assignmentId,
  requestId: schema.interpretationRequests.id,
  requestReference: sql<string>`coalesce(${schema.interpretationRequests.reference}, '')`,
  specialistId: te.specialistId,
  specialistName: specialistUser.displayName,
  specialistUserId: specialistUser.id,
  workedOn: te.workedOn,
  minutes: te.minutes,
  activity: te.activity,
  description: te.description,
  rateCents: te.rateCents,
  amountCents: te.amountCents,
  budgetYear: te.budgetYear,
  budgetLineId: te.budgetLineId,
  status: te.status,
  rejectReason: te.rejectReason,
  reviewedAt: te.reviewedAt,
  reviewerName: reviewer.displayName,
  createdAt: te.createdAt,
  correctsEntryId: te.correctsEntryId,
  bookedBy: te.createdBy,
};

/**
 * A time entry with what services need besides the DTO: its budget year and line, the user behind
 * its specialist, and the user who booked it (the specialist for hours, the coordinator for a correction).
 */
export type TimeEntryRecord = Omit<TimeEntry, 'allowedActions'> & { budgetYear: number; budgetLineId: string; specialistUserId: string; bookedBy: string };

/** One row of `base`: every column typed from the drizzle schema (the status as its shared enum). */
type TimeEntryRow = Awaited<ReturnType<typeof base>>[number];

function toRecord(row: TimeEntryRow): TimeEntryRecord {
  return { ...row, reviewedAt: isoOrNull(row.reviewedAt), createdAt: iso(row.createdAt) };
}

/**
 * What `actor` may do with the entry now (the UI offers only these): a coordinator approves or
 * rejects a submitted entry and corrects an approved original — never an entry of their own, nor a
 * correction they booked themselves (separation of duties, docs/design.md §2); the specialist who
 * logged a submitted entry (not a correction) withdraws it. The services check the same conditions;
 * a closed accounting period is checked only when the action is taken.
 */
export function timeEntryActions(actor: Actor, record: TimeEntryRecord): TimeEntryAction[] {
  const actions: TimeEntryAction[] = [];
  if (isWithdrawable(actor, record)) actions.push('withdraw');
  if (!hasRole(actor, 'coordinator') || isOwnWork(actor, record.specialistUserId)) return actions;
  if (record.status === 'submitted' && !isOwnCorrection(actor, record)) actions.push('approve', 'reject');
  if (record.status === 'approved' && record.correctsEntryId === null) actions.push('correct');
  return actions;
}

/**
 * Whether `actor` may withdraw the entry: it waits for a decision (`submitted`) and it is theirs —
 * hours they logged (its specialist is theirs), or a correction they booked, which no one else can
 * take back and which they may not decide themselves (four eyes, decision 096).
 */
export function isWithdrawable(actor: Actor, record: Pick<TimeEntryRecord, 'status' | 'specialistUserId' | 'correctsEntryId' | 'bookedBy'>): boolean {
  if (record.status !== 'submitted') return false;
  return record.correctsEntryId === null ? record.specialistUserId === actor.userId : isOwnCorrection(actor, record);
}

/**
 * Whether the entry is a correction that `actor` booked: the four-eyes rule on corrections
 * (docs/design.md §2) leaves its approval to another coordinator.
 */
export function isOwnCorrection(actor: Pick<Actor, 'userId'>, record: Pick<TimeEntryRecord, 'correctsEntryId' | 'bookedBy'>): boolean {
  return record.correctsEntryId !== null && record.bookedBy === actor.userId;
}

/** The DTO without the internal fields, with what `actor` may do with it. */
export function toTimeEntry(record: TimeEntryRecord, actor: Actor): TimeEntry {
  const { budgetYear: _y, budgetLineId: _l, specialistUserId: _u, bookedBy: _b, ...dto } = record;
  return { ...dto, allowedActions: timeEntryActions(actor, record) };
}

/**
 * Entries `actor` may see: coordinators all, specialists their own (docs/design.md §2). The
 * specialist id is a value, or a placeholder for a statement built once (`listEntries`).
 */
export function entriesVisibleTo(actor: Pick<Actor, 'roles'> & { specialistId: string | Placeholder | null }): SQL {
  if (hasRole(actor, 'coordinator')) return sql`true`;
  if (hasRole(actor, 'specialist') && actor.specialistId) return eq(te.specialistId, actor.specialistId);
  return sql`false`;
}

/** The entry joined to its assignment, request, specialist and reviewer, selecting `fields`. */
function base(db: Executor) {
  return db
    .select(columns)
    .from(te)
    .innerJoin(schema.assignments, eq(schema.assignments.id, te.assignmentId))
    .innerJoin(schema.interpretationRequests, eq(schema.interpretationRequests.id, schema.assignments.requestId))
    .innerJoin(schema.specialists, eq(schema.specialists.id, te.specialistId))
    .innerJoin(specialistUser, eq(specialistUser.id, schema.specialists.userId))
    .leftJoin(reviewer, eq(reviewer.id, te.reviewedBy));
}

/** One entry under `visible`, optionally locked for update. */
export async function findEntry(db: Executor, id: string, visible: SQL, lock = false): Promise<TimeEntryRecord | null> {
  const query = base(db).where(and(eq(te.id, id), visible));
  const rows = lock ? await query.for('update', { of: te }) : await query;
  return rows[0] ? toRecord(rows[0]) : null;
}

/** The order of every entry list: newest work first, then newest entry, id as tiebreaker (indexes of decision 071). */
export const ENTRY_SEEK: Seek = {
  name: 'time-entries',
  keys: [
    { expr: te.workedOn, type: 'date', desc: true, notNull: true },
    { expr: te.createdAt, type: 'timestamptz', desc: true, notNull: true },
    { expr: te.id, type: 'uuid', notNull: true },
  ],
};

/** `base` with the cursor column of the list's seek order. */
function listBase(db: Executor) {
  return db
    .select({ ...columns, cursor: seekCursor(ENTRY_SEEK) })
    .from(te)
    .innerJoin(schema.assignments, eq(schema.assignments.id, te.assignmentId))
    .innerJoin(schema.interpretationRequests, eq(schema.interpretationRequests.id, schema.assignments.requestId))
    .innerJoin(schema.specialists, eq(schema.specialists.id, te.specialistId))
    .innerJoin(specialistUser, eq(specialistUser.id, schema.specialists.userId))
    .leftJoin(reviewer, eq(reviewer.id, te.reviewedBy));
}

/**
 * One page of entries `actor` may see, newest work first; deep pages by cursor (`after`). The
 * statements are built once per shape (`preparedPage`, decision 135): whose entries the actor sees
 * (all, their own, none) and which filters are set; the specialist id and the filters' values are bound.
 */
export async function listEntries(db: Database, actor: Actor, q: TimeEntryListQuery & { assignmentId?: string | undefined }) {
  const sees = hasRole(actor, 'coordinator') ? 'all' : hasRole(actor, 'specialist') && actor.specialistId ? 'own' : 'none';
  const values: Record<string, unknown> = {};
  if (sees === 'own') values.specialistId = actor.specialistId;
  if (q.status) values.status = q.status;
  if (q.assignmentId) values.assignmentId = q.assignmentId;
  const reader = { roles: actor.roles, specialistId: sees === 'own' ? sql.placeholder('specialistId') : null };
  const key = `time-entries:${sees}:${q.status ? 1 : 0}:${q.assignmentId ? 1 : 0}`;
  const where = () =>
    and(
      entriesVisibleTo(reader),
      q.status ? eq(te.status, sql.placeholder('status')) : undefined,
      q.assignmentId ? eq(te.assignmentId, sql.placeholder('assignmentId')) : undefined,
    );
  return preparedPage(
    db,
    q,
    { key, values },
    {
      rows: ({ limit, offset, after }: PreparedWindow) =>
        listBase(db)
          .where(and(where(), after))
          .orderBy(...seekOrder(ENTRY_SEEK))
          .limit(limit)
          .offset(offset)
          .prepare('time_entries_page'),
      count: (cap) => countUpTo(db, db.select({ one: sql`1` }).from(te).where(where()), cap).prepare('time_entries_count'),
    },
    ({ cursor: _cursor, ...row }) => toTimeEntry(toRecord(row), actor),
    { seek: ENTRY_SEEK, cursorOf: (row) => row.cursor },
  );
}

/**
 * Time entries still waiting for a decision (`submitted`) per month `YYYY-MM`, over the `months`
 * months from `firstMonth` on; a month without any is absent from the map. The periods module
 * asks this before a month may close (decision 011).
 */
export async function undecidedEntriesPerMonth(db: Executor, firstMonth: string, months: number): Promise<Map<string, number>> {
  const month = sql<string>`to_char(${te.workedOn}, 'YYYY-MM')`;
  const rows = await db
    .select({ month, n: sql<number>`count(*)::int` })
    .from(te)
    .where(
      and(
        eq(te.status, 'submitted'),
        sql`${te.workedOn} >= ${`${firstMonth}-01`}::date`,
        sql`${te.workedOn} < (${`${firstMonth}-01`}::date + make_interval(months => ${months}))`,
      ),
    )
    .groupBy(month);
  return new Map(rows.map((r) => [r.month, r.n]));
}

/** The number of entries on the assignments `assignmentIds` that still wait for a decision (`submitted`). */
export async function undecidedEntriesOf(db: Executor, assignmentIds: readonly string[]): Promise<number> {
  if (assignmentIds.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(te)
    .where(and(eq(te.status, 'submitted'), inArray(te.assignmentId, [...assignmentIds])));
  return row?.n ?? 0;
}

/**
 * What logging hours reads in one statement (decision 135): the assignment as its checks need it
 * (with its request and specialist), the activity (`activityRetired`: null when unknown), whether
 * the entry's month is closed (read under the month's lock, `lockPeriodShared`) and the rate valid
 * on the entry's date (null: none). Timestamps arrive as the driver's text.
 */
export interface LogHoursRead {
  specialistId: string;
  specialistUserId: string;
  specialistName: string;
  requestId: string;
  requestReference: string;
  requestStatus: RequestStatus;
  requestType: RequestType;
  status: AssignmentStatus;
  closedAt: string | null;
  requestSubmittedAt: string | null;
  proposedAt: string;
  budgetYear: number;
  budgetLineId: string;
  activityRetired: boolean | null;
  periodClosed: boolean;
  rateCents: number | null;
}

/** The read of `readForLogging`, one per whose assignments the actor sees (all, their own, none). */
const logHoursReads = new Map<string, BuiltStatement<LogHoursRead>>();

/**
 * The `LogHoursRead` of the assignment `assignmentId` if `actor` may see it (`assignmentsVisibleTo`),
 * for an entry of `activity` on `workedOn`: one statement built once per visibility shape, the
 * assignment's id, the specialist id, the activity, the month and the date bound. Send it after
 * `lockPeriodShared` on the same transaction (pipelined: one round trip), so the month read is the
 * one under its lock. Null when the assignment is not there for the actor.
 */
export async function readForLogging(
  db: Executor,
  actor: Pick<Actor, 'roles' | 'specialistId'>,
  assignmentId: string,
  entry: { activity: string; workedOn: string },
): Promise<LogHoursRead | null> {
  const sees = hasRole(actor, 'coordinator') ? 'all' : hasRole(actor, 'specialist') && actor.specialistId ? 'own' : 'none';
  let statement = logHoursReads.get(sees);
  if (!statement) {
    const reader = { roles: actor.roles, specialistId: sees === 'own' ? sql.placeholder('specialistId') : null };
    statement = builtStatement('log_hours_read', () => logHoursReadSql(assignmentsVisibleTo(reader)));
    logHoursReads.set(sees, statement);
  }
  const [row] = await statement(db, {
    assignmentId,
    ...(sees === 'own' ? { specialistId: actor.specialistId } : {}),
    activity: entry.activity,
    month: entry.workedOn.slice(0, 7),
    workedOn: entry.workedOn,
  });
  return row ?? null;
}

function logHoursReadSql(visible: SQL): SQL {
  const a = schema.assignments;
  const r = schema.interpretationRequests;
  const sp = schema.specialists;
  const u = schema.users;
  const as = (name: keyof LogHoursRead) => sql.identifier(name);
  return sql`select ${a.specialistId} as ${as('specialistId')}, ${u.id} as ${as('specialistUserId')}, ${u.displayName} as ${as('specialistName')},
      ${r.id} as ${as('requestId')}, coalesce(${r.reference}, '') as ${as('requestReference')}, ${r.status} as ${as('requestStatus')}, ${r.type} as ${as('requestType')},
      ${a.status} as ${as('status')}, ${a.closedAt} as ${as('closedAt')}, ${r.submittedAt} as ${as('requestSubmittedAt')}, ${a.proposedAt} as ${as('proposedAt')},
      ${a.budgetYear} as ${as('budgetYear')}, ${a.budgetLineId} as ${as('budgetLineId')},
      ${activityRetiredOrUnknown(sql.placeholder('activity'))} as ${as('activityRetired')},
      ${monthClosed(sql.placeholder('month'))} as ${as('periodClosed')},
      ${rateOnSql(a.specialistId, sql.placeholder('workedOn'))} as ${as('rateCents')}
    from ${a}
    join ${r} on ${r.id} = ${a.requestId}
    join ${sp} on ${sp.id} = ${a.specialistId}
    join ${u} on ${u.id} = ${sp.userId}
    where ${a.id} = ${sql.placeholder('assignmentId')} and ${visible}`;
}

/** What the write of `writeEntry` did: which of its parts returned a row. */
export interface LogHoursWritten {
  /** The minutes fitted in the day (`addDayMinutesPart`). */
  day: boolean;
  /** The assignment's estimate and reservation took them (`consumeReservationParts`). */
  fitted: boolean;
  /** The year's and the line's reservation became pending. */
  year: boolean;
  line: boolean;
  /** The entry was inserted. */
  entry: boolean;
}

/** A new entry of hours as `writeEntry` inserts it, with what it charges. */
export interface NewEntry {
  id: string;
  assignmentId: string;
  specialistId: string;
  workedOn: string;
  minutes: number;
  activity: string;
  description: string;
  rateCents: number;
  amountCents: number;
  budgetYear: number;
  budgetLineId: string;
  createdBy: string;
  createdAt: Date;
  idempotencyKey: string | null;
}

/**
 * The write of logging hours in the budget year of the assignment's reservation, as one statement
 * built once (decision 135): the day's minutes (guarded at 24 hours), then — each only after the one
 * before moved — the assignment's estimate and reservation, the year's and the line's reservation to
 * pending, and the entry (`submitted`). The row locks are taken day → assignment → year → line, the
 * order of the statements this replaces, and the entry's AFTER triggers (the ledger's running
 * totals) fire after all of them. Answers which parts moved; nothing moved after the first that
 * did not, and the caller throws (rolling the transaction back) unless all did. A repeated
 * idempotency key fails the statement with the unique violation of `time_entries_idempotency`.
 */
export async function writeEntry(db: Executor, entry: NewEntry): Promise<LogHoursWritten> {
  const [row] = await writeEntryStatement(db, { ...entry, createdAt: entry.createdAt.toISOString() });
  if (!row) throw new Error('the log-hours write answered no row');
  return row;
}

const writeEntryStatement = builtStatement<LogHoursWritten>('log_hours_write', () => {
  const v = (name: keyof NewEntry) => sql.placeholder(name);
  return sql`with ${addDayMinutesPart('day', v('specialistId'), v('workedOn'), v('minutes'))},
    ${consumeReservationParts({ id: v('assignmentId'), budgetYear: v('budgetYear'), budgetLineId: v('budgetLineId') }, v('amountCents'), v('minutes'), sql`exists (select 1 from day)`)},
    entry as (
      insert into ${te} (id, assignment_id, specialist_id, worked_on, minutes, activity, description, rate_cents, amount_cents, budget_year, budget_line_id,
        status, created_by, created_at, idempotency_key)
      select ${v('id')}::uuid, ${v('assignmentId')}::uuid, ${v('specialistId')}::uuid, ${v('workedOn')}::date, ${v('minutes')}::integer, ${v('activity')}::text,
        ${v('description')}::text, ${v('rateCents')}::bigint, ${v('amountCents')}::bigint, ${v('budgetYear')}::integer, ${v('budgetLineId')}::uuid,
        'submitted', ${v('createdBy')}::uuid, ${v('createdAt')}::timestamptz, ${v('idempotencyKey')}::text
      where ${consumedMoved}
      returning 1
    )
    select exists (select 1 from day) as day, exists (select 1 from fitted) as fitted, exists (select 1 from ledger_year) as year,
      exists (select 1 from ledger_line) as line, exists (select 1 from entry) as entry`;
});
