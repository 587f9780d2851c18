import type { Offer } from '@duidingspool/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OfferList } from './offer-list.tsx';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const offer: Offer = {
  id: id(1),
  type: 'training',
  status: 'open',
  caseTableId: id(2),
  caseTableName: 'Casustafel Noord-Veluwe',
  municipalityId: null,
  municipalityName: null,
  title: 'Training signalen',
  description: 'Een dagdeel voor professionals.',
  expertiseAreaCodes: ['polarisation'],
  deliverable: 'training-delivery',
  meetingDate: '2027-04-01',
  audiences: ['education'],
  expectedParticipants: 25,
  place: 'Stadhuis',
  validUntil: '2027-03-15',
  createdByName: 'Coördinator',
  createdAt: '2027-03-01T09:00:00.000Z',
  decidedByName: null,
  decidedAt: null,
  declineReason: null,
  request: null,
  allowedActions: ['accept', 'decline'],
};

/** Renders the list with a fetch that answers per path and records each call. */
function renderList(shown: Offer, afterDecision: Offer) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push({ url: String(url), method, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      const path = new URL(String(url), 'http://localhost').pathname;
      if (method === 'PATCH') return json(afterDecision);
      if (path.endsWith('/offers')) return json({ items: [shown], page: 1, pageSize: 20, total: 1 });
      if (path.endsWith('/case-tables'))
        return json({
          items: [
            {
              id: id(2),
              name: 'Casustafel Noord-Veluwe',
              safetyHouseId: id(5),
              safetyHouseName: 'ZVH Noord-Veluwe',
              safetyRegionName: 'Noord- en Oost-Gelderland',
              municipalities: [
                { id: id(3), name: 'Ermelo' },
                { id: id(4), name: 'Harderwijk' },
              ],
              retired: false,
            },
          ],
        });
      return json({ expertiseAreas: [], activities: [], safetyRegions: [] });
    }),
  );
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <OfferList />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { user: userEvent.setup(), calls };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('OfferList (decision 130)', () => {
  it('accepts an offer to a casustafel only for a municipality it serves, after a confirmation naming the request it makes', async () => {
    const accepted: Offer = { ...offer, status: 'accepted', request: { id: id(9), reference: 'DP-2027-0042' }, allowedActions: [] };
    const { user, calls } = renderList(offer, accepted);
    await user.click(await screen.findByRole('button', { name: 'Aannemen Training signalen' }));
    expect(screen.getByText(/Er wordt een verzoek DP-… van het soort Training aangemaakt/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Aanbod aannemen' }));
    // No municipality chosen: nothing is sent.
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
    expect(screen.getByText('Kies de gemeente waarvoor het werk is.')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText(/Voor welke gemeente\?/), 'Harderwijk');
    await user.click(screen.getByRole('button', { name: 'Aanbod aannemen' }));
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({ body: { status: 'accepted', municipalityId: id(4) } });
    expect(calls.find((c) => c.method === 'PATCH')?.url).toMatch(new RegExp(`/api/v1/offers/${id(1)}$`));
    expect(await screen.findByText('Aanbod ‘Training signalen’ aangenomen: verzoek DP-2027-0042 is ingediend.')).toBeTruthy();
  });

  it('offers nothing the server does not allow', async () => {
    renderList({ ...offer, status: 'expired', allowedActions: [] }, offer);
    await screen.findByRole('heading', { name: 'Training signalen' });
    expect(screen.getByText('Verlopen')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Aannemen/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Afwijzen/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Intrekken/ })).toBeNull();
  });
});
