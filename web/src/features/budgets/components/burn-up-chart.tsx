import type { BurnUp } from '@duidingspool/shared';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCents, formatDate, formatWholeEuros } from '../../../lib/format.ts';
import { ChartLegend } from './chart-legend.tsx';

const COLOURS = { spent: '#1f3a5f', logged: '#8a4b00', projection: '#5a5a5a', allocated: '#a1262b', committed: '#2e6b3a' } as const;

/**
 * The burn-up over the year: spent and logged cost per day of work, the allocation and today's
 * commitment as reference lines, and a dashed projection to 31 December at the current pace.
 * One image to assistive technology, named in the UI's language: the summary next to it states the
 * same figures in words. The legend is the app's own (`ChartLegend`), never the library's English.
 */
export function BurnUpChart({ burnUp }: { burnUp: BurnUp }) {
  const { t } = useTranslation();
  const last = burnUp.points[burnUp.points.length - 1];
  const end = `${burnUp.year}-12-31`;
  // A time axis (ms since epoch, UTC midnight of each date) so sparse days sit where they belong in the year.
  const at = (date: string) => Date.parse(`${date}T00:00:00Z`);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const data: { at: number; spent?: number; logged?: number; projection?: number }[] = burnUp.points.map((p) => ({
    at: at(p.date),
    spent: p.spentCents,
    logged: p.loggedCents,
    ...(p.date === last?.date ? { projection: p.loggedCents } : {}),
  }));
  if (burnUp.projectedYearEndCents !== null && last && last.date < end) data.push({ at: at(end), projection: burnUp.projectedYearEndCents });
  const name = (key: string) => t(`budget.burnUp.series.${key}`);
  return (
    <div className="dsp-chart" role="img" aria-label={t('budget.burnUp.chartLabel', { year: burnUp.year })}>
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 24 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={[at(`${burnUp.year}-01-01`), at(end)]}
            ticks={Array.from({ length: 12 }, (_, m) => at(`${burnUp.year}-${String(m + 1).padStart(2, '0')}-01`))}
            tickFormatter={(ms: number) => formatDate(day(ms)).slice(0, 5)}
            stroke="#333"
          />
          <YAxis
            tickFormatter={(v: number) => formatWholeEuros(v / 100)}
            stroke="#333"
            width={96}
            domain={[0, (max: number) => Math.max(max, burnUp.allocatedCents)]}
          />
          <Tooltip formatter={(value, key) => [formatCents(Number(value)), name(String(key))]} labelFormatter={(ms) => formatDate(day(Number(ms)))} />
          <Legend
            content={() => (
              <ChartLegend
                items={[
                  { key: 'spent', name: name('spent'), colour: COLOURS.spent },
                  { key: 'logged', name: name('logged'), colour: COLOURS.logged },
                  { key: 'projection', name: name('projection'), colour: COLOURS.projection, dashed: true },
                ]}
              />
            )}
          />
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
