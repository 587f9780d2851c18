import { type Database, schema } from '@duidingspool/db';
import type { Me } from '@duidingspool/shared';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { activeSpecialistIdOf } from '../specialists/index.ts';
import { membershipsOf, municipalityMembershipsOf, rolesOf } from '../users/index.ts';
import type { AuthSettings } from './auth-settings.ts';
import { secondFactorRequired } from './second-factor.service.ts';

// The current user ("me"): who is logged in, with what they may see and whether the session may
// only enrol a second factor. Roles, memberships and the specialist profile come from their owners
// (users, specialists) through their query functions.

/**
 * The user `userId` with roles, memberships (with casustafel names, by name), active specialist
 * profile, second-factor state and whether session `sessionId` may only enrol a second factor.
 *
 * @throws AppError 401 `unauthenticated` (the user is gone)
 */
export async function loadMe(
  db: Database,
  userId: string,
  sessionId: string,
  settings: Pick<AuthSettings, 'requireSecondFactorForRequesters' | 'demoAccountsExempt'>,
): Promise<Me> {
  const [user] = await db
    .select({
      id: schema.users.id,
      email: schema.users.email,
      displayName: schema.users.displayName,
      language: schema.users.language,
      isDemo: schema.users.isDemo,
      totpEnabledAt: schema.users.totpEnabledAt,
      roles: rolesOf(schema.users.id),
      specialistId: activeSpecialistIdOf(schema.users.id),
      enrolmentOnly: sql<boolean>`coalesce((select s.enrolment_only from ${schema.sessions} s where s.id = ${sessionId}::uuid), false)`,
    })
    .from(schema.users)
    .where(eq(schema.users.id, userId));
  if (!user) throw new AppError('unauthenticated', 'U bent niet (meer) ingelogd.');
  const memberships = await membershipsOf(db, userId);
  const { isDemo, totpEnabledAt, enrolmentOnly, ...rest } = user;
  return {
    ...rest,
    language: user.language === 'en' ? 'en' : 'nl',
    memberships,
    municipalityMemberships: await municipalityMembershipsOf(db, userId),
    twoFactorEnabled: totpEnabledAt !== null,
    twoFactorRequired: secondFactorRequired(user.roles, isDemo && settings.demoAccountsExempt, settings.requireSecondFactorForRequesters),
    enrolmentOnly: Boolean(enrolmentOnly),
  };
}
