import { createHash, randomUUID } from 'node:crypto';
import { type Database, schema } from '@duidingspool/db';
import type { Role } from '@duidingspool/shared';
import fastifyCookie from '@fastify/cookie';
import fastifyJwt from '@fastify/jwt';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppConfig } from '../config.ts';
import { AppError, forbidden } from '../errors.ts';
import type { Actor } from '../lib/context.ts';
import { auditAs } from '../modules/audit/index.ts';
import { touchSession } from '../modules/auth/index.ts';
import { activeSpecialistIdOf } from '../modules/specialists/index.ts';
import { caseTableIdsOf, municipalityIdsOf, rolesOf } from '../modules/users/index.ts';

/** Name of the httpOnly session cookie that holds the JWT. */
export const SESSION_COOKIE = 'dp_session';
/** Name of the httpOnly refresh cookie (`<sessionId>.<token>`), sent only to the sessions routes. */
export const REFRESH_COOKIE = 'dp_refresh';
const REFRESH_PATH = '/api/v1/sessions';
/**
 * Name of the signed device cookie (`<userId>.<deviceId>.<issued, epoch seconds>` plus an HMAC),
 * set after a complete login and sent only to the sessions routes: it marks the browser as a known
 * device of that user for the login throttle (decision 042, OWASP "device cookies").
 */
export const DEVICE_COOKIE = 'dp_device';
/** How long a device stays known without logging in again, days. */
export const DEVICE_COOKIE_MAX_DAYS = 90;

interface SessionClaims {
  sub: string;
  sid: string;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: SessionClaims;
    user: SessionClaims & { iat: number; exp: number };
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route needs no session (health, login, OpenAPI, the SPA). */
    public?: boolean;
    /** Roles of which the actor must hold one (docs/design.md §2); unset: any signed-in user. */
    roles?: readonly Role[];
    /** The route is open to a session that must still enrol a second factor (me, enrolment, logout). */
    duringEnrolment?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Signs a JWT for `session` and sets it as the session cookie. */
    issueSessionCookie(reply: FastifyReply, session: { userId: string; sessionId: string }): Promise<void>;
    /** Sets the refresh cookie `<sessionId>.<token>` for the rest of the session's absolute lifetime. */
    issueRefreshCookie(reply: FastifyReply, session: { sessionId: string; refreshToken: string }): void;
    /** Clears the session and the refresh cookie. */
    clearSessionCookie(reply: FastifyReply): void;
    /** The request's device cookie when its signature holds and it is younger than `DEVICE_COOKIE_MAX_DAYS`. */
    readDeviceCookie(request: FastifyRequest): { userId: string; deviceId: string } | null;
    /** Sets (or renews) the device cookie of `userId`, keeping `deviceId` when given. */
    issueDeviceCookie(reply: FastifyReply, userId: string, deviceId?: string): void;
  }
}

/** One answer for every missing or dead session; `why` (which check failed) goes to the log only. */
const unauthenticated = (why = 'no session') =>
  new AppError('unauthenticated', 'U bent niet (meer) ingelogd. Log opnieuw in.', {}, { log: `unauthenticated: ${why}` });

/** The error code of a refused access token (e.g. `FAST_JWT_EXPIRED`), when it is a plain token. */
function jwtFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code) ? code : 'unreadable';
}

/**
 * The actor of a live session in one query: the session row (not revoked, not expired, seen within
 * the idle timeout) joined to its active user with roles, casustafels, municipalities and active
 * specialist profile. Built once per app as a drizzle prepared query (placeholders `sessionId`,
 * `userId`, `idleSeconds`), so a request only binds its values: drizzle does not rebuild the SQL
 * text on every request (decision 135), and the driver still prepares the statement per
 * connection (decision 072). Answers the row, or nothing when the session is gone.
 */
function actorQuery(db: Database) {
  const s = schema.sessions;
  const u = schema.users;
  return db
    .select({
      sessionId: s.id,
      lastSeenAt: s.lastSeenAt,
      enrolmentOnly: s.enrolmentOnly,
      userId: u.id,
      email: u.email,
      displayName: u.displayName,
      language: u.language,
      roles: rolesOf(u.id),
      caseTableIds: caseTableIdsOf(u.id),
      municipalityIds: municipalityIdsOf(u.id),
      specialistId: activeSpecialistIdOf(u.id),
    })
    .from(s)
    .innerJoin(u, eq(u.id, s.userId))
    .where(
      and(
        eq(s.id, sql.placeholder('sessionId')),
        eq(s.userId, sql.placeholder('userId')),
        isNull(s.revokedAt),
        gt(s.expiresAt, sql`now()`),
        gt(s.lastSeenAt, sql`now() - make_interval(secs => ${sql.placeholder('idleSeconds')})`),
        eq(u.isActive, true),
      ),
    )
    .prepare('session_actor');
}

/** Loads the actor of a live session with `query` (`actorQuery`), or null when the session is gone. */
async function loadActor(
  query: ReturnType<typeof actorQuery>,
  sessionId: string,
  userId: string,
  idleSeconds: number,
): Promise<(Actor & { lastSeenAt: Date; enrolmentOnly: boolean }) | null> {
  const rows = await query.execute({ sessionId, userId, idleSeconds });
  const row = rows[0];
  if (!row) return null;
  return {
    userId: row.userId,
    email: row.email,
    displayName: row.displayName,
    language: row.language === 'en' ? 'en' : 'nl',
    roles: row.roles,
    caseTableIds: row.caseTableIds,
    municipalityIds: row.municipalityIds,
    specialistId: row.specialistId,
    sessionId: row.sessionId,
    lastSeenAt: new Date(row.lastSeenAt),
    enrolmentOnly: row.enrolmentOnly,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Authentication (docs/design.md §6): a short-lived HS256 JWT (algorithm pinned, `exp` required) in an
 * httpOnly SameSite=Strict cookie, tied to a server-side session row, so logout and deactivation
 * take effect at once. The JWT is re-issued while the session is in use (sliding within the
 * session's idle timeout and absolute lifetime). Every route needs a session unless its config
 * says `public`, and a route's `roles` are checked before its handler runs.
 */
export default fp(
  async function auth(app: FastifyInstance, opts: { config: AppConfig; db: Database }) {
    const { config, db } = opts;
    // The cookie plugin signs the device cookie (HMAC-SHA256) with a key of its own, derived from the JWT secret.
    await app.register(fastifyCookie, { secret: createHash('sha256').update(`dp-device-cookie:${config.jwtSecret}`).digest('base64url') });
    await app.register(fastifyJwt, {
      secret: config.jwtSecret,
      cookie: { cookieName: SESSION_COOKIE, signed: false },
      sign: { algorithm: 'HS256', expiresIn: config.jwtTtlSeconds },
      // onlyCookie: an Authorization header is not a way in. Set here, not per call: options given
      // to `jwtVerify` make @fastify/jwt build a new verifier on every request (decision 135).
      verify: { algorithms: ['HS256'], requiredClaims: ['exp', 'iat', 'sub', 'sid'], onlyCookie: true },
    });
    const cookieOptions = { httpOnly: true, sameSite: 'strict' as const, secure: config.secureCookies, path: '/' };

    app.decorate('issueSessionCookie', async (reply: FastifyReply, session: { userId: string; sessionId: string }) => {
      const token = await reply.jwtSign({ sub: session.userId, sid: session.sessionId });
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: config.jwtTtlSeconds });
    });
    app.decorate('issueRefreshCookie', (reply: FastifyReply, session: { sessionId: string; refreshToken: string }) => {
      reply.setCookie(REFRESH_COOKIE, `${session.sessionId}.${session.refreshToken}`, {
        ...cookieOptions,
        path: REFRESH_PATH,
        maxAge: config.sessionMaxSeconds,
      });
    });
    app.decorate('clearSessionCookie', (reply: FastifyReply) => {
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      reply.clearCookie(REFRESH_COOKIE, { ...cookieOptions, path: REFRESH_PATH });
    });
    const deviceMaxSeconds = DEVICE_COOKIE_MAX_DAYS * 24 * 3600;
    app.decorate('readDeviceCookie', (request: FastifyRequest) => {
      const raw = request.cookies[DEVICE_COOKIE];
      if (!raw || raw.length > 200) return null;
      const unsigned = request.unsignCookie(raw);
      if (!unsigned.valid || !unsigned.value) return null;
      const [userId, deviceId, issued] = unsigned.value.split('.');
      if (!userId || !deviceId || !UUID.test(userId) || !UUID.test(deviceId) || !/^\d{1,12}$/.test(issued ?? '')) return null;
      const age = Date.now() / 1000 - Number(issued);
      if (age < -60 || age > deviceMaxSeconds) return null;
      return { userId, deviceId };
    });
    app.decorate('issueDeviceCookie', (reply: FastifyReply, userId: string, deviceId = randomUUID()) => {
      reply.setCookie(DEVICE_COOKIE, `${userId}.${deviceId}.${Math.floor(Date.now() / 1000)}`, {
        ...cookieOptions,
        path: REFRESH_PATH,
        maxAge: deviceMaxSeconds,
        signed: true,
      });
    });
    app.decorateRequest('actor', null);
    const sessionActor = actorQuery(db);

    // onRequest: who you are and what your role allows is settled before any input is validated, so
    // an anonymous caller learns nothing about a route's schema.
    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const routeConfig = request.routeOptions.config;
      // Only the API needs a session; the SPA's files and unknown URLs are public.
      if (routeConfig.public || !request.routeOptions.url?.startsWith('/api/')) return;
      let claims: SessionClaims & { iat: number };
      try {
        // The plugin's verify options: HS256 only, the claims required, the cookie only.
        claims = await request.jwtVerify();
      } catch (error) {
        throw unauthenticated(`access token refused (${jwtFailure(error)})`);
      }
      if (!UUID.test(claims.sid) || !UUID.test(claims.sub)) throw unauthenticated('access token claims malformed');
      const actor = await loadActor(sessionActor, claims.sid, claims.sub, config.sessionIdleSeconds);
      if (!actor) {
        app.clearSessionCookie(reply);
        throw unauthenticated('session ended, idle or of an inactive user');
      }
      const { lastSeenAt, enrolmentOnly, ...rest } = actor;
      request.actor = rest;
      const now = Date.now();
      if (now - lastSeenAt.getTime() > 60_000) {
        await touchSession(db, claims.sid);
      }
      // Re-issue the short-lived JWT once a third of its life has passed.
      if (now / 1000 - claims.iat > config.jwtTtlSeconds / 3) {
        await app.issueSessionCookie(reply, { userId: claims.sub, sessionId: claims.sid });
      }
      const origin = { ip: request.ip ?? null, userAgent: request.headers['user-agent'] ?? null };
      const route = `${request.method} ${request.routeOptions.url}`;
      // A session opened without the second factor its user needs may only set one up.
      if (enrolmentOnly && !routeConfig.duringEnrolment) {
        await auditAs(
          db,
          { actorId: rest.userId, origin },
          { action: 'access', objectType: 'route', objectId: route, result: 'denied', details: { reason: 'enrolment-only' } },
        );
        throw new AppError(
          'second-factor-enrolment-required',
          'Stel eerst tweestapsverificatie in voordat u verder gaat.',
          {},
          { log: `enrolment-only session on ${route}` },
        );
      }
      const roles = routeConfig.roles;
      if (roles && !roles.some((r) => rest.roles.includes(r))) {
        // Access-control failures are logged (ASVS 7.2.2, docs/design.md §6).
        await auditAs(db, { actorId: rest.userId, origin }, { action: 'access', objectType: 'route', objectId: route, result: 'denied' });
        throw forbidden(undefined, `role not allowed on ${route}`);
      }
    });
  },
  { name: 'auth' },
);

/** The signed-in actor of a route that is not public; throws 401 if the hook did not run. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
