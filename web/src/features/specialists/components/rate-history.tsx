import { Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/loading.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { today } from '../../../lib/dates.ts';
import { formatCents, formatDate, formatInstant } from '../../../lib/format.ts';
import { useRates } from '../api/get-rates.ts';

/** A specialist's rates, newest first, with the one valid today marked in words. */
export function RateHistory({ specialistId, name }: { specialistId: string; name: string }) {
  const { t } = useTranslation();
  const query = useRates(specialistId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} />;
  const rates = [...query.data.items].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  if (rates.length === 0) return <Paragraph>{t('rates.empty')}</Paragraph>;
  const now = today();
  const current = rates.find((r) => r.validFrom <= now);
  return (
    <div className="dsp-table-scroll">
      <Table>
        <TableCaption className="dsp-visually-hidden">{t('rates.caption', { name: isolate(name) })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('rates.columns.validFrom')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="dsp-num">
              {t('rates.columns.rate')}
            </TableHeaderCell>
            <TableHeaderCell scope="col">{t('rates.columns.state')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('rates.columns.createdAt')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rates.map((r) => (
            <TableRow key={r.id}>
              <TableCell className="dsp-nowrap">{formatDate(r.validFrom)}</TableCell>
              <TableCell className="dsp-num dsp-nowrap">{t('format.perHour', { amount: formatCents(r.rateCents) })}</TableCell>
              <TableCell>{r.validFrom > now ? t('rates.future') : r === current ? t('rates.current') : t('rates.past')}</TableCell>
              <TableCell className="dsp-nowrap">{formatInstant(r.createdAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
