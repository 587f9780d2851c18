import type { SetPasswordBody } from '@duidingspool/shared';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

/** `POST /password-changes`: sets a password with the token of an invitation or reset link. */
export function setPassword(body: SetPasswordBody) {
  return apiRequest('/password-changes', { method: 'POST', body });
}

/** Sets a password from a link. */
export function useSetPassword() {
  return useMutation({ mutationFn: setPassword });
}
