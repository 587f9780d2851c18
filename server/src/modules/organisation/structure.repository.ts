import { type Executor, type StructurePartChanges as PartChanges, type StructureFile, type StructureProblem, schema } from '@duidingspool/db';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';

/** The organisation's parts of the structure file, in the order they are written. */
export type OrganisationPart = 'safetyRegions' | 'safetyHouses' | 'municipalities' | 'caseTables';

const r = schema.safetyRegions;
const h = schema.safetyHouses;
const m = schema.municipalities;
const ct = schema.caseTables;
const ctm = schema.caseTableMunicipalities;

/** The placeholder code migration 0013 gave rows the shipped file did not name. */
const PLACEHOLDER = 'legacy-';

const PART_NAMES: Record<OrganisationPart, string> = {
  safetyRegions: 'safety region',
  safetyHouses: 'safety house',
  municipalities: 'municipality',
  caseTables: 'casustafel',
};

interface PartRow<F> {
  id: string;
  code: string;
  name: string;
  fields: F;
}

/** The row id the file's `code` got earlier in this import; validation made sure there is one. */
function idOf(ids: Map<string, string>, code: string): string {
  const id = ids.get(code);
  if (id === undefined) throw new Error(`structure import: no row for code ${code} after validation`);
  return id;
}

/**
 * Upserts one part by code. An entry whose code is unknown but whose name is that of a row the file
 * does not name by code either takes that row over when the row has a placeholder code (from
 * migration 0013), and is a problem otherwise (the name is unique in the database).
 * @returns the changes and the id of each entry's row, by the file's code
 */
async function upsertPart<F extends Record<string, unknown>>(
  part: OrganisationPart,
  rows: PartRow<F>[],
  entries: { code: string; name: string; fields: F }[],
  write: { insert(code: string, fields: F): Promise<string>; update(id: string, values: Partial<F> & { code?: string }): Promise<void> },
  problems: StructureProblem[],
): Promise<{ changes: PartChanges; ids: Map<string, string> }> {
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const byName = new Map(rows.map((row) => [row.name, row]));
  const named = new Set(entries.map((e) => e.code));
  const changes: PartChanges = { added: [], changed: [], absent: [] };
  const ids = new Map<string, string>();
  const matched = new Set<string>();
  for (const [i, e] of entries.entries()) {
    let row = byCode.get(e.code);
    let adopt = false;
    if (!row) {
      const sameName = byName.get(e.name);
      if (sameName && !named.has(sameName.code)) {
        if (!sameName.code.startsWith(PLACEHOLDER)) {
          problems.push({
            pointer: `/${part}/${i}/name`,
            message: `name ${e.name} belongs to ${PART_NAMES[part]} ${sameName.code} in the database, which the file does not name; use that code`,
          });
          continue;
        }
        row = sameName;
        adopt = true;
      }
    }
    if (!row) {
      ids.set(e.code, await write.insert(e.code, e.fields));
      changes.added.push(e.code);
      continue;
    }
    matched.add(row.code);
    ids.set(e.code, row.id);
    const current = row.fields;
    if (adopt || Object.entries(e.fields).some(([k, v]) => current[k] !== v)) {
      await write.update(row.id, adopt ? { ...e.fields, code: e.code } : e.fields);
      changes.changed.push(e.code);
    }
  }
  changes.absent = rows.map((row) => row.code).filter((code) => !named.has(code) && !matched.has(code));
  return { changes, ids };
}

/**
 * Upserts the organisation's part of a valid structure file, matching rows by their stable code
 * (region code, safety-house code, CBS municipality code, casustafel code): a new code is inserted,
 * a known one updated where a field differs, and the municipalities a casustafel serves are made
 * exactly the file's. Rows the file does not name are left untouched and listed as `absent`. Call
 * it inside the import's transaction; a second call with the same file changes nothing.
 * @returns the changes per part, and the problems that refuse the file (a name taken in the database)
 */
export async function upsertOrganisation(
  tx: Executor,
  file: StructureFile,
): Promise<{ parts: Record<OrganisationPart, PartChanges>; problems: StructureProblem[] }> {
  const problems: StructureProblem[] = [];
  const id = (rows: { id: string }[]) => rows[0]?.id ?? '';

  const regions = await upsertPart(
    'safetyRegions',
    (await tx.select().from(r)).map((x) => ({ id: x.id, code: x.code, name: x.name, fields: { name: x.name, seat: x.seat } })),
    file.safetyRegions.map((f) => ({ code: f.code, name: f.name, fields: { name: f.name, seat: f.seat } })),
    {
      insert: async (code, f) => id(await tx.insert(r).values({ code, name: f.name, seat: f.seat }).returning({ id: r.id })),
      update: async (rowId, v) => void (await tx.update(r).set(v).where(eq(r.id, rowId))),
    },
    problems,
  );

  const houses = await upsertPart(
    'safetyHouses',
    (await tx.select().from(h)).map((x) => ({ id: x.id, code: x.code, name: x.name, fields: { name: x.name, city: x.city, regionId: x.regionId } })),
    file.safetyHouses.map((f) => ({ code: f.code, name: f.name, fields: { name: f.name, city: f.city, regionId: idOf(regions.ids, f.region) } })),
    {
      insert: async (code, f) => id(await tx.insert(h).values({ code, name: f.name, city: f.city, regionId: f.regionId }).returning({ id: h.id })),
      update: async (rowId, v) => void (await tx.update(h).set(v).where(eq(h.id, rowId))),
    },
    problems,
  );

  const houseOf = new Map(file.safetyHouses.flatMap((f) => f.municipalities.map((code) => [code, idOf(houses.ids, f.code)] as const)));
  const municipalities = await upsertPart(
    'municipalities',
    (await tx.select().from(m)).map((x) => ({ id: x.id, code: x.cbsCode, name: x.name, fields: { name: x.name, safetyHouseId: x.safetyHouseId } })),
    file.municipalities.map((f) => ({ code: f.cbsCode, name: f.name, fields: { name: f.name, safetyHouseId: idOf(houseOf, f.cbsCode) } })),
    {
      insert: async (code, f) => id(await tx.insert(m).values({ cbsCode: code, name: f.name, safetyHouseId: f.safetyHouseId }).returning({ id: m.id })),
      update: async (rowId, { code, ...v }) =>
        void (await tx
          .update(m)
          .set(code === undefined ? v : { ...v, cbsCode: code })
          .where(eq(m.id, rowId))),
    },
    problems,
  );

  const tables = await upsertPart(
    'caseTables',
    (await tx.select().from(ct)).map((x) => ({ id: x.id, code: x.code, name: x.name, fields: { name: x.name, safetyHouseId: x.safetyHouseId } })),
    file.caseTables.map((f) => ({ code: f.code, name: f.name, fields: { name: f.name, safetyHouseId: idOf(houses.ids, f.safetyHouse) } })),
    {
      insert: async (code, f) => id(await tx.insert(ct).values({ code, name: f.name, safetyHouseId: f.safetyHouseId }).returning({ id: ct.id })),
      update: async (rowId, v) => void (await tx.update(ct).set(v).where(eq(ct.id, rowId))),
    },
    problems,
  );
  // The municipalities each casustafel serves become exactly the file's; a changed list changes the casustafel.
  for (const f of file.caseTables) {
    const tableId = tables.ids.get(f.code);
    if (!tableId) continue;
    const served = new Set(f.municipalities.map((code) => municipalities.ids.get(code)).filter((x): x is string => x !== undefined));
    const current = new Set((await tx.select({ id: ctm.municipalityId }).from(ctm).where(eq(ctm.caseTableId, tableId))).map((x) => x.id));
    const toAdd = [...served].filter((x) => !current.has(x));
    const toRemove = [...current].filter((x) => !served.has(x));
    if (toAdd.length > 0) await tx.insert(ctm).values(toAdd.map((municipalityId) => ({ caseTableId: tableId, municipalityId })));
    if (toRemove.length > 0) await tx.delete(ctm).where(and(eq(ctm.caseTableId, tableId), inArray(ctm.municipalityId, toRemove)));
    const c = tables.changes;
    if ((toAdd.length > 0 || toRemove.length > 0) && !c.added.includes(f.code) && !c.changed.includes(f.code)) c.changed.push(f.code);
  }

  return {
    parts: { safetyRegions: regions.changes, safetyHouses: houses.changes, municipalities: municipalities.changes, caseTables: tables.changes },
    problems,
  };
}

/** The codes of the retired rows of each organisation part (the import neither revives nor checks them, decision 081). */
export async function retiredOrganisationCodes(tx: Executor): Promise<Record<OrganisationPart, Set<string>>> {
  const codes = async (rows: Promise<{ code: string }[]>) => new Set((await rows).map((x) => x.code));
  return {
    safetyRegions: await codes(tx.select({ code: r.code }).from(r).where(isNotNull(r.retiredAt))),
    safetyHouses: await codes(tx.select({ code: h.code }).from(h).where(isNotNull(h.retiredAt))),
    municipalities: await codes(tx.select({ code: m.cbsCode }).from(m).where(isNotNull(m.retiredAt))),
    caseTables: await codes(tx.select({ code: ct.code }).from(ct).where(isNotNull(ct.retiredAt))),
  };
}
