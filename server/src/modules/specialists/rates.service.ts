import { schema } from '@duidingspool/db';
import type { CreateRateBody, SpecialistRate } from '@duidingspool/shared';
import { asc, eq } from 'drizzle-orm';
import { AppError, notFound } from '../../errors.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { iso } from '../../lib/pagination.ts';
import { assertNotOwnWork } from '../../lib/separation-of-duties.ts';
import { audit } from '../audit/index.ts';

const r = schema.specialistRates;
const toDto = (row: typeof r.$inferSelect): SpecialistRate => ({
  id: row.id,
  specialistId: row.specialistId,
  rateCents: row.rateCents,
  validFrom: row.validFrom,
  createdAt: iso(row.createdAt),
});

async function assertSpecialist(ctx: ServiceContext, specialistId: string): Promise<{ userId: string }> {
  const [s] = await ctx.db.select({ userId: schema.specialists.userId }).from(schema.specialists).where(eq(schema.specialists.id, specialistId));
  if (!s) throw notFound('Deze specialist');
  return s;
}

/** A specialist's rate history, oldest first. @throws AppError 404 `not-found` */
export async function listRates(ctx: ServiceContext, specialistId: string): Promise<SpecialistRate[]> {
  await assertSpecialist(ctx, specialistId);
  const rows = await ctx.db.select().from(r).where(eq(r.specialistId, specialistId)).orderBy(asc(r.validFrom));
  return rows.map(toDto);
}

/**
 * The coordinator adds a rate (cents per hour > 0) valid from a date (docs/design.md §5).
 * Entries and reservations keep the price stored on them: nothing existing is repriced; entries
 * logged later on or after `validFrom` get the new rate. Audited. Nobody sets their own rate
 * (separation of duties, docs/design.md §2).
 *
 * @throws AppError 404 `not-found`, 403 `separation-of-duties`, 409 `conflict` (a rate from that date exists already)
 */
export async function addRate(ctx: ServiceContext, specialistId: string, body: CreateRateBody): Promise<SpecialistRate> {
  const specialist = await assertSpecialist(ctx, specialistId);
  assertNotOwnWork(ctx.actor, specialist.userId, 'een eigen tarief vastleggen');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(r)
      .values({ specialistId, rateCents: body.rateCents, validFrom: body.validFrom, createdBy: ctx.actor.userId })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('conflict', `Er is al een tarief dat geldt vanaf ${body.validFrom}.`);
    await audit(ctx, tx, {
      action: 'add-rate',
      objectType: 'specialist',
      objectId: specialistId,
      result: 'success',
      details: { rateCents: body.rateCents, validFrom: body.validFrom },
    });
    return toDto(row);
  });
}
