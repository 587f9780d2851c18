// Statuses and the lists made of them live once, in shared/ (docs/design.md §2: limits, labels and
// statuses come from shared/). The sources of server/ and web/ are parsed and every list of two or
// more known status values fails with its file and line: an array literal (`['in-progress',
// 'advice-delivered']`, also inside `new Set(…)` or `inArray(…)`), a union type (`'proposed' |
// 'accepted'`), a chain of comparisons (`s === 'declined' || s === 'cancelled'`) and an SQL list in a
// string or template (`status in ('proposed', 'accepted')`). A new list belongs in shared/ with a name
// that says what it is for, or the server says per item what may be done (`allowedActions`).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ASSIGNMENT_STATUSES,
  EXTENSION_STATUSES,
  NotificationStatusSchema,
  PERIOD_STATUSES,
  REQUEST_STATUSES,
  TIME_ENTRY_STATUSES,
} from '@duidingspool/shared';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCANNED = ['server/src', 'web/src'];

/** Every status value of the shared enums. */
const STATUSES = new Set<string>([
  ...REQUEST_STATUSES,
  ...ASSIGNMENT_STATUSES,
  ...TIME_ENTRY_STATUSES,
  ...EXTENSION_STATUSES,
  ...PERIOD_STATUSES,
  ...NotificationStatusSchema.options,
]);

/**
 * Lists that share words with a status enum but are another vocabulary, by file, with the values
 * found and why they are not a status list.
 */
const NOT_STATUS_LISTS: Record<string, string[]> = {
  // The outcome of one delivery attempt: 'sent' | 'retried' | 'failed'.
  'server/src/modules/notifications/worker.ts': ['sent, failed'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    // Tests state expected values; the rule is about the code that decides.
    return /\.(ts|tsx|mts)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const isText = (node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);

/** The status values `node` names when it is a string literal (or a literal type of one). */
function statusOf(node: ts.Node): string | undefined {
  const literal = ts.isLiteralTypeNode(node) ? node.literal : node;
  return isText(literal) && STATUSES.has(literal.text) ? literal.text : undefined;
}

/**
 * The status values one subject is compared with directly in a chain: `x === 'a' || x === 'b'`
 * (or `x !== 'a' && x !== 'b'`), per subject. Comparisons nested in another operator
 * (`(x === 'a' && y) || …`) are logic, not a list, and are left out.
 */
function comparedStatuses(chain: ts.BinaryExpression): Map<string, Set<string>> {
  const op = chain.operatorToken.kind;
  const equal = op === ts.SyntaxKind.BarBarToken;
  const found = new Map<string, Set<string>>();
  const walk = (n: ts.Expression): void => {
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === op) {
      walk(n.left);
      walk(n.right);
      return;
    }
    if (!ts.isBinaryExpression(n)) return;
    const k = n.operatorToken.kind;
    const matches = equal
      ? k === ts.SyntaxKind.EqualsEqualsEqualsToken || k === ts.SyntaxKind.EqualsEqualsToken
      : k === ts.SyntaxKind.ExclamationEqualsEqualsToken || k === ts.SyntaxKind.ExclamationEqualsToken;
    if (!matches) return;
    const [subject, value] = statusOf(n.right) ? [n.left, statusOf(n.right)] : [n.right, statusOf(n.left)];
    if (!value) return;
    const key = subject.getText();
    found.set(key, (found.get(key) ?? new Set()).add(value));
  };
  walk(chain);
  return found;
}

const QUOTED = /'([a-z-]+)'/g;

/** Every list of two or more status values in the source `text` of `file`, as `file:line: values`. */
function findStatusLists(file: string, text: string): string[] {
  const found: string[] = [];
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const report = (node: ts.Node, values: string[]) =>
    found.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${[...new Set(values)].join(', ')}`);
  const isChain = (node: ts.Node): node is ts.BinaryExpression =>
    ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.BarBarToken || node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken);
  const visit = (node: ts.Node): void => {
    if (ts.isArrayLiteralExpression(node)) {
      const values = node.elements.map(statusOf).filter((s) => s !== undefined);
      if (values.length >= 2) report(node, values);
    } else if (ts.isUnionTypeNode(node)) {
      const values = node.types.map(statusOf).filter((s) => s !== undefined);
      if (values.length >= 2) report(node, values);
    } else if (isChain(node) && !(isChain(node.parent) && node.parent.operatorToken.kind === node.operatorToken.kind)) {
      // The whole chain once, from its top.
      for (const values of comparedStatuses(node).values()) if (values.size >= 2) report(node, [...values]);
    } else if (isText(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const values = [...node.text.matchAll(QUOTED)].map((m) => m[1] as string).filter((s) => STATUSES.has(s));
      if (values.length >= 2) report(node, values);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('status lists', () => {
  it('exist only in shared/', () => {
    const found = SCANNED.flatMap((dir) =>
      sourceFiles(join(ROOT, dir)).flatMap((path) => {
        const file = relative(ROOT, path);
        const allowed = NOT_STATUS_LISTS[file] ?? [];
        return findStatusLists(file, readFileSync(path, 'utf8')).filter((f) => !allowed.includes(f.slice(f.indexOf(': ') + 2)));
      }),
    );
    expect(found).toEqual([]);
  }, 60_000);

  it('are found in each form the scan looks for, and a single status is not a list', () => {
    const probe = [
      "const a = new Set(['in-progress', 'advice-delivered']);",
      "type B = 'proposed' | 'accepted' | null;",
      "const c = s === 'declined' || done || s === 'cancelled';",
      "const d = sql`a.status in ('proposed', 'accepted')`;",
      "const e = s === 'draft' || t === 'x'; const f = ['draft', 'x']; type G = 'submitted' | 'other';",
      "const h = (s === 'declined' && a) || (s === 'cancelled' && b); const i = s !== 'draft' && t !== 'closed';",
      "const j = s !== 'draft' && s !== 'closed';",
    ].join('\n');
    expect(findStatusLists('probe.ts', probe)).toEqual([
      'probe.ts:1: in-progress, advice-delivered',
      'probe.ts:2: proposed, accepted',
      'probe.ts:3: declined, cancelled',
      'probe.ts:4: proposed, accepted',
      'probe.ts:7: draft, closed',
    ]);
  });
});
