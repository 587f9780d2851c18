/** The public face of the notifications module: other modules and the app import only what is listed here (decision 050). */
export { parseAllowedDomains, parseStrictAddress, sanitizeDisplayName } from './addresses.ts';
export type { OutboxContext, Recipients } from './outbox.ts';
export {
  enqueueForEach,
  enqueueForRoles,
  enqueueNotification,
  enqueueSecurityMail,
  markDemoInboxRead,
  markDemoMailSent,
  notifyBudgetThresholdCrossed,
  withdrawDeadLinks,
} from './outbox.ts';
export { type OutboxStats, outboxStats } from './outbox-stats.ts';
export { createMailTransport, verifySmtp } from './transport.ts';
export { NotificationWorker } from './worker.ts';
