/** The public face of the users module: other modules and the app import only what is listed here (decision 050). */
export { enableTotp, recordTotpStep, setPasswordHash, storePendingTotpSecret } from './credentials.ts';
export { type CaseTableMember, caseTableIdsOf, membershipsOf, membersOfCaseTables, municipalityIdsOf, municipalityMembershipsOf } from './memberships.ts';
export { activeAdminsWithSecondFactor, rolesOf } from './roles.ts';
export { createUserFromCli, setCaseTableMembership } from './users.service.ts';
