import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrivacyStatementPage } from './routes/statement-pages.tsx';
import { SiteFooter } from './site-footer.tsx';

const INFO = {
  contact: { name: 'Duidingspool Oost-Nederland', email: 'pool@gemeente.example', phone: '026 123 45 67', hours: { start: '08:30', end: '17:00' } },
  retention: { caseContentMonths: 18, ledgerYears: 7 },
};

function renderWithInfo(node: ReactNode) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Response.json(INFO)),
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter>{node}</MemoryRouter>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the footer', () => {
  it('shows the configured contact, the working day, what to do in an emergency and the statements', async () => {
    renderWithInfo(<SiteFooter />);
    const mail = await screen.findByRole('link', { name: 'pool@gemeente.example' });
    expect(mail.getAttribute('href')).toBe('mailto:pool@gemeente.example');
    expect(screen.getByRole('link', { name: '026 123 45 67' }).getAttribute('href')).toBe('tel:0261234567');
    expect(screen.getByText('Bereikbaar op werkdagen van 08:30 tot 17:00 uur.')).toBeTruthy();
    expect(screen.getByText(/Bel direct 112/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Toegankelijkheid' }).getAttribute('href')).toBe('/toegankelijkheid');
    expect(screen.getByRole('link', { name: 'Privacyverklaring' }).getAttribute('href')).toBe('/privacy');
  });
});

describe('the privacy statement', () => {
  it('names the retention terms as the server is configured', async () => {
    renderWithInfo(<PrivacyStatementPage />);
    expect(await screen.findByText(/wordt 18 maanden na het sluiten van het verzoek gewist/)).toBeTruthy();
    expect(screen.getByText(/bewaren wij 7 jaar na het sluiten/)).toBeTruthy();
    expect(screen.getByText(/Stuur uw verzoek naar pool@gemeente.example/)).toBeTruthy();
  });
});
