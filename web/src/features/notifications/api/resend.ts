import { OutboxNotificationSchema } from '@duidingspool/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { notificationKeys } from './keys.ts';

/** `POST /notifications/:id/resend` (admin): a failed mail goes back in the queue; refreshes the outbox. */
export function useResendNotification() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/notifications/${encodeURIComponent(id)}/resend`, { method: 'POST', schema: OutboxNotificationSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
