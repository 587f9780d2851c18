import { Heading2, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table.tsx';
import { QueryFallback } from '../../../components/query-view.tsx';
import { formatDate, formatHoursMinutes } from '../../../lib/format.ts';
import { useCapacityView } from '../api/capacity.ts';

/**
 * “Capaciteit komende acht weken” (coordinator, decision 100): per active specialist the hours their
 * monthly capacity gives each week on working days they are not absent, and their current open load.
 */
export function CapacityTable() {
  const { t } = useTranslation();
  const view = useCapacityView();
  return (
    <section aria-labelledby="capacity-heading" className="dsp-section">
      <Heading2 id="capacity-heading">{t('capacity.heading')}</Heading2>
      <Paragraph>{t('capacity.intro')}</Paragraph>
      {view.isSuccess ? (
        <DataTable
          caption={t('capacity.caption')}
          columns={[t('capacity.specialist'), t('capacity.open'), ...view.data.weekStarts.map((w) => t('capacity.week', { date: formatDate(w) }))]}
        >
          {view.data.items.map((s) => (
            <TableRow key={s.specialistId}>
              <TableHeaderCell scope="row">
                <bdi>{s.displayName}</bdi>
              </TableHeaderCell>
              <TableCell className="dsp-nowrap">{formatHoursMinutes(s.openEstimatedMinutes)}</TableCell>
              {s.weeks.map((w) => (
                <TableCell key={w.weekStart} className="dsp-nowrap">
                  {formatHoursMinutes(w.capacityMinutes)}
                  {w.absentDays > 0 ? <span className="dsp-cell-note">{t('capacity.absent', { count: w.absentDays })}</span> : null}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </DataTable>
      ) : (
        <QueryFallback query={view} />
      )}
    </section>
  );
}
