import { type Database, type Executor, schema } from '@duidingspool/db';
import type { InviteUserBody, PatchUserBody, Role, UiLanguage, User, UserListQuery } from '@duidingspool/shared';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { AppError, forbidden, invalidField, invalidTransition, notFound } from '../../errors.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { countUpTo, iso, page, type Seek, seekCursor, seekOrder } from '../../lib/pagination.ts';
import { withdrawSpecialistWork } from '../assignments/index.ts';
import { audit, auditAs, SYSTEM_ORIGIN } from '../audit/index.ts';
import { deleteRecoveryCodes, issueAccountToken, revokeSessions, voidAccountTokens } from '../auth/index.ts';
import { municipalityProblems, retiredCaseTables, unknownCaseTables } from '../organisation/index.ts';
import { ensureSpecialistProfile, findSpecialistOfUser } from '../specialists/index.ts';
import { caseTableIdsOf, municipalityIdsOf } from './memberships.ts';
import { rolesOf } from './roles.ts';

const u = schema.users;

const userColumns = {
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  isActive: u.isActive,
  isDemo: u.isDemo,
  hasPassword: sql<boolean>`${u.passwordHash} is not null`,
  twoFactorEnabled: sql<boolean>`${u.totpEnabledAt} is not null`,
  createdAt: u.createdAt,
  roles: rolesOf(u.id),
  caseTableIds: caseTableIdsOf(u.id),
  municipalityIds: municipalityIdsOf(u.id),
};

const toUser = (row: { createdAt: Date | string } & Omit<User, 'createdAt'>): User => ({ ...row, createdAt: iso(row.createdAt) });

/** The user list's order: e-mail, id as tiebreaker (index `users_list`, decision 071). */
const USER_SEEK: Seek = {
  name: 'users',
  keys: [
    { expr: u.email, type: 'text', notNull: true },
    { expr: u.id, type: 'uuid', notNull: true },
  ],
};

/** A page of users for the admin, ordered by e-mail (id as tiebreaker); deep pages by cursor. */
export async function listUsers(ctx: ServiceContext, q: UserListQuery) {
  const filters: SQL[] = [];
  if (q.role) filters.push(sql`exists (select 1 from ${schema.userRoles} r where r.user_id = ${u.id} and r.role = ${q.role})`);
  if (q.active) filters.push(eq(u.isActive, q.active === 'true'));
  const where = filters.length > 0 ? and(...filters) : undefined;
  return page(
    q,
    ({ limit, offset, after }) =>
      ctx.db
        .select({ ...userColumns, cursor: seekCursor(USER_SEEK) })
        .from(u)
        .where(and(where, after))
        .orderBy(...seekOrder(USER_SEEK))
        .limit(limit)
        .offset(offset),
    (cap) => countUpTo(ctx.db, ctx.db.select({ one: sql`1` }).from(u).where(where), cap),
    ({ cursor: _cursor, ...row }) => toUser(row),
    { seek: USER_SEEK, cursorOf: (row) => row.cursor },
  );
}

/**
 * One user.
 * @throws AppError 404 `not-found`
 */
export async function getUser(ctx: Pick<ServiceContext, 'db'>, id: string, db: Executor = ctx.db): Promise<User> {
  const [row] = await db.select(userColumns).from(u).where(eq(u.id, id));
  if (!row) throw notFound('Deze gebruiker');
  return toUser(row);
}

/**
 * A requester is a member of one or more casustafels or municipalities (docs/design.md §2, decision
 * 095): without one they could do nothing. The user forms ask for one; the server refuses a
 * requester without any.
 * @throws AppError 400 `validation-failed` on `/caseTableIds`
 */
function assertRequesterHasCaseTable(roles: readonly Role[], caseTableIds: readonly string[], municipalityIds: readonly string[] = []): void {
  if (roles.includes('requester') && caseTableIds.length === 0 && municipalityIds.length === 0)
    throw invalidField('/caseTableIds', 'een aanvrager is lid van minstens één casustafel of gemeente');
}

/**
 * Municipality memberships (decision 095): only for requesters; unknown municipalities are refused,
 * and retired ones unless the user is already a member (`kept`).
 * @throws AppError 400 `validation-failed` on `/municipalityIds/i`, 409 `retired`
 */
async function assertMunicipalities(db: Executor, ids: string[] | undefined, roles: Role[], kept: readonly string[] = []): Promise<string[]> {
  const unique = [...new Set(ids ?? [])];
  if (unique.length === 0) return [];
  if (!roles.includes('requester')) throw invalidField('/municipalityIds', 'alleen aanvragers zijn lid van een gemeente');
  const { unknown, retired } = await municipalityProblems(db, unique);
  if (unknown[0]) throw invalidField(`/municipalityIds/${(ids ?? []).indexOf(unknown[0])}`, 'onbekende gemeente');
  const gone = retired.find((id) => !kept.includes(id));
  if (gone)
    throw new AppError('retired', 'Deze gemeente is opgeheven en krijgt geen nieuwe leden.', {
      errors: [{ in: 'body', pointer: `/municipalityIds/${(ids ?? []).indexOf(gone)}`, message: 'opgeheven gemeente' }],
    });
  return unique;
}

/**
 * Memberships only make sense for requesters, and a requester has at least one; unknown casustafels
 * are refused, and so are retired ones unless the user is already a member (`kept`, decision 081).
 */
async function assertCaseTables(
  db: Executor,
  ids: string[] | undefined,
  roles: Role[],
  kept: readonly string[] = [],
  municipalityIds?: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(ids ?? [])];
  if (municipalityIds !== undefined) assertRequesterHasCaseTable(roles, unique, municipalityIds);
  if (unique.length === 0) return [];
  if (!roles.includes('requester')) throw invalidField('/caseTableIds', 'alleen aanvragers zijn lid van een casustafel');
  const [missing] = await unknownCaseTables(db, unique);
  if (missing) throw invalidField(`/caseTableIds/${(ids ?? []).indexOf(missing)}`, 'onbekende casustafel');
  const [retired] = (await retiredCaseTables(db, unique)).filter((id) => !kept.includes(id));
  if (retired) {
    const pointer = `/caseTableIds/${(ids ?? []).indexOf(retired)}`;
    throw new AppError('retired', 'Deze casustafel is opgeheven en krijgt geen nieuwe leden.', {
      errors: [{ in: 'body', pointer, message: 'opgeheven casustafel' }],
    });
  }
  return unique;
}

async function replaceRolesAndMemberships(
  db: Executor,
  userId: string,
  roles: Role[] | undefined,
  caseTableIds: string[] | undefined,
  municipalityIds?: string[] | undefined,
) {
  if (municipalityIds) {
    await db.delete(schema.municipalityMembers).where(eq(schema.municipalityMembers.userId, userId));
    if (municipalityIds.length > 0) await db.insert(schema.municipalityMembers).values(municipalityIds.map((municipalityId) => ({ userId, municipalityId })));
  }
  if (roles) {
    await db.delete(schema.userRoles).where(eq(schema.userRoles.userId, userId));
    await db.insert(schema.userRoles).values([...new Set(roles)].map((role) => ({ userId, role })));
  }
  if (caseTableIds) {
    await db.delete(schema.caseTableMembers).where(eq(schema.caseTableMembers.userId, userId));
    if (caseTableIds.length > 0) await db.insert(schema.caseTableMembers).values(caseTableIds.map((caseTableId) => ({ userId, caseTableId })));
  }
}

/**
 * Invites a user by e-mail: the account exists without a password until the user sets one through
 * the single-use link (72 hours) that goes out through the outbox. docs/design.md §2 (admin). A
 * specialist gets their profile at once (`ensureSpecialistProfile`), for the coordinator to fill.
 *
 * @throws AppError 409 `conflict` (e-mail in use), 400 `validation-failed` (casustafel)
 */
export async function inviteUser(ctx: ServiceContext, body: InviteUserBody): Promise<User> {
  return ctx.db.transaction(async (tx) => {
    const municipalityIds = await assertMunicipalities(tx, body.municipalityIds, body.roles);
    const caseTableIds = await assertCaseTables(tx, body.caseTableIds, body.roles, [], municipalityIds);
    const [created] = await tx
      .insert(u)
      .values({ email: body.email, displayName: body.displayName.trim(), passwordHash: null })
      .onConflictDoNothing()
      .returning({ id: u.id });
    if (!created)
      throw new AppError('conflict', 'Er bestaat al een gebruiker met dit e-mailadres.', {
        errors: [{ in: 'body', pointer: '/email', message: 'al in gebruik', code: 'email-in-use' }],
      });
    await replaceRolesAndMemberships(tx, created.id, body.roles, caseTableIds, municipalityIds);
    if (body.roles.includes('specialist')) await ensureSpecialistProfile(tx, { actorId: ctx.actor.userId, origin: ctx.origin }, created.id);
    await issueAccountToken(tx, {
      userId: created.id,
      purpose: 'invitation',
      createdBy: ctx.actor.userId,
      mail: { publicUrl: ctx.publicUrl, encryptionKey: ctx.encryptionKey },
    });
    await audit(ctx, tx, {
      action: 'invite',
      objectType: 'user',
      objectId: created.id,
      result: 'success',
      details: { roles: body.roles, caseTableIds, municipalityIds },
    });
    return getUser(ctx, created.id, tx);
  });
}

/**
 * Changes a user's name, roles, memberships or active state, resets their second factor, or sends
 * a new invitation link. A change of roles, memberships, active state or second factor ends the
 * user's sessions at once and voids their outstanding invitation and reset links (docs/design.md §6,
 * decision 041); an invitee whose invitation was voided so gets a new one. An admin cannot
 * deactivate themselves or drop their own admin role (the pool would lose its last way in). When
 * the change takes a specialist out of the pool (deactivated, or the `specialist` role taken away), their open proposals are withdrawn and
 * their accepted assignments flagged to the coordinators (`withdrawSpecialistWork`, docs/design.md §4);
 * a user given the `specialist` role gets a profile if they had none (`ensureSpecialistProfile`).
 *
 * @throws AppError 404 `not-found`, 400 `validation-failed`
 */
export async function updateUser(ctx: ServiceContext, id: string, body: PatchUserBody): Promise<User> {
  const self = id === ctx.actor.userId;
  if (self && body.isActive === false) throw invalidField('/isActive', 'u kunt uzelf niet deactiveren');
  // Separation of duties: nobody changes their own roles or memberships, so an admin cannot give
  // themselves a role that reads case content (docs/design.md §2); another admin has to.
  if (self && (body.roles !== undefined || body.caseTableIds !== undefined || body.municipalityIds !== undefined)) {
    throw forbidden('U kunt uw eigen rollen en casustafels niet wijzigen; vraag een andere beheerder.');
  }
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select({ id: u.id }).from(u).where(eq(u.id, id)).for('update');
    if (!current) throw notFound('Deze gebruiker');
    const before = await getUser(ctx, id, tx);
    const roles = body.roles ?? before.roles;
    const caseTableIds =
      body.caseTableIds !== undefined
        ? await assertCaseTables(tx, body.caseTableIds, roles, before.caseTableIds)
        : roles.includes('requester')
          ? undefined
          : [];
    const municipalityIds =
      body.municipalityIds !== undefined
        ? await assertMunicipalities(tx, body.municipalityIds, roles, before.municipalityIds)
        : roles.includes('requester')
          ? undefined
          : [];
    assertRequesterHasCaseTable(roles, caseTableIds ?? before.caseTableIds, municipalityIds ?? before.municipalityIds);
    await replaceRolesAndMemberships(tx, id, body.roles, caseTableIds, municipalityIds);
    if (body.roles?.includes('specialist')) await ensureSpecialistProfile(tx, { actorId: ctx.actor.userId, origin: ctx.origin }, id);
    const set: Partial<typeof u.$inferInsert> = {};
    if (body.displayName !== undefined) set.displayName = body.displayName.trim();
    if (body.isActive !== undefined) set.isActive = body.isActive;
    if (body.resetTwoFactor) Object.assign(set, { totpSecretEncrypted: null, totpEnabledAt: null, totpLastTimeStep: null });
    if (Object.keys(set).length > 0) await tx.update(u).set(set).where(eq(u.id, id));
    if (body.resetTwoFactor) await deleteRecoveryCodes(tx, id);
    // A new invitation only for an account that never set a password: for an active account it would
    // be a way for an admin to take it over. Those users reset their password themselves.
    if (body.resendInvitation && before.hasPassword) throw invalidTransition('Deze gebruiker heeft al een wachtwoord; een nieuwe uitnodiging is niet nodig.');
    const after = await getUser(ctx, id, tx);
    const accessChanged =
      JSON.stringify(before.roles) !== JSON.stringify(after.roles) ||
      JSON.stringify(before.caseTableIds) !== JSON.stringify(after.caseTableIds) ||
      JSON.stringify(before.municipalityIds) !== JSON.stringify(after.municipalityIds) ||
      before.isActive !== after.isActive ||
      body.resetTwoFactor === true;
    // What ends the sessions also voids every outstanding invitation and reset link (decision 041).
    let voided: string[] = [];
    if (accessChanged) {
      await revokeSessions(tx, id);
      voided = await voidAccountTokens(tx, id);
    }
    // An invitee who still had a live invitation gets a fresh one for the new roles; a new invitation
    // on request voids the older link.
    const reinvited = !body.resendInvitation && voided.includes('invitation') && after.isActive && !after.hasPassword;
    if (body.resendInvitation || reinvited) {
      await issueAccountToken(tx, {
        userId: id,
        purpose: 'invitation',
        createdBy: ctx.actor.userId,
        mail: { publicUrl: ctx.publicUrl, encryptionKey: ctx.encryptionKey },
      });
    }
    const inPool = (x: User) => x.isActive && x.roles.includes('specialist');
    const profile = inPool(before) && !inPool(after) ? await findSpecialistOfUser(tx, id) : null;
    const withdrawn = profile ? await withdrawSpecialistWork(ctx, tx, profile.id) : null;
    await audit(ctx, tx, {
      action: 'update',
      objectType: 'user',
      objectId: id,
      result: 'success',
      details: {
        changed: Object.keys(body),
        // Old → new for the fields people read in the audit log (decision 122).
        ...changesOf(before, after, ['displayName', 'isActive', 'roles']),
        ...(body.roles ? { roles: after.roles } : {}),
        ...(body.caseTableIds ? { caseTableIds: after.caseTableIds } : {}),
        ...(body.municipalityIds ? { municipalityIds: after.municipalityIds } : {}),
        ...(body.isActive !== undefined ? { isActive: after.isActive } : {}),
        sessionsRevoked: accessChanged,
        linksVoided: voided.length,
        ...(reinvited ? { invitationReissued: true } : {}),
        ...(withdrawn ?? {}),
      },
    });
    return after;
  });
}

/** `{from, to}` of the `fields` whose value differs between `before` and `after` (none: nothing). */
function changesOf<T extends object, K extends keyof T & string>(before: T, after: T, fields: readonly K[]): { from?: Partial<T>; to?: Partial<T> } {
  const from: Partial<T> = {};
  const to: Partial<T> = {};
  for (const f of fields) {
    if (JSON.stringify(before[f]) === JSON.stringify(after[f])) continue;
    from[f] = before[f];
    to[f] = after[f];
  }
  return Object.keys(to).length > 0 ? { from, to } : {};
}

/**
 * Sets the signed-in user's language (`nl` | `en`): the UI follows it after login and every e-mail
 * to the user is rendered in it at send time (decision 030). Audited with the old and new value,
 * like every change that succeeds (also to the language the user already had).
 */
export async function setOwnLanguage(ctx: ServiceContext, language: UiLanguage): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select({ language: u.language }).from(u).where(eq(u.id, ctx.actor.userId)).for('update');
    if (!row) throw notFound('Deze gebruiker');
    if (row.language !== language) await tx.update(u).set({ language }).where(eq(u.id, ctx.actor.userId));
    await audit(ctx, tx, {
      action: 'update',
      objectType: 'user',
      objectId: ctx.actor.userId,
      result: 'success',
      details: { changed: ['language'], from: { language: row.language }, to: { language } },
    });
  });
}

/**
 * Creates a user from the command line (`pnpm admin create-user`), for the first account of a
 * fresh production install where no admin can invite yet. The user gets an invitation link
 * (72 hours, single use) that the CLI prints, so no password passes through a shell history; no
 * mail is queued, and only the token's sha256 is stored. A specialist gets their profile at once.
 *
 * @returns the user and the link
 * @throws AppError 409 `conflict` (e-mail in use)
 */
export async function createUserFromCli(db: Database, body: InviteUserBody, publicUrl: string): Promise<{ user: User; link: string }> {
  return db.transaction(async (tx) => {
    const municipalityIds = await assertMunicipalities(tx, body.municipalityIds, body.roles);
    const caseTableIds = await assertCaseTables(tx, body.caseTableIds, body.roles, [], municipalityIds);
    const [created] = await tx
      .insert(u)
      .values({ email: body.email, displayName: body.displayName.trim(), passwordHash: null })
      .onConflictDoNothing()
      .returning({ id: u.id });
    if (!created) throw new AppError('conflict', `Er bestaat al een gebruiker met e-mailadres ${body.email}.`);
    await replaceRolesAndMemberships(tx, created.id, body.roles, caseTableIds, municipalityIds);
    const cli = { actorId: null, origin: { ...SYSTEM_ORIGIN, userAgent: 'admin-cli' } };
    if (body.roles.includes('specialist')) await ensureSpecialistProfile(tx, cli, created.id);
    // No mail: the operator hands over the printed link, so no other copy of the token exists.
    const token = await issueAccountToken(tx, { userId: created.id, purpose: 'invitation', createdBy: null, mail: null });
    await auditAs(tx, cli, {
      action: 'invite',
      objectType: 'user',
      objectId: created.id,
      result: 'success',
      details: { roles: body.roles, via: 'cli' },
    });
    return { user: await getUser({ db }, created.id, tx), link: `${publicUrl}/set-password#token=${token}` };
  });
}

/**
 * Makes user `userId` a member of casustafel `caseTableId` (`member: true`) or not (`false`), for
 * the admin's reference-data page: through `updateUser`, so the same rules hold (nobody changes
 * their own memberships; the change ends the user's sessions and voids their links, decision 041)
 * and the same audit event `update user` records the new memberships. Whether the casustafel may
 * take members (not retired) is the organisation module's check, made before.
 *
 * @throws AppError 404 `not-found` (user, or not a member when removing), 400 `validation-failed`
 *   on `/userId` (not a requester), 409 `conflict` (already a member; the requester's last casustafel),
 *   403 `forbidden` (own memberships)
 */
export async function setCaseTableMembership(ctx: ServiceContext, userId: string, caseTableId: string, member: boolean): Promise<User> {
  // The user's row locked first: concurrent changes of one user's memberships run one after the
  // other, each deciding on what the one before it wrote (one wins; a repeat answers 409 or 404).
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select({ id: u.id }).from(u).where(eq(u.id, userId)).for('update');
    if (!current) throw notFound('Deze gebruiker');
    return changeMembership({ ...ctx, db: tx }, userId, caseTableId, member);
  });
}

/** `setCaseTableMembership` inside its transaction, with the user's row locked. */
async function changeMembership(ctx: ServiceContext, userId: string, caseTableId: string, member: boolean): Promise<User> {
  const before = await getUser(ctx, userId);
  const has = before.caseTableIds.includes(caseTableId);
  if (member) {
    if (!before.roles.includes('requester')) throw invalidField('/userId', 'alleen aanvragers zijn lid van een casustafel');
    if (has) throw new AppError('conflict', 'Deze gebruiker is al lid van deze casustafel.');
  } else {
    if (!has) throw notFound('Dit lidmaatschap');
    if (before.caseTableIds.length === 1 && before.municipalityIds.length === 0)
      throw new AppError(
        'conflict',
        'Dit is de enige casustafel van deze aanvrager; een aanvrager is lid van minstens één casustafel. Voeg eerst een andere toe.',
      );
  }
  const caseTableIds = member ? [...before.caseTableIds, caseTableId] : before.caseTableIds.filter((id) => id !== caseTableId);
  return updateUser(ctx, userId, { caseTableIds });
}
