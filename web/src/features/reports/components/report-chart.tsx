import type { ReportTable } from '@duidingspool/shared';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from 'recharts';

const BAR = '#1f3a5f';

/**
 * A simple bar per row of the column `table.chart` (or the row totals for `total`), published
 * values only: a suppressed figure gets no bar. Hidden from assistive technology; the table
 * beside it is the text alternative and holds every figure.
 */
export function ReportChart({ table }: { table: ReportTable }) {
  if (table.chart === null) return null;
  const index = table.columns.findIndex((c) => c.key === table.chart);
  const data = table.rows.map((r) => {
    const cell = table.chart === 'total' ? r.total : r.cells[index];
    return { name: r.label, value: cell?.kind === 'value' ? cell.value : 0 };
  });
  if (data.every((d) => d.value === 0)) return null;
  const height = Math.max(120, data.length * 28 + 40);
  return (
    <div className="dsp-chart dsp-report-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" stroke="#333" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={160} stroke="#333" tick={{ fontSize: 12 }} />
          <Bar dataKey="value" fill={BAR} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
