// Rows are typed from the drizzle schema, statuses included (decision 052): the modules read a row's
// fields as the columns type them, so no field is cast (`row.minutes as number`, `r.status as
// AssignmentStatus`), and drizzle takes SQL for any column, so no value is forced with `as never`.
// The module sources are parsed and every such cast fails with its file and line.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const MODULES = fileURLToPath(new URL('.', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : [];
  });
}

/** `(x)` → `x`. */
function unparenthesised(node: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(node) ? unparenthesised(node.expression) : node;
}

/**
 * Casts in one source file that stand in for a typed row: `x.field as T` (a field read and then
 * asserted) and `… as never` (a value forced past the column's type). `as const` is no cast.
 */
function findRowCasts(source: string, file: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
      const forced = node.type.kind === ts.SyntaxKind.NeverKeyword;
      const field = ts.isPropertyAccessExpression(unparenthesised(node.expression));
      if (forced || field) {
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        found.push(`${file}:${line} ${node.getText(sf)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('rows typed from the schema (decision 052)', () => {
  it('finds a cast field, a forced value and a cast through parentheses; leaves `as const` and other casts alone', () => {
    const source = `
      const a = row.minutes as number;
      const b = (row.closedAt as Date | null) ?? null;
      await tx.update(t).set({ usedAt: sql\`now()\` as never });
      const c = ['x', 'y'] as const;
      const d = m[1] as string;
      const e = JSON.parse(text) as Json;`;
    expect(findRowCasts(source, 'x.ts')).toEqual(['x.ts:2 row.minutes as number', 'x.ts:3 row.closedAt as Date | null', 'x.ts:4 sql`now()` as never']);
  });

  it('no module casts a field or forces a value past a column type', () => {
    const casts = sourceFiles(MODULES).flatMap((path) => findRowCasts(readFileSync(path, 'utf8'), relative(MODULES, path).split(sep).join('/')));
    expect(casts).toEqual([]);
  });
});
