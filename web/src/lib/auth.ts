import type { Me, Role } from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { PUBLIC_PATHS } from '../app/pages.ts';
import { ApiError, apiRequest } from './api-client.ts';
import { queryRoots } from './query-roots.ts';

export { PUBLIC_PATHS };

/** Loads the contracts of `/me` and the login (with zod), once: `session-contracts.ts`. */
export const loadSessionContracts = () => import('./session-contracts.ts');

/**
 * Fetches `GET /me`; resolves to `null` when nobody is signed in (401). The contract that reads the
 * user comes with zod in a chunk of its own: on a page that needs a login it is loaded alongside the
 * call (a user is the likely answer), on the login page and the other public pages only when a user
 * comes back, so a visitor of the login page loads no zod.
 */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  const early = typeof window !== 'undefined' && !PUBLIC_PATHS.includes(window.location.pathname) ? loadSessionContracts() : undefined;
  early?.catch(() => undefined);
  try {
    return await apiRequest('/me', { schema: async () => (await (early ?? loadSessionContracts())).MeSchema, signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Query options of the signed-in user (`null` when signed out). */
export const meQueryOptions = () => queryOptions({ queryKey: [queryRoots.me], queryFn: ({ signal }) => getMe(signal), staleTime: 5 * 60 * 1000 });

/** The signed-in user, or `null`. */
export function useMe() {
  return useQuery(meQueryOptions());
}

/** True when `me` holds one of `roles`. */
export function hasRole(me: Me | null | undefined, ...roles: Role[]): boolean {
  return !!me && me.roles.some((r) => roles.includes(r));
}

/** The path a user lands on after signing in, by their most capable role. */
export function homePathFor(me: Me): string {
  if (me.enrolmentOnly) return '/account';
  if (me.roles.includes('coordinator')) return '/triage';
  if (me.roles.includes('requester')) return '/requests';
  if (me.roles.includes('specialist')) return '/assignments';
  if (me.roles.includes('finance')) return '/budget';
  if (me.roles.includes('admin')) return '/users';
  return '/no-access';
}

/** True when the assignment `a` is the signed-in specialist's own. */
export function isOwnAssignment(me: Me | null | undefined, a: { specialistId: string }): boolean {
  return !!me?.specialistId && me.specialistId === a.specialistId;
}

/**
 * True when `me` asks for this request: a member of its casustafel, or — for a request a
 * municipality asked without one (decision 095) — of its municipality.
 */
export function asksFor(me: Me | null | undefined, request: { caseTableId: string | null; municipalityId: string | null }): boolean {
  if (!me) return false;
  if (request.caseTableId !== null) return me.memberships.some((m) => m.caseTableId === request.caseTableId);
  return me.municipalityMemberships.some((m) => m.municipalityId === request.municipalityId);
}
