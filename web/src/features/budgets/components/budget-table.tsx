import type { Budget } from '@duidingspool/shared';
import { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table.tsx';
import { formatCents, formatDecimal, percentage } from '../../../lib/format.ts';

/** The text alternative of the budget chart: each part with its amount and share of the allocation. */
export function BudgetTable({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const rows = [
    { key: 'spent', value: budget.spentCents },
    { key: 'pending', value: budget.pendingCents },
    { key: 'reserved', value: budget.reservedCents },
    { key: 'available', value: budget.availableCents },
  ] as const;
  return (
    <DataTable
      caption={t('budget.tableCaption', { year: budget.year })}
      columns={[t('budget.part'), { label: t('budget.amount'), className: 'dsp-num' }, { label: t('budget.share'), className: 'dsp-num' }]}
      showCaption
    >
      {rows.map((r) => (
        <TableRow key={r.key}>
          <TableHeaderCell scope="row">{t(`budget.${r.key}`)}</TableHeaderCell>
          <TableCell className="dsp-num dsp-nowrap">{formatCents(r.value)}</TableCell>
          <TableCell className="dsp-num dsp-nowrap">{formatDecimal(percentage(r.value, budget.allocatedCents))}%</TableCell>
        </TableRow>
      ))}
      <TableRow>
        <TableHeaderCell scope="row">{t('budget.allocated')}</TableHeaderCell>
        <TableCell className="dsp-num dsp-nowrap">{formatCents(budget.allocatedCents)}</TableCell>
        <TableCell className="dsp-num dsp-nowrap">100%</TableCell>
      </TableRow>
    </DataTable>
  );
}
