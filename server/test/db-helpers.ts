// Direct database helpers for tests that must set up a situation the API cannot (a tight budget,
// a budget for an older year, a later rate change) or check stored rows against the API.
import { type DatabaseHandle, DEMO_DOMAIN, DEMO_PASSWORD, hashPassword, schema } from '@duidingspool/db';
import { addDays, amsterdamDate, screeningValidUntil } from '@duidingspool/shared';
import { and, eq, sql } from 'drizzle-orm';

/** The stored budget row of `year`. */
export async function budgetRow(handle: DatabaseHandle, year: number) {
  const [row] = await handle.db.select().from(schema.budgets).where(eq(schema.budgets.year, year));
  if (!row) throw new Error(`no budget row for ${year}`);
  return row;
}

/**
 * Sets `allocated_cents` of `year` directly, leaves the year's other lines exactly what is committed
 * on them (available 0) and gives its default line the rest: a tight year is a tight pool line, and
 * the year's available amount is the pool line's.
 */
export async function setAllocated(handle: DatabaseHandle, year: number, cents: number): Promise<void> {
  await handle.db.transaction(async (tx) => {
    const l = schema.budgetLines;
    const others = await tx
      .update(l)
      .set({ allocatedCents: sql`${l.reservedCents} + ${l.pendingCents} + ${l.spentCents}` })
      .where(and(eq(l.year, year), eq(l.isDefault, false)))
      .returning({ allocatedCents: l.allocatedCents });
    await tx.update(schema.budgets).set({ allocatedCents: cents }).where(eq(schema.budgets.year, year));
    await tx
      .update(l)
      .set({ allocatedCents: cents - others.reduce((s, o) => s + o.allocatedCents, 0) })
      .where(and(eq(l.year, year), eq(l.isDefault, true)));
  });
}

/** The default line (the pool's) of `year`. */
export async function defaultLine(handle: DatabaseHandle, year: number) {
  const [row] = await handle.db
    .select()
    .from(schema.budgetLines)
    .where(and(eq(schema.budgetLines.year, year), eq(schema.budgetLines.isDefault, true)));
  if (!row) throw new Error(`no default line for ${year}`);
  return row;
}

/** Adds a budget for `year` with its default line if there is none (for entries worked in years the seed has no budget for). */
export async function ensureBudget(handle: DatabaseHandle, year: number, allocatedCents = 12_500_000): Promise<void> {
  await handle.db.transaction(async (tx) => {
    const added = await tx
      .insert(schema.budgets)
      .values({ year, allocatedCents, fundingSource: `Test ${year}`, note: 'test' })
      .onConflictDoNothing()
      .returning({ year: schema.budgets.year });
    if (added.length === 0) return;
    await tx.insert(schema.budgetLines).values({ year, code: 'pool', name: 'Duidingspool', fundingSource: 'national-nctv', isDefault: true, allocatedCents });
  });
}

/** Sum of the `reserved_cents` of all assignments on `year`'s budget. */
export async function sumAssignmentReservations(handle: DatabaseHandle, year: number): Promise<number> {
  const [row] = await handle.db
    .select({ n: sql<string>`coalesce(sum(${schema.assignments.reservedCents}), 0)::bigint` })
    .from(schema.assignments)
    .where(eq(schema.assignments.budgetYear, year));
  return Number(row?.n ?? 0);
}

/**
 * Sum of the `amount_cents` of entries on `year` with `status`. A submitted correction is not
 * pending (it changes money only once approved), so `submitted` counts original entries only.
 */
export async function sumEntries(handle: DatabaseHandle, year: number, status: 'submitted' | 'approved' | 'rejected'): Promise<number> {
  const te = schema.timeEntries;
  const onlyOriginals = status === 'submitted' ? sql`and ${te.correctsEntryId} is null` : sql``;
  const [row] = await handle.db
    .select({ n: sql<string>`coalesce(sum(${te.amountCents}), 0)::bigint` })
    .from(te)
    .where(sql`${te.budgetYear} = ${year} and ${te.status} = ${status} ${onlyOriginals}`);
  return Number(row?.n ?? 0);
}

/**
 * Dates an assignment's proposal and its request's first submission at `date` (00:00
 * Europe/Amsterdam in winter time), as if it had run since then: hours can only be logged from the
 * request's submission on.
 */
export async function startAssignmentOn(handle: DatabaseHandle, assignmentId: string, date: string): Promise<void> {
  const at = new Date(`${date}T00:00:00+01:00`);
  const [row] = await handle.db
    .update(schema.assignments)
    .set({ proposedAt: at })
    .where(eq(schema.assignments.id, assignmentId))
    .returning({ requestId: schema.assignments.requestId });
  if (row) await handle.db.update(schema.interpretationRequests).set({ submittedAt: at }).where(eq(schema.interpretationRequests.id, row.requestId));
}

/**
 * Every running total recomputed from the rows, next to the stored one, for every budget year:
 * the budget figures, the day, group and expertise totals behind the budget page, and the
 * specialists' day minutes. Returns a list of mismatches (empty when the ledger is consistent).
 */
export async function ledgerMismatches(handle: DatabaseHandle): Promise<string[]> {
  const q = async (text: string) => (await handle.db.execute(sql.raw(text))) as unknown as Record<string, unknown>[];
  const rows = (r: unknown) => ((r as { rows?: unknown[] }).rows ?? r) as Record<string, unknown>[];
  const checks: [string, string][] = [
    [
      'budgets',
      `select b.year, b.reserved_cents, b.pending_cents, b.spent_cents,
        coalesce((select sum(reserved_cents) from assignments a where a.budget_year = b.year), 0) as reserved_rows,
        coalesce((select sum(amount_cents) from time_entries e where e.budget_year = b.year and e.status = 'submitted' and e.corrects_entry_id is null), 0) as pending_rows,
        coalesce((select sum(amount_cents) from time_entries e where e.budget_year = b.year and e.status = 'approved'), 0) as spent_rows
       from budgets b
       where b.reserved_cents <> coalesce((select sum(reserved_cents) from assignments a where a.budget_year = b.year), 0)
          or b.pending_cents <> coalesce((select sum(amount_cents) from time_entries e where e.budget_year = b.year and e.status = 'submitted' and e.corrects_entry_id is null), 0)
          or b.spent_cents <> coalesce((select sum(amount_cents) from time_entries e where e.budget_year = b.year and e.status = 'approved'), 0)
          or b.allocated_cents - b.reserved_cents - b.pending_cents - b.spent_cents < 0`,
    ],
    [
      // Every line's totals are the sum of what charges it, its available ≥ 0, and it is a line of its rows' year (decision 094).
      'budget_lines',
      `select l.id, l.year, l.reserved_cents, l.pending_cents, l.spent_cents from budget_lines l
       where l.reserved_cents <> coalesce((select sum(reserved_cents) from assignments a where a.budget_line_id = l.id), 0)
          or l.pending_cents <> coalesce((select sum(amount_cents) from time_entries e where e.budget_line_id = l.id and e.status = 'submitted' and e.corrects_entry_id is null), 0)
          or l.spent_cents <> coalesce((select sum(amount_cents) from time_entries e where e.budget_line_id = l.id and e.status = 'approved'), 0)
          or l.allocated_cents - l.reserved_cents - l.pending_cents - l.spent_cents < 0
          or exists (select 1 from assignments a where a.budget_line_id = l.id and a.budget_year <> l.year)
          or exists (select 1 from time_entries e where e.budget_line_id = l.id and e.budget_year <> l.year)`,
    ],
    [
      // A year's totals are its lines' totals, and its lines hold at most its allocation.
      'budgets_vs_lines',
      `select b.year from budgets b
       where b.reserved_cents <> coalesce((select sum(reserved_cents) from budget_lines l where l.year = b.year), 0)
          or b.pending_cents <> coalesce((select sum(pending_cents) from budget_lines l where l.year = b.year), 0)
          or b.spent_cents <> coalesce((select sum(spent_cents) from budget_lines l where l.year = b.year), 0)
          or b.allocated_cents < coalesce((select sum(allocated_cents) from budget_lines l where l.year = b.year), 0)
          or (select count(*) from budget_lines l where l.year = b.year and l.is_default) <> 1`,
    ],
    [
      'assignments',
      `select a.id, a.logged_minutes, a.estimated_minutes, a.reserved_cents from assignments a
       where a.logged_minutes <> coalesce((select sum(abs(e.minutes)) filter (where e.corrects_entry_id is null and e.status <> 'rejected')
                                                - coalesce(sum(-e.minutes) filter (where e.corrects_entry_id is not null and e.status = 'approved'), 0)
                                           from time_entries e where e.assignment_id = a.id), 0)
          or a.reserved_cents < 0`,
    ],
    [
      'ledger_day_totals',
      `with r as (select budget_year, worked_on, sum(ledger_entry_pending(status, corrects_entry_id, amount_cents)) p, sum(ledger_entry_spent(status, amount_cents)) s
                  from time_entries group by 1, 2)
       select * from r full join ledger_day_totals t using (budget_year, worked_on)
       where coalesce(r.p, 0) <> coalesce(t.pending_cents, 0) or coalesce(r.s, 0) <> coalesce(t.spent_cents, 0)`,
    ],
    [
      'ledger_group_totals',
      `with r as (select e.budget_year, e.specialist_id, e.activity, q.municipality_id, q.case_table_id,
                    sum(ledger_entry_pending(e.status, e.corrects_entry_id, e.amount_cents)) p, sum(ledger_entry_spent(e.status, e.amount_cents)) s,
                    sum(ledger_entry_counted(e.status, e.corrects_entry_id)) c
                  from time_entries e join assignments a on a.id = e.assignment_id join interpretation_requests q on q.id = a.request_id group by 1, 2, 3, 4, 5)
       select * from r full join ledger_group_totals t using (budget_year, specialist_id, activity, municipality_id, case_table_id)
       where coalesce(r.p, 0) <> coalesce(t.pending_cents, 0) or coalesce(r.s, 0) <> coalesce(t.spent_cents, 0) or coalesce(r.c, 0) <> coalesce(t.entry_count, 0)`,
    ],
    [
      'specialist_day_minutes',
      `with r as (select specialist_id, worked_on, sum(minutes) m from time_entries
                  where (corrects_entry_id is null and status <> 'rejected') or (corrects_entry_id is not null and status = 'approved') group by 1, 2)
       select * from r full join specialist_day_minutes t using (specialist_id, worked_on)
       where coalesce(r.m, 0) <> coalesce(t.minutes, 0)`,
    ],
  ];
  const problems: string[] = [];
  for (const [name, text] of checks) {
    const found = rows(await q(text));
    if (found.length > 0) problems.push(`${name}: ${JSON.stringify(found.slice(0, 3))}`);
  }
  return problems;
}

/**
 * A second coordinator (`local@duidingspool.example`, demo password), for the four-eyes rules: a
 * correction is approved by another coordinator than the one who booked it (docs/design.md §2).
 * @returns the new user's id
 */
export async function createCoordinator(handle: DatabaseHandle, local: string): Promise<string> {
  const [user] = await handle.db
    .insert(schema.users)
    .values({ email: `${local}@${DEMO_DOMAIN}`, displayName: 'Tweede coördinator', passwordHash: await hashPassword(DEMO_PASSWORD), isDemo: true })
    .returning({ id: schema.users.id });
  if (!user) throw new Error('user insert returned no row');
  await handle.db.insert(schema.userRoles).values({ userId: user.id, role: 'coordinator' });
  return user.id;
}

/**
 * Makes a demo-password user `local@duidingspool.example` who holds both `coordinator` and
 * `specialist`, with a specialist profile (psychology, Dutch, a rate from 2019): the person
 * separation of duties is about (docs/design.md §2). The demo seed has no such user; tests make one.
 * @returns the user id and the specialist profile id
 */
export async function createCoordinatorSpecialist(handle: DatabaseHandle, local: string): Promise<{ userId: string; specialistId: string }> {
  const [user] = await handle.db
    .insert(schema.users)
    .values({ email: `${local}@${DEMO_DOMAIN}`, displayName: 'Coördinator en specialist', passwordHash: await hashPassword(DEMO_PASSWORD), isDemo: true })
    .returning({ id: schema.users.id });
  if (!user) throw new Error('user insert returned no row');
  await handle.db.insert(schema.userRoles).values([
    { userId: user.id, role: 'coordinator' },
    { userId: user.id, role: 'specialist' },
  ]);
  const screeningDate = addDays(amsterdamDate(), -365);
  const [profile] = await handle.db
    .insert(schema.specialists)
    .values({ userId: user.id, screeningDate, screeningValidUntil: screeningValidUntil(screeningDate) })
    .returning({ id: schema.specialists.id });
  if (!profile) throw new Error('specialist insert returned no row');
  await handle.db.insert(schema.specialistExpertiseAreas).values({ specialistId: profile.id, expertiseAreaCode: 'psychology' });
  await handle.db.insert(schema.specialistLanguages).values({ specialistId: profile.id, language: 'nl' });
  await handle.db.insert(schema.specialistRates).values({ specialistId: profile.id, rateCents: 10000, validFrom: '2019-01-01' });
  return { userId: user.id, specialistId: profile.id };
}

/**
 * Makes a demo-password requester `local@duidingspool.example` who is a member of the municipality
 * named `municipalityName` (a policy adviser asking on its behalf, decision 095), as the demo seed
 * does for Arnhem. @returns the user id and the municipality id
 */
export async function createMunicipalAdviser(
  handle: DatabaseHandle,
  local: string,
  municipalityName: string,
): Promise<{ userId: string; municipalityId: string }> {
  const [municipality] = await handle.db
    .select({ id: schema.municipalities.id })
    .from(schema.municipalities)
    .where(eq(schema.municipalities.name, municipalityName));
  if (!municipality) throw new Error(`municipality ${municipalityName} missing`);
  const [user] = await handle.db
    .insert(schema.users)
    .values({ email: `${local}@${DEMO_DOMAIN}`, displayName: `Adviseur ${municipalityName}`, passwordHash: await hashPassword(DEMO_PASSWORD), isDemo: true })
    .returning({ id: schema.users.id });
  if (!user) throw new Error('user insert returned no row');
  await handle.db.insert(schema.userRoles).values({ userId: user.id, role: 'requester' });
  await handle.db.insert(schema.municipalityMembers).values({ userId: user.id, municipalityId: municipality.id });
  return { userId: user.id, municipalityId: municipality.id };
}
