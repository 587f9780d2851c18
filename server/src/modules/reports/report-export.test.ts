import type { Report } from '@duidingspool/shared';
import { describe, expect, it } from 'vitest';
import { reportCsv } from './report-export.ts';

// The report's CSV follows the ledger export's rules (decision 092): BOM, `;`, decimal comma, CRLF,
// formulas neutralised, and suppressed figures as published, never the number behind them.
const report: Report = {
  from: '2026-01-01',
  to: '2026-06-30',
  preset: 'interim',
  publishable: true,
  threshold: 5,
  generatedAt: '2026-07-01T08:00:00.000Z',
  sections: [
    {
      id: 'money',
      title: 'Geld',
      tables: [
        {
          id: 'spent-by-region',
          title: 'Besteed per veiligheidsregio',
          note: null,
          columns: [{ key: 'spent', label: 'Besteed', unit: 'cents' }],
          rows: [
            { key: 'a', label: '=HYPERLINK("http://x")', cells: [{ kind: 'value', value: 123456 }], total: null },
            { key: 'b', label: 'Twente', cells: [{ kind: 'hidden' }], total: null },
            { key: 'c', label: '@Gelderland', cells: [{ kind: 'small', below: 5 }], total: null },
          ],
          totalLabel: 'Totaal',
          columnTotals: [{ kind: 'value', value: 250000 }],
          total: null,
          chart: 'spent',
        },
      ],
    },
  ],
};

describe('reportCsv', () => {
  const csv = reportCsv(report, 'nl');
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');

  it('starts with a BOM, the period and the threshold', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toContain('01-01-2026 – 30-06-2026');
    expect(lines[1]).toContain('drempel 5');
  });

  it('neutralises formulas in labels and writes amounts with a decimal comma', () => {
    expect(lines).toContain(`Geld;Besteed per veiligheidsregio;"'=HYPERLINK(""http://x"")";Besteed;1234,56;EUR`);
    expect(lines).toContain("Geld;Besteed per veiligheidsregio;'@Gelderland;Besteed;< 5;EUR");
    expect(lines).toContain('Geld;Besteed per veiligheidsregio;Twente;Besteed;×;EUR');
    expect(lines).toContain('Geld;Besteed per veiligheidsregio;Totaal;Besteed;2500,00;EUR');
    expect(lines.some((l) => /(^|;)[=+@-]/.test(l))).toBe(false);
  });
});
