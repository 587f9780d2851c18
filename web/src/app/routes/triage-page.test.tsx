import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderForm, stubApi } from '../../testing/api-stub.tsx';
import { WaitingForYou } from './triage-page.tsx';

/** The server's answer when a count cannot be read. */
const unavailable = () => json({ type: 'about:blank', title: 'Service unavailable', status: 503 }, 503);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('what waits for the coordinator', () => {
  it('holds its line, hidden, until the counts arrive, so the queue below does not jump down', async () => {
    stubApi((call) => (call.path === '/me/inbox-summary' ? json({ unread: 2 }) : json({ items: [], page: 1, pageSize: 1, total: 3 })));
    const container = document.body;
    renderForm(<WaitingForYou />);
    // Before any count: the line is there (its space kept) but neither seen nor read.
    const line = container.querySelector('.dsp-waiting') as HTMLElement | null;
    expect(line).not.toBeNull();
    // It holds the words of both counts already, so it does not grow (and wrap) when they arrive.
    expect(line?.textContent).toBe('Wacht ook op u: 0 urenregels ter goedkeuring, 0 ongelezen meldingen.');
    expect(line?.getAttribute('aria-hidden')).toBe('true');
    expect(line?.style.visibility).toBe('hidden');
    // Once they arrive: shown, with its links.
    expect(await screen.findByRole('link', { name: '3 urenregels ter goedkeuring' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: '2 ongelezen meldingen' })).toBeTruthy();
    expect(line?.hasAttribute('aria-hidden')).toBe(false);
    expect(line?.style.visibility).toBe('');
  });

  it('shows the count that arrived when the other cannot be read, and no 0 for the missing one', async () => {
    stubApi((call) => (call.path === '/me/inbox-summary' ? json({ unread: 2 }) : unavailable()));
    renderForm(<WaitingForYou />);
    expect(await screen.findByRole('link', { name: '2 ongelezen meldingen' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /urenregel/ })).toBeNull();
  });

  it('leaves the line out when neither count can be read, instead of keeping an empty space', async () => {
    stubApi(() => unavailable());
    renderForm(<WaitingForYou />);
    expect(document.body.querySelector('.dsp-waiting')).not.toBeNull();
    await waitFor(() => expect(document.body.querySelector('.dsp-waiting')).toBeNull());
  });

  it('keeps the place of a count still on its way, hidden, when the other has arrived', async () => {
    let answerHours: (r: Response) => void = () => {};
    const hours = new Promise<Response>((resolve) => {
      answerHours = resolve;
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => (String(url).includes('inbox-summary') ? json({ unread: 2 }) : hours)),
    );
    renderForm(<WaitingForYou />);
    expect(await screen.findByRole('link', { name: '2 ongelezen meldingen' })).toBeTruthy();
    const line = document.body.querySelector('.dsp-waiting') as HTMLElement;
    const placeholder = line.querySelector('[aria-hidden="true"]') as HTMLElement | null;
    expect(placeholder?.textContent).toBe('0 urenregels ter goedkeuring');
    expect(placeholder?.style.visibility).toBe('hidden');
    answerHours(json({ items: [], page: 1, pageSize: 1, total: 3 }));
    expect(await screen.findByRole('link', { name: '3 urenregels ter goedkeuring' })).toBeTruthy();
    expect(line.querySelector('[aria-hidden="true"]')).toBeNull();
  });
});
