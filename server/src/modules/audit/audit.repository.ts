import { type Database, type Executor, schema } from '@duidingspool/db';
import { type AuditEvent, type AuditEventFilter, type AuditEventListQuery, type AuditResult, dateRangeReversed } from '@duidingspool/shared';
import { and, eq, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import {
  countUpTo,
  iso,
  type ListShape,
  type Page,
  type PageWindow,
  type PreparedWindow,
  preparedPage,
  type Seek,
  seekCursor,
  seekOrder,
} from '../../lib/pagination.ts';
import { aboutReference, objectLabel } from './audit-log.read-model.ts';

const ev = schema.auditEvents;

type Bound = string | Placeholder;

/**
 * Each audit-log filter as SQL over its value; dates are whole days in Europe/Amsterdam, `reference`
 * (upper-cased, as references are stored) finds a request and everything on it.
 */
const AUDIT_FILTERS: Record<keyof AuditEventFilter, (value: Bound) => SQL> = {
  reference: (value) => aboutReference(value),
  actorId: (value) => eq(ev.actorId, value),
  action: (value) => eq(ev.action, value),
  objectType: (value) => eq(ev.objectType, value),
  objectId: (value) => eq(ev.objectId, value),
  // The contract allows only the results there are (`AuditResultSchema`).
  result: (value) => eq(ev.result, value as AuditResult | Placeholder),
  fromDate: (value) => sql`${ev.occurredAt} >= (${value}::date)::timestamp at time zone 'Europe/Amsterdam'`,
  toDate: (value) => sql`${ev.occurredAt} < (${value}::date + 1)::timestamp at time zone 'Europe/Amsterdam'`,
};
const FILTER_NAMES = Object.keys(AUDIT_FILTERS) as (keyof AuditEventFilter)[];

/** The filters of the audit log that are set (a non-empty value), in a fixed order; `reference` upper-cased. */
function setFilters(f: AuditEventFilter): [keyof AuditEventFilter, string][] {
  const set: [keyof AuditEventFilter, string][] = [];
  for (const name of FILTER_NAMES) {
    const value = f[name];
    if (value) set.push([name, name === 'reference' ? value.toUpperCase() : value]);
  }
  return set;
}

/** @throws AppError 400 `validation-failed` on `/toDate` when the range ends before it starts */
function refuseReversedRange(f: AuditEventFilter): void {
  if (dateRangeReversed(f.fromDate, f.toDate)) {
    throw new AppError('validation-failed', 'De einddatum ligt vóór de begindatum.', {
      errors: [{ in: 'query', pointer: '/toDate', message: 'ligt vóór de begindatum', code: 'before-start' }],
    });
  }
}

/**
 * The WHERE of the audit-log filters that are set (`AUDIT_FILTERS`). Each value is sent as `bind(name, value)`: the
 * value, or a placeholder of that name for the statement built once (`auditEventPage`).
 *
 * @throws AppError 400 `validation-failed` on `/toDate` when the range ends before it starts
 */
export function auditFilter(f: AuditEventFilter, bind: (name: string, value: string) => Bound = (_name, value) => value): SQL | undefined {
  refuseReversedRange(f);
  const filters = setFilters(f).map(([name, value]) => AUDIT_FILTERS[name](bind(name, value)));
  return filters.length > 0 ? and(...filters) : undefined;
}

/** The audit log's order: newest first, id as tiebreaker (indexes `audit_events_*`, decision 071). */
export const AUDIT_SEEK: Seek = {
  name: 'audit-events',
  keys: [
    { expr: ev.occurredAt, type: 'timestamptz', desc: true, notNull: true },
    { expr: ev.id, type: 'bigint', desc: true, notNull: true },
  ],
};

/**
 * Audit events matching `where` (and past cursor condition `after`, see `page()`), newest first
 * (id as tiebreaker), each with its `cursor` in `AUDIT_SEEK`.
 */
export async function selectAuditEvents(
  db: Executor,
  where: SQL | undefined,
  limit: number,
  offset: number,
  after?: SQL,
): Promise<(AuditEvent & { cursor: string })[]> {
  const rows = await auditEventsQuery(db, where, { limit, offset, after });
  return rows.map(toAuditEvent);
}

/** The audit-log query: events matching `where`, in `AUDIT_SEEK` order, within `window`. */
function auditEventsQuery(db: Executor, where: SQL | undefined, window: PageWindow | PreparedWindow) {
  return db
    .select({
      id: ev.id,
      occurredAt: ev.occurredAt,
      actorId: ev.actorId,
      actorName: schema.users.displayName,
      action: ev.action,
      objectType: ev.objectType,
      objectId: ev.objectId,
      objectLabel: objectLabel(),
      result: ev.result,
      ip: sql<string | null>`host(${ev.ip})`,
      userAgent: ev.userAgent,
      details: ev.details,
      cursor: seekCursor(AUDIT_SEEK),
    })
    .from(ev)
    .leftJoin(schema.users, eq(schema.users.id, ev.actorId))
    .where(and(where, window.after))
    .orderBy(...seekOrder(AUDIT_SEEK))
    .limit(window.limit)
    .offset(window.offset);
}

type AuditEventRow = Awaited<ReturnType<typeof auditEventsQuery>>[number];
const toAuditEvent = (r: AuditEventRow): AuditEvent & { cursor: string } => ({ ...r, occurredAt: iso(r.occurredAt) });

/**
 * One page of the audit log (`page()`'s rules) with its statements built once per set of filters
 * (`preparedPage`, decision 135): the object labels (decision 122) make it the longest list query
 * to build.
 *
 * @throws AppError 400 `validation-failed` on `/toDate` (a reversed range) or `/after` (a cursor of another list)
 */
export function auditEventPage(db: Database, q: AuditEventListQuery): Promise<Page<AuditEvent>> {
  refuseReversedRange(q);
  const set = setFilters(q);
  const shape: ListShape = { key: `audit-events:${set.map(([name]) => name).join(',')}`, values: Object.fromEntries(set) };
  const where = () => auditFilter(q, (name) => sql.placeholder(name));
  return preparedPage(
    db,
    q,
    shape,
    {
      rows: (window) => auditEventsQuery(db, where(), window).prepare('audit_events_page'),
      count: (cap) => countUpTo(db, db.select({ one: sql`1` }).from(ev).where(where()), cap).prepare('audit_events_count'),
    },
    ({ cursor: _cursor, ...event }) => ({ ...event, occurredAt: iso(event.occurredAt) }),
    { seek: AUDIT_SEEK, cursorOf: (event) => event.cursor },
  );
}
