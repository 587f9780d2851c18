// The docs path check (scripts/check-doc-paths.mjs) on a small project of its own: every kind of
// reference the rule names is either accepted or reported, with its file and line.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('./check-doc-paths.mjs', import.meta.url));
let root: string;

function write(path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

function check() {
  const run = spawnSync(process.execPath, [SCRIPT, root], { encoding: 'utf8' });
  const missing = run.stderr
    .split('\n')
    .filter((l) => l.startsWith('  '))
    .map((l) => l.trim());
  return { status: run.status, missing };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'doc-paths-'));
  execFileSync('git', ['init', '-q'], { cwd: root });
  write('.gitignore', 'dist/\n.data/\n');
  write('package.json', '{}');
  write('docs/design.md', '# design\n');
  write('docs/decisions/001-one.md', '# 001\n');
  write('db/migrations/0001_first.sql', '-- DESIGN.md here is never read: applied migrations are left alone\n');
  write('server/package.json', '{}');
  write('server/src/ledger.ts', 'export const x = 1;\n');
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

// Each run starts node and loads the TypeScript parser: seconds on a busy machine.
describe('check-doc-paths', { timeout: 60_000 }, () => {
  it('accepts paths that exist (from the root, the file, its package; bare names anywhere) and built output git ignores', () => {
    write(
      'docs/README.md',
      [
        'See [the design](design.md), `docs/design.md` §5, decision 001 and migration 0001.',
        'The ledger: `server/src/ledger.ts`, `ledger.ts`; the bundle `server/dist/server.mjs`; `.data/`.',
        'Not paths: https://example.nl/x.md, `/api/v1/items.json`, @fastify/jwt, Node.js, and/or, `docs/decisions/NNN-title.md`.',
        '```',
        'MISSING-IN-A-FENCE.md',
        '```',
      ].join('\n'),
    );
    write('server/src/uses.ts', '// see src/ledger.ts and docs/design.md §2\nconst s = "// OUTSIDE.md is a string, not a comment";\nexport { s };\n');
    expect(check()).toEqual({ status: 0, missing: [] });
  });

  it('reports every missing file, decision and migration with file:line, in comments and docs alike', () => {
    write('docs/bad.md', 'See `DESIGN.md` and [the plan](plan/missing.md).\nAlso docs/nope.md, decision 099 and migration 0042.\n');
    write('server/src/bad.ts', '/**\n * Rules: CONVENTIONS.md, checks/contract-smoke.mjs\n */\nexport {};\n');
    write('db/queries.sql', 'select 1; -- see STACK.md\n');
    const result = check();
    expect(result.status).toBe(1);
    expect(result.missing).toEqual(
      [
        'db/queries.sql:1  STACK.md',
        'docs/bad.md:1  DESIGN.md',
        'docs/bad.md:1  plan/missing.md',
        'docs/bad.md:2  db/migrations/0042_*.sql',
        'docs/bad.md:2  docs/decisions/099-*.md',
        'docs/bad.md:2  docs/nope.md',
        'server/src/bad.ts:2  CONVENTIONS.md',
        'server/src/bad.ts:2  checks/contract-smoke.mjs',
      ].sort(),
    );
  });
});
