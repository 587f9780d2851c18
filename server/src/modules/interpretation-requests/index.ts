/** The public face of the interpretation-requests module: other modules and the app import only what is listed here (decision 050). */

export { type FeedbackReminderContext, giveFeedback, runFeedbackReminders } from './feedback.service.ts';
export { findVisibleRequest, noteRetentionFailure, recordTransition } from './interpretation-requests.repository.ts';
export {
  applyRequestTransition,
  createInterpretationRequest,
  deliverAdvice,
  insertInterpretationRequest,
  transitionInterpretationRequest,
} from './interpretation-requests.service.ts';
export { type EscalationContext, runServiceLevelEscalations } from './service-level-escalations.ts';
export { runTriageReminders, TRIAGE_REMINDER_DAYS, type TriageReminderContext } from './triage-reminders.ts';
