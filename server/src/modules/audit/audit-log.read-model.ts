import { schema } from '@duidingspool/db';
import { type Placeholder, type SQL, sql } from 'drizzle-orm';

// The audit log in words (decision 122): the object of an event named by what people know it by
// instead of its id. Reads `interpretation_requests`, `assignments`, `time_entries`,
// `extension_requests`, `users`, `specialists`, `case_tables`, `municipalities`,
// `knowledge_products`, `financial_statements` and `offers`; writes nothing.

const ev = schema.auditEvents;
const r = schema.interpretationRequests;
const a = schema.assignments;
const te = schema.timeEntries;
const x = schema.extensionRequests;
const u = schema.users;
const s = schema.specialists;
const ct = schema.caseTables;
const m = schema.municipalities;
const kp = schema.knowledgeProducts;
const fs = schema.financialStatements;
const of = schema.offers;

/** The event's object id as a uuid when it is one, else null (routes, codes and years are not). */
const objectUuid = sql`(case when ${ev.objectId} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then ${ev.objectId}::uuid end)`;

/**
 * The object of an audit event in words (`objectLabel`): the pool reference of a request and of the
 * assignment, time entry or extension request on it; the display name of a user or of a
 * specialist; the name of a casustafel or municipality (by code); a knowledge product's or an
 * offer's title; a financial statement's year; null for anything else. An
 * object that is gone (a purged request) has no label.
 */
export function objectLabel(): SQL<string | null> {
  return sql<string | null>`case ${ev.objectType}
    when 'interpretation-request' then (select ${r.reference} from ${r} where ${r.id} = ${objectUuid})
    when 'assignment' then (select ${r.reference} from ${a} join ${r} on ${r.id} = ${a.requestId} where ${a.id} = ${objectUuid})
    when 'time-entry' then (select ${r.reference} from ${te} join ${a} on ${a.id} = ${te.assignmentId} join ${r} on ${r.id} = ${a.requestId} where ${te.id} = ${objectUuid})
    when 'extension-request' then (select ${r.reference} from ${x} join ${a} on ${a.id} = ${x.assignmentId} join ${r} on ${r.id} = ${a.requestId} where ${x.id} = ${objectUuid})
    when 'user' then (select ${u.displayName} from ${u} where ${u.id} = ${objectUuid})
    when 'specialist' then (select ${u.displayName} from ${s} join ${u} on ${u.id} = ${s.userId} where ${s.id} = ${objectUuid})
    when 'case-table' then (select ${ct.name} from ${ct} where ${ct.code} = ${ev.objectId})
    when 'municipality' then (select ${m.name} from ${m} where ${m.cbsCode} = ${ev.objectId})
    when 'knowledge-product' then (select ${kp.title} from ${kp} where ${kp.id} = ${objectUuid})
    when 'financial-statement' then (select ${fs.year}::text from ${fs} where ${fs.id} = ${objectUuid})
    when 'offer' then (select ${of.title} from ${of} where ${of.id} = ${objectUuid})
  end`;
}

/**
 * The events about the request with pool reference `ref` (upper case, as references are stored; a
 * placeholder for a statement built once) and about everything on it: its assignments, their time
 * entries and extension requests.
 */
export function aboutReference(ref: string | Placeholder): SQL {
  return sql`(
    (${ev.objectType} = 'interpretation-request' and ${ev.objectId} in (select ${r.id}::text from ${r} where ${r.reference} = ${ref}))
    or (${ev.objectType} = 'assignment' and ${ev.objectId} in (select ${a.id}::text from ${a} join ${r} on ${r.id} = ${a.requestId} where ${r.reference} = ${ref}))
    or (${ev.objectType} = 'time-entry' and ${ev.objectId} in (
      select ${te.id}::text from ${te} join ${a} on ${a.id} = ${te.assignmentId} join ${r} on ${r.id} = ${a.requestId} where ${r.reference} = ${ref}))
    or (${ev.objectType} = 'extension-request' and ${ev.objectId} in (
      select ${x.id}::text from ${x} join ${a} on ${a.id} = ${x.assignmentId} join ${r} on ${r.id} = ${a.requestId} where ${r.reference} = ${ref}))
  )`;
}
