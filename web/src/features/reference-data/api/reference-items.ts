import {
  type CreateReferenceItemBody,
  ReferenceItemListSchema,
  ReferenceItemSchema,
  type ReferenceKind,
  type UpdateReferenceItemBody,
} from '@duidingspool/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { useRefreshingMutation } from '../../../lib/mutation.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** Query keys of the admin's reference data. */
export const referenceItemKeys = {
  kind: (kind: ReferenceKind) => [queryRoots.referenceItems, kind] as const,
};

/** What a change to reference data makes stale: the admin's lists, the forms' choices and labels, the users' memberships. */
const STALE = [queryRoots.referenceItems, queryRoots.referenceData, queryRoots.caseTables, queryRoots.requests, queryRoots.users] as const;

const base = (kind: ReferenceKind) => `/admin/reference/${kind}`;

/** `GET /admin/reference/{kind}`: every item of one kind, retired ones included. */
export const referenceItemsQueryOptions = (kind: ReferenceKind) =>
  queryOptions({ queryKey: referenceItemKeys.kind(kind), queryFn: ({ signal }) => apiRequest(base(kind), { schema: ReferenceItemListSchema, signal }) });

/** The items of one kind (admin). */
export function useReferenceItems(kind: ReferenceKind) {
  return useQuery(referenceItemsQueryOptions(kind));
}

/** `POST /admin/reference/{kind}`: adds an item. */
export function useAddReferenceItem(kind: ReferenceKind) {
  return useRefreshingMutation((body: CreateReferenceItemBody) => apiRequest(base(kind), { method: 'POST', body, schema: ReferenceItemSchema }), STALE);
}

/** `PATCH /admin/reference/{kind}/{code}`: renames an item (a casustafel: also its municipalities). */
export function useUpdateReferenceItem(kind: ReferenceKind) {
  return useRefreshingMutation(
    ({ code, body }: { code: string; body: UpdateReferenceItemBody }) =>
      apiRequest(`${base(kind)}/${encodeURIComponent(code)}`, { method: 'PATCH', body, schema: ReferenceItemSchema }),
    STALE,
  );
}

/** `POST /admin/reference/{kind}/{code}/retirement`: retires an item (409 `in-use` with `usedBy` while in use). */
export function useRetireReferenceItem(kind: ReferenceKind) {
  return useRefreshingMutation(
    (code: string) => apiRequest(`${base(kind)}/${encodeURIComponent(code)}/retirement`, { method: 'POST', schema: ReferenceItemSchema }),
    STALE,
  );
}

/** Adds (`member: true`) or removes a member of casustafel `code`. */
export function useCaseTableMember() {
  return useRefreshingMutation(
    ({ code, userId, member }: { code: string; userId: string; member: boolean }) =>
      member
        ? apiRequest(`${base('case-tables')}/${encodeURIComponent(code)}/members`, { method: 'POST', body: { userId }, schema: ReferenceItemSchema })
        : apiRequest(`${base('case-tables')}/${encodeURIComponent(code)}/members/${userId}`, { method: 'DELETE', schema: ReferenceItemSchema }),
    STALE,
  );
}
