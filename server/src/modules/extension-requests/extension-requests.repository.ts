import { type Executor, schema } from '@duidingspool/db';
import type { AssignmentCloseCause } from '@duidingspool/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';

const x = schema.extensionRequests;

/**
 * Refuses every open extension request of assignment `assignmentId` because the assignment closed
 * (docs/design.md §4): status `refused`, the close cause as the fixed decision reason
 * (`decisionReasonCode`, no free text), decided by `deciderId` at `at`. Called inside the
 * transaction that closes the assignment (`closeAssignment`), so no open request outlives it.
 *
 * @returns the number of extension requests refused
 */
export async function refuseOpenExtensionsOnClose(
  db: Executor,
  input: { assignmentId: string; cause: AssignmentCloseCause; deciderId: string; at: Date },
): Promise<number> {
  const rows = await db
    .update(x)
    .set({ status: 'refused', decisionReason: null, decisionReasonCode: input.cause, decidedBy: input.deciderId, decidedAt: input.at })
    .where(and(eq(x.assignmentId, input.assignmentId), eq(x.status, 'requested')))
    .returning({ id: x.id });
  return rows.length;
}

/** The number of open (`requested`) extension requests on the assignments `assignmentIds`. */
export async function openExtensionsOf(db: Executor, assignmentIds: readonly string[]): Promise<number> {
  if (assignmentIds.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(x)
    .where(and(eq(x.status, 'requested'), inArray(x.assignmentId, [...assignmentIds])));
  return row?.n ?? 0;
}
