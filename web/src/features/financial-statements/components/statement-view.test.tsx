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
  notReady: null,
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

describe('the statement’s actions', () => {
  const draft = { ...statement, status: 'prepared' as const, adoptedByName: null, adoptedAt: null };

  it('are the ones the server allows: adopt and prepare again while the year is closed', async () => {
    stubAnswer(200, { ...draft, allowedActions: ['adopt', 'prepare'] });
    renderForm(<StatementView year={2024} canPrepare />);
    expect(await screen.findByRole('button', { name: 'Verantwoording 2024 vaststellen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Opnieuw opstellen' })).toBeTruthy();
  });

  it('are none while a month is open, and the page says why before anyone clicks', async () => {
    const reason = 'Het jaar 2024 is nog niet afgesloten: 1 maand is open (2024-06).';
    stubAnswer(200, { ...draft, notReady: reason, allowedActions: [] });
    renderForm(<StatementView year={2024} canPrepare />);
    expect(await screen.findByText(new RegExp(reason.replace(/[()]/g, '\\$&')))).toBeTruthy();
    expect(screen.queryByRole('button', { name: /vaststellen|Opnieuw opstellen/ })).toBeNull();
  });
});
