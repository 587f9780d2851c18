// `pnpm admin import-structure [FILE]` (docs/structure-file.md, decision 080): on a fresh database
// the shipped file loads exactly what it lists; a second run changes nothing; every kind of bad
// input is refused with its JSON pointer and writes nothing; a file that drops something in use is
// refused naming what uses it. Real Postgres; the command's function called directly, and once the
// real CLI process.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type DatabaseHandle, DEFAULT_STRUCTURE_FILE, openDatabase, type StructureFile, schema } from '@duidingspool/db';
import { eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStructureCommand } from '../src/cli/import-structure.ts';
import { adminUrl, databaseUrl, TEMPLATE_DATABASE } from './database-urls.ts';

const run = promisify(execFile);
const TSX = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const ADMIN_CLI = fileURLToPath(new URL('../src/cli/admin.ts', import.meta.url));

const fresh = `dp_test_structure_fresh_${randomBytes(4).toString('hex')}`;
const seeded = `dp_test_structure_seeded_${randomBytes(4).toString('hex')}`;
const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
const dir = mkdtempSync(join(tmpdir(), 'dp-structure-'));
const shipped = JSON.parse(readFileSync(DEFAULT_STRUCTURE_FILE, 'utf8')) as StructureFile;
let freshDb: DatabaseHandle;
let seededDb: DatabaseHandle;

beforeAll(async () => {
  await admin.unsafe(`create database ${fresh}`);
  await admin.unsafe(`create database ${seeded} template ${TEMPLATE_DATABASE}`);
  freshDb = await openDatabase({ url: databaseUrl(fresh), maxConnections: 2 });
  await freshDb.migrate();
  seededDb = await openDatabase({ url: databaseUrl(seeded), maxConnections: 2 });
});
afterAll(async () => {
  await freshDb?.close();
  await seededDb?.close();
  await admin.unsafe(`drop database if exists ${fresh} with (force)`);
  await admin.unsafe(`drop database if exists ${seeded} with (force)`);
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the command's function on `handle`, collecting what it prints. */
async function importFile(handle: DatabaseHandle, file?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await importStructureCommand(handle.db, file, { log: (l) => out.push(l), error: (l) => err.push(l) });
  return { code, out, err };
}

/** Writes `content` to a file in the temporary folder and returns its path. */
function fileWith(name: string, content: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A copy of the shipped file changed by `edit`, written to a file. */
function editedFile(name: string, edit: (f: StructureFile) => void): string {
  const copy = structuredClone(shipped);
  edit(copy);
  return fileWith(name, JSON.stringify(copy, null, 2));
}

/** Row counts of every table the import writes, and the audit events of imports. */
async function counts(handle: DatabaseHandle) {
  const n = async (table: PgTable) => (await handle.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;
  const [audits] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(schema.auditEvents).where(eq(schema.auditEvents.objectType, 'structure'));
  return {
    safetyRegions: await n(schema.safetyRegions),
    safetyHouses: await n(schema.safetyHouses),
    municipalities: await n(schema.municipalities),
    caseTables: await n(schema.caseTables),
    caseTableMunicipalities: await n(schema.caseTableMunicipalities),
    expertiseAreas: await n(schema.expertiseAreas),
    activities: await n(schema.activities),
    budgets: await n(schema.budgets),
    importAudits: audits?.n ?? 0,
  };
}

/** The counts the shipped file itself gives. */
const fileCounts = {
  safetyRegions: shipped.safetyRegions.length,
  safetyHouses: shipped.safetyHouses.length,
  municipalities: shipped.municipalities.length,
  caseTables: shipped.caseTables.length,
  caseTableMunicipalities: shipped.caseTables.reduce((n, c) => n + c.municipalities.length, 0),
  expertiseAreas: shipped.expertiseAreas.length,
  activities: shipped.activities.length,
  budgets: shipped.budgets.length,
};

describe('pnpm admin import-structure on a fresh database', () => {
  it('loads exactly what the file lists, with one audit event naming what was added', async () => {
    expect(await counts(freshDb)).toEqual({ ...Object.fromEntries(Object.keys(fileCounts).map((k) => [k, 0])), importAudits: 0 });
    const { code, out, err } = await importFile(freshDb);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const added = Object.entries(fileCounts).reduce((n, [k, v]) => (k === 'caseTableMunicipalities' ? n : n + v), 0);
    expect(out[0]).toBe(`Structure imported from ${DEFAULT_STRUCTURE_FILE}: ${added} added, 0 changed.`);
    expect(await counts(freshDb)).toEqual({ ...fileCounts, importAudits: 1 });
    const [event] = await freshDb.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.objectType, 'structure'));
    expect(event?.action).toBe('import');
    expect((event?.details as { added: Record<string, string[]> } | undefined)?.added.municipalities).toHaveLength(shipped.municipalities.length);
    // each municipality under its file's safety house, by CBS code
    const [arnhem] = await freshDb.db
      .select({ house: schema.safetyHouses.code })
      .from(schema.municipalities)
      .innerJoin(schema.safetyHouses, eq(schema.safetyHouses.id, schema.municipalities.safetyHouseId))
      .where(eq(schema.municipalities.cbsCode, 'GM0202'));
    expect(arnhem?.house).toBe(shipped.safetyHouses.find((h) => h.municipalities.includes('GM0202'))?.code);
  });

  it('a second run adds and changes nothing', async () => {
    const before = await counts(freshDb);
    const { code, out } = await importFile(freshDb);
    expect(code).toBe(0);
    expect(out[0]).toBe(`Structure imported from ${DEFAULT_STRUCTURE_FILE}: 0 added, 0 changed.`);
    expect(await counts(freshDb)).toEqual({ ...before, importAudits: before.importAudits + 1 });
  });

  it('renames by code: a changed name is one change, the row keeps its id', async () => {
    const [before] = await freshDb.db.select().from(schema.municipalities).where(eq(schema.municipalities.cbsCode, 'GM0197'));
    const path = editedFile('renamed.json', (f) => {
      const m = f.municipalities.find((x) => x.cbsCode === 'GM0197');
      if (m) m.name = 'Aalten (test)';
    });
    const { code, out } = await importFile(freshDb, path);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/: 0 added, 1 changed\.$/);
    const [after] = await freshDb.db.select().from(schema.municipalities).where(eq(schema.municipalities.cbsCode, 'GM0197'));
    expect(after).toEqual({ ...before, name: 'Aalten (test)' });
    expect((await importFile(freshDb)).out[0]).toMatch(/: 0 added, 1 changed\.$/);
  });
});

describe('rows from before the codes (migration 0013)', () => {
  it('a row with a placeholder code is taken over by the file entry of the same name; a name held under another code is refused', async () => {
    const [house] = await freshDb.db.select().from(schema.safetyHouses).limit(1);
    if (!house) throw new Error('no safety house');
    await freshDb.db.insert(schema.municipalities).values([
      { cbsCode: 'legacy-0001', name: 'Elders', safetyHouseId: house.id },
      { cbsCode: 'GM0999', name: 'Ergens', safetyHouseId: house.id },
    ]);
    const [legacy] = await freshDb.db.select().from(schema.municipalities).where(eq(schema.municipalities.cbsCode, 'legacy-0001'));
    const adopting = editedFile('adopting.json', (f) => {
      f.municipalities.push({ cbsCode: 'GM0363', name: 'Elders' });
      f.safetyHouses[0]?.municipalities.push('GM0363');
    });
    const adopted = await importFile(freshDb, adopting);
    expect(adopted.code).toBe(0);
    expect(adopted.out[0]).toMatch(/: 0 added, 1 changed\.$/);
    expect(adopted.out).toContain('  not in the file, kept (nothing uses them; they cannot be retired here): municipalities GM0999');
    const [after] = await freshDb.db.select().from(schema.municipalities).where(eq(schema.municipalities.cbsCode, 'GM0363'));
    expect(after?.id).toBe(legacy?.id);

    const conflicting = editedFile('conflicting.json', (f) => {
      f.municipalities.push({ cbsCode: 'GM0998', name: 'Ergens' });
      f.safetyHouses[0]?.municipalities.push('GM0998');
    });
    const before = await counts(freshDb);
    const refused = await importFile(freshDb, conflicting);
    expect(refused.code).toBe(1);
    expect(refused.err.slice(1).map((l) => l.trim())).toEqual([
      '/municipalities/77/name: name Ergens belongs to municipality GM0999 in the database, which the file does not name; use that code',
    ]);
    expect(await counts(freshDb)).toEqual(before);
  });
});

describe('bad input: a clear list of errors with pointers, exit code 1, nothing written', () => {
  const refused = async (path: string) => {
    const before = await counts(freshDb);
    const result = await importFile(freshDb, path);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.err[0]).toMatch(/nothing was written/);
    expect(await counts(freshDb)).toEqual(before);
    return result.err.slice(1).map((l) => l.trim());
  };

  it('a duplicate code', async () => {
    const path = editedFile('duplicate.json', (f) => {
      f.municipalities.push({ cbsCode: 'GM0202', name: 'Arnhem-Zuid' });
      f.activities.push({ code: 'new-activity', nl: 'Nieuw', en: 'New' });
    });
    expect(await refused(path)).toEqual([
      `/municipalities/77/cbsCode: duplicate code GM0202 (also at /municipalities/${shipped.municipalities.findIndex((m) => m.cbsCode === 'GM0202')}/cbsCode)`,
    ]);
  });

  it('an unknown reference: a casustafel naming an unknown municipality', async () => {
    const path = editedFile('unknown.json', (f) => f.caseTables[0]?.municipalities.push('GM0363'));
    expect(await refused(path)).toEqual([`/caseTables/0/municipalities/${shipped.caseTables[0]?.municipalities.length}: unknown municipality GM0363`]);
  });

  it('a municipality in two safety houses', async () => {
    const path = editedFile('two-houses.json', (f) => f.safetyHouses[1]?.municipalities.push('GM0202'));
    expect(await refused(path)).toEqual([
      `/safetyHouses/1/municipalities/${shipped.safetyHouses[1]?.municipalities.length}: municipality GM0202 is in two safety houses: ${shipped.safetyHouses[0]?.code} and ${shipped.safetyHouses[1]?.code}`,
    ]);
  });

  it('a byte that is not UTF-8', async () => {
    const bytes = readFileSync(DEFAULT_STRUCTURE_FILE);
    const at = bytes.indexOf('Arnhem');
    const path = fileWith('latin1.json', Buffer.concat([bytes.subarray(0, at), Buffer.from([0xe9]), bytes.subarray(at)]));
    expect(await refused(path)).toEqual([expect.stringMatching(/^\/: the file is not valid UTF-8 \(first invalid byte at offset \d+\); save it as UTF-8$/)]);
  });

  it('10 MB of garbage: refused by its size before it is read', async () => {
    const path = fileWith('garbage.json', randomBytes(10 * 1_000_000));
    const result = await importFile(freshDb, path);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      `${path}: the file is 10,000,000 bytes; a structure file is at most 1,000,000 bytes, so it was not read. Nothing was written.`,
    ]);
  });

  it('a JSON syntax error, with its line and column', async () => {
    const path = fileWith('syntax.json', '{\n  "budgets": [\n    { "year": 2019, }\n  ]\n}\n');
    expect(await refused(path)).toEqual(['/: not valid JSON at line 3, column 21: property name expected']);
  });

  it('a file that does not exist', async () => {
    const result = await importFile(freshDb, join(dir, 'missing.json'));
    expect(result.code).toBe(1);
    expect(result.err).toEqual([`${join(dir, 'missing.json')}: cannot open the file (ENOENT). Nothing was written.`]);
  });
});

describe('a file that removes something in use is refused, naming what uses it', () => {
  it('a municipality with a request and a casustafel with members; the new municipality in the same file is not written either', async () => {
    const db = seededDb.db;
    const [arnhem] = await db.select().from(schema.municipalities).where(eq(schema.municipalities.cbsCode, 'GM0202'));
    const [table] = await db.select().from(schema.caseTables).where(eq(schema.caseTables.code, 'casustafel-arnhem'));
    const [requester] = await db.select().from(schema.users).where(eq(schema.users.email, 'requester.arnhem@duidingspool.example'));
    if (!arnhem || !table || !requester) throw new Error('template database lacks the demo structure');
    await db.insert(schema.interpretationRequests).values({
      reference: 'DP-2019-0901',
      caseTableId: table.id,
      municipalityId: arnhem.id,
      caseReference: 'test',
      question: 'test',
      urgency: 'regular',
      deliverable: 'written-advice',
      status: 'draft',
      createdBy: requester.id,
    });
    const path = editedFile('drops-in-use.json', (f) => {
      f.municipalities = f.municipalities.filter((m) => m.cbsCode !== 'GM0202');
      for (const h of f.safetyHouses) h.municipalities = h.municipalities.filter((c) => c !== 'GM0202');
      for (const c of f.caseTables) c.municipalities = c.municipalities.filter((x) => x !== 'GM0202');
      f.caseTables = f.caseTables.filter((c) => c.code !== 'casustafel-ede');
      f.municipalities.push({ cbsCode: 'GM0363', name: 'Amsterdam' });
      f.safetyHouses[0]?.municipalities.push('GM0363');
    });
    const before = await counts(seededDb);
    const links = await db.select().from(schema.caseTableMunicipalities);
    const result = await importFile(seededDb, path);
    expect(result.code).toBe(1);
    expect(result.err.slice(1).map((l) => l.trim())).toEqual([
      '/municipalities: municipality GM0202 (Arnhem) is not in the file but is in use: 1 interpretation request (DP-2019-0901)',
      '/caseTables: casustafel casustafel-ede (Casustafel Radicalisering Ede) is not in the file but is in use: 1 member (requester.ede@duidingspool.example)',
    ]);
    expect(await counts(seededDb)).toEqual(before);
    expect(await db.select().from(schema.caseTableMunicipalities)).toEqual(links);
    expect(await db.select().from(schema.municipalities).where(eq(schema.municipalities.cbsCode, 'GM0363'))).toEqual([]);
  });

  it('a whole region dropped: refused through what uses its parts, each named', async () => {
    const path = editedFile('drops-twente.json', (f) => {
      const house = f.safetyHouses.find((h) => h.region === 'TW');
      f.safetyRegions = f.safetyRegions.filter((r) => r.code !== 'TW');
      f.safetyHouses = f.safetyHouses.filter((h) => h.region !== 'TW');
      f.municipalities = f.municipalities.filter((m) => !house?.municipalities.includes(m.cbsCode));
      f.caseTables = f.caseTables.filter((c) => c.safetyHouse !== house?.code);
    });
    const before = await counts(seededDb);
    const result = await importFile(seededDb, path);
    expect(result.code).toBe(1);
    expect(result.err.slice(1).map((l) => l.trim())).toEqual([
      '/safetyRegions: safety region TW (Twente) is not in the file but is in use: 3 specialists serving it (specialist2@duidingspool.example, specialist4@duidingspool.example, specialist5@duidingspool.example)',
      '/safetyHouses: safety house zvh-twente (Zorg- en Veiligheidshuis Twente) is not in the file but is in use: 1 member of its casustafels (requester.hengelo@duidingspool.example)',
      '/caseTables: casustafel casustafel-hengelo (Casustafel Radicalisering Hengelo) is not in the file but is in use: 1 member (requester.hengelo@duidingspool.example)',
    ]);
    expect(await counts(seededDb)).toEqual(before);
  });

  it('something not in the file and not in use is reported and kept', async () => {
    const path = editedFile('drops-unused.json', (f) => {
      f.activities = f.activities.filter((a) => a.code !== 'travel');
    });
    const result = await importFile(seededDb, path);
    expect(result.code).toBe(0);
    expect(result.out).toContain('  not in the file, kept (nothing uses them; they cannot be retired here): activities travel');
    expect(await seededDb.db.select().from(schema.activities).where(eq(schema.activities.code, 'travel'))).toHaveLength(1);
  });
});

describe('the real CLI process', () => {
  it('prints every problem and exits 1 on a bad file; imports the shipped file with "0 added, 0 changed" on a loaded database', async () => {
    const env = { ...process.env, DATABASE_URL: databaseUrl(fresh), NODE_ENV: 'production' };
    const bad = editedFile('cli-bad.json', (f) => {
      f.caseTables[0]?.municipalities.push('GM0363');
      f.safetyHouses[1]?.municipalities.push('GM0202');
    });
    const failed = await run(TSX, [ADMIN_CLI, 'import-structure', bad], { env }).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(`/caseTables/0/municipalities/${shipped.caseTables[0]?.municipalities.length}: unknown municipality GM0363`);
    expect(failed?.stderr).toContain('municipality GM0202 is in two safety houses');
    // restore the shipped names (an earlier test renamed one), then the same file again: nothing to do
    await run(TSX, [ADMIN_CLI, 'import-structure'], { env });
    const { stdout } = await run(TSX, [ADMIN_CLI, 'import-structure', DEFAULT_STRUCTURE_FILE], { env });
    expect(stdout).toContain(': 0 added, 0 changed.');
  }, 60_000);
});
