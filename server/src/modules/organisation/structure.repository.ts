import { type Executor, type StructurePartChanges as PartChanges, type StructureFile, schema } from '@duidingspool/db';
import { and, eq, inArray } from 'drizzle-orm';

/** The organisation's parts of the structure file, in the order they are written. */
export type OrganisationPart = 'safetyRegions' | 'safetyHouses' | 'municipalities' | 'caseTables';

const r = schema.safetyRegions;
const h = schema.safetyHouses;
const m = schema.municipalities;
const ct = schema.caseTables;
const ctm = schema.caseTableMunicipalities;

/** True when any field named in `next` differs from `current`. */
const differs = <T extends Record<string, unknown>>(current: T, next: Partial<T>) => Object.entries(next).some(([k, v]) => current[k] !== v);

/**
 * Upserts the organisation's part of a valid structure file, matching rows by their stable code
 * (region code, safety-house code, CBS municipality code, casustafel code): a new code is inserted,
 * a known one updated where a field differs, and the municipalities a casustafel serves are made
 * exactly the file's. Rows the file does not name are left untouched and listed as `absent`. Call
 * it inside the import's transaction; a second call with the same file changes nothing.
 */
export async function upsertOrganisation(tx: Executor, file: StructureFile): Promise<Record<OrganisationPart, PartChanges>> {
  const result = {} as Record<OrganisationPart, PartChanges>;

  const regions = new Map((await tx.select().from(r)).map((row) => [row.code, row]));
  const regionChanges: PartChanges = { added: [], changed: [], absent: [] };
  const regionId = new Map<string, string>();
  for (const f of file.safetyRegions) {
    const next = { name: f.name, seat: f.seat };
    const row = regions.get(f.code);
    if (!row) {
      const [inserted] = await tx
        .insert(r)
        .values({ code: f.code, ...next })
        .returning({ id: r.id });
      regionId.set(f.code, inserted?.id ?? '');
      regionChanges.added.push(f.code);
    } else {
      regionId.set(f.code, row.id);
      if (differs(row, next)) {
        await tx.update(r).set(next).where(eq(r.id, row.id));
        regionChanges.changed.push(f.code);
      }
    }
  }
  regionChanges.absent = [...regions.keys()].filter((code) => !regionId.has(code));
  result.safetyRegions = regionChanges;

  const houses = new Map((await tx.select().from(h)).map((row) => [row.code, row]));
  const houseChanges: PartChanges = { added: [], changed: [], absent: [] };
  const houseId = new Map<string, string>();
  for (const f of file.safetyHouses) {
    const next = { name: f.name, city: f.city, regionId: regionId.get(f.region) ?? '' };
    const row = houses.get(f.code);
    if (!row) {
      const [inserted] = await tx
        .insert(h)
        .values({ code: f.code, ...next })
        .returning({ id: h.id });
      houseId.set(f.code, inserted?.id ?? '');
      houseChanges.added.push(f.code);
    } else {
      houseId.set(f.code, row.id);
      if (differs(row, next)) {
        await tx.update(h).set(next).where(eq(h.id, row.id));
        houseChanges.changed.push(f.code);
      }
    }
  }
  houseChanges.absent = [...houses.keys()].filter((code) => !houseId.has(code));
  result.safetyHouses = houseChanges;

  const houseOfMunicipality = new Map(file.safetyHouses.flatMap((f) => f.municipalities.map((code) => [code, houseId.get(f.code) ?? ''] as const)));
  const municipalities = new Map((await tx.select().from(m)).map((row) => [row.cbsCode, row]));
  const municipalityChanges: PartChanges = { added: [], changed: [], absent: [] };
  const municipalityId = new Map<string, string>();
  for (const f of file.municipalities) {
    const next = { name: f.name, safetyHouseId: houseOfMunicipality.get(f.cbsCode) ?? '' };
    const row = municipalities.get(f.cbsCode);
    if (!row) {
      const [inserted] = await tx
        .insert(m)
        .values({ cbsCode: f.cbsCode, ...next })
        .returning({ id: m.id });
      municipalityId.set(f.cbsCode, inserted?.id ?? '');
      municipalityChanges.added.push(f.cbsCode);
    } else {
      municipalityId.set(f.cbsCode, row.id);
      if (differs(row, next)) {
        await tx.update(m).set(next).where(eq(m.id, row.id));
        municipalityChanges.changed.push(f.cbsCode);
      }
    }
  }
  municipalityChanges.absent = [...municipalities.keys()].filter((code) => !municipalityId.has(code));
  result.municipalities = municipalityChanges;

  const tables = new Map((await tx.select().from(ct)).map((row) => [row.code, row]));
  const tableChanges: PartChanges = { added: [], changed: [], absent: [] };
  const seen = new Set<string>();
  for (const f of file.caseTables) {
    seen.add(f.code);
    const next = { name: f.name, safetyHouseId: houseId.get(f.safetyHouse) ?? '' };
    const served = new Set(f.municipalities.map((code) => municipalityId.get(code) ?? ''));
    const row = tables.get(f.code);
    let id: string;
    let changed = false;
    if (!row) {
      const [inserted] = await tx
        .insert(ct)
        .values({ code: f.code, ...next })
        .returning({ id: ct.id });
      id = inserted?.id ?? '';
      tableChanges.added.push(f.code);
    } else {
      id = row.id;
      if (differs(row, next)) {
        await tx.update(ct).set(next).where(eq(ct.id, row.id));
        changed = true;
      }
    }
    const current = new Set((await tx.select({ id: ctm.municipalityId }).from(ctm).where(eq(ctm.caseTableId, id))).map((x) => x.id));
    const toAdd = [...served].filter((x) => !current.has(x));
    const toRemove = [...current].filter((x) => !served.has(x));
    if (toAdd.length > 0) await tx.insert(ctm).values(toAdd.map((municipalityId) => ({ caseTableId: id, municipalityId })));
    if (toRemove.length > 0) await tx.delete(ctm).where(and(eq(ctm.caseTableId, id), inArray(ctm.municipalityId, toRemove)));
    if (row && (changed || toAdd.length > 0 || toRemove.length > 0)) tableChanges.changed.push(f.code);
  }
  tableChanges.absent = [...tables.keys()].filter((code) => !seen.has(code));
  result.caseTables = tableChanges;
  return result;
}
