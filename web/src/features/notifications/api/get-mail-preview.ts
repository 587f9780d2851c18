import { MailPreviewSchema, type NotificationEvent } from '@duidingspool/shared';
import { useQuery } from '@tanstack/react-query';
import { API_BASE, apiRequest } from '../../../lib/api-client.ts';
import { notificationKeys } from './keys.ts';

/** `GET /notifications/{id}/preview` (admin, not in production): one mail as rendered. */
export function getNotificationPreview(id: string, signal?: AbortSignal) {
  return apiRequest(`/notifications/${encodeURIComponent(id)}/preview`, { schema: MailPreviewSchema, signal });
}

/** `GET /mail-templates/{event}/preview` (admin, not in production): a template with sample values. */
export function getTemplatePreview(event: NotificationEvent, language: 'nl' | 'en', signal?: AbortSignal) {
  return apiRequest(`/mail-templates/${encodeURIComponent(event)}/preview`, { query: { language }, schema: MailPreviewSchema, signal });
}

/** The preview of an outbox row, or of a template; nothing while `source` is null. */
export function useMailPreview(source: { id: string } | { event: NotificationEvent; language: 'nl' | 'en' } | null) {
  return useQuery({
    queryKey:
      source === null ? notificationKeys.all : 'id' in source ? notificationKeys.preview(source.id) : notificationKeys.template(source.event, source.language),
    queryFn: ({ signal }) => {
      if (source === null) throw new Error('no source');
      return 'id' in source ? getNotificationPreview(source.id, signal) : getTemplatePreview(source.event, source.language, signal);
    },
    enabled: source !== null,
  });
}

/**
 * URL of the same preview as a page of its own, for the preview frame: it is served with a policy
 * that lets the mail's inline styles show, which an embedded srcdoc under the app's CSP would not.
 */
export function mailPreviewPageUrl(source: { id: string } | { event: NotificationEvent; language: 'nl' | 'en' }): string {
  return 'id' in source
    ? `${API_BASE}/notifications/${encodeURIComponent(source.id)}/preview-page`
    : `${API_BASE}/mail-templates/${encodeURIComponent(source.event)}/preview-page?language=${source.language}`;
}
