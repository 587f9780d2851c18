import type { ProblemFieldError } from '@duidingspool/shared';
import { AppError } from '../errors.ts';
import type { Actor } from './context.ts';

/**
 * Separation of duties (docs/design.md §2): one person may hold several roles, but nobody decides on
 * their own work. A user who is both coordinator and specialist cannot assign themselves, approve,
 * reject or correct their own hours, grant or refuse their own extension requests, change the
 * estimate of or end their own assignment, close a request on which they delivered the work, or set
 * their own rate. The work is "own" when the specialist who does it is the acting user.
 *
 * @param specialistUserId the user id behind the specialist profile that does the work
 */
export const isOwnWork = (actor: Pick<Actor, 'userId'>, specialistUserId: string): boolean => actor.userId === specialistUserId;

/**
 * Refuses a decision on the actor's own work with 403 `separation-of-duties`.
 *
 * @param what the decision in Dutch, completing "Dit is uw eigen werk: … doet een andere coördinator",
 *   e.g. "uren goedkeuren of afkeuren"
 * @param errors optional pointers at the offending input (bulk review: `/entryIds/3`)
 * @throws AppError 403 `separation-of-duties`
 */
export function assertNotOwnWork(actor: Pick<Actor, 'userId'>, specialistUserId: string, what: string, errors?: ProblemFieldError[]): void {
  if (isOwnWork(actor, specialistUserId)) throw ownWorkRefused(what, errors);
}

/** The 403 `separation-of-duties` problem for `what` (see `assertNotOwnWork`). */
export function ownWorkRefused(what: string, errors?: ProblemFieldError[]): AppError {
  return new AppError(
    'separation-of-duties',
    `Dit is uw eigen werk: ${what} doet een andere coördinator (functiescheiding).`,
    errors && errors.length > 0 ? { errors } : {},
  );
}
