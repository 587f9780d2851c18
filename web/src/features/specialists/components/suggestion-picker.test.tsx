import type { SuggestionList } from '@duidingspool/shared';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SuggestionPicker } from './suggestion-picker.tsx';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const list: SuggestionList = {
  requestId: id(9),
  date: '2027-03-12',
  suggestions: [
    {
      specialistId: id(1),
      displayName: 'Sara Vast',
      score: 15,
      standing: true,
      currentRateCents: 9500,
      allowedActions: ['assign', 'add-rate'],
      reasons: [
        { code: 'standing-specialist', points: 0, params: {} },
        { code: 'expertise-match', points: 10, params: { codes: ['jihadism'] } },
        { code: 'capacity-left', points: 5, params: { minutes: 360, date: '2027-03-12' } },
      ],
    },
    {
      specialistId: id(2),
      displayName: 'Bram Taal',
      score: 22,
      standing: false,
      currentRateCents: 9000,
      allowedActions: ['assign', 'add-rate'],
      reasons: [
        { code: 'language-match', points: 8, params: { codes: ['ar'] } },
        { code: 'region-served', points: 4, params: { regionCode: 'GM' } },
      ],
    },
  ],
  excluded: [
    { specialistId: id(3), displayName: 'Eva Weg', reasons: [{ code: 'specialist-absent', params: { date: '2027-03-12' } }] },
    { specialistId: id(4), displayName: 'Dirk Dichtbij', reasons: [{ code: 'conflict-of-interest', params: { kind: 'municipality', name: 'Ede' } }] },
    { specialistId: id(5), displayName: 'Vera Verlopen', reasons: [{ code: 'screening-expired', params: { date: '2027-03-12' } }] },
  ],
};

function renderPicker(onSelect = vi.fn(), onPropose = vi.fn()) {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(
          JSON.stringify({
            expertiseAreas: [{ code: 'jihadism', nameNl: 'Jihadisme', nameEn: 'Jihadism', retired: false }],
            activities: [],
            safetyRegions: [{ code: 'GM', name: 'Gelderland-Midden', retired: false }],
          }),
          { status: 200, headers: { 'content-type': 'application/json' } },
        ),
    ),
  );
  const client = new QueryClient();
  render(
    <QueryClientProvider client={client}>
      <SuggestionPicker list={list} selectedId={undefined} onSelect={onSelect} onPropose={onPropose} />
    </QueryClientProvider>,
  );
  return { user: userEvent.setup(), onSelect, onPropose };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('SuggestionPicker', () => {
  it('shows the ranking in the server’s order with the reasons in words', async () => {
    renderPicker();
    const radios = screen.getAllByRole('radio').map((r) => r.getAttribute('value'));
    expect(radios).toEqual([id(1), id(2)]);
    expect(screen.getByText('vaste specialist van deze casustafel')).toBeTruthy();
    expect(screen.getByText('spreekt Arabisch')).toBeTruthy();
    expect(screen.getByText('nog 6:00 uur capaciteit tot 12-03-2027')).toBeTruthy();
    expect(await screen.findByText('kent Jihadisme')).toBeTruthy();
    expect(await screen.findByText('werkt in Gelderland-Midden')).toBeTruthy();
  });

  it('lists who is left out and why, not selectable', () => {
    renderPicker();
    expect(screen.getByText('afwezig op 12-03-2027')).toBeTruthy();
    expect(screen.getByText('belangenverstrengeling gemeld voor Ede')).toBeTruthy();
    expect(screen.getByText('VOG verlopen of ontbreekt op 12-03-2027')).toBeTruthy();
    expect(screen.queryByRole('radio', { name: 'Eva Weg' })).toBeNull();
  });

  it('proposes a standing specialist ranked first with one click', async () => {
    const { user, onPropose } = renderPicker();
    await user.click(screen.getByRole('button', { name: 'Vaste specialist Sara Vast voorstellen (4:00 uur)' }));
    expect(onPropose).toHaveBeenCalledWith(id(1));
  });
});
