import type { User } from '@duidingspool/shared';
import { describe, expect, it } from 'vitest';
import { editValuesOf, endsSessions, userEditPatch } from './user-edit.ts';

const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';
const user: User = {
  id: '33333333-3333-4333-8333-333333333333',
  email: 'a@example.org',
  displayName: 'Anne Aanvrager',
  roles: ['requester'],
  caseTableIds: [T1],
  municipalityIds: [],
  isActive: true,
  isDemo: false,
  hasPassword: true,
  twoFactorEnabled: true,
  createdAt: '2025-01-01T10:00:00.000Z',
};

describe('userEditPatch', () => {
  it('is null when nothing changed, whatever the order of roles', () => {
    const u = { ...user, roles: ['requester', 'finance'] as User['roles'] };
    expect(userEditPatch(u, { ...editValuesOf(u), roles: ['finance', 'requester'] })).toBeNull();
    expect(endsSessions(u, { ...editValuesOf(u), roles: ['finance', 'requester'] })).toBe(false);
  });

  it('sends a trimmed name only, which keeps the sessions', () => {
    const values = { ...editValuesOf(user), displayName: '  Anne de Vries ' };
    expect(userEditPatch(user, values)).toEqual({ displayName: 'Anne de Vries' });
    expect(endsSessions(user, values)).toBe(false);
  });

  it('sends new memberships of a requester and warns about the sessions', () => {
    const values = { ...editValuesOf(user), caseTableIds: [T1, T2] };
    expect(userEditPatch(user, values)).toEqual({ caseTableIds: [T1, T2] });
    expect(endsSessions(user, values)).toBe(true);
  });

  it('leaves memberships out when the requester role goes (the server drops them)', () => {
    const values = { ...editValuesOf(user), roles: ['specialist' as const] };
    expect(userEditPatch(user, values)).toEqual({ roles: ['specialist'] });
    expect(endsSessions(user, values)).toBe(true);
  });

  it('sends roles and memberships for a new requester', () => {
    const coordinator: User = { ...user, roles: ['coordinator'], caseTableIds: [] };
    const values = { ...editValuesOf(coordinator), roles: ['coordinator' as const, 'requester' as const], caseTableIds: [T2] };
    expect(userEditPatch(coordinator, values)).toEqual({ roles: ['coordinator', 'requester'], caseTableIds: [T2] });
  });
});
