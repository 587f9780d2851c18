import type { AssignmentStatus, RequestStatus, TimeEntryStatus } from '@duidingspool/shared';
import { StatusBadge as UtrechtStatusBadge } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

const REQUEST_TONES: Record<RequestStatus, string> = {
  draft: 'neutral',
  submitted: 'active',
  'needs-information': 'warning',
  declined: 'inactive',
  assigned: 'active',
  'in-progress': 'active',
  'advice-delivered': 'success',
  closed: 'inactive',
  withdrawn: 'inactive',
  cancelled: 'inactive',
};

/** A request's status as a Dutch badge (e.g. “ingediend”). */
export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return <UtrechtStatusBadge status={REQUEST_TONES[status]}>{t(`status.request.${status}`)}</UtrechtStatusBadge>;
}

const ASSIGNMENT_TONES: Record<AssignmentStatus, string> = { proposed: 'warning', accepted: 'success', declined: 'inactive' };

/**
 * An assignment's status as a badge (voorgesteld, geaccepteerd, geweigerd); a proposal that ended
 * with its request before an answer (`closedAt` set) shows as vervallen.
 */
export function AssignmentStatusBadge({ status, closedAt = null }: { status: AssignmentStatus; closedAt?: string | null }) {
  const { t } = useTranslation();
  if (status === 'proposed' && closedAt) return <UtrechtStatusBadge status="inactive">{t('status.assignment.lapsed')}</UtrechtStatusBadge>;
  return <UtrechtStatusBadge status={ASSIGNMENT_TONES[status]}>{t(`status.assignment.${status}`)}</UtrechtStatusBadge>;
}

const ENTRY_TONES: Record<TimeEntryStatus, string> = { submitted: 'warning', approved: 'success', rejected: 'danger' };

/** A time entry's status as a badge (wacht op goedkeuring, goedgekeurd, afgekeurd). */
export function TimeEntryStatusBadge({ status }: { status: TimeEntryStatus }) {
  const { t } = useTranslation();
  return <UtrechtStatusBadge status={ENTRY_TONES[status]}>{t(`status.timeEntry.${status}`)}</UtrechtStatusBadge>;
}
