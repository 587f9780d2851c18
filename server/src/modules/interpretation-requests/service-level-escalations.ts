import { type Executor, schema } from '@duidingspool/db';
import { sql } from 'drizzle-orm';
import { latestDueInstant, latestMeetingDateDue, type WorkingHours } from '../../lib/working-time.ts';
import { enqueueForEach } from '../notifications/index.ts';
import { currentServiceLevelTargets } from './service-levels.ts';

/** An advisory-lock key of the escalation job, so two instances do not run the same statement at once. */
const ESCALATION_LOCK_KEY = 0x736c_6173; // 'slas'

/** What the escalation job needs: the public URL (Message-ID host), the clock and the working day. */
export interface EscalationContext {
  publicUrl: string;
  now: () => Date;
  workingHours: WorkingHours;
}

/**
 * One content-free mail to the coordinators per service-level clock that ran out (decision 102):
 * triage past the deadline stored at submission, a proposal unanswered past `proposalAnswerWorkingDays`,
 * advice past the working day before the meeting date (or `adviceWorkingDays` after acceptance;
 * after a reopening `adviceWorkingDays` after it, escalated once more per reopening, decision 113).
 * Set-based (decision 064): the working-day deadlines become cut-offs computed once per run
 * (`latestDueInstant`, `latestMeetingDateDue`), and one statement writes every escalation through
 * `enqueueForEach`, deduplicated per clock and start, however many instances run it and however often.
 * Requests submitted before deadlines were stored (no `triage_due_at`) are not escalated for triage.
 * @returns outbox rows written
 */
export async function runServiceLevelEscalations(db: Executor, ctx: EscalationContext): Promise<number> {
  const now = ctx.now();
  const targets = await currentServiceLevelTargets(db);
  const answerCut = latestDueInstant(now, targets.proposalAnswerWorkingDays, ctx.workingHours).toISOString();
  const adviceCut = latestDueInstant(now, targets.adviceWorkingDays, ctx.workingHours).toISOString();
  const meetingCut = latestMeetingDateDue(now, ctx.workingHours);
  const r = schema.interpretationRequests;
  const a = schema.assignments;
  const e = schema.requestStatusEvents;
  const ms = (column: unknown) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const items = sql`
    select ${r.reference} as reference, '/requests/' || ${r.id} as link_path, jsonb_build_object('clock', 'triage') as params,
      'sla:triage:' || ${r.id} || ':' || ${ms(r.triageDueAt)} as dedupe_key
    from ${r}
    where ${r.status} = 'submitted' and ${r.triageDueAt} <= ${now.toISOString()}::timestamptz
    union all
    select ${r.reference}, '/requests/' || ${r.id}, jsonb_build_object('clock', 'proposal-answer'), 'sla:proposal-answer:' || ${a.id}
    from ${a} join ${r} on ${r.id} = ${a.requestId}
    where ${r.status} = 'assigned' and ${a.status} = 'proposed' and ${a.closedAt} is null and ${a.proposedAt} <= ${answerCut}::timestamptz
    union all
    select ${r.reference}, '/requests/' || ${r.id}, jsonb_build_object('clock', 'advice'),
      'sla:advice:' || ${a.id} || case when reopening.from_status = 'advice-delivered' then ':' || ${ms(sql`reopening.occurred_at`)} else '' end
    from ${a} join ${r} on ${r.id} = ${a.requestId}
    left join lateral (
      select ${e.fromStatus} as from_status, ${e.occurredAt} as occurred_at from ${e}
      where ${e.requestId} = ${r.id} and ${e.toStatus} = 'in-progress' order by ${e.occurredAt} desc limit 1
    ) reopening on true
    where ${r.status} = 'in-progress' and ${a.status} = 'accepted' and ${a.closedAt} is null
      and case
        when reopening.from_status = 'advice-delivered' then reopening.occurred_at <= ${adviceCut}::timestamptz
        when ${r.meetingDate} is not null then ${r.meetingDate} <= ${meetingCut}::date
        else ${a.respondedAt} <= ${adviceCut}::timestamptz end`;
  return enqueueForEach(db, ctx, { event: 'service-level-overdue', roles: ['coordinator'], items, lockKey: ESCALATION_LOCK_KEY });
}
