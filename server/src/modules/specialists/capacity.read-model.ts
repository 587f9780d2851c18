import { type Executor, schema } from '@duidingspool/db';
import { addDays, CAPACITY_VIEW_WEEKS, type CapacityView, LIVE_ASSIGNMENT_STATUSES } from '@duidingspool/shared';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { mondayOf, weekCapacity } from '../../lib/capacity.ts';
import { activeInPool } from './specialists.repository.ts';

// Read model of the capacity view (docs/design.md §2 "Matching", decision 100). Besides this
// module's tables it reads, and never writes: `users` (name, active) and `assignments` (the
// current load).

const s = schema.specialists;
const abs = schema.specialistAbsences;

/**
 * The capacity of every specialist active in the pool for the `CAPACITY_VIEW_WEEKS` weeks from the
 * week of `today` (YYYY-MM-DD, Europe/Amsterdam): per week the minutes their monthly capacity gives
 * on the working days they are not absent (`weekCapacity`), and their current open load.
 */
export async function capacityView(db: Executor, today: string): Promise<CapacityView> {
  const first = mondayOf(today);
  const weekStarts = Array.from({ length: CAPACITY_VIEW_WEEKS }, (_, i) => addDays(first, 7 * i));
  const last = addDays(first, 7 * CAPACITY_VIEW_WEEKS - 1);
  const live = sql`a.status in (${sql.join(
    LIVE_ASSIGNMENT_STATUSES.map((status) => sql`${status}`),
    sql`, `,
  )}) and a.closed_at is null`;
  const rows = await db
    .select({
      id: s.id,
      displayName: schema.users.displayName,
      capacityMinutesPerMonth: s.capacityMinutesPerMonth,
      openEstimatedMinutes: sql<number>`(select coalesce(sum(greatest(a.estimated_minutes - a.logged_minutes, 0)), 0)::int from ${schema.assignments} a where a.specialist_id = ${s.id} and ${live})`,
    })
    .from(s)
    .innerJoin(schema.users, eq(schema.users.id, s.userId))
    .where(activeInPool)
    .orderBy(asc(schema.users.displayName), asc(s.id));
  const absences =
    rows.length === 0
      ? []
      : await db
          .select({ specialistId: abs.specialistId, startsOn: abs.startsOn, endsOn: abs.endsOn })
          .from(abs)
          .where(
            and(
              inArray(
                abs.specialistId,
                rows.map((r) => r.id),
              ),
              lte(abs.startsOn, last),
              gte(abs.endsOn, first),
            ),
          );
  return {
    weekStarts,
    items: rows.map((row) => {
      const own = absences.filter((a) => a.specialistId === row.id);
      return {
        specialistId: row.id,
        displayName: row.displayName,
        openEstimatedMinutes: Number(row.openEstimatedMinutes),
        weeks: weekStarts.map((weekStart) => ({ weekStart, ...weekCapacity(row.capacityMinutesPerMonth, weekStart, own) })),
      };
    }),
  };
}
