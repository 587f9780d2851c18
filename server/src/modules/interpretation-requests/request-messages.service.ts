import {
  CLOSE_CAUSES_KEEPING_ACCESS,
  MESSAGE_THREAD_LIMIT,
  type MessageAction,
  type PostMessageBody,
  type RequestMessage,
  type RequestMessageThread,
  type RequestStatus,
  type Role,
  TERMINAL_STATUSES,
  type UnreadMessages,
} from '@duidingspool/shared';
import { forbidden, invalidTransition, notFound } from '../../errors.ts';
import { type Actor, hasRole, type ServiceContext } from '../../lib/context.ts';
import { iso } from '../../lib/pagination.ts';
import { assertNoPersonalData } from '../../lib/personal-data-guard.ts';
import { type AssignmentRecord, isLive, listForRequest } from '../assignments/index.ts';
import { audit } from '../audit/index.ts';
import { enqueueNotification } from '../notifications/index.ts';
import { findVisibleRequest } from './interpretation-requests.repository.ts';
import { insertMessage, listMessages, listReaders, type MessageRow, markRead, unreadPerRequest } from './request-messages.repository.ts';
import { isRequesterOf, type RequestingParty, requesterRecipients } from './requesting-party.ts';

/**
 * How `actor` takes part in the thread of a request they may see (decision 110):
 * - `internal`: sees internal notes — a coordinator, or a specialist whose assignment holds the
 *   request (also one that closed with it);
 * - `writesAs`: the role in which they may write now, or null (read-only): a coordinator; a
 *   specialist only while their assignment is live (proposed or accepted, not closed); a member of
 *   the request's casustafel. Nobody writes on a draft or a request that ended.
 */
function participation(actor: Actor, request: RequestingParty & { status: RequestStatus }, own: readonly AssignmentRecord[]) {
  const holding = own.some((x) => isLive(x) || (x.status === 'accepted' && x.closeCause !== null && CLOSE_CAUSES_KEEPING_ACCESS.includes(x.closeCause)));
  const internal = hasRole(actor, 'coordinator') || holding;
  let role: Role | null = null;
  if (hasRole(actor, 'coordinator')) role = 'coordinator';
  else if (own.some(isLive)) role = 'specialist';
  else if (isRequesterOf(actor, request)) role = 'requester';
  const open = request.status !== 'draft' && !TERMINAL_STATUSES.includes(request.status);
  const writesAs = open ? role : null;
  const allowedActions: MessageAction[] = writesAs === null ? [] : writesAs === 'requester' ? ['post'] : ['post', 'post-internal'];
  return { internal, role, writesAs, open, allowedActions };
}

const ownAssignments = async (db: ServiceContext['db'], actor: Actor, requestId: string) =>
  actor.specialistId ? listForRequest(db, requestId, actor.specialistId) : [];

function toMessage(actor: Actor, row: MessageRow, readers: Awaited<ReturnType<typeof listReaders>>): RequestMessage {
  return {
    id: row.id,
    requestId: row.requestId,
    authorName: row.authorName,
    authorRole: row.authorRole,
    own: row.authorId === actor.userId,
    body: row.body,
    internal: row.internal,
    createdAt: iso(row.createdAt),
    readBy: readers
      .filter((x) => x.userId !== row.authorId && x.userId !== actor.userId && x.lastReadSeq >= row.seq && (!row.internal || x.seesInternal))
      .map((x) => x.displayName)
      .sort((p, q) => p.localeCompare(q, 'nl')),
  };
}

/**
 * The thread of request `requestId` as `actor` may see it (decision 110): a request they may not see
 * answers 404 (audited as denied), internal notes only for coordinators and the specialists holding
 * it. Reading is audited (case content, docs/design.md §6) and moves the reader's read marker to the
 * newest message shown: the read receipt the others see, and the end of the reader's unread count.
 *
 * @throws AppError 404 `not-found`
 */
export async function getMessageThread(ctx: ServiceContext, requestId: string): Promise<RequestMessageThread> {
  const { actor } = ctx;
  const request = await findVisibleRequest(ctx.db, actor, requestId);
  if (!request) {
    await audit(ctx, ctx.db, { action: 'read', objectType: 'request-messages', objectId: requestId, result: 'denied' });
    throw notFound('Dit duidingsverzoek');
  }
  const who = participation(actor, request, await ownAssignments(ctx.db, actor, requestId));
  const rows = await listMessages(ctx.db, requestId, who.internal, MESSAGE_THREAD_LIMIT);
  const truncated = rows.length > MESSAGE_THREAD_LIMIT;
  const shown = truncated ? rows.slice(1) : rows;
  const newest = shown.at(-1);
  if (newest) await markRead(ctx.db, requestId, actor.userId, newest.seq, ctx.now());
  await audit(ctx, ctx.db, { action: 'read', objectType: 'request-messages', objectId: requestId, result: 'success', details: { messages: shown.length } });
  const readers = await listReaders(ctx.db, requestId);
  return { items: shown.map((row) => toMessage(actor, row, readers)), truncated, allowedActions: who.allowedActions };
}

/**
 * Writes a message (or, with `internal`, an internal note) on the thread of request `requestId`
 * (decision 110). The other participants get the mail `message-posted`, which names only the pool
 * reference and links to the request: the text never leaves the application (docs/design.md §6).
 * Checks, cheap first: visible (404), may write here (403: a specialist whose assignment ended, a
 * requester writing an internal note), the thread open (409: a draft, a request that ended), then
 * the personal-data guard (422); a refusal writes nothing.
 *
 * @throws AppError 404 `not-found`, 403 `forbidden`, 409 `invalid-transition`, 422 `personal-data-detected`
 */
export async function postMessage(ctx: ServiceContext, requestId: string, body: PostMessageBody): Promise<RequestMessage> {
  const { actor } = ctx;
  const internal = body.internal === true;
  const id = await ctx.db.transaction(async (tx) => {
    const request = await findVisibleRequest(tx, actor, requestId, true);
    if (!request) throw notFound('Dit duidingsverzoek');
    const assignments = await listForRequest(tx, requestId);
    const who = participation(
      actor,
      request,
      assignments.filter((x) => actor.specialistId !== null && x.specialistId === actor.specialistId),
    );
    if (who.role === null) throw forbidden('U leest dit gesprek alleen: uw inzet op dit verzoek is afgelopen.');
    if (internal && who.role === 'requester') throw forbidden('Interne notities zijn alleen voor de coördinatoren en de toegewezen specialist.');
    if (!who.open) {
      throw invalidTransition(
        request.status === 'draft'
          ? 'Een concept heeft nog geen berichten: dien het verzoek eerst in.'
          : 'Dit verzoek is afgerond: er kunnen geen berichten meer bij.',
      );
    }
    // The costly check of the body last, after existence, permission and state (docs/design.md §6).
    assertNoPersonalData({ body: body.body });
    const at = ctx.now();
    const row = await insertMessage(tx, { requestId, authorId: actor.userId, authorRole: who.role, body: body.body, internal, at });
    await markRead(tx, requestId, actor.userId, row.seq, at);
    await audit(ctx, tx, {
      action: 'post-message',
      objectType: 'interpretation-request',
      objectId: requestId,
      result: 'success',
      details: { messageId: row.id, internal },
    });
    const specialists = assignments.filter(isLive).map((x) => x.specialistUserId);
    await enqueueNotification(tx, ctx, {
      event: 'message-posted',
      reference: request.reference,
      linkPath: `/requests/${requestId}#berichten`,
      recipients: {
        anyOf: internal
          ? [{ roles: ['coordinator'] }, { userIds: specialists }]
          : [requesterRecipients(request), { roles: ['coordinator'] }, { userIds: specialists }],
      },
      exceptUserIds: [actor.userId],
    });
    return row.id;
  });
  const thread = await listMessages(ctx.db, requestId, true, MESSAGE_THREAD_LIMIT);
  const row = thread.find((x) => x.id === id);
  if (!row) throw new Error('message vanished');
  return toMessage(actor, row, await listReaders(ctx.db, requestId));
}

/**
 * The reader's unread messages per request they may see (need-to-know as for the request, internal
 * notes only where they may read them), for the menu and the request lists. No case content.
 */
export async function getUnreadMessages(ctx: ServiceContext): Promise<UnreadMessages> {
  const items = await unreadPerRequest(ctx.db, ctx.actor, 200);
  return { total: items.reduce((sum, x) => sum + x.unread, 0), items };
}
