// The baseline of `pnpm bench`: a bare Fastify + postgres.js server answering the benchmarked
// list calls with the same SQL as the product (the filter, joins, columns, order, id tiebreaker,
// cursor seek and the count capped at 1,001 of `page()`, decision 071) and the same cookie check
// (the HS256 session JWT, then the session row joined to the user with roles, casustafels and
// specialist id). No validation, no OpenAPI, no error mapping, no audit: what the product adds on
// top of its SQL is what the benchmark's ratio measures.
//
// Env: BENCH_DB_URL (database), BENCH_JWT_SECRET (the product's secret), BENCH_IDLE_SECONDS. Prints
// `port <n>` on stdout when listening.
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
