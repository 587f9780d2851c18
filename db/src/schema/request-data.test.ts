// The declaration of a request's data (request-data.ts) against the schema itself: a table that
// holds a request's rows cannot be added without saying how it is purged, and a text column cannot
// be added without saying whether it is case content.
import { getTableColumns, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from './index.ts';
import { CASE_CONTENT_FIELDS, LEDGER_PURGE_ORDER, REQUEST_DATA } from './request-data.ts';

const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable));
const nameOf = (t: PgTable) => getTableConfig(t).name;
const referencedBy = (t: PgTable) => getTableConfig(t).foreignKeys.map((fk) => fk.reference().foreignTable as PgTable);

/** Column types that can hold free text. */
const TEXT_TYPES = new Set(['PgText', 'PgVarchar', 'PgChar', 'PgArray', 'PgJson', 'PgJsonb']);

describe('request data declaration (retention, log redaction, personal-data guard)', () => {
  it('covers every table that references a request or an assignment, directly or through another such table', () => {
    // The closure over foreign keys, starting at the request: walked from the schema, not from the list.
    const holding = new Set<PgTable>([schema.interpretationRequests]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of tables) {
        if (!holding.has(t) && referencedBy(t).some((parent) => holding.has(parent))) {
          holding.add(t);
          grew = true;
        }
      }
    }
    expect(holding.has(schema.assignments)).toBe(true);
    expect(REQUEST_DATA.map((d) => nameOf(d.table)).sort()).toEqual([...holding].map(nameOf).sort());
  });

  it('classifies every text column of those tables as case content or not, exactly once', () => {
    for (const d of REQUEST_DATA) {
      const columns = getTableColumns(d.table);
      const text = Object.entries(columns)
        .filter(([, c]) => TEXT_TYPES.has(c.columnType))
        .map(([name]) => name)
        .sort();
      const content = Object.keys(d.caseContent);
      const declared = [...content, ...d.notCaseContent].sort();
      expect(declared, `${nameOf(d.table)}: text columns and their classification`).toEqual(text);
      expect(new Set(declared).size, `${nameOf(d.table)}: a column in both lists`).toBe(declared.length);
    }
  });

  it('purges a NOT NULL case-content column to an empty string, never to null', () => {
    for (const d of REQUEST_DATA) {
      const columns = getTableColumns(d.table);
      for (const [name, c] of Object.entries(d.caseContent)) {
        if (columns[name]?.notNull) expect(c?.purgeTo, `${nameOf(d.table)}.${name}`).toBe('');
      }
    }
  });

  it("finds a row's request through a column that references the request or an assignment", () => {
    for (const d of REQUEST_DATA) {
      if (d.owner.kind === 'self') {
        expect(d.table).toBe(schema.interpretationRequests);
        continue;
      }
      const column = d.owner.column;
      const fk = getTableConfig(d.table).foreignKeys.find((f) => f.reference().columns.includes(column as never));
      const target = d.owner.kind === 'request' ? schema.interpretationRequests : schema.assignments;
      expect(fk?.reference().foreignTable, `${nameOf(d.table)}.${column.name}`).toBe(target);
      expect(fk?.reference().foreignColumns[0]?.name).toBe('id');
    }
  });

  it('deletes every table before the tables it references', () => {
    expect(LEDGER_PURGE_ORDER).toHaveLength(REQUEST_DATA.length);
    LEDGER_PURGE_ORDER.forEach((d, i) => {
      const later = new Set(LEDGER_PURGE_ORDER.slice(i + 1).map((x) => x.table));
      const earlier = new Set(LEDGER_PURGE_ORDER.slice(0, i).map((x) => x.table));
      for (const parent of referencedBy(d.table)) {
        if (parent === d.table) continue;
        expect(earlier.has(parent), `${nameOf(d.table)} after ${nameOf(parent)}`).toBe(false);
        if (REQUEST_DATA.some((x) => x.table === parent)) expect(later.has(parent)).toBe(true);
      }
    });
    expect(LEDGER_PURGE_ORDER.at(-1)?.table).toBe(schema.interpretationRequests);
  });

  it('names the case-content fields the log and the personal-data guard use', () => {
    // The fields the issue found unredacted are among them, with every alias of a reason.
    for (const field of [
      'caseReference',
      'question',
      'context',
      'summary',
      'body',
      'description',
      'reason',
      'declineReason',
      'rejectReason',
      'correctionReason',
      'decisionReason',
    ]) {
      expect(CASE_CONTENT_FIELDS).toContain(field);
    }
    expect(CASE_CONTENT_FIELDS).not.toContain('status');
    expect(CASE_CONTENT_FIELDS).not.toContain('reference');
  });
});
