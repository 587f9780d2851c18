import type { Budget } from '@duidingspool/shared';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCents, formatWholeEuros } from '../../../lib/format.ts';
import { ChartLegend } from './chart-legend.tsx';

/** Colours of the bar's parts; each contrasts at least 3:1 with white and with its neighbours' borders. */
const COLOURS = { spent: '#1f3a5f', pending: '#8a4b00', reserved: '#4b6b8a', available: '#2e6b3a' } as const;

/**
 * A horizontal stacked bar of the year's allocation: spent, pending, reserved and available.
 * One image to assistive technology, named in the UI's language; the BudgetTable beside it is the
 * text alternative. The legend is the app's own (`ChartLegend`), never the library's English.
 */
export function BudgetChart({ budget }: { budget: Budget }) {
  const { t } = useTranslation();
  const data = [
    {
      name: String(budget.year),
      spent: budget.spentCents,
      pending: budget.pendingCents,
      reserved: budget.reservedCents,
      available: budget.availableCents,
    },
  ];
  const parts = ['spent', 'pending', 'reserved', 'available'] as const;
  return (
    <div className="dsp-chart" role="img" aria-label={t('budget.chartLabel', { year: budget.year })}>
      <ResponsiveContainer width="100%" height={180}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[0, budget.allocatedCents || 'auto']} tickFormatter={(v: number) => formatWholeEuros(v / 100)} stroke="#333" />
          <YAxis type="category" dataKey="name" width={48} stroke="#333" />
          <Tooltip formatter={(value, name) => [formatCents(Number(value)), t(`budget.${String(name)}`)]} />
          <Legend content={() => <ChartLegend items={parts.map((p) => ({ key: p, name: t(`budget.${p}`), colour: COLOURS[p] }))} />} />
          {parts.map((p) => (
            <Bar key={p} dataKey={p} stackId="budget" fill={COLOURS[p]} name={p} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
