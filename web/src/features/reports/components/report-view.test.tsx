import type { Report } from '@duidingspool/shared';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReportView } from './report-view.tsx';

const report: Report = {
  from: '2026-01-01',
  to: '2026-12-31',
  preset: 'year-end',
  publishable: true,
  threshold: 5,
  generatedAt: '2026-12-01T06:00:00.000Z',
  sections: [
    {
      id: 'results',
      title: 'Resultaten',
      tables: [
        {
          id: 'answered',
          title: 'Is de vraag beantwoord?',
          note: null,
          columns: [{ key: 'count', label: 'Aantal', unit: 'count' }],
          rows: [
            { key: 'yes', label: 'Ja', cells: [{ kind: 'value', value: 12 }], total: null },
            { key: 'partly', label: 'Gedeeltelijk', cells: [{ kind: 'small', below: 5 }], total: null },
            { key: 'no', label: 'Nee', cells: [{ kind: 'hidden' }], total: null },
          ],
          totalLabel: 'Totaal',
          columnTotals: [{ kind: 'value', value: 1234 }],
          total: null,
          chart: 'count',
        },
      ],
    },
  ],
};

describe('ReportView', () => {
  it('prints the threshold, and shows every figure in a table: values, “< 5” and “×” with words for screen readers', () => {
    render(<ReportView report={report} />);
    expect(screen.getByText(/drempel 5/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Is de vraag beantwoord?' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'OnderdeelAantal',
      'Ja12',
      'Gedeeltelijk< 5minder dan 5',
      'Nee×afgeschermd om een klein aantal te beschermen',
      'Totaal1.234',
    ]);
    expect(screen.queryByText(/niet om te publiceren/)).toBeNull();
  });

  it('says that a report over a chosen period is an internal overview, not for publication', () => {
    render(<ReportView report={{ ...report, from: '2026-06-01', preset: null, publishable: false }} />);
    expect(screen.getByText(/Intern overzicht over een zelfgekozen periode: niet om te publiceren/)).toBeTruthy();
  });
});
