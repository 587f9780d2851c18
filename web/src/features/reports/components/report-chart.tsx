import type { ReportTable, ReportUnit } from '@duidingspool/shared';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatInteger, formatWholeEuros } from '../../../lib/format.ts';

const BAR = '#1f3a5f';

/**
 * How a column's unit is drawn on the axis: money in whole euros (`€ 14.000`), work in whole hours
 * (`150 uur`), shares in percents, everything else as a whole number. The bars are scaled to that
 * unit (cents ÷ 100, minutes ÷ 60) so the axis's ticks fall on round euros and hours.
 */
export function axisOf(unit: ReportUnit, hoursUnit: string): { scale: number; tick: (v: number) => string } {
  if (unit === 'cents') return { scale: 100, tick: (v) => formatWholeEuros(v) };
  if (unit === 'minutes') return { scale: 60, tick: (v) => `${formatInteger(v)} ${hoursUnit}` };
  if (unit === 'percent') return { scale: 1, tick: (v) => `${formatInteger(v)} %` };
  return { scale: 1, tick: (v) => formatInteger(v) };
}

/**
 * A simple bar per row of the column `table.chart` (or the row totals for `total`), published
 * values only: a suppressed figure gets no bar. Hidden from assistive technology; the table
 * beside it is the text alternative and holds every figure.
 */
export function ReportChart({ table }: { table: ReportTable }) {
  const { t } = useTranslation();
  if (table.chart === null) return null;
  const index = table.columns.findIndex((c) => c.key === table.chart);
  // Row totals add up counts (the month table); a column says its own unit.
  const axis = axisOf(table.chart === 'total' ? 'count' : (table.columns[index]?.unit ?? 'count'), t('format.hoursUnit'));
  const data = table.rows.map((r) => {
    const cell = table.chart === 'total' ? r.total : r.cells[index];
    return { name: r.label, value: cell?.kind === 'value' ? cell.value / axis.scale : 0 };
  });
  if (data.every((d) => d.value === 0)) return null;
  const height = Math.max(120, data.length * 28 + 40);
  return (
    <div className="dsp-chart dsp-report-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" stroke="#333" allowDecimals={false} tickFormatter={axis.tick} />
          <YAxis type="category" dataKey="name" width={160} stroke="#333" tick={{ fontSize: 12 }} />
          <Bar dataKey="value" fill={BAR} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
