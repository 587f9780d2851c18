// Every regular expression over user input runs in linear time (docs/design.md §6, decision 040).
// The patterns are not listed by hand: the sources of shared/, server/, web/ and db/ are parsed and
// every regular-expression literal is checked with a ReDoS checker (recheck), so a new pattern is
// checked the day it is written. Patterns built at run time (`new RegExp`) cannot be read from the
// source: each file that builds one is listed below with the built patterns, and a new one fails
// until it is listed. zod's own patterns for the string formats the contracts use are checked too.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IdSchema, InstantSchema, PasswordResetRequestBodySchema } from '@duidingspool/shared';
import { check } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ADDR_SPEC } from './modules/notifications/addresses.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCANNED = ['shared/src', 'server/src', 'web/src', 'db/src'];

/** Files that build a pattern at run time, with the patterns they build. */
const BUILT_AT_RUN_TIME: Record<string, RegExp[]> = {
  'server/src/modules/notifications/addresses.ts': [ADDR_SPEC],
};

interface Found {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    // Tests never see user input; everything else does or may.
    return /\.(ts|tsx|mts)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every regular-expression literal, every `RegExp` construction and every `.match('…')`-style string pattern. */
function scan() {
  const literals: Found[] = [];
  const builtIn = new Map<string, number>();
  const stringPatterns: string[] = [];
  for (const dir of SCANNED) {
    for (const path of sourceFiles(join(ROOT, dir))) {
      const file = relative(ROOT, path);
      const text = readFileSync(path, 'utf8');
      const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
      const at = (node: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      const visit = (node: ts.Node): void => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const literal = node.getText();
          const slash = literal.lastIndexOf('/');
          literals.push({ where: at(node), source: literal.slice(1, slash), flags: literal.slice(slash + 1) });
        }
        if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
          builtIn.set(file, (builtIn.get(file) ?? 0) + 1);
        }
        // `s.match('a+')`, `matchAll` and `search` turn a string into a regular expression.
        if (
          ts.isCallExpression(node) &&
          ts.isPropertyAccessExpression(node.expression) &&
          ['match', 'matchAll', 'search'].includes(node.expression.name.text) &&
          node.arguments[0] !== undefined &&
          (ts.isStringLiteral(node.arguments[0]) || ts.isNoSubstitutionTemplateLiteral(node.arguments[0]) || ts.isTemplateExpression(node.arguments[0]))
        ) {
          stringPatterns.push(at(node));
        }
        node.forEachChild(visit);
      };
      visit(sf);
    }
  }
  return { literals, builtIn, stringPatterns };
}

const { literals, builtIn, stringPatterns } = scan();

async function expectLinear(source: string, flags: string) {
  // A fixed seed for the fuzz checker (used where the automaton checker cannot decide, e.g. with
  // look-around): its attack strings, and so its verdict, are the same on every run.
  const result = await check(source, flags, { timeout: 60_000, randomSeed: 1 });
  // `safe`: no input makes a backtracking search super-linear. `vulnerable` names an attack string;
  // `unknown` (the checker gave up) is not good enough either.
  expect({ status: result.status, attack: result.status === 'vulnerable' ? result.attack.pattern : undefined }).toEqual({
    status: 'safe',
    attack: undefined,
  });
}

describe('every regular expression over user input runs in linear time', () => {
  it('finds the patterns (the scan itself works)', () => {
    // The personal-data guard alone has more than ten; a scan that finds few is broken.
    expect(literals.filter((l) => l.where.startsWith('shared/src/personal-data.ts')).length).toBeGreaterThan(10);
    expect(literals.length).toBeGreaterThan(50);
  });

  it.each(literals.map((l) => [`${l.where} /${l.source}/${l.flags}`, l] as const))(
    '%s',
    async (_name, literal) => {
      await expectLinear(literal.source, literal.flags);
    },
    60_000,
  );

  it('lists every file that builds a pattern at run time, with the patterns it builds', () => {
    expect(Object.fromEntries(builtIn)).toEqual(Object.fromEntries(Object.entries(BUILT_AT_RUN_TIME).map(([file, res]) => [file, res.length])));
  });

  it.each(Object.entries(BUILT_AT_RUN_TIME).flatMap(([file, res]) => res.map((re) => [`${file} ${re}`, re] as const)))(
    '%s',
    async (_name, re) => {
      await expectLinear(re.source, re.flags);
    },
    60_000,
  );

  it('turns no string into a pattern with match, matchAll or search', () => {
    expect(stringPatterns).toEqual([]);
  });

  // zod's own patterns for the formats in the contracts: ids, instants, e-mail addresses.
  it.each([
    ['uuid (ids)', IdSchema],
    ['datetime (instants)', InstantSchema],
    ['email', PasswordResetRequestBodySchema.shape.email.def.out],
  ] as const)(
    'zod format %s',
    async (_name, schema) => {
      const pattern = (schema as unknown as { _zod: { def: { pattern?: RegExp } } })._zod.def.pattern;
      expect(pattern).toBeInstanceOf(RegExp);
      if (pattern) await expectLinear(pattern.source, pattern.flags);
    },
    60_000,
  );
});
