import { schema } from '@duidingspool/db';
import { type SQL, sql } from 'drizzle-orm';

/**
 * The SQL condition "specialist `specialistId` declared a conflict of interest that concerns this
 * party" (docs/design.md §2, decision 100): a conflict with the casustafel `caseTableId`, with the
 * municipality `municipalityId`, or with the casustafel's Zorg- en Veiligheidshuis. The same rule as
 * `conflictsWith` in shared, for queries that must not open a request to such a specialist (a
 * standing specialist's view of new requests, decision 103). Either argument may be a column or a
 * value; a null casustafel matches no casustafel or house conflict.
 */
export function hasConflictConcerning(specialistId: string | SQL, party: { caseTableId: SQL | PartyColumn; municipalityId: SQL | PartyColumn }): SQL {
  const c = schema.specialistConflicts;
  const house = sql`(select ct.safety_house_id from ${schema.caseTables} ct where ct.id = ${party.caseTableId})`;
  return sql`exists (select 1 from ${c} where ${c.specialistId} = ${specialistId} and (${c.caseTableId} = ${party.caseTableId} or ${c.municipalityId} = ${party.municipalityId} or ${c.safetyHouseId} = ${house}))`;
}

/** A column naming a casustafel or municipality (e.g. a request's). */
type PartyColumn = typeof schema.interpretationRequests.caseTableId | typeof schema.interpretationRequests.municipalityId;
