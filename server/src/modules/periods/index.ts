/** The public face of the periods module: other modules and the app import only what is listed here (decision 050). */
export {
  addDayMinutes,
  addDayMinutesPart,
  assertPeriodOpen,
  dayLimitExceeded,
  lockPeriodShared,
  monthClosed,
  throwIfClosed,
} from './periods.repository.ts';
export { setPeriodStatus } from './periods.service.ts';
