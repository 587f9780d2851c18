import { type Executor, schema } from '@duidingspool/db';
import {
  type Assignment,
  type AssignmentAction,
  type AssignmentListQuery,
  CLOSE_CAUSES_KEEPING_ACCESS,
  findTransition,
  firstWorkDate,
  LIVE_ASSIGNMENT_STATUSES,
  LOGGABLE_REQUEST_STATUSES,
} from '@duidingspool/shared';
import { type AnyColumn, and, asc, desc, eq, inArray, isNull, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { type Actor, hasRole } from '../../lib/context.ts';
import { countUpTo, iso, isoOrNull, page, type Seek, seekCursor, seekOrder } from '../../lib/pagination.ts';
import { isOwnWork } from '../../lib/separation-of-duties.ts';
import { activeInPool } from '../specialists/index.ts';

const a = schema.assignments;
const r = schema.interpretationRequests;

const columns = {
  id: a.id,
  requestId: a.requestId,
  // An assigned request was submitted, so it has its reference (CHECK interpretation_requests_submitted_complete).
  requestReference: sql<string>`coalesce(${r.reference}, '')`,
  requestStatus: r.status,
  requestType: r.type,
  caseTableId: r.caseTableId,
  municipalityId: r.municipalityId,
  specialistId: a.specialistId,
  specialistUserId: schema.specialists.userId,
  specialistName: schema.users.displayName,
  status: a.status,
  estimatedMinutes: a.estimatedMinutes,
  loggedMinutes: a.loggedMinutes,
  rateCents: a.rateCents,
  reservedCents: a.reservedCents,
  budgetYear: a.budgetYear,
  budgetLineId: a.budgetLineId,
  declineReason: a.declineReason,
  endReason: a.endReason,
  specialistActive: sql<boolean>`${activeInPool}`,
  proposedAt: a.proposedAt,
  requestSubmittedAt: r.submittedAt,
  respondedAt: a.respondedAt,
  closedAt: a.closedAt,
  closeCause: a.closeCause,
  noConflictConfirmedAt: a.noConflictConfirmedAt,
};

/** An assignment row with what services need besides the DTO. */
export type AssignmentRecord = Omit<Assignment, 'rateCents' | 'reservedCents' | 'allowedActions'> & {
  rateCents: number;
  reservedCents: number;
  /** The request's casustafel; null when a municipality asked without one (decision 095). */
  caseTableId: string | null;
  /** The request's municipality (the requesting organisation when there is no casustafel). */
  municipalityId: string | null;
  specialistUserId: string;
};

/** One row of `base`: every column typed from the drizzle schema (statuses as their shared enums). */
type AssignmentRow = Awaited<ReturnType<typeof base>>[number];

function toRecord({ requestSubmittedAt, ...row }: AssignmentRow): AssignmentRecord {
  return {
    ...row,
    // An assigned request was submitted; the proposal's day stands in should the stamp be missing.
    hoursFrom: firstWorkDate(requestSubmittedAt ?? row.proposedAt),
    specialistActive: row.specialistActive === true,
    proposedAt: iso(row.proposedAt),
    respondedAt: isoOrNull(row.respondedAt),
    closedAt: isoOrNull(row.closedAt),
    noConflictConfirmedAt: isoOrNull(row.noConflictConfirmedAt),
  };
}

/**
 * The one condition (SQL, over `assignments`) under which an assignment holds its request
 * (decision 004): it is live (proposed or accepted, not closed), or it was accepted and closed
 * together with its request (closed, cancelled, withdrawn: the specialist worked on it to the end).
 * A declined, ended or withdrawn assignment holds nothing. Need to know gives a specialist the
 * requests their assignments hold; the request's `specialistName` is the holder's name.
 */
export const holdsRequest: SQL = sql`((${inArray(a.status, [...LIVE_ASSIGNMENT_STATUSES])} and ${a.closedAt} is null) or (${a.status} = 'accepted' and ${a.closeCause} in (${sql.join(
  CLOSE_CAUSES_KEEPING_ACCESS.map((c) => sql`${c}`),
  sql`, `,
)})))`;

/**
 * The condition (SQL, over `assignments`) under which a holding assignment also opens the request's
 * content to its specialist (decision 103): accepted, or a proposal whose specialist confirmed they
 * have no conflict of interest. Until then the proposal shows them the summary only.
 */
export const opensContent: SQL = sql`(${a.status} = 'accepted' or ${a.noConflictConfirmedAt} is not null)`;

/** True while an assignment holds its reservation: proposed or accepted, and not closed. */
export const isLive = (record: Pick<AssignmentRecord, 'status' | 'closedAt'>) => record.status !== 'declined' && record.closedAt === null;

/**
 * True when hours can be logged on the assignment now: accepted, not closed, and its request in one
 * of `LOGGABLE_REQUEST_STATUSES` (docs/design.md §5). Logging time checks this; `assignmentActions` says it.
 */
export const takesHours = (record: Pick<AssignmentRecord, 'status' | 'closedAt' | 'requestStatus'>) =>
  record.status === 'accepted' && record.closedAt === null && LOGGABLE_REQUEST_STATUSES.includes(record.requestStatus);

/**
 * What `actor` may do with the assignment now (the UI offers only these): the proposed specialist
 * confirms no conflict of interest, then accepts; they decline an open proposal at either step; the specialist of an accepted live assignment asks for more
 * hours, logs hours while `takesHours`, and delivers advice while the request is in progress; a
 * coordinator changes the estimate of a live assignment and ends it while its request is assigned
 * or in progress — neither on their own assignment (separation of duties, docs/design.md §2). The
 * services check the same conditions.
 */
export function assignmentActions(actor: Actor, record: AssignmentRecord): AssignmentAction[] {
  const actions: AssignmentAction[] = [];
  if (!isLive(record)) return actions;
  const own = actor.specialistId !== null && record.specialistId === actor.specialistId;
  // A proposal shows the summary only until its specialist confirms no conflict of interest (decision 103).
  if (own && record.status === 'proposed') actions.push(record.noConflictConfirmedAt === null ? 'confirm-no-conflict' : 'accept', 'decline');
  if (own && record.status === 'accepted') {
    if (takesHours(record)) actions.push('log-time');
    actions.push('request-extension');
    if (findTransition(record.requestStatus, 'advice-delivered', ['specialist'], 'advice-delivered')) actions.push('deliver-advice');
  }
  if (hasRole(actor, 'coordinator') && !isOwnWork(actor, record.specialistUserId)) {
    actions.push('change-estimate');
    if (findTransition(record.requestStatus, 'submitted', ['coordinator'], 'assignment-ended')) actions.push('end');
  }
  return actions;
}

/** The DTO without the internal fields, with what `actor` may do with it. */
export function toAssignment(record: AssignmentRecord, actor: Actor): Assignment {
  const { caseTableId: _t, municipalityId: _m, specialistUserId: _u, ...dto } = record;
  return { ...dto, allowedActions: assignmentActions(actor, record) };
}

/**
 * Assignments `actor` may see: coordinators all; specialists their own (docs/design.md §2). Requesters
 * see assignments only inside a request they may see, never through this list. The specialist id is a
 * value, or a placeholder for a statement built once (the log-hours read, decision 135).
 */
export function assignmentsVisibleTo(actor: Pick<Actor, 'roles'> & { specialistId: string | Placeholder | null }): SQL {
  if (hasRole(actor, 'coordinator')) return sql`true`;
  if (hasRole(actor, 'specialist') && actor.specialistId) return eq(a.specialistId, actor.specialistId);
  return sql`false`;
}

/** The assignment joined to its request and specialist, selecting `fields`. */
function base(db: Executor) {
  return db
    .select(columns)
    .from(a)
    .innerJoin(r, eq(r.id, a.requestId))
    .innerJoin(schema.specialists, eq(schema.specialists.id, a.specialistId))
    .innerJoin(schema.users, eq(schema.users.id, schema.specialists.userId));
}

/** One assignment by id under `visible`, optionally locked for update. */
export async function findAssignment(db: Executor, id: string, visible: SQL, lock = false): Promise<AssignmentRecord | null> {
  const query = base(db).where(and(eq(a.id, id), visible));
  const rows = lock ? await query.for('update', { of: a }) : await query;
  return rows[0] ? toRecord(rows[0]) : null;
}

/** The assignments on one request, newest first; `specialistId` limits them to that specialist's. */
export async function listForRequest(db: Executor, requestId: string, specialistId?: string): Promise<AssignmentRecord[]> {
  const rows = await base(db)
    .where(and(eq(a.requestId, requestId), specialistId ? eq(a.specialistId, specialistId) : undefined))
    .orderBy(desc(a.proposedAt), asc(a.id));
  return rows.map(toRecord);
}

/** Live (proposed or accepted, not closed) assignments of specialist `specialistId`, oldest first. */
export async function listLiveForSpecialist(db: Executor, specialistId: string): Promise<AssignmentRecord[]> {
  const rows = await base(db)
    .where(and(eq(a.specialistId, specialistId), inArray(a.status, [...LIVE_ASSIGNMENT_STATUSES]), isNull(a.closedAt)))
    .orderBy(asc(a.proposedAt), asc(a.id));
  return rows.map(toRecord);
}

/** Live (not declined, not closed) assignments of a request, locked for update. */
export async function lockLiveForRequest(db: Executor, requestId: string): Promise<AssignmentRecord[]> {
  const rows = await base(db)
    .where(and(eq(a.requestId, requestId), inArray(a.status, [...LIVE_ASSIGNMENT_STATUSES]), isNull(a.closedAt)))
    .for('update', { of: a });
  return rows.map(toRecord);
}

/** The assignment list's order: newest proposal first, id as tiebreaker (indexes of decision 071). */
const ASSIGNMENT_SEEK: Seek = {
  name: 'assignments',
  keys: [
    { expr: a.proposedAt, type: 'timestamptz', desc: true, notNull: true },
    { expr: a.id, type: 'uuid', notNull: true },
  ],
};

/** `base` with the cursor column of the list's seek order. */
function listBase(db: Executor) {
  return db
    .select({ ...columns, cursor: seekCursor(ASSIGNMENT_SEEK) })
    .from(a)
    .innerJoin(r, eq(r.id, a.requestId))
    .innerJoin(schema.specialists, eq(schema.specialists.id, a.specialistId))
    .innerJoin(schema.users, eq(schema.users.id, schema.specialists.userId));
}

/** One page of assignments `actor` may see, newest first; deep pages by cursor (`after`). */
export async function listAssignments(db: Executor, actor: Actor, q: AssignmentListQuery) {
  const filters: (SQL | undefined)[] = [assignmentsVisibleTo(actor)];
  if (q.status) filters.push(eq(a.status, q.status));
  if (q.open === 'true') filters.push(and(isNull(a.closedAt), inArray(a.status, [...LIVE_ASSIGNMENT_STATUSES])));
  if (q.open === 'false') filters.push(sql`(${a.closedAt} is not null or ${a.status} = 'declined')`);
  const where = and(...filters);
  return page(
    q,
    ({ limit, offset, after }) =>
      listBase(db)
        .where(and(where, after))
        .orderBy(...seekOrder(ASSIGNMENT_SEEK))
        .limit(limit)
        .offset(offset),
    (cap) => countUpTo(db, db.select({ one: sql`1` }).from(a).innerJoin(r, eq(r.id, a.requestId)).where(where), cap),
    ({ cursor: _cursor, ...row }) => toAssignment(toRecord(row), actor),
    { seek: ASSIGNMENT_SEEK, cursorOf: (row) => row.cursor },
  );
}

/**
 * `rateOn` as a sub-select for a larger statement (the log-hours read, decision 135): the rate in
 * cents per hour of `specialistId` (SQL) valid on `date` (a value or placeholder), as float8 (the
 * same number on both drivers), or null before their first rate.
 */
export const rateOnSql = (specialistId: SQL | AnyColumn, date: string | Placeholder): SQL => {
  const rt = schema.specialistRates;
  return sql`(select ${rt.rateCents}::float8 from ${rt} where ${rt.specialistId} = ${specialistId} and ${rt.validFrom} <= ${date}::date order by ${rt.validFrom} desc limit 1)`;
};

/** The specialist's rate (cents per hour) valid on `date`, or null before their first rate. */
export async function rateOn(db: Executor, specialistId: string, date: string): Promise<number | null> {
  const rt = schema.specialistRates;
  const [row] = await db
    .select({ rateCents: rt.rateCents })
    .from(rt)
    .where(and(eq(rt.specialistId, specialistId), sql`${rt.validFrom} <= ${date}::date`))
    .orderBy(desc(rt.validFrom))
    .limit(1);
  return row?.rateCents ?? null;
}
