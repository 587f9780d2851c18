import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { assignments } from './assignments.ts';
import { extensionRequests } from './extension-requests.ts';
import {
  advice,
  adviceDrafts,
  interpretationRequests,
  requestExpertiseAreas,
  requestFeedback,
  requestMessageReads,
  requestMessages,
  requestReach,
  requestStatusEvents,
} from './interpretation-requests.ts';
import { timeEntries } from './time-entries.ts';

/**
 * The one declaration, per table, of what belongs to an interpretation request (docs/design.md §6):
 * which rows are the request's (through the request's id or one of its assignments' ids), which
 * text columns are **case content** (purged by the first retention clock, never logged, checked for
 * personal data) and which text columns are not. The retention job, the log redaction, the
 * personal-data guard and the tests read this list; nothing else names case content.
 *
 * A schema test fails when a table that references a request or an assignment (directly or through
 * another such table) is missing here, or when one of its text columns is in neither list.
 */

/** What the first retention clock leaves in a case-content column: an empty string or null. */
export type PurgedValue = '' | null;

/** One case-content column: what the purge leaves, and the API fields that carry the same text. */
export interface CaseContentColumn {
  /**
   * What the first retention clock writes in place of the text (NOT NULL columns: `''`); a column
   * that held no text (null) stays null.
   */
  purgeTo: PurgedValue;
  /**
   * Names under which the text travels in API bodies and responses, besides the column's own
   * property name (e.g. `reason` in `PATCH /assignments/{id}` becomes `declineReason`).
   */
  fields?: readonly string[];
}

type ColumnsOf<T extends PgTable> = T['_']['columns'];

/** The declaration of one table (see the module comment). */
export interface RequestDataTable<T extends PgTable = PgTable> {
  table: T;
  /**
   * How a row belongs to a request: `self` (the request row), or the column holding the id of the
   * request (`request`) or of one of the request's assignments (`assignment`).
   */
  owner: { kind: 'self' } | { kind: 'request'; column: PgColumn } | { kind: 'assignment'; column: PgColumn };
  /** Case-content text columns by property name. */
  caseContent: Partial<Record<keyof ColumnsOf<T> & string, CaseContentColumn>>;
  /** Every other text (or text array, or JSON) column by property name: codes, statuses, references. */
  notCaseContent: readonly (keyof ColumnsOf<T> & string)[];
}

function declare<T extends PgTable>(d: RequestDataTable<T>): RequestDataTable {
  return d as unknown as RequestDataTable;
}

/**
 * Every table holding a request's data. Order does not matter: the ledger purge derives its delete
 * order from the foreign keys (children before parents).
 */
export const REQUEST_DATA: readonly RequestDataTable[] = [
  declare({
    table: interpretationRequests,
    owner: { kind: 'self' },
    caseContent: {
      caseReference: { purgeTo: '' },
      question: { purgeTo: '' },
      context: { purgeTo: null },
      // Where a training or session takes place: no person, but free text like the question.
      place: { purgeTo: null },
    },
    notCaseContent: ['reference', 'type', 'urgency', 'deliverable', 'languages', 'audiences', 'status', 'retentionLastError'],
  }),
  declare({
    table: requestReach,
    owner: { kind: 'request', column: requestReach.requestId },
    // Counts per audience category: reach kept for reporting like the ledger.
    caseContent: {},
    notCaseContent: ['category'],
  }),
  declare({
    table: requestExpertiseAreas,
    owner: { kind: 'request', column: requestExpertiseAreas.requestId },
    caseContent: {},
    notCaseContent: ['expertiseAreaCode'],
  }),
  declare({
    table: requestStatusEvents,
    owner: { kind: 'request', column: requestStatusEvents.requestId },
    // The reason of a transition: decline, needs-information (the question to the table), the
    // table's answer, cancel, withdraw.
    caseContent: { reason: { purgeTo: null } },
    notCaseContent: ['fromStatus', 'toStatus', 'actorRole', 'reasonCode', 'changedFields'],
  }),
  declare({
    table: assignments,
    owner: { kind: 'request', column: assignments.requestId },
    caseContent: { declineReason: { purgeTo: null, fields: ['reason'] }, endReason: { purgeTo: null, fields: ['reason'] } },
    notCaseContent: ['status', 'closeCause'],
  }),
  declare({
    table: timeEntries,
    owner: { kind: 'assignment', column: timeEntries.assignmentId },
    caseContent: {
      description: { purgeTo: '' },
      rejectReason: { purgeTo: null, fields: ['reason'] },
      // A correction must keep a (non-null) reason: the CHECK time_entries_minutes asks for one.
      correctionReason: { purgeTo: '', fields: ['reason'] },
    },
    notCaseContent: ['activity', 'status', 'idempotencyKey'],
  }),
  declare({
    table: extensionRequests,
    owner: { kind: 'assignment', column: extensionRequests.assignmentId },
    caseContent: {
      reason: { purgeTo: '' },
      decisionReason: { purgeTo: null, fields: ['reason'] },
    },
    notCaseContent: ['status', 'decisionReasonCode'],
  }),
  declare({
    table: advice,
    owner: { kind: 'request', column: advice.requestId },
    // The specialist's reason for a correction (decision 114) reads like the advice it corrects.
    caseContent: { summary: { purgeTo: '' }, body: { purgeTo: '' }, correctionReason: { purgeTo: null, fields: ['reason'] } },
    notCaseContent: [],
  }),
  declare({
    table: adviceDrafts,
    owner: { kind: 'request', column: adviceDrafts.requestId },
    // The advice while it is written (autosaved): case content like the advice itself.
    caseContent: { summary: { purgeTo: '' }, body: { purgeTo: '' } },
    notCaseContent: [],
  }),
  declare({
    table: requestMessages,
    owner: { kind: 'request', column: requestMessages.requestId },
    // A message on the request's thread (decision 110): the body is case content.
    caseContent: { body: { purgeTo: '' } },
    notCaseContent: ['authorRole'],
  }),
  declare({
    table: requestMessageReads,
    owner: { kind: 'request', column: requestMessageReads.requestId },
    caseContent: {},
    notCaseContent: [],
  }),
  declare({
    table: requestFeedback,
    owner: { kind: 'request', column: requestFeedback.requestId },
    // The comment is case content; the structured answers are kept for reporting (docs/design.md §12).
    caseContent: { comment: { purgeTo: null } },
    notCaseContent: ['answered', 'changes'],
  }),
];

/**
 * Every field name under which case content travels (column property names plus their API
 * aliases), sorted: what the log redaction censors and what the personal-data guard accepts.
 */
export const CASE_CONTENT_FIELDS: readonly string[] = [
  ...new Set(REQUEST_DATA.flatMap((d) => Object.entries(d.caseContent).flatMap(([name, c]) => [name, ...((c as CaseContentColumn).fields ?? [])]))),
].sort();

/**
 * The order in which the ledger purge deletes a request's rows: every table before the tables its
 * foreign keys point at (children before parents; a table's references to itself, like a
 * correction's `corrects_entry_id`, are resolved inside one DELETE). Derived from the schema's
 * foreign keys, so a new reference cannot make the purge fail on a constraint.
 *
 * @throws Error at import when the declared tables reference each other in a cycle
 */
export const LEDGER_PURGE_ORDER: readonly RequestDataTable[] = (() => {
  const parentsOf = new Map<RequestDataTable, Set<PgTable>>();
  for (const d of REQUEST_DATA) {
    parentsOf.set(d, new Set(getTableConfig(d.table).foreignKeys.map((fk) => fk.reference().foreignTable as PgTable)));
  }
  const order: RequestDataTable[] = [];
  const left = new Set(REQUEST_DATA);
  while (left.size > 0) {
    // A table may go once no table still left references it (other than itself).
    const next = [...left].find((d) => ![...left].some((other) => other !== d && parentsOf.get(other)?.has(d.table)));
    if (!next) throw new Error('request tables reference each other in a cycle: no purge order');
    order.push(next);
    left.delete(next);
  }
  return order;
})();
