import { Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table.tsx';
import { QueryFallback } from '../../../components/query-view.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { today } from '../../../lib/dates.ts';
import { formatCents, formatDate, formatInstant } from '../../../lib/format.ts';
import { useRates } from '../api/get-rates.ts';

/** A specialist's rates, newest first, with the one valid today marked in words. */
export function RateHistory({ specialistId, name }: { specialistId: string; name: string }) {
  const { t } = useTranslation();
  const query = useRates(specialistId);
  if (!query.isSuccess) return <QueryFallback query={query} />;
  const rates = [...query.data.items].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  if (rates.length === 0) return <Paragraph>{t('rates.empty')}</Paragraph>;
  const now = today();
  const current = rates.find((r) => r.validFrom <= now);
  return (
    <DataTable
      caption={t('rates.caption', { name: isolate(name) })}
      columns={[t('rates.columns.validFrom'), { label: t('rates.columns.rate'), className: 'dsp-num' }, t('rates.columns.state'), t('rates.columns.createdAt')]}
    >
      {rates.map((r) => (
        <TableRow key={r.id}>
          <TableCell className="dsp-nowrap">{formatDate(r.validFrom)}</TableCell>
          <TableCell className="dsp-num dsp-nowrap">{t('format.perHour', { amount: formatCents(r.rateCents) })}</TableCell>
          <TableCell>{r.validFrom > now ? t('rates.future') : r === current ? t('rates.current') : t('rates.past')}</TableCell>
          <TableCell className="dsp-nowrap">{formatInstant(r.createdAt)}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
