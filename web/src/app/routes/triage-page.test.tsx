import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderForm, stubApi } from '../../testing/api-stub.tsx';
import { WaitingForYou } from './triage-page.tsx';

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
    expect(line?.getAttribute('aria-hidden')).toBe('true');
    expect(line?.style.visibility).toBe('hidden');
    // Once they arrive: shown, with its links.
    expect(await screen.findByRole('link', { name: '3 urenregels ter goedkeuring' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: '2 ongelezen meldingen' })).toBeTruthy();
    expect(line?.hasAttribute('aria-hidden')).toBe(false);
    expect(line?.style.visibility).toBe('');
  });
});
