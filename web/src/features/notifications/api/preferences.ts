import { NotificationPreferenceListSchema, type PutNotificationPreferencesBody } from '@duidingspool/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { notificationKeys } from './keys.ts';

/** `GET /me/notification-preferences`: the signed-in user's mode per event. */
export function getPreferences(signal?: AbortSignal) {
  return apiRequest('/me/notification-preferences', { schema: NotificationPreferenceListSchema, signal });
}

export const preferencesQueryOptions = () => queryOptions({ queryKey: notificationKeys.preferences(), queryFn: ({ signal }) => getPreferences(signal) });

export function usePreferences() {
  return useQuery(preferencesQueryOptions());
}

/** `PUT /me/notification-preferences`; refreshes the preferences. */
export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PutNotificationPreferencesBody) =>
      apiRequest('/me/notification-preferences', { method: 'PUT', body, schema: NotificationPreferenceListSchema }),
    onSuccess: (data) => client.setQueryData(notificationKeys.preferences(), data),
  });
}
