import type { schema } from '@duidingspool/db';

/** A server module: a folder under `server/src/modules/`. */
export type ModuleName =
  | 'assignments'
  | 'audit'
  | 'auth'
  | 'budgets'
  | 'extension-requests'
  | 'financial-statements'
  | 'interpretation-requests'
  | 'knowledge'
  | 'matching'
  | 'notifications'
  | 'offers'
  | 'organisation'
  | 'periods'
  | 'retention'
  | 'specialists'
  | 'time-entries'
  | 'users';

/** The name of every table the drizzle schema exports (its export name, e.g. `timeEntries`). */
export type TableName = {
  [K in keyof typeof schema]: (typeof schema)[K] extends { _: { name: string; columns: object } } ? K : never;
}[keyof typeof schema];

/**
 * The one module that writes each table (docs/decisions/050-table-owners-and-module-boundaries.md):
 * only code under `server/src/modules/<owner>/` inserts, updates or deletes its rows; every other
 * module calls the owner's functions. Tables written by database triggers (the ledger running
 * totals) belong to the module whose rule the trigger keeps. The reference tables are written by
 * the structure import through their owners (organisation, specialists, budgets); the demo seed in
 * db/ writes the demo people. Held by
 * `server/src/modules/table-owners.test.ts`, which scans the server's source for writes.
 */
export const TABLE_OWNERS: Record<TableName, ModuleName> = {
  // people and access
  users: 'users',
  userRoles: 'users',
  caseTableMembers: 'users',
  municipalityMembers: 'users',
  sessions: 'auth',
  recoveryCodes: 'auth',
  accountTokens: 'auth',
  authThrottles: 'auth',
  // organisation (written by the structure import)
  safetyRegions: 'organisation',
  safetyHouses: 'organisation',
  municipalities: 'organisation',
  caseTables: 'organisation',
  caseTableMunicipalities: 'organisation',
  // the pool
  expertiseAreas: 'specialists',
  activities: 'specialists',
  specialists: 'specialists',
  specialistExpertiseAreas: 'specialists',
  specialistLanguages: 'specialists',
  specialistRegions: 'specialists',
  specialistRates: 'specialists',
  specialistAbsences: 'specialists',
  specialistConflicts: 'specialists',
  caseTableStandingSpecialists: 'matching',
  // the financial statement to the NCTV
  financialStatements: 'financial-statements',
  // the knowledge library
  knowledgeProducts: 'knowledge',
  knowledgeProductExpertiseAreas: 'knowledge',
  knowledgeFiles: 'knowledge',
  // requests
  interpretationRequests: 'interpretation-requests',
  requestExpertiseAreas: 'interpretation-requests',
  requestStatusEvents: 'interpretation-requests',
  referenceCounters: 'interpretation-requests',
  advice: 'interpretation-requests',
  requestMessages: 'interpretation-requests',
  adviceDrafts: 'interpretation-requests',
  requestMessageReads: 'interpretation-requests',
  serviceLevelTargets: 'interpretation-requests',
  requestFeedback: 'interpretation-requests',
  requestReach: 'interpretation-requests',
  // the coordinator's proactive offers (decision 130)
  offers: 'offers',
  // work and money
  assignments: 'assignments',
  extensionRequests: 'extension-requests',
  timeEntries: 'time-entries',
  specialistDayMinutes: 'periods',
  closedPeriods: 'periods',
  budgets: 'budgets',
  budgetThresholdCrossings: 'budgets',
  budgetLines: 'budgets',
  budgetLineThresholdCrossings: 'budgets',
  ledgerDayTotals: 'budgets',
  ledgerGroupTotals: 'budgets',
  ledgerExpertiseTotals: 'budgets',
  ledgerReportMonthTotals: 'budgets',
  ledgerReportMonthRequests: 'budgets',
  // audit and notifications
  auditEvents: 'audit',
  notifications: 'notifications',
  notificationPreferences: 'notifications',
  inboxItems: 'notifications',
};

/**
 * The one module allowed to write tables generically, through `REQUEST_DATA` / `LEDGER_PURGE_ORDER`
 * (db/src/schema/request-data.ts) rather than by name: the retention job empties case content and
 * deletes a request's rows after their retention periods. Which tables and columns it touches is
 * declared in db, next to the tables, not chosen by the job.
 */
export const GENERIC_WRITER: ModuleName = 'retention';
