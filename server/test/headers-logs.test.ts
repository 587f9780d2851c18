// Security headers (helmet with a strict CSP, HSTS only over TLS, no-store on the API),
// /.well-known/security.txt, and log redaction: no cookie, token, password or case text in logs.
import { DEMO_DOMAIN, DEMO_PASSWORD } from '@duidingspool/db';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loggerOptions } from '../src/lib/logger.ts';
import { requestBody } from './fixtures.ts';
import { testConfig, useTestApp } from './harness.ts';

const t = useTestApp();

describe('security headers', () => {
  it('sends a strict Content-Security-Policy and the other helmet headers on every response', async () => {
    for (const url of ['/', '/api/v1/health', '/verzoeken/123']) {
      const res = await t.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      // The rest of helmet's set, computed once at start (decision 135), on every response and on a refusal.
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(res.headers['origin-agent-cluster']).toBe('?1');
      expect(res.headers['x-dns-prefetch-control']).toBe('off');
      expect(res.headers['x-download-options']).toBe('noopen');
      expect(res.headers['x-permitted-cross-domain-policies']).toBe('none');
      expect(res.headers['x-xss-protection']).toBe('0');
    }
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-security-policy']).toContain("default-src 'self'");
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends HSTS only over TLS', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/health' })).headers['strict-transport-security']).toBeUndefined();
    // Behind a TLS-terminating proxy that the app is told to trust.
    const proxied = await buildApp({ config: { ...testConfig, trustProxy: true }, db: t.handle.db });
    try {
      const res = await proxied.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=31536000; includeSubDomains$/);
      // Not trusted: a client cannot claim TLS.
      const spoofed = await t.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-forwarded-proto': 'https' } });
      expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await proxied.close();
    }
  });

  it('marks API responses no-store', async () => {
    for (const url of ['/api/v1/health', '/api/v1/me', '/api/v1/nothing']) {
      expect((await t.app.inject({ method: 'GET', url })).headers['cache-control']).toBe('no-store');
    }
  });

  it('serves /.well-known/security.txt (RFC 9116) with a contact and an expiry within a year', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/.well-known/security.txt' });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^text\/plain/);
    expect(res.body).toMatch(/^Contact: mailto:security@duidingspool\.example$/m);
    const expires = /^Expires: (.+)$/m.exec(res.body)?.[1] as string;
    const days = (Date.parse(expires) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(300);
    expect(days).toBeLessThan(366);
  });
});

describe('log redaction', () => {
  const lines: string[] = [];
  let app: FastifyInstance;
  const CASE_TEXT = 'Vertrouwelijke duidingsvraag over de teksten van betrokkene';

  beforeAll(async () => {
    app = await buildApp({
      config: testConfig,
      db: t.handle.db,
      logger: loggerOptions('trace', { write: (line: string) => lines.push(line) }),
    });
    // A route that fails inside the database with case text as a bound parameter, as a bug would.
    app.get('/api/v1/test-failure', { config: { public: true } }, async () => {
      await app.db.execute(sql`select ${CASE_TEXT}::int`);
      return {};
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('logs no cookie, token, password or case text, also not from a database error', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: `requester.arnhem@${DEMO_DOMAIN}`, password: DEMO_PASSWORD } });
    expect(login.statusCode).toBe(200);
    const session = login.cookies.find((c) => c.name === 'dp_session')?.value as string;
    const refresh = login.cookies.find((c) => c.name === 'dp_refresh')?.value as string;
    const cookie = `dp_session=${session}`;
    const requester = Object.assign(
      async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
        const res = await app.inject({
          method,
          url,
          headers: { cookie, ...(payload ? { 'content-type': 'application/json' } : {}) },
          ...(payload ? { payload: JSON.stringify(payload) } : {}),
        });
        return { status: res.statusCode, headers: res.headers, body: JSON.parse(res.body) };
      },
      { cookie },
    );
    const body = await requestBody(requester as never, { question: CASE_TEXT });
    expect((await requester('POST', '/api/v1/interpretation-requests', body)).status).toBe(201);
    await app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { email: `requester.arnhem@${DEMO_DOMAIN}`, password: 'Fout-wachtwoord-123' } });
    await app.inject({ method: 'POST', url: '/api/v1/sessions/current/refresh', headers: { cookie: `dp_refresh=${refresh}` } });
    const failed = await app.inject({ method: 'GET', url: '/api/v1/test-failure' });
    expect(failed.statusCode).toBe(500);
    expect(failed.body).not.toContain(CASE_TEXT);

    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(5);
    expect(log).toContain('unhandled error');
    for (const secret of [session, refresh.split('.')[1] as string, DEMO_PASSWORD, 'Fout-wachtwoord-123', CASE_TEXT]) {
      expect(log).not.toContain(secret);
    }
  });
});
