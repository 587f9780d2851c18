import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18next } from '../../../lib/i18n.ts';
import { Inbox } from './inbox.tsx';

const ITEM = {
  id: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  event: 'advice-delivered',
  reference: 'DP-2026-0004',
  linkPath: '/requests/6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a40',
  params: {},
  createdAt: '2026-03-02T09:15:00.000Z',
  readAt: null,
};

function renderInbox() {
  const calls: { url: string; method: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, method: init.method ?? 'GET', body: init.body ? JSON.parse(String(init.body)) : undefined });
      if (init.method === 'PATCH') return Response.json({ ...ITEM, readAt: '2026-03-02T10:00:00.000Z' });
      return Response.json({ items: [ITEM], page: 1, pageSize: 20, total: 1, unread: 1 });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <Inbox />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return calls;
}

afterEach(async () => {
  vi.unstubAllGlobals();
  await i18next.changeLanguage('nl');
});

describe('Inbox', () => {
  it('says what happened in words with the pool reference, links to it and marks it read', async () => {
    const calls = renderInbox();
    const link = await screen.findByRole('link', { name: 'Advies opgeleverd voor DP-2026-0004.' });
    expect(link.getAttribute('href')).toBe(ITEM.linkPath);
    expect(screen.getByText('1 ongelezen melding.')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: /^Markeer als gelezen\W+Advies opgeleverd voor DP-2026-0004/ }));
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({ url: `/api/v1/me/inbox-items/${ITEM.id}`, body: { read: true } });
  });

  it('speaks English when the UI does', async () => {
    await i18next.changeLanguage('en');
    renderInbox();
    expect(await screen.findByRole('link', { name: 'Advice delivered for DP-2026-0004.' })).toBeTruthy();
  });
});
