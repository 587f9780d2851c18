import type { LoginBody } from '@duidingspool/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { loadSessionContracts } from '../../../lib/auth.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** `POST /sessions`: signs in and sets the session cookie; the answer's contract (with zod) is loaded once it arrives. */
export function login(body: LoginBody) {
  return apiRequest('/sessions', { method: 'POST', body, schema: async () => (await loadSessionContracts()).LoginResponseSchema });
}

/** Signs in; on success the user is stored as the `me` query and every other query is dropped. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: ({ user }) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryRoots.me });
      queryClient.setQueryData([queryRoots.me], user);
    },
  });
}
