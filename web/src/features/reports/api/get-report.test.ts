import { describe, expect, it } from 'vitest';
import { reportQueryString, reportRequestOf } from './get-report.ts';

const of = (q: string) => reportRequestOf(new URLSearchParams(q));

describe('the report period kept in the address', () => {
  it('reads back what the page wrote, a preset or dates', () => {
    for (const r of [
      { preset: 'interim' as const, year: 2026, threshold: 5 },
      { from: '2026-06-01', to: '2026-06-30', threshold: 7 },
    ])
      expect(of(reportQueryString(r))).toEqual(r);
  });

  it('names none for an address without a period, or with one the API refuses', () => {
    expect(of('')).toBeNull();
    expect(of('preset=year-end')).toBeNull();
    expect(of('from=2026-06-30&to=2026-06-01')).toBeNull();
    expect(of('preset=year-end&year=2026&threshold=2')).toBeNull();
    expect(of('from=2026-02-30&to=2026-03-01')).toBeNull();
  });
});
