import { addDays, amsterdamDate, type Role, screeningValidUntil, yearOf } from '@duidingspool/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import regional from '../seed/oost-nederland.json' with { type: 'json' };
import type { Executor } from './client.ts';
import { hashPassword } from './passwords.ts';
import * as t from './schema/index.ts';

/** The password of every demo account the seed makes. */
export const DEMO_PASSWORD = 'demo-duidingspool-2019';
export const DEMO_DOMAIN = 'duidingspool.example';

/** The fictional demo specialists: expertise, languages, regions and rate history (cents/hour). */
export const DEMO_SPECIALISTS = [
  {
    n: 1,
    name: 'Dr. Amira Bouzid',
    areas: ['jihadism', 'islamic-theology', 'returnees'],
    languages: ['nl', 'ar', 'ber'],
    regions: ['GM', 'GZ'],
    rates: [{ from: '2019-01-01', cents: 12500 }],
  },
  {
    n: 2,
    name: 'Drs. Mehmet Yıldız',
    areas: ['jihadism', 'polarisation', 'family-systems'],
    languages: ['nl', 'tr'],
    regions: ['TW', 'IJ'],
    rates: [{ from: '2019-01-01', cents: 9500 }],
  },
  {
    n: 3,
    name: 'Dr. Jelle de Vries',
    areas: ['right-wing-extremism', 'online-radicalisation', 'anti-institutional-extremism'],
    languages: ['nl', 'en'],
    regions: ['GM', 'NOG', 'IJ'],
    rates: [
      { from: '2019-01-01', cents: 11000 },
      { from: '2025-01-01', cents: 11750 },
    ],
  },
  {
    n: 4,
    name: 'Drs. Sanne Kuipers',
    areas: ['psychology', 'family-systems'],
    languages: ['nl', 'en'],
    regions: ['GM', 'GZ', 'NOG', 'IJ', 'TW'],
    rates: [{ from: '2019-01-01', cents: 14000 }],
  },
  {
    n: 5,
    name: 'Mark Hendriks MA',
    areas: ['left-wing-extremism', 'anti-institutional-extremism', 'polarisation', 'right-wing-extremism'],
    languages: ['nl', 'de'],
    regions: ['NOG', 'TW'],
    rates: [
      { from: '2019-01-01', cents: 8500 },
      { from: '2024-01-01', cents: 9000 },
    ],
  },
  {
    n: 6,
    name: 'Dr. Youssef El Idrissi',
    areas: ['islamic-theology', 'returnees', 'online-radicalisation'],
    languages: ['nl', 'ar', 'ber', 'fr'],
    regions: ['GZ', 'IJ'],
    rates: [{ from: '2019-01-01', cents: 13000 }],
  },
] as const;

/** The fictional bio every demo specialist starts with. */
const DEMO_BIO = 'Fictief demoprofiel: duidingsspecialist in de pool Oost-Nederland.';

const cityKey = (city: string) =>
  city
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');

/** The name of the radicalisation casustafel of a safety house in `city` (as the Oost-Nederland structure file names them). */
export const caseTableName = (city: string) => `Casustafel Radicalisering ${city}`;

/**
 * Seeds the demo on top of the Oost-Nederland structure, which must be imported first (the server's
 * demo seed imports `db/seed/oost-nederland.json` through the structure import, then calls this):
 * the current year's budget (an assumption: the same amount and lines as the file's first year) and the
 * fictional demo people — coordinator, finance, admin, one requester per casustafel of the file, a
 * policy adviser who is a member of the municipality of Arnhem,
 * six specialists with expertise, languages, regions, rates and a screening dated a year before `today`. Idempotent: rows are matched on
 * their natural keys and never duplicated or overwritten.
 *
 * @param today `YYYY-MM-DD` in Europe/Amsterdam; decides the current year's budget
 * @throws Error when the structure's casustafels or regions are missing
 */
export async function seedDemo(db: Executor, options: { today?: string } = {}): Promise<void> {
  const today = options.today ?? amsterdamDate();
  const regionIds = new Map((await db.select({ id: t.safetyRegions.id, code: t.safetyRegions.code }).from(t.safetyRegions)).map((r) => [r.code, r.id]));
  const caseTables: { id: string; city: string }[] = [];
  for (const c of regional.caseTables) {
    const [table] = await db.select({ id: t.caseTables.id }).from(t.caseTables).where(eq(t.caseTables.code, c.code));
    const city = regional.safetyHouses.find((h) => h.code === c.safetyHouse)?.city;
    if (!table || !city) throw new Error(`casustafel ${c.code} missing: import the structure before the demo seed`);
    caseTables.push({ id: table.id, city });
  }
  const firstBudget = regional.budgets[0];
  const currentYear = yearOf(today);
  if (firstBudget && currentYear !== firstBudget.year) {
    await db
      .insert(t.budgets)
      .values({
        year: currentYear,
        allocatedCents: firstBudget.allocatedCents,
        fundingSource: `Versterkingsgelden ${currentYear}, Ministerie van Justitie en Veiligheid`,
        note: `Aanname: dezelfde begroting als in ${firstBudget.year} (programma € 457.500,00, duidingspool € 125.000,00), zodat de demo op de datum van vandaag werkt. Geen vastgestelde begroting.`,
      })
      .onConflictDoNothing();
    // The same lines as the file's first year, the first the default (decision 094); a year the seed
    // did not open keeps the lines it has.
    const [fresh] = await db.select({ n: sql<number>`count(*)::int` }).from(t.budgetLines).where(eq(t.budgetLines.year, currentYear));
    if ((fresh?.n ?? 0) === 0) {
      for (const [i, line] of (firstBudget.lines ?? []).entries()) {
        await db
          .insert(t.budgetLines)
          .values({
            year: currentYear,
            code: line.code,
            name: line.name,
            fundingSource: line.fundingSource as (typeof t.budgetLines.$inferInsert)['fundingSource'],
            isDefault: i === 0,
            allocatedCents: line.allocatedCents,
            note: line.note ?? null,
          })
          .onConflictDoNothing();
      }
    }
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const addUser = async (local: string, displayName: string, roles: Role[]) => {
    const email = `${local}@${DEMO_DOMAIN}`;
    await db.insert(t.users).values({ email, displayName, passwordHash, isDemo: true }).onConflictDoNothing();
    const [user] = await db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email));
    if (!user) throw new Error(`user ${email} missing after insert`);
    for (const role of roles) await db.insert(t.userRoles).values({ userId: user.id, role }).onConflictDoNothing();
    return user.id;
  };
  await addUser('coordinator', 'Fatima el Amrani', ['coordinator']);
  await addUser('finance', 'Peter Jansen', ['finance']);
  await addUser('admin', 'Ingrid Bos', ['admin']);
  for (const table of caseTables) {
    const userId = await addUser(`requester.${cityKey(table.city)}`, `Aanvrager ${table.city}`, ['requester']);
    await db.insert(t.caseTableMembers).values({ caseTableId: table.id, userId }).onConflictDoNothing();
  }
  // A policy adviser of the municipality of Arnhem, asking for trainings and consultations on its behalf (decision 095).
  const [arnhem] = await db
    .select({ id: t.municipalities.id })
    .from(t.municipalities)
    .where(and(eq(t.municipalities.name, 'Arnhem'), isNull(t.municipalities.retiredAt)));
  if (!arnhem) throw new Error('municipality Arnhem missing: import the structure before the demo seed');
  const adviserId = await addUser('adviser.arnhem', 'Beleidsadviseur Arnhem', ['requester']);
  await db.insert(t.municipalityMembers).values({ municipalityId: arnhem.id, userId: adviserId }).onConflictDoNothing();
  // Screened a year before the seed's today, so the demo specialists stay assignable for two more years.
  const screeningDate = addDays(today, -365);
  for (const s of DEMO_SPECIALISTS) {
    const userId = await addUser(`specialist${s.n}`, s.name, ['specialist']);
    await db
      .insert(t.specialists)
      .values({ userId, screeningDate, screeningValidUntil: screeningValidUntil(screeningDate), bio: DEMO_BIO })
      .onConflictDoNothing();
    const [spec] = await db.select({ id: t.specialists.id }).from(t.specialists).where(eq(t.specialists.userId, userId));
    if (!spec) throw new Error(`specialist ${s.n} missing after insert`);
    for (const code of s.areas) await db.insert(t.specialistExpertiseAreas).values({ specialistId: spec.id, expertiseAreaCode: code }).onConflictDoNothing();
    for (const language of s.languages) await db.insert(t.specialistLanguages).values({ specialistId: spec.id, language }).onConflictDoNothing();
    for (const code of s.regions) {
      const regionId = regionIds.get(code);
      if (regionId) await db.insert(t.specialistRegions).values({ specialistId: spec.id, regionId }).onConflictDoNothing();
    }
    for (const r of s.rates) {
      await db.insert(t.specialistRates).values({ specialistId: spec.id, rateCents: r.cents, validFrom: r.from }).onConflictDoNothing();
    }
  }
}

/** True when the database holds no regions yet (a fresh embedded database). */
export async function isEmpty(db: Executor): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(t.safetyRegions);
  return (row?.n ?? 0) === 0;
}
