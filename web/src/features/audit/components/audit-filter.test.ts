import { describe, expect, it } from 'vitest';
import { auditExportUrl } from '../api/audit-events.ts';
import { auditFormErrors, EMPTY_AUDIT_FORM, mergeActors, toAuditFilter } from './audit-filter.ts';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

describe('toAuditFilter', () => {
  it('keeps only filled-in fields, trimmed, including the actor', () => {
    expect(toAuditFilter({ ...EMPTY_AUDIT_FORM, actorId: A, action: ' login ', reference: '  ' })).toEqual({ actorId: A, action: 'login' });
  });

  it('gives an export link with the same filters', () => {
    const url = auditExportUrl(toAuditFilter({ ...EMPTY_AUDIT_FORM, actorId: A, result: 'denied', fromDate: '2025-01-01' }));
    const params = new URL(url, 'https://example.org').searchParams;
    expect(url.startsWith('/api/v1/audit-events/export?')).toBe(true);
    expect(Object.fromEntries(params)).toEqual({ actorId: A, result: 'denied', fromDate: '2025-01-01' });
  });
});

describe('mergeActors', () => {
  it('adds new actors once, skips the system, and sorts by name', () => {
    const merged = mergeActors(
      [{ id: B, name: 'Zeger' }],
      [
        { actorId: A, actorName: 'Anne' },
        { actorId: null, actorName: null },
        { actorId: B, actorName: 'Zeger (nieuw)' },
        { actorId: A, actorName: 'Anne' },
      ],
    );
    expect(merged).toEqual([
      { id: A, name: 'Anne' },
      { id: B, name: 'Zeger' },
    ]);
  });
});

describe('auditFormErrors', () => {
  it('refuses an end date before the start date, and nothing else', () => {
    expect(auditFormErrors({ ...EMPTY_AUDIT_FORM, fromDate: '2026-03-02', toDate: '2026-03-01' })).toEqual({ toDate: 'before-start' });
    expect(auditFormErrors({ ...EMPTY_AUDIT_FORM, fromDate: '2026-03-02', toDate: '2026-03-02' })).toEqual({});
    expect(auditFormErrors({ ...EMPTY_AUDIT_FORM, toDate: '2026-03-01' })).toEqual({});
  });
});
