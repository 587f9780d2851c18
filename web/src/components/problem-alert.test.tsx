import { PROBLEM_TYPES } from '@duidingspool/shared';
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest } from '../lib/api-client.ts';
import { i18next } from '../lib/i18n.ts';
import en from '../locales/en.json';
import nl from '../locales/nl.json';
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
  it('shows the UI’s own Dutch text for the type, not the server’s detail, and the request id to quote to support', () => {
    render(<ProblemAlert error={new ApiError(problem())} />);
    expect(screen.getByText('Er is onvoldoende budget beschikbaar.')).toBeTruthy();
    expect(screen.queryByText(problem().detail)).toBeNull();
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
    for (const [lng, file] of Object.entries({ nl, en })) {
      for (const type of Object.keys(PROBLEM_TYPES)) expect(typeof (file.problems as Record<string, string>)[type], `${lng} problems.${type}`).toBe('string');
    }
  });
});

/** Field errors as the server writes them: a Dutch phrase, a pointer, and (mostly) a code. */
const FIELD_ERRORS = [
  {
    in: 'body',
    pointer: '/description',
    message: 'Te groot: verwacht dat string <=2000 tekens heeft',
    code: 'too_big',
    params: { origin: 'string', maximum: 2000 },
  },
  { in: 'body', pointer: '/question', message: 'bevat een burgerservicenummer (BSN)', code: 'personal-data', params: { kinds: ['bsn'] } },
  { in: 'body', pointer: '/reason', message: 'is verplicht', code: 'required' },
  { in: 'body', pointer: '/items/0/someNewField', message: 'ongeldige waarde voor /items/0/someNewField' },
  { in: 'query', pointer: '/after', message: 'ongeldige cursor' },
  { in: 'body', pointer: '', message: 'ongeldige JSON' },
];

describe('ProblemAlert never shows the server’s detail or a JSON pointer', () => {
  for (const lng of ['nl', 'en']) {
    it(`for any problem type, in ${lng}`, async () => {
      await i18next.changeLanguage(lng);
      for (const [type, status] of [...Object.entries(PROBLEM_TYPES), ['some-future-type', 409] as const, ['about:blank', 502] as const]) {
        const detail = `Ongeldige invoer in /description, /question/0 en /items/0/someNewField (${type}).`;
        const { container, unmount } = render(
          <ProblemAlert error={new ApiError({ type, title: 'Titel', status, detail, requestId: 'r-1', errors: FIELD_ERRORS as never })} />,
        );
        const text = container.textContent ?? '';
        expect(text, type).not.toContain(detail);
        expect(text, type).not.toMatch(/(^|[\s(:])\/[A-Za-z]/);
        expect(text, type).not.toContain('Ongeldige invoer in');
        for (const e of FIELD_ERRORS) if (e.pointer) expect(text, type).not.toContain(e.pointer);
        unmount();
      }
    });
  }

  it('names the fields in words with messages in the UI’s language', async () => {
    const error = new ApiError({
      type: 'validation-failed',
      title: 'Ongeldige invoer',
      status: 400,
      detail: 'Ongeldige invoer in /description.',
      requestId: 'r-2',
      errors: FIELD_ERRORS as never,
    });
    const { container, unmount } = render(<ProblemAlert error={error} />);
    expect(container.textContent).toContain('Omschrijving: ');
    expect(container.textContent).toContain('Duidingsvraag: bevat een burgerservicenummer (BSN).');
    expect(container.textContent).toContain('Reden: is verplicht.');
    unmount();
    await i18next.changeLanguage('en');
    render(<ProblemAlert error={error} />);
    const english = document.body.textContent ?? '';
    expect(english).toContain('Description: Too big');
    expect(english).toContain('Question: contains a citizen service number (BSN).');
    expect(english).toContain('Reason: is required.');
    expect(english).not.toMatch(/verplicht|bevat|Ongeldige/);
  });
});

describe('a refusal with its figures', () => {
  it('gets the sentence written for them, in the UI’s language', async () => {
    const error = new ApiError({
      type: 'invalid-transition',
      title: 'Deze statuswijziging is niet toegestaan',
      status: 409,
      detail: 'Het jaar 2025 is nog niet afgesloten: 2 maanden zijn open (2025-11, 2025-12).',
      requestId: 'r-3',
      year: 2025,
      openMonths: ['2025-11', '2025-12'],
    });
    const { container, unmount } = render(<ProblemAlert error={error} />);
    expect(container.textContent).toContain('Het jaar 2025 is nog niet afgesloten: 2 maanden zijn open (november 2025, december 2025).');
    unmount();
    await i18next.changeLanguage('en');
    render(<ProblemAlert error={error} />);
    expect(document.body.textContent).toContain('The year 2025 is not closed yet: 2 months are open (November 2025, December 2025).');
  });
});
