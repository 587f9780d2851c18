#!/usr/bin/env node
// Every file path named in the documentation (Markdown: docs/, the READMEs) and in code comments
// (TypeScript and JavaScript, SQL, CSS) must exist in the project, so a doc never sends a reader to a
// file that was moved, renamed or never there. Run by `pnpm lint`; exits 1 listing `file:line  path`.
//
// What counts as a path (in Markdown text, inline code, link targets, and comment text alike):
//   - a token ending in a known extension (.md .ts .tsx .mjs .cjs .js .json .sql .yaml .yml .css .html),
//     with or without a folder: `docs/design.md`, `budget-ledger.ts`;
//     A placeholder (`NNN-title.md`), a glob (`server/src/**/*.test.ts`) or an ellipsis (`030-…`) ends the
//     path before its segment;
//   - a token with a slash whose first segment is a top-level entry of the project, `.` or `..`
//     (`server/src/modules/`, `db/migrations`), or a Markdown link target.
// A decision or migration named by number ("decision 041", "migration 0001") must exist too, as
// docs/decisions/041-*.md and db/migrations/0001_*.sql.
// Not paths: URLs (`scheme://`, `mailto:`), URL paths (`/api/v1/…`), npm package names (`@scope/x`),
// environment-variable prefixes (`DATA_DIR/secrets.json`), and globs beyond their first wildcard.
// A path resolves against the naming file's folder, its workspace package, or the project root; a bare
// file name (no folder) exists when a project file has that name. Paths git ignores (`server/dist/`,
// `.data/`) name what the project builds or writes at run time and are accepted.
// Not scanned: applied migrations (db/migrations, never edited once released) and the vendored
// Spectral ruleset with its provenance note (docs/adr), as biome.json also leaves them.
//
// Every regular expression here is a single character class or a literal with at most one quantifier
// over it: linear in its input.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The project's root: this script's parent folder, or the folder given as the first argument (the test's fixtures). */
const root = process.argv[2] ? `${resolve(process.argv[2])}/` : fileURLToPath(new URL('../', import.meta.url));
const EXCLUDED = ['db/migrations/', 'docs/adr/'];
const EXTENSIONS = ['.md', '.ts', '.tsx', '.mjs', '.cjs', '.js', '.json', '.sql', '.yaml', '.yml', '.css', '.html'];
const CODE = ['.ts', '.tsx', '.mts', '.cts', '.mjs', '.cjs', '.js', '.jsx'];
/** Words that end like a file name but name a product. */
const NOT_PATHS = new Set(['Node.js', 'node.js', 'postgres.js']);

/** Characters a path token may hold; everything else separates tokens. */
const SEPARATOR = /[^A-Za-z0-9_.@*/{}~+-]+/;
const INLINE_CODE = /`([^`\n]+)`/g;
const LINK_TARGET = /\]\(([^()\s]+)\)/g;
const ENV_PREFIX = /^[A-Z][A-Z0-9_]*$/;
/** "decision 041", "Decisions 003 and 010": a decision record by number. */
const DECISION_NUMBER = /\b[Dd]ecisions? (\d{3})\b/g;
/** "migration 0001": a migration file by number. */
const MIGRATION_NUMBER = /\b[Mm]igrations? (\d{4})\b/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The project's files (tracked and untracked-but-not-ignored), relative to the root, with `/`. */
function projectFiles() {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' });
  return out.split('\0').filter((f) => f !== '' && existsSync(join(root, f)));
}

const files = projectFiles();
const fileNames = new Set(files.map((f) => basename(f)));
const topLevel = new Set(files.map((f) => f.split('/')[0]));
const packageRoots = files.filter((f) => basename(f) === 'package.json').map((f) => dirname(f));

/** The given paths (relative to the root) that git ignores, as a file or a folder: what the project builds or writes at run time. */
function ignoredByGit(paths) {
  const forms = paths.flatMap((p) => [p, `${p}/`]);
  if (forms.length === 0) return new Set();
  // One call for all; exit status 1 only means that none is ignored.
  const result = spawnSync('git', ['check-ignore', '--no-index', '--stdin'], { cwd: root, input: forms.join('\n'), encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`git check-ignore failed: ${result.stderr}`);
  return new Set(result.stdout.split('\n').map((line) => (line.endsWith('/') ? line.slice(0, -1) : line)));
}

/** The token with surrounding punctuation, anchors and `:line` suffixes removed. */
function clean(token) {
  let t = token;
  while (t.length > 0 && '.,;:!?)"\''.includes(t.at(-1))) t = t.slice(0, -1);
  while (t.length > 0 && '("\''.includes(t[0])) t = t.slice(1);
  const hash = t.indexOf('#');
  if (hash >= 0) t = t.slice(0, hash);
  const colon = t.indexOf(':');
  if (colon >= 0) t = t.slice(0, colon);
  return t;
}

/** The path a token names, cut before its first wildcard or placeholder, or null if it is no path. */
function asPath(raw, { link = false } = {}) {
  if (raw.includes('://') || SCHEME.test(raw)) return null;
  const t = clean(raw);
  if (t === '' || t.startsWith('/') || t.startsWith('~') || t.startsWith('@') || NOT_PATHS.has(t)) return null;
  const segments = t.split('/');
  if (segments.length > 1 && ENV_PREFIX.test(segments[0])) return null;
  const hasExtension = EXTENSIONS.some((e) => t.endsWith(e) && t.length > e.length);
  const folderLike = segments.length > 1 && (topLevel.has(segments[0]) || segments[0] === '.' || segments[0] === '..');
  if (!hasExtension && !folderLike && !link) return null;
  const wild = segments.findIndex((s) => s.includes('*') || s.includes('{') || s.includes('<') || s.includes('…') || s.includes('NNN'));
  const kept = wild >= 0 ? segments.slice(0, wild) : segments;
  const path = kept.join('/');
  return path === '' ? null : path;
}

/**
 * Whether `path`, named in project file `from`, exists: as the path from the naming file's folder, its
 * workspace package or the root; for a bare file name, anywhere. Otherwise the candidates (relative to
 * the root) that may still be ignored build or run-time output.
 */
function resolvePath(path, from) {
  const dir = dirname(join(root, from));
  const pkg = packageRoots.filter((p) => p === '.' || from.startsWith(`${p}/`)).sort((a, b) => b.length - a.length)[0] ?? '.';
  const candidates = [resolve(dir, path), resolve(root, pkg, path), resolve(root, path)].filter((c) => c.startsWith(root));
  if (candidates.some((c) => existsSync(c))) return { found: true };
  if (!path.includes('/') && fileNames.has(path)) return { found: true };
  return { found: false, candidates: candidates.map((c) => relative(root, c)).filter((c) => c !== '') };
}

const decisionNumbers = new Set(files.filter((f) => f.startsWith('docs/decisions/')).map((f) => basename(f).slice(0, 4)));
const migrationNumbers = new Set(files.filter((f) => f.startsWith('db/migrations/') && f.endsWith('.sql')).map((f) => basename(f).slice(0, 5)));

/** Decisions and migrations named by number that do not exist, as the file they would be. */
function* missingNumbered(text) {
  for (const m of text.matchAll(DECISION_NUMBER)) {
    if (!decisionNumbers.has(`${m[1]}-`)) yield `docs/decisions/${m[1]}-*.md`;
  }
  for (const m of text.matchAll(MIGRATION_NUMBER)) {
    if (!migrationNumbers.has(`${m[1]}_`)) yield `db/migrations/${m[1]}_*.sql`;
  }
}

/** Paths named in a piece of prose: inline code, link targets and bare tokens. */
function* pathsInText(text, markdown) {
  if (markdown) {
    for (const m of text.matchAll(LINK_TARGET)) {
      const p = asPath(m[1], { link: true });
      if (p) yield p;
    }
    for (const m of text.matchAll(INLINE_CODE)) {
      if (m[1].includes(' ')) continue;
      const p = asPath(m[1]);
      if (p) yield p;
    }
  }
  const prose = markdown ? text.replaceAll(LINK_TARGET, ' ').replaceAll(INLINE_CODE, ' ') : text;
  for (const token of prose.split(SEPARATOR)) {
    const p = asPath(token);
    if (p) yield p;
  }
}

/** Comments of a TypeScript/JavaScript source as `{ text, line }` (1-based), found by the parser. */
function tsComments(file, text) {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const seen = new Set();
  const comments = [];
  const take = (ranges) => {
    for (const r of ranges ?? []) {
      if (seen.has(r.pos)) continue;
      seen.add(r.pos);
      comments.push({ text: text.slice(r.pos, r.end), line: source.getLineAndCharacterOfPosition(r.pos).line + 1 });
    }
  };
  const visit = (node) => {
    take(ts.getLeadingCommentRanges(text, node.pos));
    take(ts.getTrailingCommentRanges(text, node.end));
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  return comments;
}

/** `--` comments of SQL and block comments of CSS, line by line (neither holds comment markers in strings here). */
function lineComments(file, text) {
  const marker = file.endsWith('.sql') ? '--' : '/*';
  const comments = [];
  text.split('\n').forEach((line, i) => {
    const at = line.indexOf(marker);
    if (at >= 0) comments.push({ text: line.slice(at), line: i + 1 });
  });
  return comments;
}

const problems = [];
/** Paths not found in the project: `{ where, path, candidates }`. */
const unresolved = [];
for (const file of files) {
  if (EXCLUDED.some((e) => file.startsWith(e))) continue;
  const text = readFileSync(join(root, file), 'utf8');
  let pieces;
  if (file.endsWith('.md')) {
    let fenced = false;
    pieces = [];
    text.split('\n').forEach((line, i) => {
      if (line.trimStart().startsWith('```')) fenced = !fenced;
      else if (!fenced) pieces.push({ text: line, line: i + 1, markdown: true });
    });
  } else if (CODE.some((e) => file.endsWith(e)) && !file.endsWith('.d.ts')) {
    pieces = tsComments(file, text);
  } else if (file.endsWith('.sql') || file.endsWith('.css')) {
    pieces = lineComments(file, text);
  } else {
    continue;
  }
  for (const piece of pieces) {
    piece.text.split('\n').forEach((lineText, offset) => {
      for (const path of new Set(pathsInText(lineText, piece.markdown === true))) {
        const answer = resolvePath(path, file);
        if (!answer.found) unresolved.push({ where: `${file}:${piece.line + offset}`, path, candidates: answer.candidates });
      }
      for (const missing of missingNumbered(lineText)) problems.push(`${file}:${piece.line + offset}  ${missing}`);
    });
  }
}

const ignored = ignoredByGit([...new Set(unresolved.flatMap((u) => u.candidates))]);
for (const u of unresolved) {
  if (!u.candidates.some((c) => ignored.has(c))) problems.push(`${u.where}  ${u.path}`);
}

if (problems.length > 0) {
  console.error(`Paths named in docs and comments that do not exist in the project (${problems.length}):`);
  for (const p of problems.sort()) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`check-doc-paths: every path named in ${files.length} files exists.`);
