import type { Budget } from '@duidingspool/shared';
import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { formatCents, percentage } from '../../../lib/format.ts';

/** The text alternative of the budget chart: each part with its amount and share of the allocation. */
export function BudgetTable({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const pct = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
  const rows = [
    { key: 'spent', value: budget.spentCents },
    { key: 'pending', value: budget.pendingCents },
    { key: 'reserved', value: budget.reservedCents },
    { key: 'available', value: budget.availableCents },
  ] as const;
  return (
    <div className="dsp-table-scroll">
      <Table>
        <TableCaption>{t('budget.tableCaption', { year: budget.year })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('budget.part')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="dsp-num">
              {t('budget.amount')}
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="dsp-num">
              {t('budget.share')}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key}>
              <TableHeaderCell scope="row">{t(`budget.${r.key}`)}</TableHeaderCell>
              <TableCell className="dsp-num dsp-nowrap">{formatCents(r.value)}</TableCell>
              <TableCell className="dsp-num dsp-nowrap">{pct.format(percentage(r.value, budget.allocatedCents))}%</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableHeaderCell scope="row">{t('budget.allocated')}</TableHeaderCell>
            <TableCell className="dsp-num dsp-nowrap">{formatCents(budget.allocatedCents)}</TableCell>
            <TableCell className="dsp-num dsp-nowrap">100%</TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </div>
  );
}
