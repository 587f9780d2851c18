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
  | 'user-invited'
  | 'password-reset';

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
  'user-invited': () => 'Uitnodiging voor de Duidingspool Oost-Nederland',
  'password-reset': () => 'Wachtwoord opnieuw instellen voor de Duidingspool',
};

/** Account mails: the link is single-use and expires; it carries no case content. */
const ACCOUNT_BODIES: Partial<Record<NotificationEvent, (link: string) => string>> = {
  'user-invited': (link) =>
    `U bent uitgenodigd voor de Duidingspool Oost-Nederland.\n\nStel binnen 72 uur uw wachtwoord in via deze link (één keer te gebruiken): ${link}\n\nHeeft u deze uitnodiging niet verwacht? Negeer dan deze e-mail.`,
  'password-reset': (link) =>
    `Er is gevraagd om uw wachtwoord voor de Duidingspool opnieuw in te stellen.\n\nDat kan binnen 60 minuten via deze link (één keer te gebruiken): ${link}\n\nHeeft u dit niet zelf gevraagd? Negeer dan deze e-mail; uw wachtwoord blijft ongewijzigd.`,
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
  const accountBody = ACCOUNT_BODIES[input.event];
  const bodyText = accountBody
    ? accountBody(input.link)
    : `${subject}.\n\nBekijk het in de Duidingspool: ${input.link}\n\nDeze e-mail bevat bewust geen inhoud van de casus.`;
  await db.insert(schema.notifications).values(rows.map((r) => ({ event: input.event, recipientUserId: r.id, recipientEmail: r.email, subject, bodyText })));
}
