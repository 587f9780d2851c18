import { z } from 'zod';
import { RoleSchema } from '../roles.ts';
import { IdSchema, InstantSchema, requiredMultiLineText } from './common.ts';

/** The most characters one message holds (UTF-16 units, after NFC); a longer one answers 400 on `/body`. */
export const MESSAGE_MAX_LENGTH = 10000;

/**
 * Body of `POST /api/v1/interpretation-requests/{id}/messages`: the text (free text of several
 * lines, checked by the personal-data guard) and whether it is an **internal note** (`internal`),
 * visible only to the coordinators and the specialists holding the request (decision 110). Only a
 * coordinator or an assigned specialist may write one.
 */
export const PostMessageBodySchema = z.strictObject({
  body: requiredMultiLineText(MESSAGE_MAX_LENGTH),
  internal: z.boolean().optional(),
});
export type PostMessageBody = z.infer<typeof PostMessageBodySchema>;

/** One message in a request's thread (case content: purged with the request, never in a mail). */
export const RequestMessageSchema = z
  .object({
    id: IdSchema,
    requestId: IdSchema,
    authorName: z.string(),
    /** The role in which the author wrote: `requester`, `coordinator` or `specialist`. */
    authorRole: RoleSchema,
    /** True when written by the reader. */
    own: z.boolean(),
    body: z.string(),
    /** An internal note: coordinators and assigned specialists only (decision 110). */
    internal: z.boolean(),
    createdAt: InstantSchema,
    /** Display names of the participants, other than its author and the reader, who have read the thread up to this message. */
    readBy: z.array(z.string()),
  })
  .meta({ id: 'RequestMessage' });
export type RequestMessage = z.infer<typeof RequestMessageSchema>;

/** What the reader may do in the thread now: write a message, write an internal note. */
export const MESSAGE_ACTIONS = ['post', 'post-internal'] as const;
export const MessageActionSchema = z.enum(MESSAGE_ACTIONS);
export type MessageAction = z.infer<typeof MessageActionSchema>;

/**
 * `GET /api/v1/interpretation-requests/{id}/messages`: the thread the reader may see, oldest first
 * (at most `MESSAGE_THREAD_LIMIT`, the newest), and what the reader may do. Reading it marks the
 * thread read for the reader (the read receipt the other participants see).
 */
export const RequestMessageThreadSchema = z
  .object({
    items: z.array(RequestMessageSchema),
    /** True when older messages than the first one listed exist. */
    truncated: z.boolean(),
    allowedActions: z.array(MessageActionSchema),
  })
  .meta({ id: 'RequestMessageThread' });
export type RequestMessageThread = z.infer<typeof RequestMessageThreadSchema>;

/** The most messages one thread answers (the newest). */
export const MESSAGE_THREAD_LIMIT = 500;

/** `GET /api/v1/me/unread-messages`: per request the reader may see, the messages they have not read. */
export const UnreadMessagesSchema = z
  .object({
    total: z.number().int(),
    items: z.array(z.object({ requestId: IdSchema, reference: z.string(), unread: z.number().int() })),
  })
  .meta({ id: 'UnreadMessages' });
export type UnreadMessages = z.infer<typeof UnreadMessagesSchema>;
