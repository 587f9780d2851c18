import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES, type AuditEventFilter } from '@duidingspool/shared';
import { Button, ButtonLink, TableCell, TableRow } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DataTable } from '../../../components/data-table.tsx';
import { SelectField, TextField } from '../../../components/form-field.tsx';
import { PagedList } from '../../../components/query-view.tsx';
import { formatInstant } from '../../../lib/format.ts';
import { usePaging } from '../../../lib/page-query.ts';
import { auditExportUrl, useAuditEvents } from '../api/audit-events.ts';
import { type ActorOption, type AuditFilterForm, auditFormErrors, EMPTY_AUDIT_FORM, mergeActors, toAuditFilter } from './audit-filter.ts';
import { actionSentence, changesOf } from './audit-text.ts';

/** The applied filters as the address holds them (only the known ones). */
function fromParams(params: URLSearchParams): AuditEventFilter {
  const out: Record<string, string> = {};
  for (const key of Object.keys(EMPTY_AUDIT_FORM)) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  return out as AuditEventFilter;
}

/**
 * The audit log with filters, pages and a CSV export of the same selection. `actors` are the users
 * to filter on (the admin's user list); without it, the “Wie” filter offers the people seen in the
 * log so far (the coordinator may not list users).
 */
export function AuditLog({ actors }: { actors?: readonly ActorOption[] | undefined }) {
  const { t, i18n } = useTranslation();
  // The applied filters live in the address (a reload or a shared link keeps them); the form starts from them.
  const [params, setParams] = useSearchParams();
  const filter = fromParams(params);
  const [form, setForm] = useState<AuditFilterForm>(() => ({ ...EMPTY_AUDIT_FORM, ...filter }));
  const [dateError, setDateError] = useState<string | undefined>();
  const paging = usePaging();
  const [seen, setSeen] = useState<ActorOption[]>([]);
  const events = useAuditEvents(filter, paging.page);
  const set = (key: keyof AuditFilterForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const items = events.data?.items;
  useEffect(() => {
    if (!actors && items) setSeen((known) => mergeActors(known, items));
  }, [actors, items]);
  const actorOptions = actors ?? seen;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = auditFormErrors(form);
    setDateError(found.toDate ? t('audit.dateRangeReversed') : undefined);
    if (found.toDate) {
      document.getElementById('audit-to')?.focus();
      return;
    }
    // Filters and the first page in one step.
    setParams(new URLSearchParams(toAuditFilter(form) as Record<string, string>), { replace: true });
  };

  return (
    <>
      <form onSubmit={submit} className="dsp-form dsp-filters" aria-label={t('audit.filters')}>
        <div className="dsp-toolbar">
          <SelectField
            id="audit-actor"
            label={t('audit.actor')}
            value={form.actorId}
            onChange={set('actorId')}
            placeholder={t('audit.anyActor')}
            description={actors ? undefined : t('audit.actorHintSeen')}
            options={[
              ...actorOptions.map((a) => ({ value: a.id, label: a.name })),
              ...(form.actorId && !actorOptions.some((a) => a.id === form.actorId)
                ? [{ value: form.actorId, label: t('audit.actorUnknown', { id: form.actorId }) }]
                : []),
            ]}
          />
          <SelectField
            id="audit-action"
            label={t('audit.action')}
            value={form.action}
            onChange={set('action')}
            placeholder={t('audit.anyAction')}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`, { object: '…' }) }))}
          />
          <SelectField
            id="audit-object-type"
            label={t('audit.objectType')}
            value={form.objectType}
            onChange={set('objectType')}
            placeholder={t('audit.anyObject')}
            options={AUDIT_OBJECT_TYPES.map((o) => ({ value: o, label: t(`audit.objects.${o}`) }))}
          />
          <TextField
            id="audit-reference"
            label={t('audit.reference')}
            value={form.reference}
            onChange={set('reference')}
            size="small"
            description={t('audit.referenceHint')}
          />
          <SelectField
            id="audit-result"
            label={t('audit.result')}
            value={form.result}
            onChange={set('result')}
            placeholder={t('audit.anyResult')}
            options={[
              { value: 'success', label: t('audit.success') },
              { value: 'denied', label: t('audit.denied') },
            ]}
          />
          <TextField id="audit-from" label={t('audit.fromDate')} type="date" value={form.fromDate} onChange={set('fromDate')} size="small" />
          <TextField id="audit-to" label={t('audit.toDate')} type="date" value={form.toDate} onChange={set('toDate')} size="small" error={dateError} />
        </div>
        <div className="dsp-row-actions">
          <Button type="submit" appearance="primary-action-button">
            {t('audit.apply')}
          </Button>
          <ButtonLink href={auditExportUrl(filter)} appearance="secondary-action-button" download>
            {t('audit.export')}
          </ButtonLink>
        </div>
      </form>
      <PagedList query={events} {...paging} paginationLabel={t('audit.pagination')}>
        {(items, data) => (
          <DataTable
            caption={t('audit.caption', { total: data.total })}
            columns={[t('audit.when'), t('audit.who'), t('audit.what'), t('audit.changes'), t('audit.result'), t('audit.origin')]}
            showCaption
          >
            {items.map((e) => {
              const changes = changesOf(i18n, e);
              return (
                <TableRow key={e.id}>
                  <TableCell className="dsp-nowrap">{formatInstant(e.occurredAt)}</TableCell>
                  <TableCell>{e.actorName ? <bdi>{e.actorName}</bdi> : t('audit.system')}</TableCell>
                  <TableCell>
                    <bdi>{actionSentence(i18n, e)}</bdi>
                  </TableCell>
                  <TableCell>
                    {changes.length === 0 ? (
                      t('common.none')
                    ) : (
                      <ul className="dsp-plain-list">
                        {changes.map((c) => (
                          <li key={c.field}>
                            {c.to === undefined
                              ? t('audit.changedField', { field: c.field })
                              : c.from === undefined
                                ? t('audit.setField', { field: c.field, to: c.to })
                                : t('audit.changedFromTo', { field: c.field, from: c.from, to: c.to })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                  <TableCell>{e.result === 'denied' ? <strong>{t('audit.denied')}</strong> : t('audit.success')}</TableCell>
                  <TableCell className="dsp-muted">{e.ip ?? t('common.none')}</TableCell>
                </TableRow>
              );
            })}
          </DataTable>
        )}
      </PagedList>
    </>
  );
}
