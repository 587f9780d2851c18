import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '../config.ts';

/** One year, in seconds, for HSTS and the expiry of security.txt. */
const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The headers helmet sets with `options`, read once from a probe app: the same names and values
 * helmet would set on each response, without building its middleware anew for every request as
 * `@fastify/helmet` does (decision 135). Helmet's headers depend only on its options here (no CSP
 * nonces), so computing them once changes nothing a client sees.
 */
async function helmetHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const answer = async (withHelmet: boolean) => {
    const probe = Fastify();
    if (withHelmet) await probe.register(fastifyHelmet, options);
    probe.get('/', async () => '');
    const res = await probe.inject({ method: 'GET', url: '/' });
    await probe.close();
    return res.headers;
  };
  const [plain, helmeted] = [await answer(false), await answer(true)];
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(helmeted)) {
    if (value !== undefined && !(name in plain)) headers[name] = String(value);
  }
  return headers;
}

/**
 * Security headers (ASVS 14.4): helmet with a strict Content-Security-Policy for the SPA (only
 * this origin's scripts, styles, fonts and XHR; images also as `data:` for the QR code and the
 * icon; no framing, no plugins, no `<base>`), HSTS only on responses served over TLS (directly
 * or behind a proxy that says so with trustProxy), and `/.well-known/security.txt` (RFC 9116).
 */
export default fp(async function securityHeaders(app: FastifyInstance, opts: { config: AppConfig }) {
  const headers = await helmetHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(opts.config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // Set below, only over TLS: HSTS on plain HTTP is meaningless and breaks local use.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(headers);
    if (request.protocol === 'https') reply.header('Strict-Transport-Security', `max-age=${YEAR_SECONDS}; includeSubDomains`);
  });

  app.get('/.well-known/security.txt', { schema: { hide: true }, config: { public: true } }, async (_request, reply) => {
    const expires = new Date(Date.now() + (YEAR_SECONDS - 24 * 3600) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const base = opts.config.publicUrl.replace(/\/$/, '');
    const body = [
      `Contact: ${opts.config.securityContact}`,
      `Expires: ${expires}`,
      'Preferred-Languages: nl, en',
      `Canonical: ${base}/.well-known/security.txt`,
      `Policy: ${base}/.well-known/security.txt`,
      '',
    ].join('\n');
    return reply.type('text/plain; charset=utf-8').header('Cache-Control', 'max-age=86400').send(body);
  });
});
