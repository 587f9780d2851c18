import { type InviteUserBody, type PatchUserBody, pageOf, UserSchema } from '@duidingspool/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { pageQueryOptions } from '../../../lib/page-query.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

const UserPageSchema = pageOf(UserSchema);

/** Query keys of users. */
export const userKeys = {
  all: [queryRoots.users] as const,
  list: (page: number) => [queryRoots.users, 'list', page] as const,
  choices: () => [queryRoots.users, 'choices'] as const,
};

/** Query options of `GET /users` (admin): one page of users. */
export const usersQueryOptions = (page: number) => pageQueryOptions(userKeys.list(page), '/users', UserPageSchema, { page, pageSize: 50 });

/** One page of users. */
export function useUsers(page: number) {
  return useQuery(usersQueryOptions(page));
}

/** Query options of the users to choose from in a filter (the first 100, the API's largest page). */
export const userChoicesQueryOptions = () =>
  queryOptions({
    queryKey: userKeys.choices(),
    queryFn: ({ signal }) => apiRequest('/users', { query: { page: 1, pageSize: 100 }, schema: UserPageSchema, signal }),
    staleTime: 5 * 60 * 1000,
  });

/** Users to pick from (admin only: pass `enabled` false for anyone else). */
export function useUserChoices(enabled: boolean) {
  return useQuery({ ...userChoicesQueryOptions(), enabled });
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
