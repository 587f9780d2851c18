import { type FinancialStatement, FinancialStatementSchema } from '@duidingspool/shared';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderForm, stubAnswer } from '../../../testing/api-stub.tsx';
import { StatementView } from './statement-view.tsx';

const statement: FinancialStatement = FinancialStatementSchema.parse({
  id: '00000000-0000-4000-8000-000000000001',
  year: 2024,
  status: 'adopted',
  sha256: 'ab'.repeat(32),
  content: {
    year: 2024,
    fundingSource: 'Rijksmiddelen',
    allocatedCents: 12_500_000,
    byActivity: [{ key: 'written-advice', label: 'Schriftelijk advies', minutes: 120, amountCents: 19_000 }],
    bySpecialist: [{ key: 's1', label: 'Drs. Mehmet Yılmaz', minutes: 120, amountCents: 19_000 }],
    corrections: { count: 0, amountCents: 0 },
    totals: { minutes: 120, spentCents: 19_000, unusedCents: 12_481_000 },
    reconciliation: { statementTotalCents: 19_000, approvedLedgerCents: 19_000, budgetSpentCents: 19_000, differences: [] },
  },
  preparedByName: 'Peter Jansen',
  preparedAt: '2025-01-15T10:00:00.000Z',
  adoptedByName: 'Fatima el Amrani',
  adoptedAt: '2025-01-16T10:00:00.000Z',
  changesSinceAdoption: [],
  documentFormats: ['xlsx', 'pdf'],
  allowedActions: [],
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the statement downloads', () => {
  it('an adopted statement offers its XLSX and its PDF, each by its format', async () => {
    stubAnswer(200, statement);
    renderForm(<StatementView year={2024} canPrepare={false} />);
    const xlsx = await screen.findByRole('link', { name: 'Download de vastgestelde verantwoording (XLSX)' });
    expect(xlsx.getAttribute('href')).toBe('/api/v1/financial-statements/2024/document?format=xlsx');
    const pdf = screen.getByRole('link', { name: 'Download de vastgestelde verantwoording (PDF, toegankelijk)' });
    expect(pdf.getAttribute('href')).toBe('/api/v1/financial-statements/2024/document?format=pdf');
  });

  it('a draft offers both, named as a draft', async () => {
    stubAnswer(200, { ...statement, status: 'prepared', adoptedByName: null, adoptedAt: null });
    renderForm(<StatementView year={2024} canPrepare={false} />);
    expect(await screen.findByRole('link', { name: 'Download het concept (PDF, toegankelijk)' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download het concept (XLSX)' })).toBeTruthy();
  });

  it('a statement adopted before the PDF existed offers only its XLSX', async () => {
    stubAnswer(200, { ...statement, documentFormats: ['xlsx'] });
    renderForm(<StatementView year={2023} canPrepare={false} />);
    expect(await screen.findByRole('link', { name: 'Download de vastgestelde verantwoording (XLSX)' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /PDF/ })).toBeNull();
  });
});
