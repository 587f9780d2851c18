import type { AuditEvent } from '@duidingspool/shared';
import type { i18n as I18n } from 'i18next';
import { formatCents, formatDate, formatMinutes, formatMonth } from '../../../lib/format.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Fields whose text is case content or free text: the audit log never shows their values, only
 * that they changed (docs/design.md §6; the services leave most of them out of the details already).
 */
const FREE_TEXT = new Set(['question', 'context', 'caseReference', 'summary', 'body', 'description', 'reason', 'bio', 'note', 'declineReason']);

/**
 * The object of an event in words: its label from the server (pool reference, a name), else what
 * kind of object it is with the identifier people read (a year, a month, a code, a route); never a
 * bare uuid.
 */
export function objectPhrase(i18n: I18n, e: Pick<AuditEvent, 'objectType' | 'objectId' | 'objectLabel' | 'details'>): string {
  const kindKey = `audit.objects.${e.objectType}`;
  const kind = i18n.exists(kindKey) ? i18n.t(kindKey) : e.objectType;
  if (e.objectLabel) return e.objectLabel;
  const year = e.details && typeof e.details.year === 'number' ? String(e.details.year) : null;
  const id = e.objectId;
  if (e.objectType === 'accounting-period' && id) return `${kind} ${formatMonth(id)}`;
  if (!id || UUID.test(id)) return year ? `${kind} ${year}` : kind;
  return `${kind} ${id}`;
}

/** What happened, as a sentence in the reader's language ("Advies opgeleverd voor DP-2026-0004"); an unknown action by its code. */
export function actionSentence(i18n: I18n, e: Pick<AuditEvent, 'action' | 'objectType' | 'objectId' | 'objectLabel' | 'details'>): string {
  const object = objectPhrase(i18n, e);
  const key = `audit.actions.${e.action}`;
  return i18n.exists(key) ? i18n.t(key, { object }) : `${e.action}: ${object}`;
}

/** One changed field: its name and, for a field that is no free text, the old and new value. */
export interface AuditChange {
  field: string;
  from?: string;
  to?: string;
}

/** A value of a changed field in words (amounts, durations, dates, roles, yes/no, statuses). */
function valueText(i18n: I18n, field: string, value: unknown, action: string): string {
  if (value === null || value === undefined || value === '') return i18n.t('common.none');
  if (typeof value === 'boolean') return i18n.t(value ? 'audit.yes' : 'audit.no');
  if (Array.isArray(value)) return value.length === 0 ? i18n.t('common.none') : value.map((v) => valueText(i18n, field, v, action)).join(', ');
  if (typeof value === 'number') {
    if (/Cents$/.test(field)) return formatCents(value);
    if (/Minutes/.test(field)) return formatMinutes(value);
    return String(value);
  }
  if (typeof value === 'object') return i18n.t('audit.changedValue');
  const text = String(value);
  if (field === 'roles' && i18n.exists(`roles.${text}`)) return i18n.t(`roles.${text}`);
  if (field === 'language' && i18n.exists(`layout.languageName.${text}`)) return i18n.t(`layout.languageName.${text}`);
  if (field === 'status' && action === 'transition' && i18n.exists(`status.request.${text}`)) return i18n.t(`status.request.${text}`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text);
  return text;
}

/** The name of a changed field in the reader's language. */
function fieldLabel(i18n: I18n, field: string): string {
  const key = `fieldNames.${field}`;
  return i18n.exists(key) ? i18n.t(key) : field;
}

/**
 * What an event changed, from its details: `{from, to}` objects (old → new per field), a
 * `{field: {from, to}}` per field, a plain `from`/`to` (a request's status, an assignment's
 * estimate), and `changed` (the fields a change named, with the new value where the details hold it).
 * Free-text fields show only their name.
 */
export function changesOf(i18n: I18n, e: Pick<AuditEvent, 'action' | 'details'>): AuditChange[] {
  const d = e.details;
  if (!d) return [];
  const out = new Map<string, AuditChange>();
  const put = (field: string, from: unknown, to: unknown, hasFrom: boolean) => {
    const change: AuditChange = { field: fieldLabel(i18n, field) };
    if (!FREE_TEXT.has(field)) {
      if (hasFrom) change.from = valueText(i18n, field, from, e.action);
      change.to = valueText(i18n, field, to, e.action);
    }
    out.set(field, change);
  };
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isRecord(d.from) && isRecord(d.to)) {
    for (const field of new Set([...Object.keys(d.from), ...Object.keys(d.to)])) put(field, d.from[field], d.to[field], field in d.from);
  } else if ('from' in d && 'to' in d && !isRecord(d.from)) {
    const field = e.action === 'transition' ? 'status' : e.action === 'change-estimate' ? 'estimatedMinutes' : 'value';
    put(field, d.from, d.to, true);
  }
  for (const [field, value] of Object.entries(d)) {
    if (isRecord(value) && 'from' in value && 'to' in value && !out.has(field)) put(field, value.from, value.to, true);
  }
  if (Array.isArray(d.changed)) {
    for (const field of d.changed) {
      if (typeof field !== 'string' || out.has(field)) continue;
      if (field in d && !isRecord(d[field])) put(field, undefined, d[field], false);
      else out.set(field, { field: fieldLabel(i18n, field) });
    }
  }
  return [...out.values()];
}
