import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18next } from '../../../lib/i18n.ts';
import { fieldErrorText } from '../../../lib/problem-text.ts';
import { MessageThread } from './message-thread.tsx';

const requestId = '00000000-0000-4000-8000-000000000001';
const message = (n: number, overrides: Record<string, unknown> = {}) => ({
  id: `00000000-0000-4000-8000-00000000001${n}`,
  requestId,
  authorName: `Auteur ${n}`,
  authorRole: 'coordinator',
  own: false,
  body: `Bericht ${n}`,
  internal: false,
  createdAt: '2019-12-02T09:00:00.000Z',
  readBy: [],
  ...overrides,
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

/** A server answering the thread with `allowedActions`, and recording what was posted. */
function stubServer(allowedActions: string[], items = [message(1), message(2, { internal: true, readBy: ['Specialist Vier'] })]) {
  const posted: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)));
        return json(message(3, { own: true }), 201);
      }
      if (url.includes('/me/unread-messages')) return json({ total: 0, items: [] });
      return json({ items, truncated: false, allowedActions });
    }),
  );
  return posted;
}

function renderThread() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MessageThread requestId={requestId} />
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('MessageThread', () => {
  it('marks internal notes and shows who read a message', async () => {
    stubServer(['post', 'post-internal']);
    renderThread();
    expect(await screen.findByText('Bericht 2')).toBeTruthy();
    expect(document.querySelectorAll('.dsp-message--internal').length).toBe(1);
    expect(screen.getByText(/Specialist Vier/)).toBeTruthy();
  });

  it('offers the internal note only when the server allows it, and sends it as internal', async () => {
    const posted = stubServer(['post', 'post-internal']);
    const user = renderThread();
    await user.type(await screen.findByRole('textbox'), 'Alleen voor ons.');
    await user.click(screen.getByRole('checkbox'));
    await user.click(screen.getByRole('button'));
    await vi.waitFor(() => expect(posted).toEqual([{ body: 'Alleen voor ons.', internal: true }]));
  });

  it('offers no internal note to the casustafel and sends nothing with personal data', async () => {
    const posted = stubServer(['post']);
    const user = renderThread();
    await user.type(await screen.findByRole('textbox'), 'Bel 06-12345678');
    expect(screen.queryByRole('checkbox')).toBeNull();
    await user.click(screen.getByRole('button'));
    expect(posted).toEqual([]);
  });

  it('names an empty message until one is typed, and puts the server’s refusal on the field', async () => {
    const refusal = { in: 'body' as const, pointer: '/body', message: 'bevat persoonsgegevens', code: 'personal-data', params: { kinds: ['bsn'] } };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (init?.method === 'POST')
          return json({ type: 'validation-failed', title: 'Ongeldige invoer', status: 400, detail: 'De invoer is ongeldig.', errors: [refusal] }, 400);
        if (url.includes('/me/unread-messages')) return json({ total: 0, items: [] });
        return json({ items: [], truncated: false, allowedActions: ['post'] });
      }),
    );
    const user = renderThread();
    const field = await screen.findByLabelText('Nieuw bericht');
    await user.click(screen.getByRole('button', { name: 'Bericht versturen' }));
    await vi.waitFor(() => expect(document.getElementById('message-body-error')?.textContent).toBe('Dit veld is verplicht.'));
    expect(document.activeElement?.closest('.dsp-error-summary')).not.toBeNull();
    await user.type(field, 'Graag contact.');
    await vi.waitFor(() => expect(document.getElementById('message-body-error')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Bericht versturen' }));
    await vi.waitFor(() => expect(document.getElementById('message-body-error')?.textContent).toBe(fieldErrorText(i18next, refusal)));
  });

  it('shows a read-only thread without a form', async () => {
    stubServer([]);
    renderThread();
    expect(await screen.findByText('Bericht 1')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});
