import type { AssignmentStatus } from './contracts/assignments.ts';
import type { ExtensionStatus } from './contracts/extension-requests.ts';
import type { NotificationStatus } from './contracts/notifications.ts';
import type { TimeEntryStatus } from './contracts/time-entries.ts';
import type { RequestStatus } from './lifecycle.ts';

/** The words for every status, per enum; `lapsed` is a proposal that ended with its request before an answer. */
export interface StatusLabels {
  request: Record<RequestStatus, string>;
  assignment: Record<AssignmentStatus | 'lapsed', string>;
  timeEntry: Record<TimeEntryStatus, string>;
  extension: Record<ExtensionStatus, string>;
  notification: Record<NotificationStatus, string>;
}

/**
 * The names of the statuses in Dutch and English, the one source for the web app (its `status.*`
 * translation keys are these), the server's messages and the ledger export (decision 051).
 */
export const STATUS_LABELS: Record<'nl' | 'en', StatusLabels> = {
  nl: {
    request: {
      draft: 'concept',
      submitted: 'ingediend',
      'needs-information': 'aanvullende informatie nodig',
      declined: 'afgewezen',
      assigned: 'toegewezen',
      'in-progress': 'in behandeling',
      'advice-delivered': 'advies opgeleverd',
      closed: 'gesloten',
      withdrawn: 'ingetrokken',
      cancelled: 'geannuleerd',
    },
    assignment: { proposed: 'voorgesteld', accepted: 'geaccepteerd', declined: 'afgewezen', lapsed: 'vervallen' },
    timeEntry: { submitted: 'wacht op goedkeuring', approved: 'goedgekeurd', rejected: 'afgekeurd' },
    extension: { requested: 'aangevraagd', granted: 'toegekend', refused: 'geweigerd' },
    notification: {
      pending: 'wacht op verzending',
      sending: 'wordt verstuurd',
      sent: 'verstuurd',
      failed: 'mislukt',
      digest: 'wacht op dagoverzicht',
      digested: 'in dagoverzicht',
    },
  },
  en: {
    request: {
      draft: 'draft',
      submitted: 'submitted',
      'needs-information': 'needs information',
      declined: 'declined',
      assigned: 'assigned',
      'in-progress': 'in progress',
      'advice-delivered': 'advice delivered',
      closed: 'closed',
      withdrawn: 'withdrawn',
      cancelled: 'cancelled',
    },
    assignment: { proposed: 'proposed', accepted: 'accepted', declined: 'declined', lapsed: 'lapsed' },
    timeEntry: { submitted: 'awaiting approval', approved: 'approved', rejected: 'rejected' },
    extension: { requested: 'requested', granted: 'granted', refused: 'refused' },
    notification: {
      pending: 'waiting to be sent',
      sending: 'being sent',
      sent: 'sent',
      failed: 'failed',
      digest: 'waiting for digest',
      digested: 'in digest',
    },
  },
};

/**
 * A time entry's state as the ledger export (CSV, XLSX) writes it: a booking is `ingediend` until
 * decided, where the screens ask for the decision (`wacht op goedkeuring`).
 */
export const LEDGER_STATUS_LABELS_NL: Record<TimeEntryStatus, string> = { ...STATUS_LABELS.nl.timeEntry, submitted: 'ingediend' };
