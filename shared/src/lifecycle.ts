import { z } from 'zod';
import type { Role } from './roles.ts';
import { STATUS_LABELS } from './status-labels.ts';

/** Request statuses of docs/design.md §4. */
export const REQUEST_STATUSES = [
  'draft',
  'submitted',
  'needs-information',
  'declined',
  'assigned',
  'in-progress',
  'advice-delivered',
  'closed',
  'withdrawn',
  'cancelled',
] as const;
export const RequestStatusSchema = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof RequestStatusSchema>;

/** Dutch names of the request statuses, for messages that reach users (from `STATUS_LABELS`). */
export const REQUEST_STATUS_LABELS_NL: Record<RequestStatus, string> = STATUS_LABELS.nl.request;

/**
 * Request statuses in which the specialist of an accepted assignment logs hours: the work is under
 * way, or the advice has just gone out (docs/design.md §5). The server refuses hours in any other status
 * and says per assignment whether `log-time` is allowed now.
 */
export const LOGGABLE_REQUEST_STATUSES: readonly RequestStatus[] = ['in-progress', 'advice-delivered'];

/** Statuses after which nothing changes any more. */
export const TERMINAL_STATUSES: readonly RequestStatus[] = ['declined', 'closed', 'withdrawn', 'cancelled'];

/**
 * How a transition is caused: `patch` through `PATCH /interpretation-requests/{id}`, the others as
 * a side effect of another action (assigning, an assignment answer, delivering advice, the
 * coordinator ending an assignment, an admin deactivating the proposed specialist), `reopened`
 * through `POST /interpretation-requests/{id}/reopen` (with a reason, decision 113).
 */
export type TransitionTrigger =
  | 'patch'
  | 'assign'
  | 'assignment-accepted'
  | 'assignment-declined'
  | 'advice-delivered'
  | 'assignment-ended'
  | 'specialist-deactivated'
  | 'reopened';

/** One allowed edge of the lifecycle: from, to, who may take it, and how. */
export interface Transition {
  from: RequestStatus;
  to: RequestStatus;
  /** The role that may take this edge; `requester` means a member of the request's casustafel. */
  by: Role;
  trigger: TransitionTrigger;
}

/** Statuses of a request that is still open: every status but the terminal ones. */
export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ['draft', 'submitted', 'needs-information', 'assigned', 'in-progress', 'advice-delivered'];
const OPEN = OPEN_REQUEST_STATUSES;

/** Statuses of the coordinator's triage queue: submitted, and waiting for the casustafel's information. */
export const TRIAGE_STATUSES: readonly RequestStatus[] = ['submitted', 'needs-information'];

/** Statuses in which the casustafel's members edit a request's fields: a draft, and a request waiting for their information. */
export const EDITABLE_REQUEST_STATUSES: readonly RequestStatus[] = ['draft', 'needs-information'];

/** Statuses after which the casustafel may ask a follow-up question (a new request linked to this one): the advice is there. */
export const FOLLOW_UP_STATUSES: readonly RequestStatus[] = ['advice-delivered', 'closed'];

/**
 * The transition table of docs/design.md §4. Pure data; the server checks every status change against
 * it and the UI uses it to offer only the actions a user may take.
 */
export const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', to: 'submitted', by: 'requester', trigger: 'patch' },
  { from: 'needs-information', to: 'submitted', by: 'requester', trigger: 'patch' },
  { from: 'submitted', to: 'needs-information', by: 'coordinator', trigger: 'patch' },
  { from: 'submitted', to: 'declined', by: 'coordinator', trigger: 'patch' },
  { from: 'submitted', to: 'assigned', by: 'coordinator', trigger: 'assign' },
  { from: 'assigned', to: 'in-progress', by: 'specialist', trigger: 'assignment-accepted' },
  { from: 'assigned', to: 'submitted', by: 'specialist', trigger: 'assignment-declined' },
  // The coordinator ends a live assignment (e.g. of a specialist who left the pool): back to triage.
  { from: 'assigned', to: 'submitted', by: 'coordinator', trigger: 'assignment-ended' },
  { from: 'in-progress', to: 'submitted', by: 'coordinator', trigger: 'assignment-ended' },
  // Deactivating a specialist withdraws their open proposals.
  { from: 'assigned', to: 'submitted', by: 'admin', trigger: 'specialist-deactivated' },
  { from: 'in-progress', to: 'advice-delivered', by: 'specialist', trigger: 'advice-delivered' },
  // The casustafel reopens for more work after the advice, with a reason: back to the same
  // specialist, whose accepted assignment stays live (decision 113). `closed` stays terminal.
  { from: 'advice-delivered', to: 'in-progress', by: 'requester', trigger: 'reopened' },
  { from: 'advice-delivered', to: 'closed', by: 'requester', trigger: 'patch' },
  { from: 'advice-delivered', to: 'closed', by: 'coordinator', trigger: 'patch' },
  ...OPEN.map((from): Transition => ({ from, to: 'withdrawn', by: 'requester', trigger: 'patch' })),
  ...OPEN.filter((s) => s !== 'draft').map((from): Transition => ({ from, to: 'cancelled', by: 'coordinator', trigger: 'patch' })),
];

/**
 * Finds the edge `from → to` that one of `roles` may take with `trigger`, or `undefined` when the
 * lifecycle forbids it (the server then answers 409 `invalid-transition`).
 */
export function findTransition(from: RequestStatus, to: RequestStatus, roles: readonly Role[], trigger: TransitionTrigger = 'patch'): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to && t.trigger === trigger && roles.includes(t.by));
}

/** The statuses one of `roles` may move a request in status `from` to through PATCH. */
export function patchTargets(from: RequestStatus, roles: readonly Role[]): RequestStatus[] {
  return [...new Set(TRANSITIONS.filter((t) => t.from === from && t.trigger === 'patch' && roles.includes(t.by)).map((t) => t.to))];
}

/** The statuses a client may ask for through PATCH (docs/design.md §7). */
export const PATCHABLE_STATUSES = ['submitted', 'needs-information', 'declined', 'withdrawn', 'cancelled', 'closed'] as const;

/**
 * The PATCH targets that need a reason (docs/design.md §4): the coordinator tells the casustafel why it
 * must add information, why the request is declined or why it is cancelled; the timeline shows it.
 * The server refuses these without a reason (400 on `/reason`); the UI asks for it.
 */
export const REASON_REQUIRED_STATUSES: readonly (typeof PATCHABLE_STATUSES)[number][] = ['needs-information', 'declined', 'cancelled'];

/** The moves of `PATCH` that end a request and cannot be undone: each is confirmed first, naming what happens and what is lost. */
export const IRREVERSIBLE_STATUSES: readonly (typeof PATCHABLE_STATUSES)[number][] = ['closed', 'withdrawn', 'cancelled', 'declined'];
