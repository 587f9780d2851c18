import { schema } from '@duidingspool/db';
import { type SQL, sql } from 'drizzle-orm';

/**
 * The SQL condition "specialist `specialistId` is a standing specialist of the casustafel in
 * `caseTableId`" (decision 101) over this module's table `case_table_standing_specialists`. The
 * request's need-to-know uses it to show a standing specialist the new requests of their
 * casustafel as a summary only (decision 103).
 */
export function isStandingSpecialistOf(specialistId: string | SQL, caseTableId: SQL | typeof schema.interpretationRequests.caseTableId): SQL {
  const st = schema.caseTableStandingSpecialists;
  return sql`exists (select 1 from ${st} where ${st.specialistId} = ${specialistId} and ${st.caseTableId} = ${caseTableId})`;
}
