import { type Executor, type StructureProblem, schema } from '@duidingspool/db';
import { OPEN_REQUEST_STATUSES, type ReferenceKind } from '@duidingspool/shared';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';

/** A request's pool reference; a draft, which has none yet, is listed as “concept <id>”. */
const referenceOrDraft = sql<string>`coalesce(${schema.interpretationRequests.reference}, 'concept ' || ${schema.interpretationRequests.id})`;

// The structure import's check that a file removes nothing in use: for each code the file no longer
// names, what still uses it. Reads, besides the organisation's own tables: `interpretation_requests`
// (by municipality and casustafel), `request_expertise_areas`, `case_table_members` and `users` (the
// members' e-mail addresses), `specialists`, `specialist_regions`, `specialist_expertise_areas`
// (with the specialists' `users`) and `time_entries` (by activity). It writes nothing.
//
// Also the admin's check before retiring one item (`retirementBlockers`): what still actively uses
// it, from the same tables (open `interpretation_requests`, `request_expertise_areas` of open
// requests, `time_entries` awaiting review).

/** Codes per part that the file no longer names (from the upserts). */
export interface AbsentCodes {
  safetyRegions: string[];
  safetyHouses: string[];
  municipalities: string[];
  caseTables: string[];
  expertiseAreas: string[];
  activities: string[];
}

/** At most this many users are named per kind; the rest are counted. */
const NAMED = 5;

/** A noun in the singular and the plural, chosen by the count before it ("1 member", "2 members"). */
export type Noun = readonly [one: string, many: string];
export const counted = (n: number, [one, many]: Noun) => `${n} ${n === 1 ? one : many}`;

const listed = (kind: Noun, labels: string[]) =>
  labels.length === 0
    ? []
    : [`${counted(labels.length, kind)} (${labels.slice(0, NAMED).join(', ')}${labels.length > NAMED ? `, and ${labels.length - NAMED} more` : ''})`];

/**
 * One problem per absent code that something still uses, naming what uses it: municipalities with
 * requests, casustafels with members or requests, expertise areas of specialists or requests,
 * activities with time entries, safety houses whose municipalities or casustafels are so used, and
 * safety regions served by specialists or with requests in their municipalities. The pointer is the
 * part's array.
 */
export async function absentCodesInUse(db: Executor, absent: AbsentCodes): Promise<StructureProblem[]> {
  const problems: StructureProblem[] = [];
  const refuse = (part: keyof AbsentCodes, what: string, uses: string[]) => {
    if (uses.length > 0) problems.push({ pointer: `/${part}`, message: `${what} is not in the file but is in use: ${uses.join('; ')}` });
  };
  const u = schema.users;
  const ir = schema.interpretationRequests;

  // Children of a dropped parent are dropped too (the file's references are checked), so a dropped
  // region or safety house is in use only through what itself is in use, or a specialist's region.
  if (absent.safetyRegions.length > 0) {
    const r = schema.safetyRegions;
    for (const row of await db.select().from(r).where(inArray(r.code, absent.safetyRegions))) {
      const specialists = await db
        .select({ email: u.email })
        .from(schema.specialistRegions)
        .innerJoin(schema.specialists, eq(schema.specialists.id, schema.specialistRegions.specialistId))
        .innerJoin(u, eq(u.id, schema.specialists.userId))
        .where(eq(schema.specialistRegions.regionId, row.id))
        .orderBy(u.email);
      const requests = await db
        .select({ reference: referenceOrDraft })
        .from(ir)
        .innerJoin(schema.municipalities, eq(schema.municipalities.id, ir.municipalityId))
        .innerJoin(schema.safetyHouses, eq(schema.safetyHouses.id, schema.municipalities.safetyHouseId))
        .where(eq(schema.safetyHouses.regionId, row.id))
        .orderBy(ir.reference);
      refuse('safetyRegions', `safety region ${row.code} (${row.name})`, [
        ...listed(
          ['specialist serving it', 'specialists serving it'],
          specialists.map((x) => x.email),
        ),
        ...listed(
          ['interpretation request of its municipalities', 'interpretation requests of its municipalities'],
          requests.map((x) => x.reference),
        ),
      ]);
    }
  }
  if (absent.safetyHouses.length > 0) {
    const h = schema.safetyHouses;
    for (const row of await db.select().from(h).where(inArray(h.code, absent.safetyHouses))) {
      const requests = await db
        .select({ reference: referenceOrDraft })
        .from(ir)
        .innerJoin(schema.municipalities, eq(schema.municipalities.id, ir.municipalityId))
        .innerJoin(schema.caseTables, eq(schema.caseTables.id, ir.caseTableId))
        .where(or(eq(schema.municipalities.safetyHouseId, row.id), eq(schema.caseTables.safetyHouseId, row.id)))
        .orderBy(ir.reference);
      const members = await db
        .select({ email: u.email })
        .from(schema.caseTableMembers)
        .innerJoin(schema.caseTables, eq(schema.caseTables.id, schema.caseTableMembers.caseTableId))
        .innerJoin(u, eq(u.id, schema.caseTableMembers.userId))
        .where(eq(schema.caseTables.safetyHouseId, row.id))
        .orderBy(u.email);
      refuse('safetyHouses', `safety house ${row.code} (${row.name})`, [
        ...listed(
          ['interpretation request of its municipalities and casustafels', 'interpretation requests of its municipalities and casustafels'],
          requests.map((x) => x.reference),
        ),
        ...listed(
          ['member of its casustafels', 'members of its casustafels'],
          members.map((x) => x.email),
        ),
      ]);
    }
  }
  if (absent.municipalities.length > 0) {
    const m = schema.municipalities;
    for (const row of await db.select().from(m).where(inArray(m.cbsCode, absent.municipalities))) {
      const requests = await db.select({ reference: referenceOrDraft }).from(ir).where(eq(ir.municipalityId, row.id)).orderBy(ir.reference);
      refuse('municipalities', `municipality ${row.cbsCode} (${row.name})`, [
        ...listed(
          ['interpretation request', 'interpretation requests'],
          requests.map((x) => x.reference),
        ),
      ]);
    }
  }
  if (absent.caseTables.length > 0) {
    const ct = schema.caseTables;
    for (const row of await db.select().from(ct).where(inArray(ct.code, absent.caseTables))) {
      const members = await db
        .select({ email: u.email })
        .from(schema.caseTableMembers)
        .innerJoin(u, eq(u.id, schema.caseTableMembers.userId))
        .where(eq(schema.caseTableMembers.caseTableId, row.id))
        .orderBy(u.email);
      const requests = await db.select({ reference: referenceOrDraft }).from(ir).where(eq(ir.caseTableId, row.id)).orderBy(ir.reference);
      refuse('caseTables', `casustafel ${row.code} (${row.name})`, [
        ...listed(
          ['member', 'members'],
          members.map((x) => x.email),
        ),
        ...listed(
          ['interpretation request', 'interpretation requests'],
          requests.map((x) => x.reference),
        ),
      ]);
    }
  }
  for (const code of absent.expertiseAreas) {
    const specialists = await db
      .select({ email: u.email })
      .from(schema.specialistExpertiseAreas)
      .innerJoin(schema.specialists, eq(schema.specialists.id, schema.specialistExpertiseAreas.specialistId))
      .innerJoin(u, eq(u.id, schema.specialists.userId))
      .where(eq(schema.specialistExpertiseAreas.expertiseAreaCode, code))
      .orderBy(u.email);
    const requests = await db
      .select({ reference: referenceOrDraft })
      .from(schema.requestExpertiseAreas)
      .innerJoin(ir, eq(ir.id, schema.requestExpertiseAreas.requestId))
      .where(eq(schema.requestExpertiseAreas.expertiseAreaCode, code))
      .orderBy(ir.reference);
    refuse('expertiseAreas', `expertise area ${code}`, [
      ...listed(
        ['specialist', 'specialists'],
        specialists.map((x) => x.email),
      ),
      ...listed(
        ['interpretation request', 'interpretation requests'],
        requests.map((x) => x.reference),
      ),
    ]);
  }
  for (const code of absent.activities) {
    const entries = await db.select({ id: schema.timeEntries.id }).from(schema.timeEntries).where(eq(schema.timeEntries.activity, code));
    if (entries.length > 0) refuse('activities', `activity ${code}`, [counted(entries.length, ['time entry', 'time entries'])]);
  }
  return problems;
}

/** "open aanvraag" / "open aanvragen", for the admin's messages. */
export const OPEN_REQUESTS_NL: Noun = ['open aanvraag', 'open aanvragen'];

/** The statuses in which a request is still open (not closed, withdrawn or cancelled). */
const OPEN = [...OPEN_REQUEST_STATUSES];

const listedNl = (kind: Noun, labels: string[]) =>
  labels.length === 0
    ? []
    : [`${counted(labels.length, kind)} (${labels.slice(0, NAMED).join(', ')}${labels.length > NAMED ? ` en ${labels.length - NAMED} meer` : ''})`];

/**
 * What still actively uses one item the admin wants to retire, one Dutch line per kind of use
 * (empty: it may be retired). The rules (decision 081): a safety region while it has safety houses
 * that are not retired; a safety house while it has municipalities or casustafels that are not
 * retired; a municipality while a casustafel that is not retired serves it or an open request names
 * it; a casustafel while it has open requests; an expertise area while an open request asks for it;
 * an activity while time entries on it await review. History (closed requests, approved hours,
 * specialists' profiles, members) never blocks: retired items stay in it.
 *
 * @param id the row's uuid (organisation kinds) or code (expertise areas, activities)
 */
export async function retirementBlockers(db: Executor, kind: ReferenceKind, id: string): Promise<string[]> {
  const ir = schema.interpretationRequests;
  const h = schema.safetyHouses;
  const m = schema.municipalities;
  const ct = schema.caseTables;
  const openRequests = async (where: ReturnType<typeof eq>) =>
    (
      await db
        .select({ reference: referenceOrDraft })
        .from(ir)
        .where(and(where, inArray(ir.status, OPEN)))
        .orderBy(ir.reference)
    ).map((x) => x.reference);
  switch (kind) {
    case 'safety-regions': {
      const houses = await db
        .select({ name: h.name })
        .from(h)
        .where(and(eq(h.regionId, id), isNull(h.retiredAt)))
        .orderBy(h.name);
      return listedNl(
        ['Zorg- en Veiligheidshuis dat niet is opgeheven', 'Zorg- en Veiligheidshuizen die niet zijn opgeheven'],
        houses.map((x) => x.name),
      );
    }
    case 'safety-houses': {
      const municipalities = await db
        .select({ name: m.name })
        .from(m)
        .where(and(eq(m.safetyHouseId, id), isNull(m.retiredAt)))
        .orderBy(m.name);
      const tables = await db
        .select({ name: ct.name })
        .from(ct)
        .where(and(eq(ct.safetyHouseId, id), isNull(ct.retiredAt)))
        .orderBy(ct.name);
      return [
        ...listedNl(
          ['gemeente die niet is opgeheven', 'gemeenten die niet zijn opgeheven'],
          municipalities.map((x) => x.name),
        ),
        ...listedNl(
          ['casustafel die niet is opgeheven', 'casustafels die niet zijn opgeheven'],
          tables.map((x) => x.name),
        ),
      ];
    }
    case 'municipalities': {
      const tables = await db
        .select({ name: ct.name })
        .from(schema.caseTableMunicipalities)
        .innerJoin(ct, eq(ct.id, schema.caseTableMunicipalities.caseTableId))
        .where(and(eq(schema.caseTableMunicipalities.municipalityId, id), isNull(ct.retiredAt)))
        .orderBy(ct.name);
      return [
        ...listedNl(
          ['casustafel die haar bedient', 'casustafels die haar bedienen'],
          tables.map((x) => x.name),
        ),
        ...listedNl(OPEN_REQUESTS_NL, await openRequests(eq(ir.municipalityId, id))),
      ];
    }
    case 'case-tables':
      return listedNl(OPEN_REQUESTS_NL, await openRequests(eq(ir.caseTableId, id)));
    case 'expertise-areas': {
      const requests = await db
        .select({ reference: referenceOrDraft })
        .from(schema.requestExpertiseAreas)
        .innerJoin(ir, eq(ir.id, schema.requestExpertiseAreas.requestId))
        .where(and(eq(schema.requestExpertiseAreas.expertiseAreaCode, id), inArray(ir.status, OPEN)))
        .orderBy(ir.reference);
      return listedNl(
        OPEN_REQUESTS_NL,
        requests.map((x) => x.reference),
      );
    }
    case 'activities': {
      const te = schema.timeEntries;
      const entries = await db
        .select({ id: te.id })
        .from(te)
        .where(and(eq(te.activity, id), eq(te.status, 'submitted')));
      return entries.length === 0 ? [] : [counted(entries.length, ['tijdregistratie die op beoordeling wacht', 'tijdregistraties die op beoordeling wachten'])];
    }
  }
}

/** The references of the open requests of casustafel `caseTableId` that name one of `municipalityIds` (a casustafel stops serving a municipality only without them). */
export async function openRequestsOf(db: Executor, caseTableId: string, municipalityIds: string[]): Promise<string[]> {
  if (municipalityIds.length === 0) return [];
  const ir = schema.interpretationRequests;
  const rows = await db
    .select({ reference: referenceOrDraft })
    .from(ir)
    .where(and(eq(ir.caseTableId, caseTableId), inArray(ir.municipalityId, municipalityIds), inArray(ir.status, OPEN)))
    .orderBy(ir.reference);
  return rows.map((x) => x.reference);
}
