import { screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-client.ts';
import { errorOf, refusal, renderForm } from '../../../testing/api-stub.tsx';
import type { ReportRequest } from '../api/get-report.ts';
import { ReportForm } from './report-form.tsx';

/** The report page's part: the form, and the report call's answer, which refuses the period's end. */
function Page() {
  const [answer, setAnswer] = useState<unknown>(null);
  const error = new ApiError(refusal('/to', 'een rapport beslaat hoogstens vijf jaar', 'query'));
  return <ReportForm initialYear={2026} onRun={() => setAnswer(error)} pending={false} error={answer} />;
}

describe('ReportForm on the one form pattern', () => {
  it('own dates as dd-mm-jjjj: a reversed range is refused at the end date until fixed, then the period is run as YYYY-MM-DD', async () => {
    const onRun = vi.fn<(r: ReportRequest | null) => void>();
    const user = renderForm(<ReportForm initialYear={2026} onRun={onRun} pending={false} />);
    await user.selectOptions(screen.getByLabelText('Periode'), 'custom');
    await user.type(screen.getByLabelText(/^Van/), '01-06-2026');
    await user.type(screen.getByLabelText(/^Tot en met/), '31-05-2026');
    await user.click(screen.getByRole('button', { name: 'Rapport maken' }));
    expect(errorOf(/^Tot en met/)).toBe('De einddatum ligt vóór de begindatum. Kies een einddatum op of na de begindatum.');
    // A refused period asks for no report: the page shows none rather than the previous one.
    expect(onRun.mock.calls).toEqual([[null]]);
    await user.clear(screen.getByLabelText(/^Tot en met/));
    await user.type(screen.getByLabelText(/^Tot en met/), '30-6-2026');
    expect(errorOf(/^Tot en met/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Rapport maken' }));
    expect(onRun).toHaveBeenCalledWith({ from: '2026-06-01', to: '2026-06-30', threshold: 5 });
  });

  it("the server's refusal of a query field (a period over five years) lands on that field", async () => {
    const user = renderForm(<Page />);
    await user.selectOptions(screen.getByLabelText('Periode'), 'custom');
    await user.type(screen.getByLabelText(/^Van/), '01-01-2020');
    await user.type(screen.getByLabelText(/^Tot en met/), '31-12-2026');
    await user.click(screen.getByRole('button', { name: 'Rapport maken' }));
    await waitFor(() => expect(errorOf(/^Tot en met/)).toBe('een rapport beslaat hoogstens vijf jaar'));
  });
});
