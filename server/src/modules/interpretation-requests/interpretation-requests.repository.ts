import type { Database } from '@duidingspool/db';
import { type Executor, schema } from '@duidingspool/db';
import {
  type AssignmentCloseCause,
  type InterpretationRequestListQuery,
  type InterpretationRequestSummary,
  type RequestStatus,
  RequestStatusSchema,
  RequestTypeSchema,
  type Role,
  type SummaryOnlyReason,
  TERMINAL_STATUSES,
  type TimelineEvent,
  TRIAGE_STATUSES,
} from '@duidingspool/shared';
import { and, asc, desc, eq, inArray, isNull, ne, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { type Actor, hasRole } from '../../lib/context.ts';
import { countUpTo, iso, isoOrNull, type PreparedWindow, preparedPage, type Seek, seekCursor, seekOrder } from '../../lib/pagination.ts';
import type { WorkingHours } from '../../lib/working-time.ts';
import { holdsRequest, opensContent } from '../assignments/index.ts';
import { isStandingSpecialistOf } from '../matching/index.ts';
import { hasConflictConcerning } from '../specialists/index.ts';
import { triageDeadline } from './service-levels.ts';

const r = schema.interpretationRequests;
const a = schema.assignments;

/**
 * What the need-to-know rule reads of an actor: the roles, the casustafels and municipalities and
 * the specialist profile — the ids as values, or as placeholders for a statement built once
 * (`listRequests`).
 */
export interface Reader {
  roles: readonly Role[];
  caseTableIds: readonly (string | Placeholder)[];
  municipalityIds: readonly (string | Placeholder)[];
  specialistId: string | SQL | null;
}

/**
 * The need-to-know rule of docs/design.md §2 as one SQL condition for the request's content, used
 * by the detail and every route that reads or writes case content (thread, advice, feedback,
 * transitions): coordinators see every request that left draft; requesters the requests of their
 * casustafels and, as members of a municipality, the requests that municipality asked without a
 * casustafel (decision 095); specialists the requests one of their assignments holds
 * (`holdsRequest`: a live proposal or accepted assignment, or an accepted one that closed with the
 * request — not one declined, withdrawn or ended) once it opens the content (`opensContent`:
 * accepted, or the no-conflict confirmation given, decision 103); finance and admin none.
 */
export function visibleTo(actor: Reader): SQL {
  const conditions: SQL[] = [];
  if (hasRole(actor, 'coordinator')) conditions.push(ne(r.status, 'draft'));
  if (hasRole(actor, 'requester') && actor.caseTableIds.length > 0) conditions.push(inArray(r.caseTableId, actor.caseTableIds));
  // A municipality's members see what it asked itself, never a casustafel's (case) requests.
  if (hasRole(actor, 'requester') && actor.municipalityIds.length > 0)
    conditions.push(and(isNull(r.caseTableId), inArray(r.municipalityId, actor.municipalityIds)) as SQL);
  if (hasRole(actor, 'specialist') && actor.specialistId) {
    conditions.push(
      // Only an assignment that holds the request opens it: a declined, withdrawn or ended one does not.
      sql`exists (select 1 from ${a} where ${a.requestId} = ${r.id} and ${a.specialistId} = ${actor.specialistId} and ${holdsRequest} and ${opensContent})`,
    );
  }
  return conditions.length > 0 ? (or(...conditions) as SQL) : sql`false`;
}

/**
 * Why `actor` sees a request only as its non-identifying summary (decision 103), as SQL giving a
 * `SummaryOnlyReason` or null, over a row `visibleTo` does not already open: a live proposal to
 * them that waits for their no-conflict confirmation, or a new request
 * of a casustafel they are a standing specialist of (new: waiting in triage, `TRIAGE_STATUSES`)
 * unless they declared a conflict concerning its casustafel, house or municipality (decision 100).
 * Null for everyone else.
 */
function summaryOnlyReason(actor: Reader): SQL<SummaryOnlyReason | null> {
  if (!hasRole(actor, 'specialist') || !actor.specialistId) return sql<null>`null::text`;
  const proposal = sql`exists (select 1 from ${a} where ${a.requestId} = ${r.id} and ${a.specialistId} = ${actor.specialistId} and ${holdsRequest})`;
  // A standing specialist with a declared conflict concerning the request's party sees nothing of it.
  const standing = sql`(${inArray(r.status, [...TRIAGE_STATUSES])} and ${isStandingSpecialistOf(actor.specialistId, r.caseTableId)} and not ${hasConflictConcerning(actor.specialistId, { caseTableId: r.caseTableId, municipalityId: r.municipalityId })})`;
  return sql<SummaryOnlyReason | null>`case when ${visibleTo(actor)} then null when ${proposal} then 'confirm-no-conflict' when ${standing} then 'standing-specialist' else null end`;
}

/**
 * The wider need-to-know of the request's summary (list and detail, decision 103): what
 * `visibleTo` opens, and for a specialist also a proposal waiting for their no-conflict
 * confirmation and the new requests of a casustafel they are a standing specialist of.
 */
function summaryVisibleTo(actor: Reader): SQL {
  if (!hasRole(actor, 'specialist') || !actor.specialistId) return visibleTo(actor);
  return sql`(${visibleTo(actor)} or ${summaryOnlyReason(actor)} is not null)`;
}

const summaryColumns = {
  id: r.id,
  reference: r.reference,
  status: r.status,
  type: r.type,
  caseTableId: r.caseTableId,
  caseTableName: schema.caseTables.name,
  municipalityId: r.municipalityId,
  municipalityName: schema.municipalities.name,
  caseReference: r.caseReference,
  urgency: r.urgency,
  deliverable: r.deliverable,
  meetingDate: r.meetingDate,
  languages: r.languages,
  createdAt: r.createdAt,
  submittedAt: r.submittedAt,
  updatedAt: r.updatedAt,
  triageDueAt: r.triageDueAt,
  expertiseAreaCodes: sql<
    string[]
  >`coalesce((select array_agg(e.expertise_area_code order by e.expertise_area_code) from ${schema.requestExpertiseAreas} e where e.request_id = ${r.id}), '{}')`,
  specialistName: sql<
    string | null
  >`(select u.display_name from ${a} join ${schema.specialists} s on s.id = ${a.specialistId} join ${schema.users} u on u.id = s.user_id where ${a.requestId} = ${r.id} and ${holdsRequest} order by ${a.proposedAt} desc limit 1)`,
};

/** The summary query before its filter: the request joined to its casustafel and municipality. */
function summaryBase(db: Executor) {
  return db
    .select(summaryColumns)
    .from(r)
    .leftJoin(schema.caseTables, eq(schema.caseTables.id, r.caseTableId))
    .leftJoin(schema.municipalities, eq(schema.municipalities.id, r.municipalityId));
}

/** One row of `summaryBase`: every column typed from the drizzle schema (status, urgency, deliverable as their shared enums). */
type SummaryRow = Awaited<ReturnType<typeof summaryBase>>[number];

function toSummary(row: SummaryRow & { summaryOnly?: SummaryOnlyReason | null }): InterpretationRequestSummary {
  const summaryOnly = row.summaryOnly ?? null;
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    type: row.type,
    caseTableId: row.caseTableId,
    caseTableName: row.caseTableName,
    municipalityId: row.municipalityId,
    municipalityName: row.municipalityName,
    // The case reference is case content: withheld from a summary-only reader (decision 103).
    caseReference: summaryOnly === null ? row.caseReference : '',
    expertiseAreaCodes: row.expertiseAreaCodes,
    urgency: row.urgency,
    deliverable: row.deliverable,
    meetingDate: row.meetingDate,
    languages: row.languages,
    specialistName: row.specialistName ?? null,
    createdAt: iso(row.createdAt),
    submittedAt: isoOrNull(row.submittedAt),
    updatedAt: iso(row.updatedAt),
    triageDueAt: isoOrNull(row.triageDueAt),
    summaryOnly,
  };
}

/** A missing submission time (a draft) sorts last both ways, as one non-null expression the list indexes hold (decision 071). */
const submittedLast = { asc: sql`coalesce(${r.submittedAt}, 'infinity'::timestamptz)`, desc: sql`coalesce(${r.submittedAt}, '-infinity'::timestamptz)` };
const id = { expr: r.id, type: 'uuid', notNull: true } as const;

/** Each list order as a seek (keyset) order, the id tiebreaker last; the default and the triage order have indexes. */
const SORTS: Record<InterpretationRequestListQuery['sort'], Seek> = {
  submittedAt: { name: 'requests:submittedAt', keys: [{ expr: submittedLast.asc, type: 'timestamptz', notNull: true }, id] },
  '-submittedAt': {
    name: 'requests:-submittedAt',
    keys: [
      { expr: submittedLast.desc, type: 'timestamptz', desc: true, notNull: true },
      { expr: r.createdAt, type: 'timestamptz', desc: true, notNull: true },
      id,
    ],
  },
  meetingDate: { name: 'requests:meetingDate', keys: [{ expr: r.meetingDate, type: 'date', nullsFirst: false }, id] },
  '-meetingDate': { name: 'requests:-meetingDate', keys: [{ expr: r.meetingDate, type: 'date', desc: true, nullsFirst: false }, id] },
  urgency: {
    name: 'requests:urgency',
    keys: [
      { expr: sql`case ${r.urgency} when 'urgent' then 0 else 1 end`, type: 'integer', notNull: true },
      { expr: submittedLast.asc, type: 'timestamptz', notNull: true },
      id,
    ],
  },
  reference: { name: 'requests:reference', keys: [{ expr: r.reference, type: 'text', notNull: true }, id] },
  '-reference': { name: 'requests:-reference', keys: [{ expr: r.reference, type: 'text', desc: true, notNull: true }, id] },
  triageDue: { name: 'requests:triageDue', keys: [{ expr: sql`coalesce(${r.triageDueAt}, 'infinity'::timestamptz)`, type: 'timestamptz', notNull: true }, id] },
  status: {
    name: 'requests:status',
    keys: [{ expr: r.status, type: 'text', notNull: true }, { expr: submittedLast.asc, type: 'timestamptz', notNull: true }, id],
  },
};

/**
 * The shape of `actor` for the list built once: which of the roles the need-to-know rule reads they
 * hold, how many casustafels and municipalities, whether a specialist profile — and those ids as the
 * values of placeholders `ct0…`, `mu0…`, `sp`.
 */
function readerShape(actor: Actor): { key: string; values: Record<string, unknown>; reader: Reader } {
  const roles = (['coordinator', 'requester', 'specialist'] as const).filter((role) => hasRole(actor, role));
  const values: Record<string, unknown> = {};
  const bind = (prefix: string, ids: readonly string[]) =>
    ids.map((id, i) => {
      values[`${prefix}${i}`] = id;
      return sql.placeholder(`${prefix}${i}`);
    });
  const reader: Reader = {
    roles,
    caseTableIds: bind('ct', actor.caseTableIds),
    municipalityIds: bind('mu', actor.municipalityIds),
    specialistId: actor.specialistId === null ? null : sql`${sql.placeholder('sp')}`,
  };
  if (actor.specialistId !== null) values.sp = actor.specialistId;
  const key = `${roles.join('+')}:${actor.caseTableIds.length}:${actor.municipalityIds.length}:${actor.specialistId === null ? 0 : 1}`;
  return { key, values, reader };
}

/**
 * One page of the requests `actor` may see, with the total (capped), in a stable order (id as
 * tiebreaker); pages deep by cursor (`after`) in every order (decision 071). The statements are
 * built once per shape (`preparedPage`, decision 135): the actor's roles and number of casustafels
 * and municipalities, the filters set (and how many statuses and types) and the order.
 */
export async function listRequests(db: Database, actor: Actor, q: InterpretationRequestListQuery) {
  const statuses = q.status ? RequestStatusSchema.array().parse(q.status.split(',')) : undefined;
  const types = q.type ? RequestTypeSchema.array().parse(q.type.split(',')) : undefined;
  const who = readerShape(actor);
  const values: Record<string, unknown> = { ...who.values };
  statuses?.forEach((status, i) => {
    values[`st${i}`] = status;
  });
  types?.forEach((type, i) => {
    values[`ty${i}`] = type;
  });
  if (q.caseTableId) values.caseTableId = q.caseTableId;
  // Letters, digits and dashes only (the contract), so no LIKE wildcard reaches the pattern.
  if (q.reference) values.reference = `${q.reference.toUpperCase()}%`;
  const key = `requests:${who.key}:${q.sort}:${statuses?.length ?? '-'}:${types?.length ?? '-'}:${q.caseTableId ? 1 : 0}:${q.reference ? 1 : 0}`;
  const where = () => {
    const filters: SQL[] = [summaryVisibleTo(who.reader)];
    if (statuses)
      filters.push(
        inArray(
          r.status,
          statuses.map((_, i) => sql.placeholder(`st${i}`)),
        ),
      );
    if (q.caseTableId) filters.push(eq(r.caseTableId, sql.placeholder('caseTableId')));
    if (types)
      filters.push(
        inArray(
          r.type,
          types.map((_, i) => sql.placeholder(`ty${i}`)),
        ),
      );
    if (q.reference) filters.push(sql`${r.reference} like ${sql.placeholder('reference')}`);
    return and(...filters);
  };
  const seek = SORTS[q.sort];
  const rows = ({ limit, offset, after }: PreparedWindow) =>
    db
      .select({ ...summaryColumns, summaryOnly: summaryOnlyReason(who.reader), cursor: seekCursor(seek) })
      .from(r)
      .leftJoin(schema.caseTables, eq(schema.caseTables.id, r.caseTableId))
      .leftJoin(schema.municipalities, eq(schema.municipalities.id, r.municipalityId))
      .where(and(where(), after))
      .orderBy(...seekOrder(seek))
      .limit(limit)
      .offset(offset)
      .prepare('requests_page');
  return preparedPage(
    db,
    q,
    { key, values },
    { rows, count: (cap) => countUpTo(db, db.select({ one: sql`1` }).from(r).where(where()), cap).prepare('requests_count') },
    toSummary,
    { seek, cursorOf: (row) => row.cursor },
  );
}

/**
 * The request with id `id` if `actor` may see at least its summary (decision 103), with
 * `summaryOnly` saying why when they may not read its content; the content fields are then empty.
 */
export async function findRequestSummary(db: Executor, actor: Actor, id: string) {
  const [row] = await db
    .select({ ...summaryColumns, summaryOnly: summaryOnlyReason(actor), safetyRegionName: schema.safetyRegions.name })
    .from(r)
    .leftJoin(schema.caseTables, eq(schema.caseTables.id, r.caseTableId))
    .leftJoin(schema.municipalities, eq(schema.municipalities.id, r.municipalityId))
    .leftJoin(schema.safetyHouses, eq(schema.safetyHouses.id, schema.municipalities.safetyHouseId))
    .leftJoin(schema.safetyRegions, eq(schema.safetyRegions.id, schema.safetyHouses.regionId))
    .where(and(eq(r.id, id), summaryVisibleTo(actor)));
  return row ? { ...toSummary(row), safetyRegionName: row.safetyRegionName } : null;
}

/** The request with id `id` if `actor` may see its content (`visibleTo`); `lock` takes a row lock. */
export async function findVisibleRequest(db: Executor, actor: Actor, id: string, lock = false) {
  const query = db
    .select({
      ...summaryColumns,
      question: r.question,
      context: r.context,
      audiences: r.audiences,
      expectedParticipants: r.expectedParticipants,
      place: r.place,
      createdBy: r.createdBy,
      closedAt: r.closedAt,
      contentPurgedAt: r.contentPurgedAt,
      originOfferId: r.originOfferId,
    })
    .from(r)
    .leftJoin(schema.caseTables, eq(schema.caseTables.id, r.caseTableId))
    .leftJoin(schema.municipalities, eq(schema.municipalities.id, r.municipalityId))
    .where(and(eq(r.id, id), visibleTo(actor)));
  const rows = lock ? await query.for('update', { of: r }) : await query;
  const row = rows[0];
  if (!row) return null;
  return {
    ...toSummary(row),
    question: row.question,
    context: row.context,
    audiences: row.audiences,
    expectedParticipants: row.expectedParticipants,
    place: row.place,
    originOfferId: row.originOfferId,
    closedAt: row.closedAt === null ? null : new Date(row.closedAt),
    contentPurgedAt: isoOrNull(row.contentPurgedAt),
  };
}

/** The timeline of a request, oldest first. */
export async function listTimeline(db: Executor, requestId: string): Promise<TimelineEvent[]> {
  const e = schema.requestStatusEvents;
  const rows = await db
    .select({
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorName: schema.users.displayName,
      actorRole: e.actorRole,
      reason: e.reason,
      reasonCode: e.reasonCode,
      changedFields: e.changedFields,
      occurredAt: e.occurredAt,
    })
    .from(e)
    .innerJoin(schema.users, eq(schema.users.id, e.actorId))
    .where(eq(e.requestId, requestId))
    .orderBy(asc(e.occurredAt), asc(e.seq));
  return rows.map((row) => ({
    ...row,
    changedFields: row.changedFields ?? [],
    occurredAt: iso(row.occurredAt),
  }));
}

/**
 * Records a status change on the timeline and moves the request to `to`, stamped `at` (the
 * service's `ctx.now()`, never the database clock, so a backdated context writes a true history).
 */
export async function recordTransition(
  db: Executor,
  input: {
    requestId: string;
    /** The instant of the change: `ctx.now()` of the calling service. */
    at: Date;
    from: RequestStatus | null;
    to: RequestStatus;
    actorId: string;
    actorRole: Role;
    reason?: string | null | undefined;
    /** A fixed system reason instead of (or besides) a person's reason. */
    reasonCode?: AssignmentCloseCause | undefined;
    /** The fields changed since information was asked (a resubmission). */
    changedFields?: readonly string[] | undefined;
    /** The working day (`ctx.workingHours`): a move into `submitted` sets the triage deadline (decision 102). */
    workingHours: WorkingHours;
  },
): Promise<void> {
  let triageDueAt: Date | undefined;
  if (input.to === 'submitted') {
    const [row] = await db.select({ urgency: r.urgency }).from(r).where(eq(r.id, input.requestId));
    if (row) triageDueAt = await triageDeadline(db, row.urgency, input.at, input.workingHours);
  }
  await db.insert(schema.requestStatusEvents).values({
    changedFields: input.changedFields && input.changedFields.length > 0 ? [...input.changedFields] : null,
    requestId: input.requestId,
    fromStatus: input.from,
    toStatus: input.to,
    actorId: input.actorId,
    actorRole: input.actorRole,
    reason: input.reason ?? null,
    reasonCode: input.reasonCode ?? null,
    occurredAt: input.at,
  });
  await db
    .update(r)
    .set({
      status: input.to,
      updatedAt: input.at,
      ...(input.to === 'submitted' ? { submittedAt: sql`coalesce(${r.submittedAt}, ${input.at.toISOString()}::timestamptz)`, triageDueAt } : {}),
      ...(TERMINAL_STATUSES.includes(input.to) ? { closedAt: input.at } : {}),
    })
    .where(eq(r.id, input.requestId));
}

/** Next pool reference for `year`, e.g. `DP-2019-0007`; safe under concurrency (one UPDATE). */
export async function nextReference(db: Executor, prefix: string, year: number): Promise<string> {
  const [row] = await db
    .insert(schema.referenceCounters)
    .values({ year, lastNumber: 1 })
    .onConflictDoUpdate({ target: schema.referenceCounters.year, set: { lastNumber: sql`${schema.referenceCounters.lastNumber} + 1` } })
    .returning({ n: schema.referenceCounters.lastNumber });
  return `${prefix}-${year}-${String(row?.n ?? 1).padStart(4, '0')}`;
}

/**
 * Counts a failed retention purge of request `requestId` (docs/design.md §8): failures + 1, the
 * next try after 60 minutes doubled per earlier failure (at most `capMinutes`), and `error` (class
 * and SQLSTATE, never a message; cut to 200 characters) kept. Returns the new count and retry time.
 */
export async function noteRetentionFailure(
  db: Executor,
  requestId: string,
  error: string,
  capMinutes: number,
): Promise<{ failures: number; retryAt: Date | null } | undefined> {
  const [failed] = await db
    .update(r)
    .set({
      retentionFailures: sql`${r.retentionFailures} + 1`,
      retentionRetryAt: sql`now() + make_interval(mins => least(${capMinutes}, 60 * power(2, ${r.retentionFailures})::int))`,
      retentionLastError: error.slice(0, 200),
    })
    .where(eq(r.id, requestId))
    .returning({ failures: r.retentionFailures, retryAt: r.retentionRetryAt });
  return failed;
}

/**
 * Adds `fields` to the field names recorded on the request's latest timeline event (its open
 * `needs-information` event while the casustafel edits), so the resubmission can say what changed.
 *
 * @returns the names recorded now, sorted
 */
export async function noteChangedFields(db: Executor, requestId: string, fields: readonly string[]): Promise<string[]> {
  const e = schema.requestStatusEvents;
  const [latest] = await db
    .select({ id: e.id, changedFields: e.changedFields })
    .from(e)
    .where(eq(e.requestId, requestId))
    .orderBy(desc(e.occurredAt), desc(e.seq))
    .limit(1);
  if (!latest) return [];
  const all = [...new Set([...(latest.changedFields ?? []), ...fields])].sort();
  if (fields.length > 0) await db.update(e).set({ changedFields: all }).where(eq(e.id, latest.id));
  return all;
}
