import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '../config.ts';

/** One year, in seconds, for HSTS and the expiry of security.txt. */
const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * Security headers (ASVS 14.4): helmet with a strict Content-Security-Policy for the SPA (only
 * this origin's scripts, styles, fonts and XHR; images also as `data:` for the QR code and the
 * icon; no framing, no plugins, no `<base>`), HSTS only on responses served over TLS (directly
 * or behind a proxy that says so with trustProxy), and `/.well-known/security.txt` (RFC 9116).
 */
export default fp(async function securityHeaders(app: FastifyInstance, opts: { config: AppConfig }) {
  await app.register(fastifyHelmet, {
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
