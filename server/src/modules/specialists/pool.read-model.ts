import { type Executor, schema } from '@duidingspool/db';
import { assignabilityDate, LIVE_ASSIGNMENT_STATUSES, notAssignableReasons, type Specialist, type SpecialistListQuery } from '@duidingspool/shared';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../lib/context.ts';
import { countUpTo, type Page, type PageWindow, page } from '../../lib/pagination.ts';
import { profileListColumns } from './profile.read-model.ts';
import { activeInPool, specialistActions } from './specialists.repository.ts';

// Read model of the pool page (docs/architecture.md, "Read models"). Besides this module's tables it
// reads, and never writes: `users` (name and address of the specialist), `safety_regions`
// (organisation: the codes of the regions a specialist works in) and `assignments` (assignments:
// the current load).

/**
 * Read model of the pool for the coordinator: the active specialists (see `activeInPool`) with
 * expertise, languages, regions, the rate valid on `today` (YYYY-MM-DD, Europe/Amsterdam) and their
 * current load — live assignments and their estimated minutes not yet logged, read from the
 * assignments table (owned by the assignments module; read here, never written) — and whether each
 * can be assigned on `q.meetingDate` (or today when it is left out or past; `notAssignableReasons`,
 * shared). One page of `q`.
 */
export async function listPoolSpecialists(db: Executor, actor: Actor, q: SpecialistListQuery, today: string): Promise<Page<Specialist>> {
  const s = schema.specialists;
  const filters: SQL[] = [activeInPool];
  if (q.expertiseAreaCode) {
    filters.push(
      sql`exists (select 1 from ${schema.specialistExpertiseAreas} x where x.specialist_id = ${s.id} and x.expertise_area_code = ${q.expertiseAreaCode})`,
    );
  }
  if (q.language) filters.push(sql`exists (select 1 from ${schema.specialistLanguages} l where l.specialist_id = ${s.id} and l.language = ${q.language})`);
  const where = and(...filters);
  const on = assignabilityDate(q.meetingDate, today);
  const live = sql`a.status in (${sql.join(
    LIVE_ASSIGNMENT_STATUSES.map((status) => sql`${status}`),
    sql`, `,
  )}) and a.closed_at is null`;
  const rows = ({ limit, offset }: PageWindow) =>
    db
      .select({
        id: s.id,
        userId: s.userId,
        displayName: schema.users.displayName,
        email: schema.users.email,
        capacityMinutesPerMonth: s.capacityMinutesPerMonth,
        screeningValidUntil: s.screeningValidUntil,
        ...profileListColumns(),
        currentRateCents: sql<
          string | number | null
        >`(select r.rate_cents from ${schema.specialistRates} r where r.specialist_id = ${s.id} and r.valid_from <= ${today}::date order by r.valid_from desc limit 1)`,
        openAssignments: sql<number>`(select count(*)::int from ${schema.assignments} a where a.specialist_id = ${s.id} and ${live})`,
        absences: sql<
          { startsOn: string; endsOn: string }[]
        >`coalesce((select json_agg(json_build_object('startsOn', to_char(x.starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(x.ends_on, 'YYYY-MM-DD'))) from ${schema.specialistAbsences} x where x.specialist_id = ${s.id} and x.starts_on <= ${on}::date and x.ends_on >= ${on}::date), '[]'::json)`,
        openEstimatedMinutes: sql<number>`(select coalesce(sum(a.estimated_minutes - a.logged_minutes), 0)::int from ${schema.assignments} a where a.specialist_id = ${s.id} and ${live})`,
      })
      .from(s)
      .innerJoin(schema.users, eq(schema.users.id, s.userId))
      .where(where)
      .orderBy(asc(schema.users.displayName), asc(s.id))
      .limit(limit)
      .offset(offset);
  return page(
    q,
    rows,
    (cap) => countUpTo(db, db.select({ one: sql`1` }).from(s).innerJoin(schema.users, eq(schema.users.id, s.userId)).where(where), cap),
    ({ userId, absences, ...row }) => {
      const currentRateCents = row.currentRateCents === null ? null : Number(row.currentRateCents);
      const reasons = notAssignableReasons({ screeningValidUntil: row.screeningValidUntil, absences, hasRate: currentRateCents !== null }, on);
      return {
        ...row,
        currentRateCents,
        assignability: { date: on, assignable: reasons.length === 0, reasons },
        allowedActions: specialistActions(actor, userId),
      };
    },
  );
}
