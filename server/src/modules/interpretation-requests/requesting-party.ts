import type { Actor } from '../../lib/context.ts';
import { hasRole } from '../../lib/context.ts';
import type { Recipients } from '../notifications/index.ts';

/**
 * Who asked for a request (decision 095): its casustafel, or — when no casustafel asks — the
 * municipality on whose behalf a member of it asked. Need-to-know follows this organisation.
 */
export interface RequestingParty {
  caseTableId: string | null;
  municipalityId: string | null;
}

/**
 * True when `actor` acts as the requester of this request: a requester who is a member of its
 * casustafel, or, for a request without casustafel, of its municipality (docs/design.md §2). A
 * member of a municipality is never the requester of a casustafel's request.
 */
export function isRequesterOf(actor: Actor, request: RequestingParty): boolean {
  if (!hasRole(actor, 'requester')) return false;
  if (request.caseTableId !== null) return actor.caseTableIds.includes(request.caseTableId);
  return request.municipalityId !== null && actor.municipalityIds.includes(request.municipalityId);
}

/** The members of the requesting organisation as notification recipients. */
export function requesterRecipients(request: RequestingParty): Extract<Recipients, { caseTableId: string } | { municipalityId: string }> {
  if (request.caseTableId !== null) return { caseTableId: request.caseTableId };
  return { municipalityId: request.municipalityId ?? '' };
}
