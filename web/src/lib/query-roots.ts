/**
 * Root segments of every query key. Features build their key factories on these, and a mutation in
 * one feature invalidates another feature's data by its root without importing that feature.
 */
export const queryRoots = {
  me: 'me',
  referenceData: 'reference-data',
  caseTables: 'case-tables',
  requests: 'interpretation-requests',
  specialists: 'specialists',
  assignments: 'assignments',
  timeEntries: 'time-entries',
  extensionRequests: 'extension-requests',
  budgets: 'budgets',
  notifications: 'notifications',
  users: 'users',
  auditEvents: 'audit-events',
  referenceItems: 'reference-items',
  messages: 'messages',
  knowledge: 'knowledge-products',
  financialStatements: 'financial-statements',
  reports: 'reports',
  offers: 'offers',
} as const;
