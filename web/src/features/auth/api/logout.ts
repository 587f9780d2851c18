import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** `DELETE /sessions/current`: ends the session on the server. */
export function logout() {
  return apiRequest('/sessions/current', { method: 'DELETE' });
}

/** Signs out and forgets all cached data, whatever the server answered. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData([queryRoots.me], null);
    },
  });
}
