import { type Executor, rowsOf, schema } from '@duidingspool/db';
import type { FundingSource } from '@duidingspool/shared';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

// Read model of the report page (docs/architecture.md, "Read models"; docs/design.md §12): the raw
// figures of one period, every one computed by one SQL statement and never written back. It reads
// `interpretation_requests`, `request_status_events`, `request_expertise_areas`, `advice` and
// `request_feedback` and `request_reach` (interpretation-requests), `assignments` (assignments), `time_entries`
// (time-entries), `budgets`, `budget_lines`, `ledger_day_totals`, `ledger_report_month_totals` and
// `ledger_report_month_requests` (budgets), `municipalities`, `safety_houses`, `safety_regions` and
// `case_tables` (organisation), `expertise_areas`, `activities` and `specialists` (specialists),
// `users` (a specialist's name). Small-cell suppression is applied by the service on these
// figures before anything is published (decision 090).

/** A period: calendar dates in Europe/Amsterdam, both inclusive. */
export interface Period {
  from: string;
  to: string;
}

const r = schema.interpretationRequests;
const e = schema.requestStatusEvents;
const fb = schema.requestFeedback;
const te = schema.timeEntries;
const a = schema.assignments;

/**
 * An instant column lies in the period's Amsterdam days, written as a range of instants so an index
 * on the column serves it (`[from 00:00, to + 1 day 00:00)` in Europe/Amsterdam).
 */
const instantIn = (col: SQL, p: Period) =>
  sql`${col} >= (${p.from}::date)::timestamp at time zone 'Europe/Amsterdam' and ${col} < (${p.to}::date + 1)::timestamp at time zone 'Europe/Amsterdam'`;

/** The Amsterdam calendar date of an instant column lies in the period. */
const dayIn = (col: SQL | unknown, p: Period) => instantIn(sql`${col}`, p);
const num = (v: unknown) => Number(v ?? 0);

/**
 * The requests received in the period: those whose first submission falls in it. That instant is
 * `submitted_at`, which the first submission sets and no later one changes (the repository keeps it,
 * as the list's "received" order does). A CTE body with `id`, `urgency`, `deliverable`,
 * `municipality_id`, `case_table_id`, `case_reference`, `origin_offer_id` (the coordinator's offer it
 * came from, decision 130), `submitted_at` and `month` (`YYYY-MM`);
 * it reads the `interpretation_requests_oldest` index.
 */
function received(p: Period): SQL {
  const at = sql`coalesce(${r.submittedAt}, 'infinity'::timestamptz)`;
  return sql`
    select ${r.id} as id, ${r.urgency} as urgency, ${r.deliverable} as deliverable, ${r.municipalityId} as municipality_id,
      ${r.caseTableId} as case_table_id, ${r.caseReference} as case_reference, ${r.originOfferId} as origin_offer_id, ${r.submittedAt} as submitted_at,
      to_char(${r.submittedAt} at time zone 'Europe/Amsterdam', 'YYYY-MM') as month
    from ${r}
    where ${instantIn(at, p)}`;
}

/**
 * Requests that moved into each status in the period (distinct per status), and advice delivered in
 * it: first deliveries only, so a request reopened and delivered again (decision 113) counts once;
 * of the requests received, those made by accepting the coordinator's offer (`fromOffer`, decision 130).
 */
export async function flowCounts(db: Executor, p: Period): Promise<{ received: number; fromOffer: number; delivered: number; byStatus: Map<string, number> }> {
  const byStatus = rowsOf<{ status: string; n: number }>(
    await db.execute(sql`
      select ${e.toStatus} as status, count(distinct ${e.requestId})::int as n from ${e}
      where ${dayIn(e.occurredAt, p)} group by ${e.toStatus}`),
  );
  const [counts] = rowsOf<{ received: number; from_offer: number; delivered: number }>(
    await db.execute(sql`
      select (select count(*)::int from (${received(p)}) x) as received,
        (select count(*)::int from (${received(p)}) x where x.origin_offer_id is not null) as from_offer,
        (select count(*)::int from ${schema.advice} where ${schema.advice.version} = 1 and ${dayIn(schema.advice.deliveredAt, p)}) as delivered`),
  );
  return {
    received: num(counts?.received),
    fromOffer: num(counts?.from_offer),
    delivered: num(counts?.delivered),
    byStatus: new Map(byStatus.map((x) => [x.status, num(x.n)])),
  };
}

/** Received requests per month and urgency. */
export async function receivedByMonthAndUrgency(db: Executor, p: Period): Promise<{ month: string; urgency: string; n: number }[]> {
  return rowsOf<{ month: string; urgency: string; n: number }>(
    await db.execute(sql`select month, urgency, count(*)::int as n from (${received(p)}) x group by month, urgency`),
  ).map((x) => ({ ...x, n: num(x.n) }));
}

/** Received requests per deliverable. */
export async function receivedByDeliverable(db: Executor, p: Period): Promise<Map<string, number>> {
  const rows = rowsOf<{ k: string; n: number }>(
    await db.execute(sql`select deliverable as k, count(*)::int as n from (${received(p)}) x group by deliverable`),
  );
  return new Map(rows.map((x) => [x.k, num(x.n)]));
}

/** Received requests per expertise area asked for (a request may ask for several), with the area's names. */
export async function receivedByExpertise(db: Executor, p: Period): Promise<{ code: string; nameNl: string; nameEn: string; n: number }[]> {
  const x = schema.expertiseAreas;
  const ra = schema.requestExpertiseAreas;
  return rowsOf<{ code: string; nameNl: string; nameEn: string; n: number }>(
    await db.execute(sql`
      select ${x.code} as code, ${x.nameNl} as "nameNl", ${x.nameEn} as "nameEn", count(distinct q.id)::int as n
      from (${received(p)}) q join ${ra} on ${ra.requestId} = q.id join ${x} on ${x.code} = ${ra.expertiseAreaCode}
      group by ${x.code}, ${x.nameNl}, ${x.nameEn} order by ${x.nameNl}`),
  ).map((y) => ({ ...y, n: num(y.n) }));
}

/** Received requests from a casustafel that sent a request with the same (unpurged) case reference before. */
export async function followUps(db: Executor, p: Period): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`
      select count(*)::int as n from (${received(p)}) q
      where q.case_reference <> '' and exists (
        select 1 from ${r} where ${r.caseTableId} = q.case_table_id and ${r.caseReference} = q.case_reference
          and ${r.id} <> q.id and ${r.createdAt} < q.submitted_at)`),
  );
  return num(row?.n);
}

/** Per safety region (all in service or with requests): received requests, municipalities reached and in service. */
export async function reachByRegion(
  db: Executor,
  p: Period,
): Promise<{
  regions: { code: string; name: string; requests: number; reached: number; municipalities: number }[];
  municipalities: number;
  caseTables: number;
}> {
  const m = schema.municipalities;
  const h = schema.safetyHouses;
  const g = schema.safetyRegions;
  // One pass over the period's requests: per region, then the municipalities and casustafels served.
  const regions = rowsOf<{ code: string; name: string; requests: number; reached: number; municipalities: number }>(
    await db.execute(sql`
      with per as (
        select ${h.regionId} as region_id, count(*)::int as requests, count(distinct q.municipality_id)::int as reached
        from (${received(p)}) q join ${m} on ${m.id} = q.municipality_id join ${h} on ${h.id} = ${m.safetyHouseId}
        group by ${h.regionId})
      select ${g.code} as code, ${g.name} as name, coalesce(per.requests, 0) as requests, coalesce(per.reached, 0) as reached,
        (select count(*)::int from ${m} join ${h} on ${h.id} = ${m.safetyHouseId} where ${h.regionId} = ${g.id} and ${m.retiredAt} is null) as municipalities
      from ${g} left join per on per.region_id = ${g.id}
      order by ${g.name}`),
  ).map((x) => ({ ...x, requests: num(x.requests), reached: num(x.reached), municipalities: num(x.municipalities) }));
  const [served] = rowsOf<{ municipalities: number; case_tables: number }>(
    await db.execute(
      sql`select count(distinct municipality_id)::int as municipalities, count(distinct case_table_id)::int as case_tables from (${received(p)}) q`,
    ),
  );
  return {
    regions: regions.filter((x) => x.municipalities > 0 || x.requests > 0),
    municipalities: num(served?.municipalities),
    caseTables: num(served?.case_tables),
  };
}

/** Feedback given in the period: per answer, per usefulness score, per change named. */
export async function feedbackCounts(
  db: Executor,
  p: Period,
): Promise<{ answered: Map<string, number>; usefulness: Map<number, number>; changes: Map<string, number>; total: number }> {
  const rows = rowsOf<{ answered: string; usefulness: number; n: number }>(
    await db.execute(sql`
      select ${fb.answered} as answered, ${fb.usefulness} as usefulness, count(*)::int as n from ${fb}
      where ${dayIn(fb.givenAt, p)} group by ${fb.answered}, ${fb.usefulness}`),
  );
  const changes = rowsOf<{ k: string; n: number }>(
    await db.execute(sql`select c as k, count(*)::int as n from ${fb}, unnest(${fb.changes}) c where ${dayIn(fb.givenAt, p)} group by c`),
  );
  const answered = new Map<string, number>();
  const usefulness = new Map<number, number>();
  let total = 0;
  for (const x of rows) {
    answered.set(x.answered, (answered.get(x.answered) ?? 0) + num(x.n));
    usefulness.set(num(x.usefulness), (usefulness.get(num(x.usefulness)) ?? 0) + num(x.n));
    total += num(x.n);
  }
  return { answered, usefulness, changes: new Map(changes.map((x) => [x.k, num(x.n)])), total };
}

/**
 * For each request received in the period: its first submission, the coordinator's first decision
 * on it out of `submitted`, and its first move into `assigned` (instants, or null when not yet): the
 * request's own `submitted_at`, `triaged_at` and `first_assigned_at`, which the status events keep
 * (decision 134), read with the requests of the period.
 */
export async function triageInstants(db: Executor, p: Period): Promise<{ submittedAt: Date; decidedAt: Date | null; assignedAt: Date | null }[]> {
  // Instants as epoch milliseconds (float8): a year's requests are read as numbers, not parsed as text.
  const ms = (v: SQLWrapper) => sql`extract(epoch from ${v})::float8 * 1000`;
  const rows = rowsOf<{ submitted_at: number; decided_at: number | null; assigned_at: number | null }>(
    await db.execute(sql`
      select ${ms(r.submittedAt)} as submitted_at, ${ms(r.triagedAt)} as decided_at, ${ms(r.firstAssignedAt)} as assigned_at
      from ${r} where ${instantIn(sql`coalesce(${r.submittedAt}, 'infinity'::timestamptz)`, p)}`),
  );
  const at = (v: number | null) => (v === null ? null : new Date(Number(v)));
  return rows.map((x) => ({ submittedAt: new Date(Number(x.submitted_at)), decidedAt: at(x.decided_at), assignedAt: at(x.assigned_at) }));
}

/**
 * Advice delivered in the period on requests with a meeting date: how many before that date
 * (Amsterdam), how many on or after. First deliveries only: a later version after a reopening
 * answers a new question, not the meeting's (decision 113).
 */
export async function adviceBeforeMeeting(db: Executor, p: Period): Promise<{ before: number; after: number }> {
  const ad = schema.advice;
  const [row] = rowsOf<{ before: number; after: number }>(
    await db.execute(sql`
      select count(*) filter (where (${ad.deliveredAt} at time zone 'Europe/Amsterdam')::date < ${r.meetingDate})::int as before,
        count(*) filter (where (${ad.deliveredAt} at time zone 'Europe/Amsterdam')::date >= ${r.meetingDate})::int as after
      from ${ad} join ${r} on ${r.id} = ${ad.requestId}
      where ${ad.version} = 1 and ${r.meetingDate} is not null and ${dayIn(ad.deliveredAt, p)}`),
  );
  return { before: num(row?.before), after: num(row?.after) };
}

/**
 * Approved minutes per activity worked in the period, with the number of requests they stem from
 * (at least `cap` when it is `cap` or more: the basis of the suppression, which only asks whether it
 * reaches the threshold, see {@link spentBy}).
 */
export async function minutesByActivity(
  db: Executor,
  p: Period,
  cap: number,
): Promise<{ code: string; nameNl: string; nameEn: string; minutes: number; requests: number }[]> {
  return (await spentBy(db, p, 'activity', cap)).map((x) => ({ code: x.key, nameNl: x.nameNl, nameEn: x.nameEn, minutes: x.minutes, requests: x.requests }));
}

/** The budget rows of the years `from`–`to`; a year without a row is missing from the answer. */
export async function budgetsOf(
  db: Executor,
  years: number[],
): Promise<{ year: number; allocatedCents: number; reservedCents: number; pendingCents: number; spentCents: number }[]> {
  const b = schema.budgets;
  const rows = rowsOf<{ year: number; allocated: number; reserved: number; pending: number; spent: number }>(
    await db.execute(sql`
      select ${b.year} as year, ${b.allocatedCents} as allocated, ${b.reservedCents} as reserved, ${b.pendingCents} as pending, ${b.spentCents} as spent
      from ${b} where ${b.year} between ${Math.min(...years)} and ${Math.max(...years)} order by ${b.year}`),
  );
  return rows.map((x) => ({
    year: num(x.year),
    allocatedCents: num(x.allocated),
    reservedCents: num(x.reserved),
    pendingCents: num(x.pending),
    spentCents: num(x.spent),
  }));
}

/**
 * The budget lines of the years `from`–`to` added up per code (decision 094): name and funding
 * source (of the latest year), allocation and what is still available, in cents; the default first.
 */
export async function budgetLinesOf(
  db: Executor,
  years: number[],
): Promise<{ code: string; name: string; fundingSource: FundingSource; allocatedCents: number; availableCents: number }[]> {
  const l = schema.budgetLines;
  const rows = rowsOf<{ code: string; name: string; source: FundingSource; allocated: number; available: number; is_default: boolean }>(
    await db.execute(sql`
      select ${l.code} as code,
        (array_agg(${l.name} order by ${l.year} desc))[1] as name,
        (array_agg(${l.fundingSource} order by ${l.year} desc))[1] as source,
        sum(${l.allocatedCents})::bigint as allocated,
        sum(${l.allocatedCents} - ${l.reservedCents} - ${l.pendingCents} - ${l.spentCents})::bigint as available,
        bool_or(${l.isDefault}) as is_default
      from ${l} where ${l.year} between ${Math.min(...years)} and ${Math.max(...years)}
      group by ${l.code} order by bool_or(${l.isDefault}) desc, ${l.code}`),
  );
  return rows.map((x) => ({ code: x.code, name: x.name, fundingSource: x.source, allocatedCents: num(x.allocated), availableCents: num(x.available) }));
}

/** The money dimensions of the report. */
export type SpentDimension = 'activity' | 'specialist' | 'region' | 'month' | 'line';

/** The period is whole calendar months: `from` the first day of a month, `to` the last day of one. */
export function isWholeMonths(p: Period): boolean {
  const next = new Date(Date.UTC(Number(p.to.slice(0, 4)), Number(p.to.slice(5, 7)) - 1, Number(p.to.slice(8, 10)) + 1));
  return p.from.slice(8, 10) === '01' && next.getUTCDate() === 1;
}

/** One row of a money breakdown: the key and its labels, approved cents and minutes, and the basis in requests. */
export interface SpentRow {
  key: string;
  nameNl: string;
  nameEn: string;
  cents: number;
  minutes: number;
  /** The distinct requests the amount stems from; exact below `cap`, otherwise at least `cap`. */
  requests: number;
}

/**
 * Approved cents and minutes worked in the period per `dimension`, with the number of requests each
 * amount stems from (the basis of its suppression) and its label(s), ordered by the Dutch label.
 *
 * A period of whole months (every preset, and most chosen periods) reads the running month totals
 * (`ledger_report_month_totals`, decision 133), so the year-end report costs the same at 10,000 and
 * at 1,000,000 entries. Their distinct requests per month give a lower bound of a key's requests over
 * the period (the busiest month); only a key whose every month stems from fewer than `cap` requests
 * — so at most (`cap` − 1) × months rows — is counted exactly from `ledger_report_month_requests`.
 * The suppression rule asks only whether the basis reaches the threshold (`cap`), and its totals
 * take the sums of the bases, so a basis of "at least `cap`" decides exactly as the exact count.
 * Another period (dates inside a month) reads the entries themselves.
 */
export async function spentBy(db: Executor, p: Period, dimension: SpentDimension, cap: number): Promise<SpentRow[]> {
  const rows = isWholeMonths(p) ? await spentByMonthTotals(db, p, dimension, cap) : await spentByEntries(db, p, dimension);
  return rows.map((x) => ({ ...x, cents: num(x.cents), minutes: num(x.minutes), requests: num(x.requests) }));
}

const act = schema.activities;
const sp = schema.specialists;
const u = schema.users;
const g = schema.safetyRegions;
const bl = schema.budgetLines;
/** The label of a budget line code: the name of its latest year. */
const lineName = (code: SQL) => sql`(select ${bl.name} from ${bl} where ${bl.code} = ${code} order by ${bl.year} desc limit 1)`;

async function spentByMonthTotals(db: Executor, p: Period, dimension: SpentDimension, cap: number): Promise<SpentRow[]> {
  const mt = schema.ledgerReportMonthTotals;
  const mr = schema.ledgerReportMonthRequests;
  const from = sql`${p.from}::date`;
  const to = sql`${p.to}::date`;
  if (dimension === 'month') {
    return rowsOf<SpentRow>(
      await db.execute(sql`
        select to_char(${mt.month}, 'YYYY-MM') as key, to_char(${mt.month}, 'YYYY-MM') as "nameNl", to_char(${mt.month}, 'YYYY-MM') as "nameEn",
          ${mt.cents} as cents, ${mt.minutes} as minutes, ${mt.requests} as requests
        from ${mt} where ${mt.dimension} = 'all' and ${mt.key} = '' and ${mt.month} between ${from} and ${to} and ${mt.requests} > 0
        order by ${mt.month}`),
    );
  }
  const labels: Record<Exclude<SpentDimension, 'month'>, { nl: SQL; en: SQL; join: SQL }> = {
    activity: { nl: sql`${act.nameNl}`, en: sql`${act.nameEn}`, join: sql`join ${act} on ${act.code} = k.key` },
    specialist: { nl: sql`${u.displayName}`, en: sql`${u.displayName}`, join: sql`join ${sp} on ${sp.id} = k.key::uuid join ${u} on ${u.id} = ${sp.userId}` },
    region: { nl: sql`${g.name}`, en: sql`${g.name}`, join: sql`join ${g} on ${g.code} = k.key` },
    line: { nl: lineName(sql`k.key`), en: lineName(sql`k.key`), join: sql`` },
  };
  const l = labels[dimension];
  return rowsOf<SpentRow>(
    await db.execute(sql`
      with k as (
        select ${mt.key} as key, sum(${mt.cents})::bigint as cents, sum(${mt.minutes})::bigint as minutes, max(${mt.requests}) as lower
        from ${mt} where ${mt.dimension} = ${dimension} and ${mt.month} between ${from} and ${to}
        group by ${mt.key} having max(${mt.requests}) > 0),
      exact as (
        select ${mr.key} as key, count(distinct ${mr.requestId})::int as n from ${mr}
        where ${mr.dimension} = ${dimension} and ${mr.month} between ${from} and ${to} and ${mr.key} in (select key from k where lower < ${cap})
        group by ${mr.key})
      select k.key, ${l.nl} as "nameNl", ${l.en} as "nameEn", k.cents, k.minutes, coalesce(exact.n, k.lower) as requests
      from k left join exact on exact.key = k.key ${l.join}
      order by 2, 1`),
  );
}

async function spentByEntries(db: Executor, p: Period, dimension: SpentDimension): Promise<SpentRow[]> {
  const m = schema.municipalities;
  const h = schema.safetyHouses;
  const select: Record<SpentDimension, { key: SQL; nl: SQL; en: SQL; join: SQL }> = {
    activity: { key: sql`${act.code}`, nl: sql`${act.nameNl}`, en: sql`${act.nameEn}`, join: sql`join ${act} on ${act.code} = ${te.activity}` },
    specialist: {
      key: sql`${sp.id}::text`,
      nl: sql`${u.displayName}`,
      en: sql`${u.displayName}`,
      join: sql`join ${sp} on ${sp.id} = ${te.specialistId} join ${u} on ${u.id} = ${sp.userId}`,
    },
    region: {
      key: sql`${g.code}`,
      nl: sql`${g.name}`,
      en: sql`${g.name}`,
      join: sql`join ${r} on ${r.id} = ${a.requestId} join ${m} on ${m.id} = ${r.municipalityId} join ${h} on ${h.id} = ${m.safetyHouseId} join ${g} on ${g.id} = ${h.regionId}`,
    },
    line: {
      key: sql`${bl.code}`,
      nl: lineName(sql`${bl.code}`),
      en: lineName(sql`${bl.code}`),
      join: sql`join ${bl} on ${bl.id} = ${te.budgetLineId}`,
    },
    month: {
      key: sql`to_char(${te.workedOn}, 'YYYY-MM')`,
      nl: sql`to_char(${te.workedOn}, 'YYYY-MM')`,
      en: sql`to_char(${te.workedOn}, 'YYYY-MM')`,
      join: sql``,
    },
  };
  const s = select[dimension];
  return rowsOf<SpentRow>(
    await db.execute(sql`
      select ${s.key} as key, ${s.nl} as "nameNl", ${s.en} as "nameEn", sum(${te.amountCents})::bigint as cents, sum(${te.minutes})::bigint as minutes,
        count(distinct ${a.requestId})::int as requests
      from ${te} join ${a} on ${a.id} = ${te.assignmentId} ${s.join}
      where ${te.status} = 'approved' and ${te.workedOn} between ${p.from}::date and ${p.to}::date
      group by ${dimension === 'line' ? sql`1` : sql`1, 2, 3`} order by 2, 1`),
  );
}

/**
 * Approved cents worked in `year` up to and including `through` (the pace for the year-end
 * projection), from the running day totals (`ledger_day_totals`, decision 010).
 */
export async function spentInYearThrough(db: Executor, year: number, through: string): Promise<number> {
  const d = schema.ledgerDayTotals;
  const [row] = rowsOf<{ cents: number }>(
    await db.execute(sql`
      select coalesce(sum(${d.spentCents}), 0)::bigint as cents from ${d}
      where ${d.workedOn} between ${`${year}-01-01`}::date and ${through}::date`),
  );
  return num(row?.cents);
}

/** One group of the reach of trainings and information sessions: sessions, people reached, professionals trained. */
export interface PeopleReached {
  sessions: number;
  people: number;
  professionals: number;
}

/**
 * The people reached by trainings and information sessions dated in the period (their
 * `meeting_date`) whose participants were recorded (`request_reach`, interpretation-requests), per
 * request type and per safety region of the request's municipality (docs/design.md §12). People
 * are all participants; professionals trained those of `professionalCategories` after a training.
 */
export async function peopleReached(
  db: Executor,
  p: Period,
  professionalCategories: readonly string[],
): Promise<{ byType: Map<string, PeopleReached>; byRegion: Map<string, PeopleReached & { name: string }> }> {
  const rr = schema.requestReach;
  const m = schema.municipalities;
  const h = schema.safetyHouses;
  const g = schema.safetyRegions;
  const professional = sql`${rr.category} in (${sql.join(
    professionalCategories.map((c) => sql`${c}`),
    sql`, `,
  )})`;
  const rows = rowsOf<{ type: string; region: string; name: string; sessions: number; people: number; professionals: number }>(
    await db.execute(sql`
      select ${r.type} as type, ${g.code} as region, ${g.name} as name, count(distinct ${r.id})::int as sessions,
        coalesce(sum(${rr.participants}), 0)::int as people,
        coalesce(sum(${rr.participants}) filter (where ${r.type} = 'training' and ${professional}), 0)::int as professionals
      from ${r}
      join ${rr} on ${rr.requestId} = ${r.id}
      join ${m} on ${m.id} = ${r.municipalityId}
      join ${h} on ${h.id} = ${m.safetyHouseId}
      join ${g} on ${g.id} = ${h.regionId}
      where ${r.type} in ('training', 'information-session') and ${r.meetingDate} between ${p.from}::date and ${p.to}::date
      group by ${r.type}, ${g.code}, ${g.name}`),
  );
  const sum = (y: PeopleReached | undefined, x: PeopleReached): PeopleReached => ({
    sessions: (y?.sessions ?? 0) + x.sessions,
    people: (y?.people ?? 0) + x.people,
    professionals: (y?.professionals ?? 0) + x.professionals,
  });
  const byType = new Map<string, PeopleReached>();
  const byRegion = new Map<string, PeopleReached & { name: string }>();
  for (const row of rows) {
    const x = { sessions: num(row.sessions), people: num(row.people), professionals: num(row.professionals) };
    byType.set(row.type, sum(byType.get(row.type), x));
    byRegion.set(row.region, { ...sum(byRegion.get(row.region), x), name: row.name });
  }
  return { byType, byRegion };
}
