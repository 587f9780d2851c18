import type { ChangePasswordBody } from '@duidingspool/shared';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

/** `PUT /me/password`: changes one's own password; other sessions end. */
export function changePassword(body: ChangePasswordBody) {
  return apiRequest('/me/password', { method: 'PUT', body });
}

/** Changes one's own password. */
export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
