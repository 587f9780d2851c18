import type { PasswordResetRequestBody } from '@duidingspool/shared';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

/** `POST /password-resets`: mails a reset link when the address is known (the answer never says). */
export function requestPasswordReset(body: PasswordResetRequestBody) {
  return apiRequest('/password-resets', { method: 'POST', body });
}

/** Asks for a reset link. */
export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}
