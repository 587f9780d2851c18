import { PROBLEM_TYPES } from '@duidingspool/shared';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest } from '../lib/api-client.ts';
import { i18next } from '../lib/i18n.ts';
import { ProblemAlert } from './problem-alert.tsx';

afterEach(async () => {
  vi.unstubAllGlobals();
  await i18next.changeLanguage('nl');
});

const problem = (over: Record<string, unknown> = {}) => ({
  type: 'budget-exceeded',
  title: 'Onvoldoende budget',
  status: 409,
  detail: 'Er is nog € 12,00 beschikbaar; de inschatting kost € 90,00.',
  requestId: '3f0c5f0e-1d2b-4a7e-9c1f-0a1b2c3d4e5f',
  ...over,
});

describe('ProblemAlert', () => {
  it('shows the server’s Dutch message and the request id to quote to support', () => {
    render(<ProblemAlert error={new ApiError(problem())} />);
    expect(screen.getByText(problem().detail)).toBeTruthy();
    expect(screen.getByText('3f0c5f0e-1d2b-4a7e-9c1f-0a1b2c3d4e5f').tagName).toBe('CODE');
    expect(screen.getByText(/Referentie voor de helpdesk/)).toBeTruthy();
  });

  it('in English shows the UI’s own text for the problem type, not the Dutch detail, with the id', async () => {
    await i18next.changeLanguage('en');
    render(<ProblemAlert error={new ApiError(problem())} />);
    expect(screen.getByText('There is not enough budget available.')).toBeTruthy();
    expect(screen.queryByText(problem().detail)).toBeNull();
    expect(screen.getByText(/Reference for support/)).toBeTruthy();
    expect(screen.getByText('3f0c5f0e-1d2b-4a7e-9c1f-0a1b2c3d4e5f')).toBeTruthy();
  });

  it('shows no reference for an error that never reached the server', () => {
    render(<ProblemAlert error={new TypeError('Failed to fetch')} />);
    expect(screen.queryByText(/Referentie/)).toBeNull();
  });

  it('takes the id from the X-Request-Id header when a body (from a proxy) lacks it', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'X-Request-Id': 'proxy-17' } })),
    );
    const error = (await apiRequest('/things').catch((e: unknown) => e)) as ApiError;
    expect(error.requestId).toBe('proxy-17');
    render(<ProblemAlert error={error} />);
    expect(screen.getByText('proxy-17')).toBeTruthy();
  });
});

describe('problem texts', () => {
  it('every problem type the server knows has a text in both languages', () => {
    for (const lng of ['nl', 'en']) {
      for (const type of Object.keys(PROBLEM_TYPES)) expect(i18next.exists(`problems.${type}`, { lng }), `${lng} problems.${type}`).toBe(true);
    }
  });
});
