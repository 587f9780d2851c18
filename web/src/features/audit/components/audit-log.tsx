import {
  AUDIT_ACTIONS,
  AUDIT_OBJECT_TYPES,
  type AuditEventFilter,
  AuditEventFilterSchema,
  dateRangeReversed,
  IsoDateSchema,
  isoDateToInput,
} from '@duidingspool/shared';
import { ButtonLink, TableCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { DataTable } from '../../../components/data-table.tsx';
import { FormFrame } from '../../../components/form-frame.tsx';
import { PagedList } from '../../../components/query-view.tsx';
import { Field } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { optionalDateInput } from '../../../lib/form-inputs.ts';
import { formatInstant } from '../../../lib/format.ts';
import { usePaging } from '../../../lib/page-query.ts';
import { auditExportUrl, useAuditEvents } from '../api/audit-events.ts';
import { type ActorOption, EMPTY_AUDIT_FORM, mergeActors, toAuditFilter } from './audit-filter.ts';
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
  const schema = useMemo(
    () =>
      z
        .object({
          actorId: z.string(),
          action: z.string(),
          objectType: z.string(),
          reference: z
            .string()
            .trim()
            .refine((text) => text === '' || AuditEventFilterSchema.shape.reference.unwrap().safeParse(text).success, {
              params: { text: t('audit.referenceInvalid') },
            }),
          result: z.string(),
          fromDate: optionalDateInput(IsoDateSchema, t),
          toDate: optionalDateInput(IsoDateSchema, t),
        })
        .refine((v) => !dateRangeReversed(v.fromDate ?? undefined, v.toDate ?? undefined), {
          path: ['toDate'],
          params: { text: t('audit.dateRangeReversed') },
        })
        .transform((v) => toAuditFilter({ ...v, fromDate: v.fromDate ?? '', toDate: v.toDate ?? '' })),
    [t],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: {
      ...EMPTY_AUDIT_FORM,
      ...filter,
      fromDate: filter.fromDate ? isoDateToInput(filter.fromDate) : '',
      toDate: filter.toDate ? isoDateToInput(filter.toDate) : '',
    },
    ids: {
      actorId: 'audit-actor',
      action: 'audit-action',
      objectType: 'audit-object-type',
      reference: 'audit-reference',
      result: 'audit-result',
      fromDate: 'audit-from',
      toDate: 'audit-to',
    },
    labels: {
      actorId: t('audit.actor'),
      action: t('audit.action'),
      objectType: t('audit.objectType'),
      reference: t('audit.reference'),
      result: t('audit.result'),
      fromDate: t('audit.fromDate'),
      toDate: t('audit.toDate'),
    },
  });
  const actorId = form.rhf.watch('actorId');
  const paging = usePaging();
  const [seen, setSeen] = useState<ActorOption[]>([]);
  const events = useAuditEvents(filter, paging.page);
  const items = events.data?.items;
  useEffect(() => {
    if (!actors && items) setSeen((known) => mergeActors(known, items));
  }, [actors, items]);
  const actorOptions = actors ?? seen;

  // Filters and the first page in one step; the address keeps them.
  const submit = form.submit((applied) => setParams(new URLSearchParams(applied as Record<string, string>), { replace: true }));

  return (
    <>
      <FormFrame
        frame={form.frame}
        onSubmit={submit}
        submitLabel={t('audit.apply')}
        pending={false}
        className="dsp-form dsp-filters"
        label={t('audit.filters')}
        secondaryAction={
          <ButtonLink href={auditExportUrl(filter)} appearance="secondary-action-button" download>
            {t('audit.export')}
          </ButtonLink>
        }
      >
        <div className="dsp-toolbar">
          <Field
            form={form}
            name="actorId"
            kind="select"
            placeholder={t('audit.anyActor')}
            hint={actors ? undefined : t('audit.actorHintSeen')}
            options={[
              ...actorOptions.map((a) => ({ value: a.id, label: a.name })),
              ...(actorId && !actorOptions.some((a) => a.id === actorId) ? [{ value: actorId, label: t('audit.actorUnknown', { id: actorId }) }] : []),
            ]}
          />
          <Field
            form={form}
            name="action"
            kind="select"
            placeholder={t('audit.anyAction')}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`, { object: '…' }) }))}
          />
          <Field
            form={form}
            name="objectType"
            kind="select"
            placeholder={t('audit.anyObject')}
            options={AUDIT_OBJECT_TYPES.map((o) => ({ value: o, label: t(`audit.objects.${o}`) }))}
          />
          <Field form={form} name="reference" size="small" hint={t('audit.referenceHint')} autoComplete="off" />
          <Field
            form={form}
            name="result"
            kind="select"
            placeholder={t('audit.anyResult')}
            options={[
              { value: 'success', label: t('audit.success') },
              { value: 'denied', label: t('audit.denied') },
            ]}
          />
          <Field form={form} name="fromDate" kind="date" />
          <Field form={form} name="toDate" kind="date" />
        </div>
      </FormFrame>
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
