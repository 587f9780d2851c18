// The user's language (decision 120): each user sets only their own, it comes back in /me, is
// audited, and schema refusals carry the codes the client writes its own message from.

import { schema } from '@duidingspool/db';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, useTestApp } from './harness.ts';

const t = useTestApp();
let finance: Caller;
let coordinator: Caller;

beforeAll(async () => {
  [finance, coordinator] = await Promise.all([t.as('finance'), t.as('coordinator')]);
});

describe('PUT /api/v1/me/language', () => {
  it('sets the own language, which /me answers and the audit log records with old and new value', async () => {
    expect((await finance('GET', '/api/v1/me')).body.language).toBe('nl');
    const put = await finance('PUT', '/api/v1/me/language', { language: 'en' });
    expect(put.status).toBe(204);
    const me = (await finance('GET', '/api/v1/me')).body;
    expect(me.language).toBe('en');
    // Nobody else's language changed.
    expect((await coordinator('GET', '/api/v1/me')).body.language).toBe('nl');
    const events = await t.handle.db
      .select({ details: schema.auditEvents.details })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.objectId, me.id), eq(schema.auditEvents.action, 'update')));
    expect(events.map((e) => e.details)).toContainEqual({ changed: ['language'], from: { language: 'nl' }, to: { language: 'en' } });
    await finance('PUT', '/api/v1/me/language', { language: 'nl' });
    expect((await finance('GET', '/api/v1/me')).body.language).toBe('nl');
  });

  it('refuses a language the UI does not have with a code and the allowed values, changing nothing', async () => {
    const res = await finance('PUT', '/api/v1/me/language', { language: 'de' });
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('validation-failed');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ in: 'body', pointer: '/language', code: 'invalid_value', params: expect.objectContaining({ values: ['nl', 'en'] }) }),
    ]);
    const missing = await finance('PUT', '/api/v1/me/language', {});
    expect(missing.body.errors).toEqual([expect.objectContaining({ pointer: '/language', code: 'required' })]);
    const extra = await finance('PUT', '/api/v1/me/language', { language: 'nl', theme: 'dark' });
    expect(extra.body.errors).toContainEqual(expect.objectContaining({ pointer: '/theme', code: 'unknown-field' }));
    expect((await finance('GET', '/api/v1/me')).body.language).toBe('nl');
  });

  it('is refused without a session', async () => {
    const res = await t.anonymous('PUT', '/api/v1/me/language', { language: 'en' });
    expect(res.status).toBe(401);
  });
});
