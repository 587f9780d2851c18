import { type Executor, schema } from '@duidingspool/db';
import {
  CBS_CODE_PATTERN,
  type CreateReferenceItemBody,
  REFERENCE_HAS_ENGLISH_NAME,
  REFERENCE_PARENT,
  type ReferenceItem,
  type ReferenceKind,
  type UpdateReferenceItemBody,
} from '@duidingspool/shared';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { AppError, invalidField, invalidTransition, notFound } from '../../errors.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { audit } from '../audit/index.ts';
import {
  addCodedName,
  type CodedName,
  codedNameTaken,
  findCodedName,
  listCodedNames,
  renameCodedName,
  retireCodedName,
  type SpecialistReferenceKind,
} from '../specialists/index.ts';
import { membersOfCaseTables, setCaseTableMembership } from '../users/index.ts';
import { counted, OPEN_REQUESTS_NL, openRequestsOf, retirementBlockers } from './structure-usage.read-model.ts';

// The admin's reference-data administration (docs/design.md §2, decision 081): add, rename and
// retire safety regions, safety houses, municipalities and casustafels (this module's tables),
// expertise areas and activities (through the specialists module), and the members of a casustafel
// (through the users module). Codes never change; nothing is deleted.

type OrganisationKind = Exclude<ReferenceKind, SpecialistReferenceKind>;

const r = schema.safetyRegions;
const h = schema.safetyHouses;
const m = schema.municipalities;
const ct = schema.caseTables;
const ctm = schema.caseTableMunicipalities;

/** The Dutch word for one item of each kind, for messages. */
const WHAT: Record<ReferenceKind, string> = {
  'safety-regions': 'Deze veiligheidsregio',
  'safety-houses': 'Dit Zorg- en Veiligheidshuis',
  municipalities: 'Deze gemeente',
  'case-tables': 'Deze casustafel',
  'expertise-areas': 'Dit expertisegebied',
  activities: 'Deze activiteit',
};

/** The audit `objectType` of each kind. */
const OBJECT_TYPE: Record<ReferenceKind, string> = {
  'safety-regions': 'safety-region',
  'safety-houses': 'safety-house',
  municipalities: 'municipality',
  'case-tables': 'case-table',
  'expertise-areas': 'expertise-area',
  activities: 'activity',
};

const isSpecialistKind = (kind: ReferenceKind): kind is SpecialistReferenceKind => kind === 'expertise-areas' || kind === 'activities';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

const blank = { nameEn: null, seat: null, city: null, parentCode: null, parentName: null, municipalities: [], members: [] };

const fromCodedName = (kind: ReferenceKind, row: CodedName): ReferenceItem => ({
  ...blank,
  kind,
  code: row.code,
  name: row.nameNl,
  nameEn: row.nameEn,
  retiredAt: iso(row.retiredAt),
});

/** One row of an organisation table, with its id (the routes speak in codes). */
interface OrgRow {
  id: string;
  code: string;
  name: string;
  retiredAt: Date | null;
}

/**
 * Every item of `kind`, retired ones included (marked by `retiredAt`), by name: the admin's list.
 * Casustafels come with the municipalities they serve and their members.
 */
export async function listReferenceItems(db: Executor, kind: ReferenceKind): Promise<ReferenceItem[]> {
  if (isSpecialistKind(kind)) return (await listCodedNames(db, kind)).map((row) => fromCodedName(kind, row));
  switch (kind) {
    case 'safety-regions':
      return (await db.select().from(r).orderBy(asc(r.name))).map((row) => ({
        ...blank,
        kind,
        code: row.code,
        name: row.name,
        seat: row.seat,
        retiredAt: iso(row.retiredAt),
      }));
    case 'safety-houses':
      return (await db.select({ house: h, parentCode: r.code, parentName: r.name }).from(h).innerJoin(r, eq(r.id, h.regionId)).orderBy(asc(h.name))).map(
        ({ house, parentCode, parentName }) => ({
          ...blank,
          kind,
          code: house.code,
          name: house.name,
          city: house.city,
          parentCode,
          parentName,
          retiredAt: iso(house.retiredAt),
        }),
      );
    case 'municipalities':
      return (await db.select({ row: m, parentCode: h.code, parentName: h.name }).from(m).innerJoin(h, eq(h.id, m.safetyHouseId)).orderBy(asc(m.name))).map(
        ({ row, parentCode, parentName }) => ({
          ...blank,
          kind,
          code: row.cbsCode,
          name: row.name,
          parentCode,
          parentName,
          retiredAt: iso(row.retiredAt),
        }),
      );
    case 'case-tables': {
      const rows = await db
        .select({
          row: ct,
          parentCode: h.code,
          parentName: h.name,
          municipalities: sql<
            { code: string; name: string }[]
          >`coalesce((select json_agg(json_build_object('code', mm.cbs_code, 'name', mm.name) order by mm.name) from ${ctm} x join ${m} mm on mm.id = x.municipality_id where x.case_table_id = ${ct.id}), '[]'::json)`,
        })
        .from(ct)
        .innerJoin(h, eq(h.id, ct.safetyHouseId))
        .orderBy(asc(ct.name));
      const members = await membersOfCaseTables(
        db,
        rows.map((x) => x.row.id),
      );
      return rows.map(({ row, parentCode, parentName, municipalities }) => ({
        ...blank,
        kind,
        code: row.code,
        name: row.name,
        parentCode,
        parentName,
        municipalities,
        members: members.get(row.id) ?? [],
        retiredAt: iso(row.retiredAt),
      }));
    }
  }
}

/** The item `code` of `kind` as the admin's list shows it. @throws AppError 404 */
async function getReferenceItem(db: Executor, kind: ReferenceKind, code: string): Promise<ReferenceItem> {
  const item = (await listReferenceItems(db, kind)).find((x) => x.code === code);
  if (!item) throw notFound(WHAT[kind]);
  return item;
}

/** The organisation row of `kind` with `code`, or null; with `lock`, after taking the kind's write lock (held to the end of the transaction). */
async function findOrgRow(db: Executor, kind: OrganisationKind, code: string, lock = true): Promise<OrgRow | null> {
  const pick = async () => {
    switch (kind) {
      case 'safety-regions':
        return db.select({ id: r.id, code: r.code, name: r.name, retiredAt: r.retiredAt }).from(r).where(eq(r.code, code));
      case 'safety-houses':
        return db.select({ id: h.id, code: h.code, name: h.name, retiredAt: h.retiredAt }).from(h).where(eq(h.code, code));
      case 'municipalities':
        return db.select({ id: m.id, code: m.cbsCode, name: m.name, retiredAt: m.retiredAt }).from(m).where(eq(m.cbsCode, code));
      case 'case-tables':
        return db.select({ id: ct.id, code: ct.code, name: ct.name, retiredAt: ct.retiredAt }).from(ct).where(eq(ct.code, code));
    }
  };
  // One writer per kind at a time: the checks of a free code and name, and the write, see the same rows.
  if (lock) await lockKind(db, kind);
  const [row] = await pick();
  // The row itself `for update` before anything checks what uses it: a request or entry that reads it
  // `for share` (caseTableRetired, activityRetired, …) either finished before — and is counted — or
  // waits and then sees the change.
  if (lock && row) await lockOrgRow(db, kind, row.id);
  return row ?? null;
}

/** The write lock of `kind` (a transaction-level advisory lock): one writer per kind at a time. */
async function lockKind(db: Executor, kind: ReferenceKind): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`duidingspool:reference:${kind}`}))`);
}

/** Locks the row `id` of `kind` `for update` inside the caller's transaction. */
async function lockOrgRow(db: Executor, kind: OrganisationKind, id: string): Promise<void> {
  const t = kind === 'safety-regions' ? r : kind === 'safety-houses' ? h : kind === 'municipalities' ? m : ct;
  await db.select({ id: t.id }).from(t).where(eq(t.id, id)).for('update');
}

/** True when another row of `kind` than `exceptId` already has the name `name`, compared without regard to letter case (the names of houses, municipalities and casustafels are unique). */
async function nameTaken(db: Executor, kind: OrganisationKind, name: string, exceptId: string | null): Promise<boolean> {
  const t = kind === 'safety-regions' ? r : kind === 'safety-houses' ? h : kind === 'municipalities' ? m : ct;
  const rows = await db.select({ id: t.id }).from(t).where(sql`lower(${t.name}) = lower(${name})`);
  return rows.some((row) => row.id !== exceptId);
}

const conflictOn = (pointer: string, message: string) => new AppError('conflict', `${message}.`, { errors: [{ in: 'body', pointer, message }] });
const retiredOn = (pointer: string, message: string) => new AppError('retired', `${message}.`, { errors: [{ in: 'body', pointer, message }] });

/** Refuses a field the kind does not have, and asks for one it needs. @throws AppError 400 */
function assertFields(kind: ReferenceKind, body: Partial<CreateReferenceItemBody>, creating: boolean): void {
  const needs: Record<'nameEn' | 'seat' | 'city' | 'parentCode' | 'municipalityCodes', boolean> = {
    nameEn: REFERENCE_HAS_ENGLISH_NAME[kind],
    seat: kind === 'safety-regions',
    city: kind === 'safety-houses',
    parentCode: REFERENCE_PARENT[kind] !== null && creating,
    municipalityCodes: kind === 'case-tables',
  };
  for (const [field, needed] of Object.entries(needs) as [keyof typeof needs, boolean][]) {
    const given = body[field] !== undefined;
    if (given && !needed) throw invalidField(`/${field}`, 'hoort niet bij dit soort gegevens');
    if (!given && needed && creating) throw invalidField(`/${field}`, 'is verplicht');
  }
  if (creating && kind === 'municipalities' && body.code !== undefined && !CBS_CODE_PATTERN.test(body.code)) {
    throw invalidField('/code', 'een gemeente heeft als code haar CBS-code: GM en vier cijfers (GM0202)');
  }
}

/**
 * The ids of the municipalities with `codes` (CBS codes), for a casustafel to serve.
 * @throws AppError 400 on `/municipalityCodes/i` (unknown), 409 `retired` (retired; only for codes in `fresh`)
 */
async function municipalityIds(db: Executor, codes: string[], fresh: ReadonlySet<string>): Promise<Map<string, string>> {
  const rows = codes.length === 0 ? [] : await db.select({ id: m.id, code: m.cbsCode, retiredAt: m.retiredAt }).from(m).where(inArray(m.cbsCode, codes));
  const byCode = new Map(rows.map((x) => [x.code, x]));
  for (const [i, code] of codes.entries()) {
    const row = byCode.get(code);
    if (!row) throw invalidField(`/municipalityCodes/${i}`, `onbekende gemeente ${code}`);
    if (row.retiredAt !== null && fresh.has(code)) throw retiredOn(`/municipalityCodes/${i}`, `gemeente ${code} is opgeheven`);
  }
  return new Map(rows.map((x) => [x.code, x.id]));
}

/** The id of the not-retired parent `code` of an item of `kind`. @throws AppError 400 (unknown), 409 `retired` */
async function parentId(db: Executor, kind: ReferenceKind, code: string): Promise<string> {
  const parentKind = REFERENCE_PARENT[kind] as OrganisationKind;
  const parent = await findOrgRow(db, parentKind, code, false);
  const what = parentKind === 'safety-regions' ? 'veiligheidsregio' : 'Zorg- en Veiligheidshuis';
  if (!parent) throw invalidField('/parentCode', `onbekend(e) ${what} ${code}`);
  if (parent.retiredAt !== null) throw retiredOn('/parentCode', `${what} ${code} is opgeheven`);
  return parent.id;
}

/**
 * Adds an item of reference data. Names are trimmed; the code is stable from now on.
 *
 * @throws AppError 400 `validation-failed` (a field the kind needs or does not have, a municipality
 *   code that is no CBS code, an unknown parent or municipality), 409 `conflict` (code or name
 *   taken, pointer `/code` or `/name`), 409 `retired` (the parent or a municipality is retired)
 */
export async function addReferenceItem(ctx: ServiceContext, kind: ReferenceKind, body: CreateReferenceItemBody): Promise<ReferenceItem> {
  assertFields(kind, body, true);
  const name = body.name.trim();
  return ctx.db.transaction(async (tx) => {
    if (isSpecialistKind(kind)) {
      const nameEn = (body.nameEn ?? '').trim();
      await lockKind(tx, kind);
      const taken = await codedNameTaken(tx, kind, { nameNl: name, nameEn }, null);
      if (taken) throw conflictOn(taken === 'nameNl' ? '/name' : '/nameEn', `de naam ${taken === 'nameNl' ? name : nameEn} bestaat al`);
      const added = await addCodedName(tx, kind, { code: body.code, nameNl: name, nameEn });
      if (!added) throw conflictOn('/code', `de code ${body.code} bestaat al`);
    } else {
      if (await findOrgRow(tx, kind, body.code)) throw conflictOn('/code', `de code ${body.code} bestaat al`);
      if (await nameTaken(tx, kind, name, null)) throw conflictOn('/name', `de naam ${name} bestaat al`);
      switch (kind) {
        case 'safety-regions':
          await tx.insert(r).values({ code: body.code, name, seat: (body.seat ?? '').trim() });
          break;
        case 'safety-houses':
          await tx.insert(h).values({ code: body.code, name, city: (body.city ?? '').trim(), regionId: await parentId(tx, kind, body.parentCode ?? '') });
          break;
        case 'municipalities':
          await tx.insert(m).values({ cbsCode: body.code, name, safetyHouseId: await parentId(tx, kind, body.parentCode ?? '') });
          break;
        case 'case-tables': {
          const codes = [...new Set(body.municipalityCodes ?? [])];
          if (codes.length === 0) throw invalidField('/municipalityCodes', 'een casustafel bedient minstens één gemeente');
          const safetyHouseId = await parentId(tx, kind, body.parentCode ?? '');
          const served = await municipalityIds(tx, codes, new Set(codes));
          const [row] = await tx.insert(ct).values({ code: body.code, name, safetyHouseId }).returning({ id: ct.id });
          if (!row) throw new Error('case table insert returned no row');
          await tx.insert(ctm).values([...served.values()].map((municipalityId) => ({ caseTableId: row.id, municipalityId })));
          break;
        }
      }
    }
    const item = await getReferenceItem(tx, kind, body.code);
    await audit(ctx, tx, {
      action: 'create',
      objectType: OBJECT_TYPE[kind],
      objectId: body.code,
      result: 'success',
      details: {
        name: item.name,
        ...(item.nameEn ? { nameEn: item.nameEn } : {}),
        parentCode: item.parentCode,
        municipalities: item.municipalities.map((x) => x.code),
      },
    });
    return item;
  });
}

/**
 * Renames an item (and for a casustafel sets the municipalities it serves); the code and the
 * parent stay. Retired items may be renamed (their name is shown in history). A casustafel stops
 * serving a municipality only when none of its open requests names that municipality.
 *
 * @throws AppError 404, 400 `validation-failed`, 409 `conflict` (name taken), 409 `retired` (a
 *   municipality added is retired), 409 `in-use` (a municipality dropped has open requests here)
 */
export async function updateReferenceItem(ctx: ServiceContext, kind: ReferenceKind, code: string, body: UpdateReferenceItemBody): Promise<ReferenceItem> {
  assertFields(kind, body, false);
  return ctx.db.transaction(async (tx) => {
    // Lock first (the row, or the kind's write lock), then read what is changed.
    const row = isSpecialistKind(kind) ? await findCodedName(tx, kind, code) : await findOrgRow(tx, kind, code);
    if (!row) throw notFound(WHAT[kind]);
    const before = await getReferenceItem(tx, kind, code);
    const name = body.name?.trim();
    if (isSpecialistKind(kind)) {
      const nameEn = body.nameEn?.trim();
      await lockKind(tx, kind);
      const taken = await codedNameTaken(tx, kind, { nameNl: name, nameEn }, code);
      if (taken) throw conflictOn(taken === 'nameNl' ? '/name' : '/nameEn', `de naam ${taken === 'nameNl' ? name : nameEn} bestaat al`);
      await renameCodedName(tx, kind, code, { nameNl: name, nameEn });
    } else if ('id' in row) {
      if (name !== undefined && (await nameTaken(tx, kind, name, row.id))) throw conflictOn('/name', `de naam ${name} bestaat al`);
      switch (kind) {
        case 'safety-regions':
          if (name !== undefined || body.seat !== undefined) await tx.update(r).set({ name, seat: body.seat?.trim() }).where(eq(r.id, row.id));
          break;
        case 'safety-houses':
          if (name !== undefined || body.city !== undefined) await tx.update(h).set({ name, city: body.city?.trim() }).where(eq(h.id, row.id));
          break;
        case 'municipalities':
          if (name !== undefined) await tx.update(m).set({ name }).where(eq(m.id, row.id));
          break;
        case 'case-tables': {
          if (name !== undefined) await tx.update(ct).set({ name }).where(eq(ct.id, row.id));
          if (body.municipalityCodes !== undefined) await serveMunicipalities(tx, row.id, before, [...new Set(body.municipalityCodes)]);
          break;
        }
      }
    }
    const after = await getReferenceItem(tx, kind, code);
    const changed = Object.fromEntries(
      (['name', 'nameEn', 'seat', 'city'] as const).filter((k) => before[k] !== after[k]).map((k) => [k, { from: before[k], to: after[k] }]),
    );
    const served = (x: ReferenceItem) => x.municipalities.map((y) => y.code);
    if (JSON.stringify(served(before)) !== JSON.stringify(served(after)))
      Object.assign(changed, { municipalities: { from: served(before), to: served(after) } });
    if (Object.keys(changed).length > 0)
      await audit(ctx, tx, { action: 'update', objectType: OBJECT_TYPE[kind], objectId: code, result: 'success', details: changed });
    return after;
  });
}

/** Makes the municipalities casustafel `caseTableId` serves exactly `codes`. */
async function serveMunicipalities(tx: Executor, caseTableId: string, before: ReferenceItem, codes: string[]): Promise<void> {
  const current = new Set(before.municipalities.map((x) => x.code));
  const wanted = new Set(codes);
  const ids = await municipalityIds(tx, [...new Set([...codes, ...current])], new Set(codes.filter((c) => !current.has(c))));
  const dropped = [...current].filter((c) => !wanted.has(c));
  const added = codes.filter((c) => !current.has(c));
  if (dropped.length > 0) {
    const droppedIds = dropped.map((c) => ids.get(c) as string);
    const open = await openRequestsOf(tx, caseTableId, droppedIds);
    if (open.length > 0)
      throw new AppError('in-use', `Deze casustafel heeft nog open aanvragen voor een gemeente die u wilt weghalen: ${open.join(', ')}.`, {
        usedBy: [`${counted(open.length, OPEN_REQUESTS_NL)} (${open.join(', ')})`],
      });
    await tx.delete(ctm).where(and(eq(ctm.caseTableId, caseTableId), inArray(ctm.municipalityId, droppedIds)));
  }
  if (added.length > 0) await tx.insert(ctm).values(added.map((c) => ({ caseTableId, municipalityId: ids.get(c) as string })));
}

/**
 * Retires an item: it stays in history and in existing requests, entries and profiles, but is no
 * longer offered for anything new (a retired casustafel takes no new requests and no new members).
 * Refused while something still actively uses it (`retirementBlockers`, decision 081).
 *
 * @throws AppError 404, 409 `invalid-transition` (already retired), 409 `in-use` with `usedBy`
 */
export async function retireReferenceItem(ctx: ServiceContext, kind: ReferenceKind, code: string): Promise<ReferenceItem> {
  const outcome = await ctx.db.transaction(async (tx): Promise<{ item: ReferenceItem } | { usedBy: string[] }> => {
    let id: string;
    let retiredAt: Date | null;
    if (isSpecialistKind(kind)) {
      const row = await findCodedName(tx, kind, code);
      if (!row) throw notFound(WHAT[kind]);
      ({ code: id, retiredAt } = row);
    } else {
      const row = await findOrgRow(tx, kind, code);
      if (!row) throw notFound(WHAT[kind]);
      ({ id, retiredAt } = row);
    }
    if (retiredAt !== null) throw invalidTransition(`${WHAT[kind]} is al opgeheven.`);
    const usedBy = await retirementBlockers(tx, kind, id);
    if (usedBy.length > 0) return { usedBy };
    const at = ctx.now();
    if (isSpecialistKind(kind)) await retireCodedName(tx, kind, code, at);
    else {
      const t = kind === 'safety-regions' ? r : kind === 'safety-houses' ? h : kind === 'municipalities' ? m : ct;
      await tx
        .update(t)
        .set({ retiredAt: at })
        .where(and(eq(t.id, id), isNull(t.retiredAt)));
    }
    await audit(ctx, tx, { action: 'retire', objectType: OBJECT_TYPE[kind], objectId: code, result: 'success' });
    return { item: await getReferenceItem(tx, kind, code) };
  });
  if ('item' in outcome) return outcome.item;
  // The refusal is audited after the transaction, which wrote nothing (docs/design.md §6).
  const { usedBy } = outcome;
  await audit(ctx, ctx.db, { action: 'retire', objectType: OBJECT_TYPE[kind], objectId: code, result: 'denied', details: { usedBy } });
  throw new AppError('in-use', `${WHAT[kind]} is nog in gebruik: ${usedBy.join('; ')}.`, { usedBy });
}

/**
 * Adds (`member: true`) or removes a member of casustafel `code`, through the users module
 * (`setCaseTableMembership`, which audits the user's new memberships). A retired casustafel takes no
 * new members; its members may be removed.
 *
 * @throws AppError 404 (casustafel, user, membership), 409 `retired`, and the users module's refusals
 */
export async function setMember(ctx: ServiceContext, code: string, userId: string, member: boolean): Promise<ReferenceItem> {
  const row = await findOrgRow(ctx.db, 'case-tables', code, false);
  if (!row) throw notFound(WHAT['case-tables']);
  if (member && row.retiredAt !== null) throw new AppError('retired', 'Deze casustafel is opgeheven en krijgt geen nieuwe leden.');
  await setCaseTableMembership(ctx, userId, row.id, member);
  return getReferenceItem(ctx.db, 'case-tables', code);
}

/** The items of `kind` for the admin's list (see `listReferenceItems`). */
export async function referenceItems(ctx: ServiceContext, kind: ReferenceKind): Promise<{ items: ReferenceItem[] }> {
  return { items: await listReferenceItems(ctx.db, kind) };
}
