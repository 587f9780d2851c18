import { Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../../components/app-link.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { ExpertiseList } from '../../../components/expertise-list.tsx';
import { QueryFallback } from '../../../components/query-view.tsx';
import { VisuallyHidden } from '../../../components/visually-hidden.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { formatCents, formatMinutes } from '../../../lib/format.ts';
import { useSpecialists } from '../api/get-specialists.ts';
import { AssignabilityNote } from './assignability-note.tsx';

/** The coordinator's list of specialists: name (to the profile), expertise, current rate, capacity, load, whether assignable today, and a link to the rate history. */
export function SpecialistsTable() {
  const { t } = useTranslation();
  const query = useSpecialists();
  if (!query.isSuccess) return <QueryFallback query={query} />;
  if (query.data.items.length === 0) return <Paragraph>{t('specialists.empty')}</Paragraph>;
  return (
    <DataTable
      caption={t('specialists.caption')}
      columns={[
        t('specialists.columns.name'),
        t('specialists.columns.expertise'),
        t('specialists.columns.currentRate'),
        t('specialists.columns.capacity'),
        t('specialists.columns.load'),
        t('specialists.columns.assignable'),
        t('specialists.columns.rates'),
      ]}
    >
      {query.data.items.map((s) => (
        <TableRow key={s.id}>
          <TableCell>
            <AppLink to={`/specialists/${s.id}`}>
              <bdi>{s.displayName}</bdi>
            </AppLink>
          </TableCell>
          <TableCell>
            <ExpertiseList codes={s.expertiseAreaCodes} />
          </TableCell>
          <TableCell className="dsp-nowrap">
            {s.currentRateCents === null ? t('specialists.noRate') : t('format.perHour', { amount: formatCents(s.currentRateCents) })}
          </TableCell>
          <TableCell className="dsp-nowrap">{t('specialists.perMonth', { duration: formatMinutes(s.capacityMinutesPerMonth) })}</TableCell>
          <TableCell>{t('specialists.loadValue', { count: s.openAssignments, duration: formatMinutes(s.openEstimatedMinutes) })}</TableCell>
          <TableCell>
            <AssignabilityNote assignability={s.assignability} />
          </TableCell>
          <TableCell className="dsp-nowrap">
            <AppLink to={`/specialists/${s.id}/rates`}>
              {t('specialists.ratesLink')}
              <VisuallyHidden> {t('specialists.ratesLinkContext', { name: isolate(s.displayName) })}</VisuallyHidden>
            </AppLink>
          </TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
