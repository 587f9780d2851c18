import type { BurnUp } from '@duidingspool/shared';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCents, formatDate } from '../../../lib/format.ts';

const euros = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const COLOURS = { spent: '#1f3a5f', logged: '#8a4b00', projection: '#5a5a5a', allocated: '#a1262b', committed: '#2e6b3a' } as const;

/**
 * The burn-up over the year: spent and logged cost per day of work, the allocation and today's
 * commitment as reference lines, and a dashed projection to 31 December at the current pace.
 * Hidden from assistive technology: the summary next to it states the same figures in words.
 */
export function BurnUpChart({ burnUp }: { burnUp: BurnUp }) {
  const { t } = useTranslation();
  const last = burnUp.points[burnUp.points.length - 1];
  const end = `${burnUp.year}-12-31`;
  const data = burnUp.points.map((p) => ({
    date: p.date,
    spent: p.spentCents,
    logged: p.loggedCents,
    projection: p.date === last?.date ? p.loggedCents : undefined,
  }));
  if (burnUp.projectedYearEndCents !== null && last && last.date < end)
    data.push({ date: end, spent: undefined as never, logged: undefined as never, projection: burnUp.projectedYearEndCents });
  const name = (key: string) => t(`budget.burnUp.${key}`);
  return (
    <div className="dsp-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 24 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" tickFormatter={(d: string) => formatDate(d).slice(0, 5)} stroke="#333" minTickGap={32} />
          <YAxis
            tickFormatter={(v: number) => euros.format(v / 100)}
            stroke="#333"
            width={96}
            domain={[0, (max: number) => Math.max(max, burnUp.allocatedCents)]}
          />
          <Tooltip formatter={(value, key) => [formatCents(Number(value)), name(String(key))]} labelFormatter={(d) => formatDate(String(d))} />
          <Legend formatter={(value: string) => <span style={{ color: '#1a1a1a' }}>{name(value)}</span>} />
          <ReferenceLine
            y={burnUp.allocatedCents}
            stroke={COLOURS.allocated}
            strokeWidth={2}
            label={{ value: name('allocated'), fill: '#1a1a1a', position: 'insideTopLeft' }}
          />
          <ReferenceLine
            y={burnUp.committedCents}
            stroke={COLOURS.committed}
            strokeDasharray="2 2"
            label={{ value: name('committed'), fill: '#1a1a1a', position: 'insideBottomLeft' }}
          />
          <Line type="stepAfter" dataKey="spent" stroke={COLOURS.spent} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
          <Line type="stepAfter" dataKey="logged" stroke={COLOURS.logged} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
          <Line type="linear" dataKey="projection" stroke={COLOURS.projection} strokeDasharray="6 4" dot={false} isAnimationActive={false} connectNulls />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
