import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, apiRequest, pointerToField, toQueryString } from './api-client.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('pointerToField', () => {
  it('maps JSON pointers to form field names', () => {
    expect(pointerToField('/question')).toBe('question');
    expect(pointerToField('/body/caseReference')).toBe('caseReference');
    // A field called `body` (a message, an advice) is a field, not the place of the input.
    expect(pointerToField('/body')).toBe('body');
    expect(pointerToField('/body/body')).toBe('body');
    expect(pointerToField('/expertiseAreaCodes/0')).toBe('expertiseAreaCodes');
  });
});

describe('toQueryString', () => {
  it('joins lists with commas and leaves out empty values', () => {
    expect(toQueryString({ page: 1, status: ['submitted', 'needs-information'], caseTableId: undefined, sort: '' })).toBe(
      '?page=1&status=submitted%2Cneeds-information',
    );
    expect(toQueryString({})).toBe('');
  });
});

describe('apiRequest', () => {
  it('sends JSON with the session cookie and parses the answer', async () => {
    const fetchMock = vi.fn(
      async () => new Response(JSON.stringify({ id: 'x', extra: true }), { status: 200, headers: { 'Content-Type': 'application/json' } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const result = await apiRequest('/things', { method: 'POST', body: { a: 1 }, schema: z.object({ id: z.string() }) });
    expect(result).toEqual({ id: 'x' });
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/things', expect.objectContaining({ method: 'POST', credentials: 'same-origin', body: '{"a":1}' }));
  });

  it('throws an ApiError carrying the problem details and field errors', async () => {
    const problem = {
      type: 'personal-data-detected',
      title: 'Persoonsgegevens',
      status: 422,
      detail: 'De tekst bevat een BSN.',
      errors: [
        { in: 'body', pointer: '/question', message: 'bevat een BSN' },
        { in: 'query', pointer: '/page', message: 'te groot' },
      ],
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(problem), { status: 422, headers: { 'Content-Type': 'application/problem+json' } })),
    );
    const error = await apiRequest('/interpretation-requests', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(422);
    expect(apiError.type).toBe('personal-data-detected');
    expect(apiError.message).toBe('De tekst bevat een BSN.');
    expect(apiError.fieldErrors).toEqual({ question: 'bevat een BSN' });
  });

  it('reads budget-exceeded with the available amount', async () => {
    const problem = { type: 'budget-exceeded', title: 'Budget', status: 409, detail: 'Past niet.', availableCents: 12345 };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(problem), { status: 409 })),
    );
    const error = (await apiRequest('/x').catch((e: unknown) => e)) as ApiError;
    expect(error.problem.availableCents).toBe(12345);
  });
});

describe('access token renewal', () => {
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const expired = { type: 'unauthenticated', title: 'Niet ingelogd', status: 401, detail: 'Log opnieuw in.' };

  it('renews an expired access token once with the refresh cookie and repeats the call', async () => {
    const answers = [json(401, expired), json(200, { user: {} }), json(200, { id: 'x' })];
    const fetchMock = vi.fn(async () => answers.shift() as Response);
    vi.stubGlobal('fetch', fetchMock);
    expect(await apiRequest('/things', { schema: z.object({ id: z.string() }) })).toEqual({ id: 'x' });
    expect(fetchMock.mock.calls.map((c) => (c as unknown[])[0])).toEqual(['/api/v1/things', '/api/v1/sessions/current/refresh', '/api/v1/things']);
  });

  it('gives up with the 401 when the refresh is refused, and never refreshes for the session routes', async () => {
    const fetchMock = vi.fn(async () => json(401, expired));
    vi.stubGlobal('fetch', fetchMock);
    await expect(apiRequest('/things')).rejects.toMatchObject({ status: 401 });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    fetchMock.mockClear();
    await expect(apiRequest('/sessions', { method: 'POST', body: {} })).rejects.toBeInstanceOf(ApiError);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('ApiError.fieldErrors', () => {
  const problem = {
    type: 'validation-failed',
    title: 'Ongeldige invoer',
    status: 400,
    detail: 'Ongeldige invoer in /caseReference, /question.',
    errors: [
      { in: 'body' as const, pointer: '/caseReference', message: 'bevat onzichtbare tekens, stuurtekens of een regeleinde', code: 'invisible-characters' },
      { in: 'body' as const, pointer: '/question', message: 'is verplicht' },
    ],
  };

  it('shows a field error by its code in the language of the UI; one without a code in Dutch as the server wrote it, in English as “not valid”', async () => {
    const { i18next } = await import('./i18n.ts');
    await i18next.changeLanguage('en');
    try {
      const errors = new ApiError(problem).fieldErrors;
      expect(errors.caseReference).toBe(i18next.t('fieldErrors.invisible-characters'));
      expect(errors.caseReference).toMatch(/invisible characters/);
      expect(errors.question).toBe('is not valid');
      await i18next.changeLanguage('nl');
      expect(new ApiError(problem).fieldErrors.caseReference).toMatch(/onzichtbare tekens/);
      expect(new ApiError(problem).fieldErrors.question).toBe('is verplicht');
    } finally {
      await i18next.changeLanguage('nl');
    }
  });
});
