import { type Executor, schema, type Transaction } from '@duidingspool/db';
import type { Conflict, ConflictKind, ConflictTarget, CreateConflictBody, NamedConflict } from '@duidingspool/shared';
import { asc, eq, inArray } from 'drizzle-orm';
import { AppError, invalidField, notFound } from '../../errors.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { iso } from '../../lib/pagination.ts';
import { assertNoPersonalDataInProfile } from '../../lib/personal-data-guard.ts';
import { audit } from '../audit/index.ts';
import { assertEditable, visibleProfile } from './profile.service.ts';

// Conflicts of interest (docs/design.md §2, decision 100): a specialist declares them per
// municipality, casustafel or organisation (Zorg- en Veiligheidshuis); the assignability rule in
// shared (`notAssignableReasons`) refuses an assignment for a request of that party. Reads the
// organisation's tables for the targets' names, never writes them.

const c = schema.specialistConflicts;

const targetName = {
  municipality: schema.municipalities.name,
  'case-table': schema.caseTables.name,
  'safety-house': schema.safetyHouses.name,
} as const;

/**
 * The declared conflicts of the given specialists with their targets' names, by specialist;
 * `'every'`: of every specialist (the suggestions read the whole pool's in one scan of this small
 * table rather than naming some hundreds of ids).
 */
export async function namedConflictsOf(
  db: Executor,
  specialistIds: readonly string[] | 'every',
): Promise<Map<string, (NamedConflict & { id: string; note: string; createdAt: Date })[]>> {
  const out = new Map<string, (NamedConflict & { id: string; note: string; createdAt: Date })[]>();
  if (specialistIds !== 'every' && specialistIds.length === 0) return out;
  const rows = await db
    .select({
      id: c.id,
      specialistId: c.specialistId,
      kind: c.kind,
      municipalityId: c.municipalityId,
      caseTableId: c.caseTableId,
      safetyHouseId: c.safetyHouseId,
      note: c.note,
      createdAt: c.createdAt,
      municipalityName: schema.municipalities.name,
      caseTableName: schema.caseTables.name,
      safetyHouseName: schema.safetyHouses.name,
    })
    .from(c)
    .leftJoin(schema.municipalities, eq(schema.municipalities.id, c.municipalityId))
    .leftJoin(schema.caseTables, eq(schema.caseTables.id, c.caseTableId))
    .leftJoin(schema.safetyHouses, eq(schema.safetyHouses.id, c.safetyHouseId))
    .where(specialistIds === 'every' ? undefined : inArray(c.specialistId, [...specialistIds]))
    .orderBy(asc(c.createdAt), asc(c.id));
  for (const row of rows) {
    const name = row.municipalityName ?? row.caseTableName ?? row.safetyHouseName ?? '';
    const list = out.get(row.specialistId) ?? [];
    list.push({
      id: row.id,
      kind: row.kind,
      name,
      municipalityId: row.municipalityId,
      caseTableId: row.caseTableId,
      safetyHouseId: row.safetyHouseId,
      note: row.note,
      createdAt: new Date(row.createdAt),
    });
    out.set(row.specialistId, list);
  }
  return out;
}

/** The targets of the conflicts specialist `specialistId` declared (for the assignability rule). */
export async function conflictTargetsOf(db: Executor, specialistId: string): Promise<ConflictTarget[]> {
  return db
    .select({ municipalityId: c.municipalityId, caseTableId: c.caseTableId, safetyHouseId: c.safetyHouseId })
    .from(c)
    .where(eq(c.specialistId, specialistId));
}

const toConflict = (specialistId: string, x: NamedConflict & { id: string; note: string; createdAt: Date }): Conflict => ({
  id: x.id,
  specialistId,
  kind: x.kind,
  targetId: (x.municipalityId ?? x.caseTableId ?? x.safetyHouseId) as string,
  targetName: x.name,
  note: x.note,
  createdAt: iso(x.createdAt),
});

/**
 * The declared conflicts of specialist `specialistId`, oldest first, with their notes: the
 * coordinator anyone's, a specialist their own. @throws AppError 404 `not-found`
 */
export async function listConflicts(ctx: ServiceContext, specialistId: string): Promise<Conflict[]> {
  await visibleProfile(ctx, specialistId);
  const map = await namedConflictsOf(ctx.db, [specialistId]);
  return (map.get(specialistId) ?? []).map((x) => toConflict(specialistId, x));
}

/** The kind, pointer and target table of a conflict body (exactly one target, checked by its schema). */
function targetOf(body: CreateConflictBody): { kind: ConflictKind; pointer: string; id: string } {
  if (body.municipalityId) return { kind: 'municipality', pointer: '/municipalityId', id: body.municipalityId };
  if (body.caseTableId) return { kind: 'case-table', pointer: '/caseTableId', id: body.caseTableId };
  if (body.safetyHouseId) return { kind: 'safety-house', pointer: '/safetyHouseId', id: body.safetyHouseId };
  throw invalidField('/municipalityId', 'kies precies één gemeente, casustafel of organisatie');
}

const TARGET_TABLE = {
  municipality: { table: schema.municipalities, label: 'onbekende gemeente' },
  'case-table': { table: schema.caseTables, label: 'onbekende casustafel' },
  'safety-house': { table: schema.safetyHouses, label: 'onbekende organisatie' },
} as const;

/**
 * Specialist `specialistId` declares a conflict of interest with a municipality, casustafel or
 * organisation (the specialist for themselves, or the coordinator), with an optional note. From now
 * on they are excluded from the suggestions of, and cannot be assigned to, a request of that party.
 * Audited as `declare-conflict` (without the note's text).
 *
 * @throws AppError 404 `not-found`, 403 `forbidden`, 400 `validation-failed` naming the field
 *   (unknown target), 409 `conflict` (already declared), 422 `personal-data-detected` (note)
 */
export async function addConflict(ctx: ServiceContext, specialistId: string, body: CreateConflictBody): Promise<Conflict> {
  const target = targetOf(body);
  const made = await ctx.db.transaction(async (tx) => {
    const row = await visibleProfile(ctx, specialistId, tx, true);
    assertEditable(ctx.actor, row, ['conflicts']);
    const { table, label } = TARGET_TABLE[target.kind];
    const [exists] = await tx.select({ id: table.id, name: targetName[target.kind] }).from(table).where(eq(table.id, target.id));
    if (!exists) throw invalidField(target.pointer, label);
    assertNoPersonalDataInProfile({ note: body.note });
    const [inserted] = await tx
      .insert(c)
      .values({
        specialistId,
        kind: target.kind,
        municipalityId: body.municipalityId ?? null,
        caseTableId: body.caseTableId ?? null,
        safetyHouseId: body.safetyHouseId ?? null,
        note: body.note?.trim() ?? '',
        createdBy: ctx.actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: c.id });
    if (!inserted) {
      throw new AppError('conflict', `Belangenverstrengeling met ${exists.name} is al gemeld.`, {
        errors: [{ in: 'body', pointer: target.pointer, message: 'al gemeld' }],
      });
    }
    await audit(ctx, tx, {
      action: 'declare-conflict',
      objectType: 'specialist',
      objectId: specialistId,
      result: 'success',
      details: { conflictId: inserted.id, kind: target.kind, targetId: target.id },
    });
    return inserted.id;
  });
  const list = await listConflicts(ctx, specialistId);
  const found = list.find((x) => x.id === made);
  if (!found) throw new Error('declared conflict not found after insert');
  return found;
}

/**
 * Records, inside the caller's transaction `tx`, that specialist `specialistId` has a conflict of
 * interest with municipality or casustafel `targetId` — declared by declining a proposal for it
 * (decision 103). Without a note; a declaration already there stays as it is (returns false).
 * Audited as `declare-conflict` with `via: 'declined-proposal'` and the assignment's id.
 */
export async function recordConflictFromDecline(
  ctx: ServiceContext,
  tx: Transaction,
  specialistId: string,
  target: { kind: 'municipality' | 'case-table'; id: string },
  assignmentId: string,
): Promise<boolean> {
  const [inserted] = await tx
    .insert(c)
    .values({
      specialistId,
      kind: target.kind,
      municipalityId: target.kind === 'municipality' ? target.id : null,
      caseTableId: target.kind === 'case-table' ? target.id : null,
      safetyHouseId: null,
      note: '',
      createdBy: ctx.actor.userId,
    })
    .onConflictDoNothing()
    .returning({ id: c.id });
  if (!inserted) return false;
  await audit(ctx, tx, {
    action: 'declare-conflict',
    objectType: 'specialist',
    objectId: specialistId,
    result: 'success',
    details: { conflictId: inserted.id, kind: target.kind, targetId: target.id, via: 'declined-proposal', assignmentId },
  });
  return true;
}

/**
 * Withdraws declared conflict `conflictId`: the specialist their own, the coordinator any. Audited
 * as `withdraw-conflict`. @throws AppError 404 `not-found`, 403 `forbidden`
 */
export async function deleteConflict(ctx: ServiceContext, conflictId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [found] = await tx.select().from(c).where(eq(c.id, conflictId)).for('update');
    if (!found) throw notFound('Deze melding');
    const row = await visibleProfile(ctx, found.specialistId, tx, true).catch(() => {
      throw notFound('Deze melding');
    });
    assertEditable(ctx.actor, row, ['conflicts']);
    await tx.delete(c).where(eq(c.id, conflictId));
    await audit(ctx, tx, {
      action: 'withdraw-conflict',
      objectType: 'specialist',
      objectId: found.specialistId,
      result: 'success',
      details: { conflictId, kind: found.kind },
    });
  });
}
