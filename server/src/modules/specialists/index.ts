/** The public face of the specialists module: other modules and the app import only what is listed here (decision 050). */

export { hasConflictConcerning } from './conflict-condition.ts';
export { conflictTargetsOf, namedConflictsOf, recordConflictFromDecline } from './conflicts.service.ts';
export { profileListColumns } from './profile.read-model.ts';
export {
  editableProfileFields,
  ensureSpecialistProfile,
  NOT_ASSIGNABLE_DETAIL,
  notAssignableOn,
} from './profile.service.ts';
export {
  activityRetired,
  activityRetiredOrUnknown,
  addCodedName,
  type CodedName,
  codedNameTaken,
  findCodedName,
  listActivities,
  listCodedNames,
  listExpertiseAreas,
  renameCodedName,
  retireCodedName,
  retiredExpertiseAreas,
  type SpecialistReferenceKind,
  unknownExpertiseAreas,
  upsertReferenceData,
} from './reference-data.ts';
export { runScreeningReminders, type ScreeningReminderContext } from './screening-reminders.ts';
export { activeInPool, activeSpecialistIdOf, findSpecialist, findSpecialistOfUser, specialistActions } from './specialists.repository.ts';
