import type { PatchUserBody, Role, User } from '@duidingspool/shared';

/** What the admin can change on an existing user. */
export interface UserEditValues {
  displayName: string;
  roles: Role[];
  caseTableIds: string[];
  /** Municipalities the requester asks for on behalf of (decision 095). */
  municipalityIds: string[];
}

/** The form values of a user as stored. */
export function editValuesOf(user: User): UserEditValues {
  return { displayName: user.displayName, roles: [...user.roles], caseTableIds: [...user.caseTableIds], municipalityIds: [...user.municipalityIds] };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));

/** Memberships as the server will store them: only requesters belong to a casustafel. */
export const effectiveCaseTableIds = (v: UserEditValues): string[] => (v.roles.includes('requester') ? [...new Set(v.caseTableIds)] : []);

/** Municipality memberships as the server will store them: only requesters belong to a municipality. */
export const effectiveMunicipalityIds = (v: UserEditValues): string[] => (v.roles.includes('requester') ? [...new Set(v.municipalityIds)] : []);

/**
 * The smallest `PATCH /users/{id}` body for the changes, or `null` when nothing changed. Sends
 * memberships only for a requester: when the requester role goes, the server drops them itself
 * (and refuses memberships for anyone else).
 */
export function userEditPatch(user: User, values: UserEditValues): PatchUserBody | null {
  const body: PatchUserBody = {};
  const name = values.displayName.trim();
  if (name !== user.displayName) body.displayName = name;
  if (!sameSet(values.roles, user.roles)) body.roles = [...values.roles];
  const tables = effectiveCaseTableIds(values);
  if (values.roles.includes('requester') && !sameSet(tables, user.caseTableIds)) body.caseTableIds = tables;
  const municipalities = effectiveMunicipalityIds(values);
  if (values.roles.includes('requester') && !sameSet(municipalities, user.municipalityIds)) body.municipalityIds = municipalities;
  return Object.keys(body).length > 0 ? body : null;
}

/**
 * Whether saving ends the user's sessions: the server revokes them when roles or casustafel
 * memberships change (a name change does not).
 */
export function endsSessions(user: User, values: UserEditValues): boolean {
  return (
    !sameSet(values.roles, user.roles) ||
    !sameSet(effectiveCaseTableIds(values), user.caseTableIds) ||
    !sameSet(effectiveMunicipalityIds(values), user.municipalityIds)
  );
}
