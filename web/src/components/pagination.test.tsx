import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { i18next as i18n } from '../lib/i18n.ts';
import { Pagination } from './pagination.tsx';

// The server stops counting at LIST_TOTAL_CAP (decision 071) and then answers `totalIsLowerBound`.
describe('Pagination', () => {
  it('says "meer dan 1.000" / "more than 1,000" for a capped total and keeps "next" available on its last counted page', async () => {
    const onPageChange = vi.fn();
    render(<Pagination page={50} pageSize={20} total={1000} totalIsLowerBound onPageChange={onPageChange} label="Bladeren" />);
    expect(screen.getByText('Pagina 50 (meer dan 1.000 in totaal)')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Volgende pagina' }));
    expect(onPageChange).toHaveBeenCalledWith(51);
    await i18n.changeLanguage('en');
    try {
      render(<Pagination page={1} pageSize={20} total={1000} totalIsLowerBound onPageChange={onPageChange} label="Pages" />);
      expect(screen.getByText('Page 1 (more than 1,000 in total)')).toBeTruthy();
    } finally {
      await i18n.changeLanguage('nl');
    }
  });

  it('counts pages from an exact total and stops "next" on the last', () => {
    render(<Pagination page={3} pageSize={20} total={45} onPageChange={() => {}} label="Bladeren" />);
    expect(screen.getByText('Pagina 3 van 3 (45 in totaal)')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Volgende pagina' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
