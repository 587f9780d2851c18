import ts from 'typescript';

/** One write found in the source: `.insert(t)`, `.update(t)` or `.delete(t)` on a drizzle table. */
export interface TableWrite {
  /** The schema's export name (`timeEntries`), or `*` for a table passed in generically (`d.table`). */
  table: string;
  kind: 'insert' | 'update' | 'delete';
  file: string;
  line: number;
}

const WRITES: readonly TableWrite['kind'][] = ['insert', 'update', 'delete'];

/** `schema.X` → `X`; anything else → null. */
function schemaMember(node: ts.Expression): string | null {
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'schema') return node.name.text;
  return null;
}

/** The initializer of the nearest declaration of `name` visible from `from` (block scopes, then the file). */
function declaredAs(name: string, from: ts.Node): ts.Expression | null {
  for (let scope: ts.Node | undefined = from.parent; scope; scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer) return d.initializer;
      }
    }
  }
  return null;
}

/**
 * Every drizzle write in one source file: calls `.insert(t)`, `.update(t)`, `.delete(t)` whose one
 * argument is `schema.X`, a local alias of it (`const r = schema.interpretationRequests`, resolved
 * through the enclosing blocks), or a table taken from a declaration (`d.table`, reported as `*`).
 * Other calls with those names (`hash.update(text)`, `app.delete('/path', …)`) are not writes and
 * are skipped.
 */
export function findTableWrites(source: string, file: string): TableWrite[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: TableWrite[] = [];
  const visit = (node: ts.Node) => {
    const called = ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : null;
    const kind = WRITES.find((k) => k === called);
    const [arg, ...rest] = ts.isCallExpression(node) ? node.arguments : [];
    if (kind && arg && rest.length === 0) {
      let table = schemaMember(arg);
      if (!table && ts.isIdentifier(arg)) {
        const init = declaredAs(arg.text, node);
        table = init ? schemaMember(init) : null;
      }
      if (!table && ts.isPropertyAccessExpression(arg) && arg.name.text === 'table') table = '*';
      if (table) {
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        found.push({ table, kind, file, line });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
