import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schema } from '@duidingspool/db';
import { getTableName } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type ModuleName, TABLE_OWNERS, type TableName } from './table-owners.ts';

// A read model is a file of the module whose page it serves, named for it with the suffix
// "read-model" (budgets/budget-page.read-model.ts, for one); it may read other modules' tables,
// never write them (table-owners.test.ts holds that), and says which ones it reads: in its own
// comments and in docs/architecture.md (decision 054).

const MODULES = fileURLToPath(new URL('.', import.meta.url));
const ARCHITECTURE = readFileSync(fileURLToPath(new URL('../../../docs/architecture.md', import.meta.url)), 'utf8');

function readModelFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return readModelFiles(path);
    return e.name.endsWith('.read-model.ts') ? [path] : [];
  });
}

/** The SQL names of the tables `source` reads through `schema.<table>` that `module` does not own, sorted. */
function foreignTables(source: string, module: string): string[] {
  const names = new Set<string>();
  for (const [, key] of source.matchAll(/\bschema\.(\w+)/g)) {
    if (key && key in TABLE_OWNERS && TABLE_OWNERS[key as TableName] !== module) names.add(getTableName(schema[key as TableName]));
  }
  return [...names].sort();
}

/** The text of every comment in `source` (line and block comments). */
const commentsOf = (source: string) => [...source.matchAll(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g)].map((m) => m[0]).join('\n');

const readModels = readModelFiles(MODULES).map((path) => {
  const file = relative(MODULES, path).split(sep).join('/');
  const module = file.split('/')[0] as ModuleName;
  const source = readFileSync(path, 'utf8');
  return { file, path: `server/src/modules/${file}`, module, source, foreign: foreignTables(source, module) };
});

describe('reads across modules go through a read model named as such (decision 054)', () => {
  it('finds the tables of other modules a source reads, by their SQL names', () => {
    const source = 'db.select().from(schema.timeEntries).innerJoin(schema.users, on).innerJoin(schema.ledgerDayTotals, on2); schemaX.users';
    expect(foreignTables(source, 'budgets')).toEqual(['time_entries', 'users']);
    expect(foreignTables(source, 'users')).toEqual(['ledger_day_totals', 'time_entries']);
  });

  it('has the read models of the budget page and of the pool', () => {
    expect(readModels.map((r) => r.file).sort()).toEqual(
      expect.arrayContaining(['budgets/budget-page.read-model.ts', 'budgets/ledger-lines.read-model.ts', 'specialists/pool.read-model.ts']),
    );
  });

  it('each read model names, in its comments, every table of another module it reads', () => {
    const unnamed = readModels.flatMap((r) => {
      const comments = commentsOf(r.source);
      return r.foreign.filter((t) => !comments.includes(`\`${t}\``)).map((t) => `${r.path} reads \`${t}\` without naming it`);
    });
    expect(unnamed).toEqual([]);
  });

  it('docs/architecture.md lists each read model with every table of another module it reads', () => {
    const missing = readModels.flatMap((r) => {
      const row = ARCHITECTURE.split('\n').find((line) => line.includes(`\`${r.path}\``));
      if (!row) return [`${r.path} is not listed`];
      return r.foreign.filter((t) => !row.includes(`\`${t}\``)).map((t) => `${r.path}: \`${t}\` not listed`);
    });
    expect(missing).toEqual([]);
  });
});
