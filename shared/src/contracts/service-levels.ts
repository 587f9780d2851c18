import { z } from 'zod';
import { CLOCK_KINDS, CLOCK_STATES, SERVICE_LEVEL_BOUNDS } from '../service-levels.ts';
import { IdSchema, InstantSchema } from './common.ts';

const days = z
  .number()
  .int('hele werkdagen')
  .min(SERVICE_LEVEL_BOUNDS.workingDays.min, `minstens ${SERVICE_LEVEL_BOUNDS.workingDays.min} werkdag`)
  .max(SERVICE_LEVEL_BOUNDS.workingDays.max, `hoogstens ${SERVICE_LEVEL_BOUNDS.workingDays.max} werkdagen`);
const hours = z
  .number()
  .int('hele werkuren')
  .min(SERVICE_LEVEL_BOUNDS.workingHours.min, `minstens ${SERVICE_LEVEL_BOUNDS.workingHours.min} werkuur`)
  .max(SERVICE_LEVEL_BOUNDS.workingHours.max, `hoogstens ${SERVICE_LEVEL_BOUNDS.workingHours.max} werkuren`);

/** The service-level targets (decision 102); `PUT /service-levels` takes all four. */
export const ServiceLevelTargetsSchema = z
  .strictObject({ triageWorkingDays: days, triageUrgentWorkingHours: hours, proposalAnswerWorkingDays: days, adviceWorkingDays: days })
  .meta({ id: 'ServiceLevelTargets' });

/** One running clock of a request: when it started, its deadline, how it stands and the milliseconds left (negative: overdue). */
export const ServiceClockSchema = z
  .object({
    kind: z.enum(CLOCK_KINDS),
    startedAt: InstantSchema,
    dueAt: InstantSchema,
    state: z.enum(CLOCK_STATES),
    msLeft: z.number().int(),
  })
  .meta({ id: 'ServiceClock' });
export type ServiceClock = z.infer<typeof ServiceClockSchema>;

/** `GET /interpretation-requests/{id}/clocks`: the request's running clocks (none when nothing waits). */
export const ServiceClockListSchema = z.object({ requestId: IdSchema, items: z.array(ServiceClockSchema) }).meta({ id: 'ServiceClockList' });
export type ServiceClockList = z.infer<typeof ServiceClockListSchema>;
