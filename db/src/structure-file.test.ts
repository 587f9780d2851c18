import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from './paths.ts';
import {
  DEFAULT_STRUCTURE_FILE,
  MAX_STRUCTURE_FILE_BYTES,
  MAX_STRUCTURE_NESTING,
  readStructureFile,
  type StructureFile,
  type StructureProblem,
  structureFileJsonSchema,
} from './structure-file.ts';

const shipped = readFileSync(DEFAULT_STRUCTURE_FILE);
const shippedFile = JSON.parse(shipped.toString('utf8')) as StructureFile;
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 2));
/** A copy of the shipped file changed by `edit`. */
const edited = (edit: (f: StructureFile) => void) => {
  const copy = structuredClone(shippedFile);
  edit(copy);
  return bytes(copy);
};
const problemsOf = (input: Uint8Array): StructureProblem[] => {
  const result = readStructureFile(input);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};
const lines = (input: Uint8Array) => problemsOf(input).map((p) => `${p.pointer}: ${p.message}`);

describe('the structure file (docs/structure-file.md)', () => {
  it('reads the shipped Oost-Nederland file: 5 regions, 6 safety houses, 77 municipalities, 6 casustafels', () => {
    const result = readStructureFile(shipped);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.file.safetyRegions).toHaveLength(5);
    expect(result.file.safetyHouses).toHaveLength(6);
    expect(result.file.municipalities).toHaveLength(77);
    expect(result.file.caseTables).toHaveLength(6);
    // every municipality in exactly one safety house: the houses' lists partition the municipalities
    expect(result.file.safetyHouses.flatMap((h) => h.municipalities).sort()).toEqual(result.file.municipalities.map((m) => m.cbsCode).sort());
  });

  it('names a duplicate code with the pointer of the second one and where the first is', () => {
    const twelfth = shippedFile.municipalities[12]?.cbsCode;
    const input = edited((f) => {
      const first = f.municipalities[3];
      if (first) first.cbsCode = twelfth ?? '';
      f.activities.push({ code: 'travel', nl: 'Reistijd 2', en: 'Travel 2' });
    });
    expect(lines(input)).toEqual(
      expect.arrayContaining([
        `/activities/${shippedFile.activities.length}/code: duplicate code travel (also at /activities/${shippedFile.activities.findIndex((a) => a.code === 'travel')}/code)`,
        `/municipalities/12/cbsCode: duplicate code ${twelfth} (also at /municipalities/3/cbsCode)`,
      ]),
    );
  });

  it('names an unknown reference: a casustafel serving an unknown municipality, a house in an unknown region', () => {
    const input = edited((f) => {
      f.caseTables[1]?.municipalities.push('GM9999');
      if (f.caseTables[2]) f.caseTables[2].safetyHouse = 'nowhere';
      if (f.safetyHouses[0]) f.safetyHouses[0].region = 'XX';
    });
    const n = (shippedFile.caseTables[1]?.municipalities.length ?? 0) as number;
    expect(lines(input)).toEqual([
      '/safetyHouses/0/region: unknown safety region XX',
      `/caseTables/1/municipalities/${n}: unknown municipality GM9999`,
      '/caseTables/2/safetyHouse: unknown safety house nowhere',
    ]);
  });

  it('names a municipality in two safety houses, and one in none', () => {
    const input = edited((f) => {
      const arnhem = f.safetyHouses[0];
      const ede = f.safetyHouses[1];
      if (!arnhem || !ede) return;
      ede.municipalities.push(arnhem.municipalities[0] ?? '');
      arnhem.municipalities.splice(1, 1);
    });
    const moved = shippedFile.safetyHouses[0]?.municipalities[0];
    const dropped = shippedFile.safetyHouses[0]?.municipalities[1];
    const droppedAt = shippedFile.municipalities.findIndex((m) => m.cbsCode === dropped);
    const ede = shippedFile.safetyHouses[1];
    expect(lines(input)).toEqual([
      `/safetyHouses/1/municipalities/${ede?.municipalities.length}: municipality ${moved} is in two safety houses: ${shippedFile.safetyHouses[0]?.code} and ${ede?.code}`,
      `/municipalities/${droppedAt}/cbsCode: municipality ${dropped} (${shippedFile.municipalities[droppedAt]?.name}) is in no safety house`,
    ]);
  });

  it('refuses a byte that is not UTF-8, saying where', () => {
    const input = Buffer.concat([shipped.subarray(0, 100), Buffer.from([0xff]), shipped.subarray(100)]);
    const [problem, ...rest] = problemsOf(input);
    expect(rest).toEqual([]);
    expect(problem?.pointer).toBe('');
    expect(problem?.message).toMatch(/not valid UTF-8 \(first invalid byte at offset (97|98|99|100)\)/);
  });

  it('refuses a file over the size cap before decoding it', () => {
    const garbage = new Uint8Array(10 * 1_000_000).fill(0x41);
    expect(garbage.byteLength).toBeGreaterThan(MAX_STRUCTURE_FILE_BYTES);
    expect(lines(garbage)).toEqual([': the file is 10,000,000 bytes; a structure file is at most 1,000,000 bytes, so it was not read']);
    // One byte over says so in the same unit: 1,000,001 is more than 1,000,000.
    expect(lines(new Uint8Array(MAX_STRUCTURE_FILE_BYTES + 1).fill(0x41))).toEqual([
      ': the file is 1,000,001 bytes; a structure file is at most 1,000,000 bytes, so it was not read',
    ]);
  });

  it('refuses JSON nested deeper than the format needs, with where, before any parser recurses', () => {
    const deep = new TextEncoder().encode(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(lines(deep)).toEqual([
      `: nested deeper than ${MAX_STRUCTURE_NESTING} levels at line 1, column ${MAX_STRUCTURE_NESTING + 1}; a structure file needs four`,
    ]);
    // Brackets inside strings are text, not nesting: the file stays valid.
    const inText = edited((f) => {
      if (f.activities[0]) f.activities[0].nl = `${'['.repeat(40)}\\"{{`;
    });
    expect(readStructureFile(inText).ok).toBe(true);
  });

  it('gives the line and column of a JSON syntax error', () => {
    const text = '{\n  "budgets": [],\n  "activities": [1 2]\n}';
    expect(lines(new TextEncoder().encode(text))).toEqual([': not valid JSON at line 3, column 20: comma expected']);
  });

  it('lists every JSON syntax error, at most 20 of garbage', () => {
    const garbage = new TextEncoder().encode(`[${' x'.repeat(1000)}]`);
    const found = lines(garbage);
    expect(found).toHaveLength(21);
    expect(found[0]).toBe(': not valid JSON at line 1, column 3: invalid symbol');
    expect(found[20]).toBe(': and 980 more JSON syntax errors');
  });

  it('names every schema issue with its pointer: a wrong CBS code, an unknown field, a missing part', () => {
    const input = edited((f) => {
      if (f.municipalities[0]) f.municipalities[0].cbsCode = '0197';
      (f.safetyRegions[0] as Record<string, unknown>).colour = 'red';
      delete (f as Partial<StructureFile>).caseTables;
    });
    const found = lines(input);
    expect(found.filter((l) => !/unknown municipality|in no safety house/.test(l)).map((l) => l.split(':')[0])).toEqual([
      '/safetyRegions/0',
      '/municipalities/0/cbsCode',
      '/caseTables',
    ]);
    // the changed code also breaks the rules between parts: its safety house now names an unknown municipality
    const house = shippedFile.safetyHouses.findIndex((h) => h.municipalities.includes(shippedFile.municipalities[0]?.cbsCode ?? ''));
    expect(found).toEqual(
      expect.arrayContaining([
        `/safetyHouses/${house}/municipalities/0: unknown municipality ${shippedFile.municipalities[0]?.cbsCode}`,
        `/municipalities/0/cbsCode: municipality 0197 (${shippedFile.municipalities[0]?.name}) is in no safety house`,
      ]),
    );
  });

  it('lists schema issues and broken rules between parts together, in one list', () => {
    const input = edited((f) => {
      if (f.municipalities[0]) f.municipalities[0].name = '';
      if (f.caseTables[0]) f.caseTables[0].safetyHouse = 'nowhere';
    });
    expect(problemsOf(input).map((p) => p.pointer)).toEqual(['/municipalities/0/name', '/caseTables/0/safetyHouse']);
  });

  it('compares names as stored (trimmed): two names that differ only in spaces are duplicates', () => {
    const input = edited((f) => {
      if (f.municipalities[1]) f.municipalities[1].name = ` ${f.municipalities[0]?.name} `;
    });
    expect(lines(input)).toEqual([`/municipalities/1/name: duplicate name ${shippedFile.municipalities[0]?.name} (also at /municipalities/0/name)`]);
  });

  it('refuses two expertise areas or activities with one name, in either language, whatever the letter case', () => {
    const input = edited((f) => {
      if (f.expertiseAreas[1] && f.expertiseAreas[0]) f.expertiseAreas[1].nl = f.expertiseAreas[0].nl.toUpperCase();
      if (f.activities[2] && f.activities[0]) f.activities[2].en = f.activities[0].en;
    });
    expect(lines(input)).toEqual([
      `/expertiseAreas/1/nl: duplicate name ${shippedFile.expertiseAreas[0]?.nl.toUpperCase()} (also at /expertiseAreas/0/nl)`,
      `/activities/2/en: duplicate name ${shippedFile.activities[0]?.en} (also at /activities/0/en)`,
    ]);
  });

  it('refuses a name with a character that hides or reorders what is shown, as free text does (decision 040)', () => {
    const input = edited((f) => {
      if (f.municipalities[0]) f.municipalities[0].name = 'Aal\u202Eten';
    });
    expect(lines(input)).toEqual(['/municipalities/0/name: contains invisible characters, control characters or a line break']);
  });

  it('says what is wrong in English, also where the app set zod to Dutch', () => {
    const input = edited((f) => {
      delete (f.safetyRegions[0] as Partial<StructureFile['safetyRegions'][number]>).seat;
    });
    expect(lines(input)).toEqual(['/safetyRegions/0/seat: Invalid input: expected string, received undefined']);
  });

  it('docs/structure-file.schema.json is the JSON Schema generated from the zod schema (pnpm docs:structure-schema)', () => {
    const committed = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'docs', 'structure-file.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(structureFileJsonSchema()));
  });
});
