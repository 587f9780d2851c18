import type { AuditEventFilter } from '@duidingspool/shared';
import { Button, ButtonLink, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/form-field.tsx';
import { Loading } from '../../../components/loading.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { formatInstant } from '../../../lib/format.ts';
import { auditExportUrl, useAuditEvents } from '../api/audit-events.ts';

const EMPTY = { action: '', objectType: '', objectId: '', result: '', fromDate: '', toDate: '' };

/** Only the filled-in filters. */
function toFilter(form: typeof EMPTY): AuditEventFilter {
  return Object.fromEntries(Object.entries(form).filter(([, v]) => v.trim() !== '')) as AuditEventFilter;
}

/** The audit log with filters, pages and a CSV export of the same selection. */
export function AuditLog() {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const [filter, setFilter] = useState<AuditEventFilter>({});
  const [page, setPage] = useState(1);
  const events = useAuditEvents(filter, page);
  const set = (key: keyof typeof EMPTY) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter(toFilter(form));
    setPage(1);
  };

  return (
    <>
      <form onSubmit={submit} className="dsp-form dsp-filters" aria-label={t('audit.filters')}>
        <div className="dsp-toolbar">
          <TextField
            id="audit-action"
            label={t('audit.action')}
            value={form.action}
            onChange={set('action')}
            size="small"
            description={t('audit.actionHint')}
          />
          <TextField id="audit-object-type" label={t('audit.objectType')} value={form.objectType} onChange={set('objectType')} size="small" />
          <TextField id="audit-object-id" label={t('audit.objectId')} value={form.objectId} onChange={set('objectId')} size="medium" />
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
          <TextField id="audit-to" label={t('audit.toDate')} type="date" value={form.toDate} onChange={set('toDate')} size="small" />
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
      {events.isPending ? <Loading /> : null}
      <ProblemAlert error={events.error} />
      {events.data ? (
        <>
          <div className="dsp-table-scroll">
            <Table>
              <TableCaption>{t('audit.caption', { total: events.data.total })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('audit.when')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('audit.who')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('audit.action')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('audit.object')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('audit.result')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('audit.origin')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {events.data.items.map((e) => (
                  <TableRow key={e.id}>
                    <TableCell className="dsp-nowrap">{formatInstant(e.occurredAt)}</TableCell>
                    <TableCell>{e.actorName ?? t('audit.system')}</TableCell>
                    <TableCell>
                      <code>{e.action}</code>
                    </TableCell>
                    <TableCell>
                      {e.objectType}
                      {e.objectId ? (
                        <>
                          <br />
                          <code className="dsp-muted dsp-break">{e.objectId}</code>
                        </>
                      ) : null}
                    </TableCell>
                    <TableCell>{e.result === 'denied' ? <strong>{t('audit.denied')}</strong> : t('audit.success')}</TableCell>
                    <TableCell className="dsp-muted">{e.ip ?? t('common.none')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Pagination page={page} pageSize={events.data.pageSize} total={events.data.total} onPageChange={setPage} label={t('audit.pagination')} />
        </>
      ) : null}
    </>
  );
}
