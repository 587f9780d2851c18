import { type Executor, schema } from '@duidingspool/db';
import { and, eq, inArray } from 'drizzle-orm';

/** Events that put a mail in the outbox (DESIGN.md §4). */
export type NotificationEvent =
  | 'request-submitted'
  | 'request-needs-information'
  | 'request-declined'
  | 'request-closed'
  | 'assignment-proposed'
  | 'assignment-accepted'
  | 'assignment-declined'
  | 'time-entry-rejected'
  | 'advice-delivered'
  | 'budget-threshold-crossed'
  | 'extension-requested'
  | 'extension-granted'
  | 'extension-refused';

const SUBJECTS: Record<NotificationEvent, (ref: string) => string> = {
  'request-submitted': (r) => `Nieuw duidingsverzoek ${r}`,
  'request-needs-information': (r) => `Aanvullende informatie gevraagd bij ${r}`,
  'request-declined': (r) => `Duidingsverzoek ${r} is afgewezen`,
  'request-closed': (r) => `Duidingsverzoek ${r} is gesloten`,
  'assignment-proposed': (r) => `U bent voorgesteld voor ${r}`,
  'assignment-accepted': (r) => `Een specialist heeft ${r} aangenomen`,
  'assignment-declined': (r) => `Inzet voor ${r} is afgewezen door de specialist`,
  'time-entry-rejected': (r) => `Uren bij ${r} zijn afgekeurd`,
  'advice-delivered': (r) => `Advies opgeleverd voor ${r}`,
  // Recipients: coordinators and finance (see budget-thresholds.ts); `r` is e.g. "budget 2026: 75% vastgelegd".
  'budget-threshold-crossed': (r) => `Drempel bereikt: ${r}`,
  'extension-requested': (r) => `Verzoek om meer uren voor ${r}`,
  'extension-granted': (r) => `Meer uren toegekend voor ${r}`,
  'extension-refused': (r) => `Verzoek om meer uren voor ${r} is geweigerd`,
};

/** Who receives a notification: users by id, by role, or the members of a casustafel. */
export type Recipients = { userIds: string[] } | { role: 'coordinator' | 'finance' } | { caseTableId: string };

/**
 * Writes one outbox row per recipient in the caller's transaction (DESIGN.md §8). Subject and body
 * carry only the pool reference, what happened and a link — never case content (DESIGN.md §6).
 */
export async function enqueueNotification(
  db: Executor,
  input: { event: NotificationEvent; reference: string; link: string; recipients: Recipients },
): Promise<void> {
  const u = schema.users;
  let rows: { id: string; email: string }[];
  const active = eq(u.isActive, true);
  if ('userIds' in input.recipients) {
    if (input.recipients.userIds.length === 0) return;
    rows = await db
      .select({ id: u.id, email: u.email })
      .from(u)
      .where(and(active, inArray(u.id, input.recipients.userIds)));
  } else if ('role' in input.recipients) {
    rows = await db
      .select({ id: u.id, email: u.email })
      .from(u)
      .innerJoin(schema.userRoles, eq(schema.userRoles.userId, u.id))
      .where(and(active, eq(schema.userRoles.role, input.recipients.role)));
  } else {
    rows = await db
      .select({ id: u.id, email: u.email })
      .from(u)
      .innerJoin(schema.caseTableMembers, eq(schema.caseTableMembers.userId, u.id))
      .where(and(active, eq(schema.caseTableMembers.caseTableId, input.recipients.caseTableId)));
  }
  if (rows.length === 0) return;
  const subject = SUBJECTS[input.event](input.reference);
  const bodyText = `${subject}.\n\nBekijk het in de Duidingspool: ${input.link}\n\nDeze e-mail bevat bewust geen inhoud van de casus.`;
  await db.insert(schema.notifications).values(rows.map((r) => ({ event: input.event, recipientUserId: r.id, recipientEmail: r.email, subject, bodyText })));
}
