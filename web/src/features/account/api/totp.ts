import { type ConfirmTotpBody, RecoveryCodesSchema, TotpEnrolmentSchema } from '@duidingspool/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryRoots } from '../../../lib/query-roots.ts';

/** `POST /me/totp-enrolments`: a new secret with its QR code. */
export function startTotpEnrolment() {
  return apiRequest('/me/totp-enrolments', { method: 'POST', schema: TotpEnrolmentSchema });
}

/** `POST /me/totp-confirmations`: switches TOTP on with a code; answers the recovery codes. */
export function confirmTotp(body: ConfirmTotpBody) {
  return apiRequest('/me/totp-confirmations', { method: 'POST', body, schema: RecoveryCodesSchema });
}

/** Starts the enrolment. */
export function useStartTotpEnrolment() {
  return useMutation({ mutationFn: startTotpEnrolment });
}

/** Confirms the enrolment; the user (`me`) is reloaded, as the session may now do more. */
export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: confirmTotp, onSuccess: () => queryClient.invalidateQueries({ queryKey: [queryRoots.me] }) });
}
