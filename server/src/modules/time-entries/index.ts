/** The public face of the time-entries module: other modules and the app import only what is listed here (decision 050). */

export { undecidedEntriesOf, undecidedEntriesPerMonth } from './time-entries.repository.ts';
export { listAssignmentEntries, logTime, reviewTimeEntries } from './time-entries.service.ts';
