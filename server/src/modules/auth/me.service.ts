import { type Database, schema } from '@duidingspool/db';
import type { Me } from '@duidingspool/shared';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { rolesOf } from '../users/index.ts';
import type { AuthSettings } from './auth-settings.ts';
import { secondFactorRequired } from './second-factor.service.ts';

/** The user with roles, memberships (with casustafel names), specialist profile and second-factor state. */
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
      specialistId: sql<string | null>`(select sp.id::text from ${schema.specialists} sp where sp.user_id = ${userId}::uuid and sp.is_active)`,
      enrolmentOnly: sql<boolean>`coalesce((select s.enrolment_only from ${schema.sessions} s where s.id = ${sessionId}::uuid), false)`,
    })
    .from(schema.users)
    .where(eq(schema.users.id, userId));
  if (!user) throw new AppError('unauthenticated', 'U bent niet (meer) ingelogd.');
  const memberships = await db
    .select({ caseTableId: schema.caseTables.id, caseTableName: schema.caseTables.name })
    .from(schema.caseTableMembers)
    .innerJoin(schema.caseTables, eq(schema.caseTables.id, schema.caseTableMembers.caseTableId))
    .where(inArray(schema.caseTableMembers.userId, [userId]))
    .orderBy(asc(schema.caseTables.name));
  const { isDemo, totpEnabledAt, enrolmentOnly, ...rest } = user;
  return {
    ...rest,
    language: user.language === 'en' ? 'en' : 'nl',
    memberships,
    twoFactorEnabled: totpEnabledAt !== null,
    twoFactorRequired: secondFactorRequired(user.roles, isDemo && settings.demoAccountsExempt, settings.requireSecondFactorForRequesters),
    enrolmentOnly: Boolean(enrolmentOnly),
  };
}
