import { type AuditEvent, type AuditEventFilter, dateRangeReversed } from '@duidingspool/shared';

/** The filter form's fields, as typed (empty string = no filter). */
export const EMPTY_AUDIT_FORM = { actorId: '', action: '', objectType: '', reference: '', result: '', fromDate: '', toDate: '' };
export type AuditFilterForm = typeof EMPTY_AUDIT_FORM;

/** Only the filled-in filters, trimmed. */
export function toAuditFilter(form: AuditFilterForm): AuditEventFilter {
  return Object.fromEntries(
    Object.entries(form)
      .map(([k, v]) => [k, v.trim()] as const)
      .filter(([, v]) => v !== ''),
  ) as AuditEventFilter;
}

/** The form's own finding before asking the server: a date range that ends before it starts (the server refuses it too). */
export function auditFormErrors(form: AuditFilterForm): { toDate?: 'before-start' } {
  return dateRangeReversed(form.fromDate || undefined, form.toDate || undefined) ? { toDate: 'before-start' } : {};
}

/** An actor to pick in the “Wie” filter. */
export interface ActorOption {
  id: string;
  name: string;
}

/**
 * Adds the actors of `events` to `known` (by id, first name wins), sorted by name. Used where the
 * user cannot list users (the coordinator): the filter offers the people seen in the log so far.
 */
export function mergeActors(known: readonly ActorOption[], events: readonly Pick<AuditEvent, 'actorId' | 'actorName'>[]): ActorOption[] {
  const byId = new Map(known.map((a) => [a.id, a]));
  for (const e of events) if (e.actorId && !byId.has(e.actorId)) byId.set(e.actorId, { id: e.actorId, name: e.actorName ?? e.actorId });
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
