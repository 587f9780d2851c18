import { type InviteUserBody, type PatchUserBody, pageOf, UserSchema } from '@duidingspool/shared';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

const UserPageSchema = pageOf(UserSchema);

/** Query keys of users. */
export const userKeys = {
  all: [queryRoots.users] as const,
  list: (page: number) => [queryRoots.users, 'list', page] as const,
};

/** `GET /users` (admin). */
export function getUsers(page: number, signal?: AbortSignal) {
  return apiRequest('/users', { query: { page, pageSize: 50 }, schema: UserPageSchema, signal });
}

/** Query options of one page of users. */
export const usersQueryOptions = (page: number) =>
  queryOptions({ queryKey: userKeys.list(page), queryFn: ({ signal }) => getUsers(page, signal), placeholderData: keepPreviousData });

/** One page of users. */
export function useUsers(page: number) {
  return useQuery(usersQueryOptions(page));
}

/** `POST /users`: invites a user by e-mail. */
export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteUserBody) => apiRequest('/users', { method: 'POST', body, schema: UserSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/** `PATCH /users/{id}`: roles, memberships, active, second-factor reset, new invitation. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: PatchUserBody }) => apiRequest(`/users/${id}`, { method: 'PATCH', body, schema: UserSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
