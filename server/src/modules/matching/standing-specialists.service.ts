import { type Executor, schema } from '@duidingspool/db';
import type { PutStandingSpecialistsBody, StandingSpecialistList } from '@duidingspool/shared';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { AppError, invalidField, notFound } from '../../errors.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { assertNotOwnWork } from '../../lib/separation-of-duties.ts';
import { audit } from '../audit/index.ts';
import { activeInPool, conflictTargetsOf, hasConflictConcerning } from '../specialists/index.ts';

// Standing specialists per casustafel (docs/design.md §2 "Matching", decision 101). This module owns
// `case_table_standing_specialists`; it reads the casustafels (organisation) and specialists.

const st = schema.caseTableStandingSpecialists;

async function assertCaseTable(db: Executor, caseTableId: string): Promise<void> {
  const [row] = await db.select({ id: schema.caseTables.id }).from(schema.caseTables).where(eq(schema.caseTables.id, caseTableId));
  if (!row) throw notFound('Deze casustafel');
}

async function listOf(db: Executor, caseTableId: string): Promise<StandingSpecialistList> {
  const rows = await db
    .select({
      specialistId: st.specialistId,
      displayName: schema.users.displayName,
      active: sql<boolean>`${activeInPool}`,
      // Only a conflict with the casustafel or its house (a municipality's closes that municipality's requests alone).
      conflictOfInterest: sql<boolean>`${hasConflictConcerning(sql`${st.specialistId}`, { caseTableId: sql`${caseTableId}::uuid`, municipalityId: sql`null::uuid` })}`,
    })
    .from(st)
    .innerJoin(schema.specialists, eq(schema.specialists.id, st.specialistId))
    .innerJoin(schema.users, eq(schema.users.id, schema.specialists.userId))
    .where(eq(st.caseTableId, caseTableId))
    .orderBy(asc(schema.users.displayName), asc(st.specialistId));
  return { caseTableId, items: rows.map((r) => ({ ...r, active: r.active === true, conflictOfInterest: r.conflictOfInterest === true })) };
}

/**
 * The standing specialists of casustafel `caseTableId` (coordinator), by name; `active` says
 * whether each is still active in the pool. @throws AppError 404 `not-found`
 */
export async function getStandingSpecialists(ctx: ServiceContext, caseTableId: string): Promise<StandingSpecialistList> {
  await assertCaseTable(ctx.db, caseTableId);
  return listOf(ctx.db, caseTableId);
}

/**
 * Replaces the standing specialists of casustafel `caseTableId` with `body.specialistIds` (coordinator;
 * empty: none). Each must be a specialist active in the pool, and never the coordinator themselves
 * (separation of duties: a standing specialist ranks first), and none who declared a conflict of
 * interest with this casustafel or its Zorg- en Veiligheidshuis (decision 100). Audited as `set-standing-specialists`
 * with the ids added and removed.
 *
 * @throws AppError 404 `not-found`, 400 `validation-failed` on `/specialistIds/{i}`, 403 `separation-of-duties`,
 *   409 `conflict-of-interest` on `/specialistIds/{i}`, 409 `retired` (a retired casustafel, unless the list is emptied)
 */
export async function setStandingSpecialists(ctx: ServiceContext, caseTableId: string, body: PutStandingSpecialistsBody): Promise<StandingSpecialistList> {
  const ids = [...new Set(body.specialistIds)];
  return ctx.db.transaction(async (tx) => {
    const [table] = await tx
      .select({ id: schema.caseTables.id, safetyHouseId: schema.caseTables.safetyHouseId, retiredAt: schema.caseTables.retiredAt })
      .from(schema.caseTables)
      .where(eq(schema.caseTables.id, caseTableId))
      .for('update');
    if (!table) throw notFound('Deze casustafel');
    // A retired casustafel asks nothing more: its list can be emptied, not filled.
    if (table.retiredAt !== null && ids.length > 0)
      throw new AppError('retired', 'Deze casustafel is opgeheven: er komen geen verzoeken meer, dus ook geen vaste specialisten.');
    const found =
      ids.length === 0
        ? []
        : await tx
            .select({ id: schema.specialists.id, userId: schema.specialists.userId, active: sql<boolean>`${activeInPool}` })
            .from(schema.specialists)
            .innerJoin(schema.users, eq(schema.users.id, schema.specialists.userId))
            .where(inArray(schema.specialists.id, ids));
    for (const [i, id] of body.specialistIds.entries()) {
      const sp = found.find((f) => f.id === id);
      if (sp?.active !== true) throw invalidField(`/specialistIds/${i}`, 'geen actieve specialist in de pool');
      assertNotOwnWork(ctx.actor, sp.userId, 'uzelf als vaste specialist koppelen', [{ in: 'body', pointer: `/specialistIds/${i}`, message: 'uzelf' }]);
      // A declared conflict with this casustafel or its house rules out standing for it (decision 100):
      // a standing specialist sees its new requests. A conflict with one of its municipalities does
      // not: those requests alone stay closed to them, and suggestions exclude them there.
      const conflicts = await conflictTargetsOf(tx, id);
      if (conflicts.some((c) => c.caseTableId === caseTableId || c.safetyHouseId === table.safetyHouseId)) {
        throw new AppError(
          'conflict-of-interest',
          'Deze specialist heeft belangenverstrengeling gemeld met deze casustafel of haar Zorg- en Veiligheidshuis.',
          {
            errors: [{ in: 'body', pointer: `/specialistIds/${i}`, message: 'belangenverstrengeling gemeld' }],
          },
        );
      }
    }
    const before = (await tx.select({ id: st.specialistId }).from(st).where(eq(st.caseTableId, caseTableId))).map((r) => r.id);
    const added = ids.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !ids.includes(id));
    if (removed.length > 0) await tx.delete(st).where(sql`${st.caseTableId} = ${caseTableId} and ${inArray(st.specialistId, removed)}`);
    if (added.length > 0) await tx.insert(st).values(added.map((specialistId) => ({ caseTableId, specialistId, createdBy: ctx.actor.userId })));
    await audit(ctx, tx, {
      action: 'set-standing-specialists',
      objectType: 'case-table',
      objectId: caseTableId,
      result: 'success',
      details: { added, removed },
    });
    return listOf(tx, caseTableId);
  });
}
