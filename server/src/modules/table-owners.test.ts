import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schema } from '@duidingspool/db';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { GENERIC_WRITER, TABLE_OWNERS } from './table-owners.ts';
import { findTableWrites, type TableWrite } from './table-writes.ts';

const SERVER_SRC = fileURLToPath(new URL('..', import.meta.url));
const SCHEMA_DIR = fileURLToPath(new URL('../../../db/src/schema/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** Every write in server/src (tests excluded), with the module it sits in (`lib`, `plugins`… for code outside modules). */
function writesInServer(): (TableWrite & { module: string })[] {
  return sourceFiles(SERVER_SRC).flatMap((path) => {
    const file = relative(SERVER_SRC, path).split(sep).join('/');
    const [top, name] = file.split('/');
    const module = top === 'modules' && name && !name.includes('.') ? name : (top ?? file);
    return findTableWrites(readFileSync(path, 'utf8'), file).map((w) => ({ ...w, module }));
  });
}

describe('each table has one owning module, the only one that writes it (decision 050)', () => {
  it('names an owner for every table of the schema', () => {
    const tables = Object.entries(schema)
      .filter(([, v]) => is(v, PgTable))
      .map(([k]) => k)
      .sort();
    expect(Object.keys(TABLE_OWNERS).sort()).toEqual(tables);
  });

  it('defines each table in the schema file named after its owner, and nothing else there', () => {
    // Every `export const x = pgTable(` under db/src/schema, by file; the expected layout is TABLE_OWNERS itself.
    const definedIn: Record<string, string[]> = {};
    for (const name of readdirSync(SCHEMA_DIR).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      const tables = [...readFileSync(join(SCHEMA_DIR, name), 'utf8').matchAll(/^export const (\w+) = pgTable\(/gm)].map((m) => m[1] as string);
      if (tables.length > 0) definedIn[name] = tables.sort();
    }
    const owners = [...new Set(Object.values(TABLE_OWNERS))];
    const expected = Object.fromEntries(
      owners.map((owner) => [
        `${owner}.ts`,
        Object.keys(TABLE_OWNERS)
          .filter((table) => TABLE_OWNERS[table as keyof typeof TABLE_OWNERS] === owner)
          .sort(),
      ]),
    );
    expect(definedIn).toEqual(expected);
  });

  it('finds writes by name, through aliases in enclosing blocks, and generic ones; skips other calls of the same name', () => {
    const source = `
      const r = schema.interpretationRequests;
      async function f(tx) {
        await tx.insert(schema.auditEvents).values({});
        const a = schema.assignments;
        if (x) { await tx.update(a).set({}); }
        await tx.delete(r).where(w);
        for (const d of ORDER) await tx.delete(d.table);
        createHash('sha256').update(text);
        app.delete('/sessions/current', {}, h);
      }`;
    expect(findTableWrites(source, 'x.ts').map((w) => `${w.kind} ${w.table}`)).toEqual([
      'insert auditEvents',
      'update assignments',
      'delete interpretationRequests',
      'delete *',
    ]);
  });

  it('no module writes a table it does not own', () => {
    const strays = writesInServer()
      .filter((w) => (w.table === '*' ? w.module !== GENERIC_WRITER : TABLE_OWNERS[w.table as keyof typeof TABLE_OWNERS] !== w.module))
      .map(
        (w) =>
          `${w.file}:${w.line} ${w.kind}s ${w.table === '*' ? 'a table generically' : `${w.table} (${getTableName(schema[w.table as keyof typeof TABLE_OWNERS])}), owned by ${TABLE_OWNERS[w.table as keyof typeof TABLE_OWNERS]}`}`,
      );
    expect(strays).toEqual([]);
  });
});
