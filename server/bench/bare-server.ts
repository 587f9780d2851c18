// The baseline of `pnpm bench`: a bare Fastify + postgres.js server answering the benchmarked
// list calls, logging hours and approving them with the same SQL as the product (the filter, joins, columns, order, id tiebreaker,
// cursor seek and the count capped at 1,001 of `page()`, decision 071) and the same cookie check
// (the HS256 session JWT, then the session row joined to the user with roles, casustafels and
// specialist id). No validation, no OpenAPI, no error mapping (a refusal is a status and a type);
// the writes write the same audit event and inbox items as the product's. What the product adds on
// top of its SQL is what the benchmark's ratio measures.
//
// Env: BENCH_DB_URL (database), BENCH_JWT_SECRET (the product's secret), BENCH_IDLE_SECONDS. Prints
// `port <n>` on stdout when listening.
import { randomUUID } from 'node:crypto';
import { CLOSE_CAUSES_KEEPING_ACCESS, LIST_TOTAL_CAP } from '@duidingspool/shared';
import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import postgres from 'postgres';

const sql = postgres(process.env.BENCH_DB_URL ?? '', { max: 10, onnotice: () => {} });
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS ?? 3600);
const app = Fastify({ logger: false });
await app.register(fastifyCookie);
await app.register(fastifyJwt, {
  secret: process.env.BENCH_JWT_SECRET ?? '',
  cookie: { cookieName: 'dp_session', signed: false },
  verify: { algorithms: ['HS256'], requiredClaims: ['exp', 'iat', 'sub', 'sid'] },
});

interface Actor {
  userId: string;
  roles: string[];
  caseTableIds: string[];
  municipalityIds: string[];
  specialistId: string | null;
  displayName: string;
}

/** The product's cookie check: the JWT, then the live session row and its user in one query. */
async function actorOf(request: FastifyRequest, reply: FastifyReply, roles: string[]): Promise<Actor | null> {
  let claims: { sub: string; sid: string };
  try {
    claims = await request.jwtVerify<{ sub: string; sid: string }>();
  } catch {
    await reply.code(401).send({ type: 'unauthenticated' });
    return null;
  }
  const [row] = await sql<Actor[]>`
    select u.id as "userId", u.email, u.display_name as "displayName", u.language,
      coalesce((select array_agg(r.role order by r.role) from user_roles r where r.user_id = u.id), '{}') as roles,
      coalesce((select array_agg(m.case_table_id::text order by m.case_table_id) from case_table_members m where m.user_id = u.id), '{}') as "caseTableIds",
      coalesce((select array_agg(mm.municipality_id::text order by mm.municipality_id) from municipality_members mm where mm.user_id = u.id), '{}') as "municipalityIds",
      (select sp.id::text from specialists sp where sp.user_id = u.id and sp.is_active) as "specialistId",
      s.last_seen_at, s.enrolment_only
    from sessions s join users u on u.id = s.user_id
    where s.id = ${claims.sid} and s.user_id = ${claims.sub} and s.revoked_at is null and s.expires_at > now()
      and s.last_seen_at > now() - make_interval(secs => ${idleSeconds}) and u.is_active = true`;
  if (!row) {
    await reply.code(401).send({ type: 'unauthenticated' });
    return null;
  }
  if (!row.roles.some((r) => roles.includes(r))) {
    await reply.code(403).send({ type: 'forbidden' });
    return null;
  }
  return row;
}

/** `page()`'s rule: one row more than the page, the total from the page or a count capped at 1,001. */
async function pageOf<R extends { cursor: string }>(pageSize: number, rows: R[], count: () => Promise<{ n: number }[]>, seeking: boolean) {
  const more = rows.length > pageSize;
  const items = more ? rows.slice(0, pageSize) : rows;
  let total = items.length;
  let lowerBound = false;
  if (more || seeking) {
    const [c] = await count();
    lowerBound = (c?.n ?? 0) > LIST_TOTAL_CAP;
    total = lowerBound ? LIST_TOTAL_CAP : (c?.n ?? 0);
  }
  const last = items[items.length - 1];
  return {
    items: items.map(({ cursor: _c, ...item }) => item),
    page: 1,
    pageSize,
    total,
    ...(lowerBound ? { totalIsLowerBound: true } : {}),
    ...(more && last ? { nextCursor: Buffer.from(JSON.stringify({ s: 'bare', v: JSON.parse(last.cursor) })).toString('base64url') } : {}),
  };
}

const sizeOf = (q: unknown, fallback: number) => Math.min(100, Number((q as { pageSize?: string }).pageSize ?? fallback) || fallback);
const afterOf = (q: unknown): (string | null)[] | null => {
  const after = (q as { after?: string }).after;
  return after ? (JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as { v: (string | null)[] }).v : null;
};
const keeping = CLOSE_CAUSES_KEEPING_ACCESS as readonly string[];

app.get('/api/v1/interpretation-requests', async (request, reply) => {
  const actor = await actorOf(request, reply, ['coordinator']);
  if (!actor) return;
  const size = sizeOf(request.query, 20);
  const after = afterOf(request.query);
  const seek = after
    ? sql`and coalesce(r.submitted_at, '-infinity'::timestamptz) <= ${after[0] ?? null}::timestamptz and (coalesce(r.submitted_at, '-infinity'::timestamptz) < ${after[0] ?? null}::timestamptz
        or (coalesce(r.submitted_at, '-infinity'::timestamptz) = ${after[0] ?? null}::timestamptz and r.created_at < ${after[1] ?? null}::timestamptz)
        or (coalesce(r.submitted_at, '-infinity'::timestamptz) = ${after[0] ?? null}::timestamptz and r.created_at = ${after[1] ?? null}::timestamptz and r.id > ${after[2] ?? null}::uuid))`
    : sql``;
  const rows = await sql<{ cursor: string }[]>`
    select r.id, r.reference, r.status, r.type, r.case_table_id as "caseTableId", ct.name as "caseTableName", r.municipality_id as "municipalityId",
      m.name as "municipalityName", r.case_reference as "caseReference", r.urgency, r.deliverable, r.meeting_date as "meetingDate", r.languages,
      r.created_at as "createdAt", r.submitted_at as "submittedAt", r.updated_at as "updatedAt", r.triage_due_at as "triageDueAt",
      coalesce((select array_agg(e.expertise_area_code order by e.expertise_area_code) from request_expertise_areas e where e.request_id = r.id), '{}') as "expertiseAreaCodes",
      (select u.display_name from assignments a join specialists s on s.id = a.specialist_id join users u on u.id = s.user_id
        where a.request_id = r.id and ((a.status in ('proposed','accepted') and a.closed_at is null) or (a.status = 'accepted' and a.close_cause in ${sql(keeping)}))
        order by a.proposed_at desc limit 1) as "specialistName", null::text as "requesterName",
      json_build_array(coalesce(r.submitted_at, '-infinity'::timestamptz), r.created_at, r.id)::text as cursor
    from interpretation_requests r left join case_tables ct on ct.id = r.case_table_id left join municipalities m on m.id = r.municipality_id
    where r.status <> 'draft' ${seek}
    order by coalesce(r.submitted_at, '-infinity'::timestamptz) desc, r.created_at desc, r.id asc limit ${size + 1}`;
  return pageOf(
    size,
    rows,
    () => sql`select count(*)::int as n from (select 1 from interpretation_requests r where r.status <> 'draft' limit ${LIST_TOTAL_CAP + 1}) c`,
    after !== null,
  );
});

const ENTRY_COLUMNS = (extra: postgres.PendingQuery<postgres.Row[]>) => sql`
  select te.id, te.assignment_id as "assignmentId", r.id as "requestId", coalesce(r.reference, '') as "requestReference", te.specialist_id as "specialistId",
    su.display_name as "specialistName", su.id as "specialistUserId", te.worked_on as "workedOn", te.minutes, te.activity, te.description,
    te.rate_cents as "rateCents", te.amount_cents as "amountCents", te.budget_year as "budgetYear", te.budget_line_id as "budgetLineId", te.status,
    te.reject_reason as "rejectReason", te.reviewed_at as "reviewedAt", rv.display_name as "reviewerName", te.created_at as "createdAt",
    te.corrects_entry_id as "correctsEntryId", te.created_by as "createdBy",
    json_build_array(te.worked_on, te.created_at, te.id)::text as cursor ${extra}`;

app.get('/api/v1/time-entries', async (request, reply) => {
  const actor = await actorOf(request, reply, ['coordinator', 'specialist']);
  if (!actor) return;
  const size = sizeOf(request.query, 20);
  const status = (request.query as { status?: string }).status ?? 'submitted';
  const rows = await sql<{ cursor: string }[]>`
    ${ENTRY_COLUMNS(sql``)}
    from time_entries te join assignments a on a.id = te.assignment_id join interpretation_requests r on r.id = a.request_id
      join specialists s on s.id = te.specialist_id join users su on su.id = s.user_id left join users rv on rv.id = te.reviewed_by
    where true and te.status = ${status}
    order by te.worked_on desc, te.created_at desc, te.id asc limit ${size + 1}`;
  return pageOf(
    size,
    rows,
    () => sql`select count(*)::int as n from (select 1 from time_entries te where true and te.status = ${status} limit ${LIST_TOTAL_CAP + 1}) c`,
    false,
  );
});

app.get('/api/v1/budgets/:year/ledger-entries', async (request, reply) => {
  const actor = await actorOf(request, reply, ['finance', 'coordinator']);
  if (!actor) return;
  const year = Number((request.params as { year: string }).year);
  const size = sizeOf(request.query, 50);
  const [budget] = await sql`select year from budgets where year = ${year}`;
  if (!budget) return reply.code(404).send({ type: 'not-found' });
  const rows = await sql<{ cursor: string }[]>`
    select te.id, te.worked_on as "workedOn", su.display_name as "specialistName", sr.name as "safetyRegionName", m.name as "municipalityName",
      coalesce(ct.name, '') as "caseTableName", coalesce(r.reference, '') as "poolReference", act.name_nl as activity, te.minutes, te.rate_cents as "rateCents",
      te.amount_cents as "amountCents", te.status, te.corrects_entry_id as "correctsEntryId", te.reviewed_at as "reviewedAt", rv.display_name as "reviewerName",
      json_build_array(te.worked_on, te.created_at, te.id)::text as cursor
    from time_entries te join assignments a on a.id = te.assignment_id join interpretation_requests r on r.id = a.request_id
      join municipalities m on m.id = r.municipality_id join safety_houses sh on sh.id = m.safety_house_id join safety_regions sr on sr.id = sh.region_id
      left join case_tables ct on ct.id = r.case_table_id join activities act on act.code = te.activity
      join specialists s on s.id = te.specialist_id join users su on su.id = s.user_id left join users rv on rv.id = te.reviewed_by
    where te.budget_year = ${year}
    order by te.worked_on desc, te.created_at desc, te.id asc limit ${size + 1}`;
  return pageOf(
    size,
    rows,
    () => sql`select count(*)::int as n from (select 1 from time_entries te where te.budget_year = ${year} limit ${LIST_TOTAL_CAP + 1}) c`,
    false,
  );
});

/** The product's label of an audit event's object (decision 122): a pool reference, a name, a title or a year. */
const objectUuid = sql`(case when ev.object_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then ev.object_id::uuid end)`;
const objectLabel = sql`case ev.object_type
    when 'interpretation-request' then (select r.reference from interpretation_requests r where r.id = ${objectUuid})
    when 'assignment' then (select r.reference from assignments a join interpretation_requests r on r.id = a.request_id where a.id = ${objectUuid})
    when 'time-entry' then (select r.reference from time_entries te join assignments a on a.id = te.assignment_id join interpretation_requests r on r.id = a.request_id
      where te.id = ${objectUuid})
    when 'extension-request' then (select r.reference from extension_requests x join assignments a on a.id = x.assignment_id
      join interpretation_requests r on r.id = a.request_id where x.id = ${objectUuid})
    when 'user' then (select u.display_name from users u where u.id = ${objectUuid})
    when 'specialist' then (select u.display_name from specialists s join users u on u.id = s.user_id where s.id = ${objectUuid})
    when 'case-table' then (select ct.name from case_tables ct where ct.code = ev.object_id)
    when 'municipality' then (select m.name from municipalities m where m.cbs_code = ev.object_id)
    when 'knowledge-product' then (select kp.title from knowledge_products kp where kp.id = ${objectUuid})
    when 'financial-statement' then (select fs.year::text from financial_statements fs where fs.id = ${objectUuid})
    when 'offer' then (select o.title from offers o where o.id = ${objectUuid})
  end as "objectLabel"`;

app.get('/api/v1/audit-events', async (request, reply) => {
  const actor = await actorOf(request, reply, ['coordinator', 'admin']);
  if (!actor) return;
  const size = sizeOf(request.query, 20);
  const rows = await sql<{ cursor: string }[]>`
    select ev.id, ev.occurred_at as "occurredAt", ev.actor_id as "actorId", u.display_name as "actorName", ev.action, ev.object_type as "objectType",
      ev.object_id as "objectId", ${objectLabel}, ev.result, host(ev.ip) as ip, ev.user_agent as "userAgent", ev.details,
      json_build_array(ev.occurred_at, (ev.id)::text)::text as cursor
    from audit_events ev left join users u on u.id = ev.actor_id
    order by ev.occurred_at desc, ev.id desc limit ${size + 1}`;
  return pageOf(size, rows, () => sql`select count(*)::int as n from (select 1 from audit_events ev limit ${LIST_TOTAL_CAP + 1}) c`, false);
});

// The write path (issue 16, item 2): logging hours and approving them with the product's statements
// in the product's order, inside one transaction, prepared (postgres.js prepares tagged templates),
// sent together where the product sends them together (decision 135). Logging hours: the month's
// shared lock with one read of the assignment, the activity and whether it is retired, whether the
// month is closed and the rate; then the coordinators' inbox items (and mails), the audit event and
// one statement for the day total, the reservation, the budget and its line and the entry; then
// `commit`, and the answer from what was read and written.

/** A time entry as the product answers it (`findEntry`). */
const entryById = (db: postgres.Sql | postgres.TransactionSql, id: string, forUpdate: boolean) => db`
  select te.id, te.assignment_id as "assignmentId", r.id as "requestId", coalesce(r.reference, '') as "requestReference", te.specialist_id as "specialistId",
    su.display_name as "specialistName", su.id as "specialistUserId", te.worked_on as "workedOn", te.minutes, te.activity, te.description,
    te.rate_cents as "rateCents", te.amount_cents as "amountCents", te.budget_year as "budgetYear", te.budget_line_id as "budgetLineId", te.status,
    te.reject_reason as "rejectReason", te.reviewed_at as "reviewedAt", rv.display_name as "reviewerName", te.created_at as "createdAt",
    te.corrects_entry_id as "correctsEntryId", te.created_by as "createdBy"
  from time_entries te join assignments a on a.id = te.assignment_id join interpretation_requests r on r.id = a.request_id
    join specialists s on s.id = te.specialist_id join users su on su.id = s.user_id left join users rv on rv.id = te.reviewed_by
  where te.id = ${id} and true ${forUpdate ? db`for update of te` : db``}`;

/** Refusals inside a transaction: rolled back, answered with the status and the problem type. */
class Refused extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
  ) {
    super(type);
  }
}
const refuse = (status: number, type: string): never => {
  throw new Refused(status, type);
};
const answerRefusal = (reply: FastifyReply, error: unknown) => {
  if (error instanceof Refused) return reply.code(error.status).send({ type: error.type });
  throw error;
};
const monthKey = (workedOn: string) => `accounting-period:${workedOn.slice(0, 7)}`;

app.post('/api/v1/assignments/:id/time-entries', async (request, reply) => {
  const actor = await actorOf(request, reply, ['specialist']);
  if (!actor) return;
  const assignmentId = (request.params as { id: string }).id;
  const body = request.body as { workedOn: string; minutes: number; activity: string; description: string };
  try {
    const entry = await sql.begin(async (tx) => {
      const [, [a]] = await Promise.all([
        tx`select pg_advisory_xact_lock_shared(hashtext(${monthKey(body.workedOn)}))`,
        tx<
          {
            specialistId: string;
            specialistUserId: string;
            specialistName: string;
            requestId: string;
            requestReference: string;
            status: string;
            closedAt: string | null;
            budgetYear: number;
            budgetLineId: string;
            activityRetired: boolean | null;
            periodClosed: boolean;
            rateCents: number | null;
          }[]
        >`
        select a.specialist_id as "specialistId", u.id as "specialistUserId", u.display_name as "specialistName", r.id as "requestId",
          coalesce(r.reference, '') as "requestReference", r.status as "requestStatus", r.type as "requestType", a.status, a.closed_at as "closedAt",
          r.submitted_at as "requestSubmittedAt", a.proposed_at as "proposedAt", a.budget_year as "budgetYear", a.budget_line_id as "budgetLineId",
          (select act.retired_at is not null from activities act where act.code = ${body.activity} for share) as "activityRetired",
          exists (select 1 from closed_periods cp where cp.month = ${body.workedOn.slice(0, 7)}) as "periodClosed",
          (select rt.rate_cents::float8 from specialist_rates rt where rt.specialist_id = a.specialist_id and rt.valid_from <= ${body.workedOn}::date
            order by rt.valid_from desc limit 1) as "rateCents"
        from assignments a join interpretation_requests r on r.id = a.request_id join specialists s on s.id = a.specialist_id join users u on u.id = s.user_id
        where a.id = ${assignmentId} and a.specialist_id = ${actor.specialistId}`,
      ]);
      if (!a) return refuse(404, 'not-found');
      if (a.status !== 'accepted' || a.closedAt !== null) return refuse(409, 'invalid-transition');
      if (a.activityRetired === null) return refuse(400, 'validation-failed');
      if (a.activityRetired) return refuse(409, 'retired');
      if (a.periodClosed) return refuse(409, 'period-closed');
      if (a.rateCents === null) return refuse(409, 'no-rate');
      const rateCents = a.rateCents;
      const amount = Math.floor((body.minutes * rateCents + 30) / 60);
      const year = Number(body.workedOn.slice(0, 4));
      const id = randomUUID();
      const now = new Date();
      const [, , [written]] = await Promise.all([
        tx`
        with recipients as (
          select distinct u.id, u.email, coalesce(p.mode, ${'off'}) as mode
          from users u join user_roles ur on ur.user_id = u.id and ur.role in ${sql(['coordinator'])}
            left join notification_preferences p on p.user_id = u.id and p.event = ${'time-entry-submitted'}
          where u.is_active
        ), inbox as (
          insert into inbox_items (user_id, event, reference, link_path, params, dedupe_key, created_at)
          select r.id, ${'time-entry-submitted'}, ${a.requestReference}::text, ${'/hours'}::text, '{}'::jsonb, null, ${now.toISOString()}::timestamptz from recipients r
          on conflict do nothing
          returning 1
        )
        insert into notifications (event, recipient_user_id, recipient_email, reference, link_path, params, message_id, dedupe_key, status, created_at, next_attempt_at)
        select ${'time-entry-submitted'}, r.id, r.email, ${a.requestReference}::text, ${'/hours'}::text, '{}'::jsonb,
          '<' || gen_random_uuid() || '@' || ${'localhost'}::text || '>', null,
          case when r.mode = 'digest' then ${'digest'} else ${'pending'} end, ${now.toISOString()}::timestamptz,
          case when r.mode = 'digest' then ${now.toISOString()}::timestamptz else ${now.toISOString()}::timestamptz end
        from recipients r
        where r.mode <> 'off'
        on conflict do nothing`,
        tx`
        insert into audit_events (actor_id, action, object_type, object_id, result, ip, user_agent, details)
        values (${actor.userId}::uuid, ${'log-time'}::text, ${'time-entry'}::text, ${id}::text, ${'success'}::text, ${request.ip}::inet,
          ${request.headers['user-agent'] ?? null}::text, ${JSON.stringify({ assignmentId, minutes: body.minutes, amountCents: amount })}::text::jsonb)`,
        tx<{ day: boolean; fitted: boolean; year: boolean; line: boolean; entry: boolean }[]>`
        with day as (
          insert into specialist_day_minutes (specialist_id, worked_on, minutes) values (${a.specialistId}, ${body.workedOn}::date, ${body.minutes})
          on conflict (specialist_id, worked_on) do update set minutes = specialist_day_minutes.minutes + excluded.minutes
          where specialist_day_minutes.minutes + excluded.minutes <= 1440
          returning 1
        ), fitted as (
          update assignments set reserved_cents = assignments.reserved_cents - ${amount}, logged_minutes = assignments.logged_minutes + ${body.minutes}
          where assignments.id = ${assignmentId} and assignments.status = 'accepted' and assignments.closed_at is null and assignments.reserved_cents >= ${amount}
            and assignments.logged_minutes + ${body.minutes} <= assignments.estimated_minutes and exists (select 1 from day)
          returning 1
        ), ledger_year as (
          update budgets set reserved_cents = budgets.reserved_cents - ${amount}, pending_cents = budgets.pending_cents + ${amount}
          where budgets.year = ${a.budgetYear} and budgets.reserved_cents >= ${amount} and exists (select 1 from fitted) returning 1
        ), ledger_line as (
          update budget_lines set reserved_cents = budget_lines.reserved_cents - ${amount}, pending_cents = budget_lines.pending_cents + ${amount}
          where budget_lines.id = ${a.budgetLineId} and budget_lines.year = ${a.budgetYear} and budget_lines.reserved_cents >= ${amount}
            and exists (select 1 from ledger_year) returning 1
        ), entry as (
          insert into time_entries (id, assignment_id, specialist_id, worked_on, minutes, activity, description, rate_cents, amount_cents, budget_year, budget_line_id,
            status, created_by, created_at, idempotency_key)
          select ${id}::uuid, ${assignmentId}::uuid, ${a.specialistId}::uuid, ${body.workedOn}::date, ${body.minutes}::integer, ${body.activity}::text,
            ${body.description}::text, ${rateCents}::bigint, ${amount}::bigint, ${year}::integer, ${a.budgetLineId}::uuid,
            'submitted', ${actor.userId}::uuid, ${now.toISOString()}::timestamptz, ${null}::text
          where exists (select 1 from ledger_line)
          returning 1
        )
        select exists (select 1 from day) as day, exists (select 1 from fitted) as fitted, exists (select 1 from ledger_year) as year,
          exists (select 1 from ledger_line) as line, exists (select 1 from entry) as entry`,
      ]);
      if (!written?.day) return refuse(409, 'day-limit-exceeded');
      if (!written.fitted) return refuse(409, 'estimate-exceeded');
      if (!written.entry) return refuse(409, 'budget-exceeded');
      // The product answers with what it read and wrote (no read after the commit).
      return {
        id,
        assignmentId,
        requestId: a.requestId,
        requestReference: a.requestReference,
        specialistId: a.specialistId,
        specialistName: a.specialistName,
        workedOn: body.workedOn,
        minutes: body.minutes,
        activity: body.activity,
        description: body.description,
        rateCents,
        amountCents: amount,
        status: 'submitted',
        rejectReason: null,
        reviewedAt: null,
        reviewerName: null,
        createdAt: now.toISOString(),
        correctsEntryId: null,
      };
    });
    return reply.code(201).send(entry);
  } catch (error) {
    return answerRefusal(reply, error);
  }
});

app.patch('/api/v1/time-entries/:id', async (request, reply) => {
  const actor = await actorOf(request, reply, ['coordinator']);
  if (!actor) return;
  const id = (request.params as { id: string }).id;
  const status = (request.body as { status: string }).status;
  if (status !== 'approved') return reply.code(400).send({ type: 'validation-failed' });
  try {
    // The product answers with the row it locked and what it wrote (no read after the commit).
    return await sql.begin(async (tx) => {
      const [entry] = await entryById(tx, id, true);
      if (!entry) return refuse(404, 'not-found');
      if (entry.specialistUserId === actor.userId) return refuse(403, 'separation-of-duties');
      if (entry.status !== 'submitted') return refuse(409, 'invalid-transition');
      await tx`select pg_advisory_xact_lock_shared(hashtext(${monthKey(String(entry.workedOn))}))`;
      const [closed] = await tx`select month from closed_periods where month = ${String(entry.workedOn).slice(0, 7)}`;
      if (closed) return refuse(409, 'period-closed');
      const amount = Number(entry.amountCents);
      const reviewedAt = new Date();
      // The audit event and the movement with the entry's status, sent together (one round trip).
      const [, moved] = await Promise.all([
        tx`
        insert into audit_events (actor_id, action, object_type, object_id, result, ip, user_agent, details)
        values (${actor.userId}, ${'approve'}, ${'time-entry'}, ${id}, ${'success'}, ${request.ip}, ${request.headers['user-agent'] ?? null},
          ${JSON.stringify({ amountCents: amount })})`,
        tx`
        with ledger_year as (
          update budgets set pending_cents = budgets.pending_cents + ${-amount}, spent_cents = budgets.spent_cents + ${amount}
          where budgets.year = ${entry.budgetYear} and budgets.pending_cents >= ${amount} returning 1
        ), ledger_line as (
          update budget_lines set pending_cents = budget_lines.pending_cents + ${-amount}, spent_cents = budget_lines.spent_cents + ${amount}
          where budget_lines.id = ${entry.budgetLineId} and budget_lines.year = ${entry.budgetYear} and budget_lines.pending_cents >= ${amount}
            and exists (select 1 from ledger_year) returning 1
        )
        update time_entries set status = ${'approved'}, reviewed_by = ${actor.userId}, reviewed_at = ${reviewedAt}
        where time_entries.id = ${id} and exists (select 1 from ledger_line) returning id`,
      ]);
      if (moved.length === 0) return refuse(409, 'conflict');
      return { ...entry, status: 'approved', reviewedAt, reviewerName: actor.displayName };
    });
  } catch (error) {
    return answerRefusal(reply, error);
  }
});

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(`port ${typeof address === 'object' && address ? address.port : 0}`);
const stop = async () => {
  await app.close();
  await sql.end();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
