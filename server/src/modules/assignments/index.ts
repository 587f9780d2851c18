/** The public face of the assignments module: other modules and the app import only what is listed here (decision 050). */

export type { AssignmentRecord } from './assignments.repository.ts';
export {
  assignmentsVisibleTo,
  findAssignment,
  holdsRequest,
  isLive,
  listForRequest,
  lockLiveForRequest,
  opensContent,
  rateOnSql,
  takesHours,
  toAssignment,
} from './assignments.repository.ts';
export {
  applyAssignmentUpdate,
  assignSpecialist,
  changeEstimate,
  confirmNoConflict,
  proposeSpecialist,
  updateAssignment,
  withdrawSpecialistWork,
} from './assignments.service.ts';
export { closeAssignment } from './close-assignment.ts';
export {
  assertConsumed,
  consumedMoved,
  consumeReservation,
  consumeReservationParts,
  giveBackToReservation,
  releaseReservation,
} from './reservation.ts';
