import type { ReferenceItem } from '@duidingspool/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReferenceItemsTable } from './reference-items-table.tsx';

const item = (over: Partial<ReferenceItem>): ReferenceItem => ({
  kind: 'case-tables',
  code: 'casustafel-arnhem',
  name: 'Casustafel Arnhem',
  nameEn: null,
  seat: null,
  city: null,
  parentCode: 'zvh-arnhem',
  parentName: 'Zorg- en Veiligheidshuis Arnhem',
  municipalities: [{ code: 'GM0202', name: 'Arnhem' }],
  members: [],
  retiredAt: null,
  ...over,
});

function renderTable(items: ReferenceItem[]) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ReferenceItemsTable kind="case-tables" items={items} requesters={[]} />
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ReferenceItemsTable', () => {
  it('marks a retired item with its date and offers no retiring for it', () => {
    renderTable([item({ code: 'ct-oud', name: 'Oude tafel', retiredAt: '2026-03-01T10:00:00.000Z' })]);
    expect(screen.getByText(/Opgeheven op 01-03-2026/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Opheffen' })).toBeNull();
  });

  it('asks for confirmation saying what retiring does, and lists what still uses the item when refused', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(
          JSON.stringify({
            type: 'in-use',
            title: 'Nog in gebruik',
            status: 409,
            detail: 'Deze casustafel is nog in gebruik: 1 open aanvragen (DP-2026-0001).',
            requestId: 'r-1',
            usedBy: ['1 open aanvragen (DP-2026-0001)'],
          }),
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    );
    vi.stubGlobal('fetch', fetch);
    const user = renderTable([item({})]);
    await user.click(screen.getByRole('button', { name: 'Opheffen' }));
    expect(screen.getByText(/Casustafel Arnhem.* opheffen\? De aanvragen van deze casustafel blijven bewaard/)).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Definitief opheffen' }));
    expect(await screen.findByText('1 open aanvragen (DP-2026-0001)')).toBeTruthy();
    expect(fetch).toHaveBeenCalledOnce();
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toContain('/admin/reference/case-tables/casustafel-arnhem/retirement');
  });
});
