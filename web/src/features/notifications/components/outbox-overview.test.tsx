import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutboxOverview } from './outbox-overview.tsx';

const ids: Record<string, string> = {
  a: '00000000-0000-4000-8000-00000000000a',
  b: '00000000-0000-4000-8000-00000000000b',
  c: '00000000-0000-4000-8000-00000000000c',
};
const row = (id: string, status: string, allowedActions: string[]) => ({
  id: ids[id] as string,
  event: 'request-submitted',
  recipientEmail: `${id}@duidingspool.example`,
  reference: 'DP-2019-0001',
  status,
  attempts: 10,
  messageId: `<${id}@localhost>`,
  createdAt: '2019-12-02T09:00:00.000Z',
  nextAttemptAt: '2019-12-02T09:00:00.000Z',
  sentAt: null,
  lastError: status === 'failed' ? 'SMTP 550 bij DATA' : null,
  allowedActions,
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** The server as the screen sees it: one failed mail it may re-send, one failed it may not, one sent. */
function stubServer() {
  const calls: { method: string; url: string }[] = [];
  const items = [row('a', 'failed', ['resend']), row('b', 'failed', []), row('c', 'sent', [])];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ method: init?.method ?? 'GET', url });
      if (url.endsWith(`/notifications/${ids.a}/resend`)) {
        const a = items[0] as ReturnType<typeof row>;
        Object.assign(a, { status: 'pending', attempts: 0, lastError: null, allowedActions: [] });
        return json(a);
      }
      return json({ items, total: items.length, page: 1, pageSize: 25, transport: 'smtp', previewAvailable: false });
    }),
  );
  return calls;
}

function renderOverview() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <OutboxOverview />
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('re-sending a failed mail', () => {
  it('is offered only where the server allows it, and asks for a confirmation before it is sent', async () => {
    const calls = stubServer();
    const user = renderOverview();
    const buttons = await screen.findAllByRole('button', { name: /^Opnieuw versturen/ });
    expect(buttons.length).toBe(1);
    const rowA = screen.getByText('a@duidingspool.example').closest('tr') as HTMLElement;
    expect(within(rowA).getByRole('button', { name: /^Opnieuw versturen/ })).toBeTruthy();

    await user.click(buttons[0] as HTMLElement);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    expect(within(rowA).getByText(/terug in de wachtrij/)).toBeTruthy();
    // Back: nothing sent.
    await user.click(within(rowA).getByRole('button', { name: 'Terug' }));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.click(within(rowA).getByRole('button', { name: /^Opnieuw versturen/ }));
    await user.click(within(rowA).getByRole('button', { name: /^Ja, opnieuw versturen/ }));
    expect(await screen.findByText(/staat weer in de wachtrij/)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([`/api/v1/notifications/${ids.a}/resend`]);
    // The outbox is read again; the row no longer offers a re-send.
    await vi.waitFor(() => expect(screen.queryAllByRole('button', { name: /^Opnieuw versturen/ }).length).toBe(0));
  });
});
