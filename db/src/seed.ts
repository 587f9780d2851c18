import { amsterdamDate, type Role, yearOf } from '@duidingspool/shared';
import { eq, sql } from 'drizzle-orm';
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

const cityKey = (city: string) =>
  city
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');

/** The name of the radicalisation casustafel of a safety house in `city`. */
export const caseTableName = (city: string) => `Casustafel Radicalisering ${city}`;

/**
 * Seeds the public Oost-Nederland structure (5 regions, 6 safety houses, 77 municipalities, one
 * casustafel per safety house), the reference data, the 2019 budget and the current year's budget
 * (an assumption: same amount), and — unless `demoAccounts` is false — the fictional demo people.
 * Idempotent: rows are matched on their natural keys and never duplicated or overwritten.
 *
 * @param today `YYYY-MM-DD` in Europe/Amsterdam; decides the current year's budget
 */
export async function seed(db: Executor, options: { demoAccounts?: boolean; today?: string } = {}): Promise<void> {
  const today = options.today ?? amsterdamDate();
  for (const a of regional.expertiseAreas) {
    await db.insert(t.expertiseAreas).values({ code: a.code, nameNl: a.nl, nameEn: a.en }).onConflictDoNothing();
  }
  for (const a of regional.activities) {
    await db.insert(t.activities).values({ code: a.code, nameNl: a.nl, nameEn: a.en }).onConflictDoNothing();
  }
  const regionIds = new Map<string, string>();
  const caseTables: { id: string; city: string }[] = [];
  for (const r of regional.safetyRegions) {
    await db.insert(t.safetyRegions).values({ code: r.code, name: r.name, seat: r.seat }).onConflictDoNothing();
    const [region] = await db.select({ id: t.safetyRegions.id }).from(t.safetyRegions).where(eq(t.safetyRegions.code, r.code));
    if (!region) throw new Error(`region ${r.code} missing after insert`);
    regionIds.set(r.code, region.id);
    for (const h of r.safetyHouses) {
      await db.insert(t.safetyHouses).values({ regionId: region.id, name: h.name, city: h.city }).onConflictDoNothing();
      const [house] = await db.select({ id: t.safetyHouses.id }).from(t.safetyHouses).where(eq(t.safetyHouses.name, h.name));
      if (!house) throw new Error(`safety house ${h.name} missing after insert`);
      await db
        .insert(t.caseTables)
        .values({ name: caseTableName(h.city), safetyHouseId: house.id })
        .onConflictDoNothing();
      const [table] = await db
        .select({ id: t.caseTables.id })
        .from(t.caseTables)
        .where(eq(t.caseTables.name, caseTableName(h.city)));
      if (!table) throw new Error(`case table for ${h.city} missing after insert`);
      caseTables.push({ id: table.id, city: h.city });
      for (const m of h.municipalities) {
        await db.insert(t.municipalities).values({ name: m, safetyHouseId: house.id }).onConflictDoNothing();
        const [mun] = await db.select({ id: t.municipalities.id }).from(t.municipalities).where(eq(t.municipalities.name, m));
        if (!mun) throw new Error(`municipality ${m} missing after insert`);
        await db.insert(t.caseTableMunicipalities).values({ caseTableId: table.id, municipalityId: mun.id }).onConflictDoNothing();
      }
    }
  }
  for (const b of regional.budgets) {
    await db.insert(t.budgets).values({ year: b.year, allocatedCents: b.allocatedCents, fundingSource: b.fundingSource, note: b.note }).onConflictDoNothing();
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
        note: `Aanname: hetzelfde bedrag als in ${firstBudget.year} (€ 125.000,00), zodat de demo op de datum van vandaag werkt. Geen vastgestelde begroting.`,
      })
      .onConflictDoNothing();
  }
  if (options.demoAccounts === false) return;

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
  for (const s of DEMO_SPECIALISTS) {
    const userId = await addUser(`specialist${s.n}`, s.name, ['specialist']);
    await db.insert(t.specialists).values({ userId, screeningValidUntil: '2027-12-31' }).onConflictDoNothing();
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
