/** One series of a chart's legend: its colour, its name in the UI's language, and whether it is dashed. */
export interface LegendItem {
  key: string;
  name: string;
  colour: string;
  dashed?: boolean;
}

/**
 * A chart's legend in the UI's language, drawn by the app instead of the chart library's own (which
 * names each icon in English, "spent legend icon"): a swatch and a name per series.
 */
export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="dsp-chart-legend">
      {items.map((item) => (
        <li key={item.key} className="dsp-chart-legend__item">
          <svg width="24" height="12" viewBox="0 0 24 12" aria-hidden="true" focusable="false">
            <line x1="0" y1="6" x2="24" y2="6" stroke={item.colour} strokeWidth="4" strokeDasharray={item.dashed ? '6 4' : undefined} />
          </svg>
          <span>{item.name}</span>
        </li>
      ))}
    </ul>
  );
}
