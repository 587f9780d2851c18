import { z } from 'zod';
import type { RequestStatus } from './lifecycle.ts';

/**
 * The kinds of work a request asks of the pool (docs/design.md §4, decision 095). `case-interpretation`
 * is the request about a case at a casustafel; the others are the expertise centre's work beyond single
 * cases and carry no case content about persons.
 */
export const REQUEST_TYPES = ['case-interpretation', 'consultation', 'training', 'information-session', 'local-activity-support', 'analysis'] as const;
export const RequestTypeSchema = z.enum(REQUEST_TYPES);
export type RequestType = z.infer<typeof RequestTypeSchema>;

/** The type of every request made before types existed, and the default when a body names none. */
export const DEFAULT_REQUEST_TYPE: RequestType = 'case-interpretation';

/** Everything the pool may be asked to deliver, over all types; `REQUEST_TYPE_RULES` says which fits which type. */
export const DELIVERABLES = [
  'case-table-attendance',
  'written-advice',
  'professional-consultation',
  'coaching',
  'advice-conversation',
  'training-delivery',
  'session-delivery',
  'activity-guidance',
  'analysis-report',
] as const;
export const DeliverableSchema = z.enum(DELIVERABLES);
export type Deliverable = z.infer<typeof DeliverableSchema>;

/** Fields of a request's body beyond the requesting organisation (`caseTableId`/`municipalityId`). */
export const REQUEST_TYPE_FIELDS = [
  'caseReference',
  'question',
  'context',
  'expertiseAreaCodes',
  'urgency',
  'deliverable',
  'meetingDate',
  'languages',
  'audiences',
  'expectedParticipants',
  'place',
] as const;
export type RequestTypeField = (typeof REQUEST_TYPE_FIELDS)[number];

/** Expected participants of a training or information session: 1 to 2,000 people. */
export const EXPECTED_PARTICIPANTS = { min: 1, max: 2000 } as const;

/**
 * The audience categories in which the specialist records who took part in a training or
 * information session (docs/design.md §12, reach). The first four are professionals: their
 * participants in a training count as professionals trained.
 */
export const REACH_CATEGORIES = ['education', 'youth-work', 'police', 'welfare', 'self-organisations', 'key-figures', 'other'] as const;
export const ReachCategorySchema = z.enum(REACH_CATEGORIES);
export type ReachCategory = z.infer<typeof ReachCategorySchema>;
/** The reach categories that are professionals (counted as trained after a training). */
export const PROFESSIONAL_REACH_CATEGORIES: readonly ReachCategory[] = ['education', 'youth-work', 'police', 'welfare'];
/** Request statuses in which the specialist records a session's participants: the work is under way or delivered. */
export const REACH_REQUEST_STATUSES: readonly RequestStatus[] = ['in-progress', 'advice-delivered'];

/** Most participants recorded in one category of one session. */
export const MAX_PARTICIPANTS_PER_CATEGORY = 2000;

/** What one request type allows and needs (docs/design.md §4, decision 095). */
export interface RequestTypeRule {
  /** The body fields this type takes; any other field answers 400 naming it. */
  fields: readonly RequestTypeField[];
  /** The fields that must be filled in before the request can be submitted (besides the organisation). */
  required: readonly RequestTypeField[];
  /** The deliverables a request of this type may ask for. */
  deliverables: readonly Deliverable[];
  /** The activity codes hours on this type's assignments may be logged under. */
  activities: readonly string[];
  /** True for the one type about a case discussed at a casustafel: only a casustafel asks for it. */
  caseContent: boolean;
  /** True when the specialist records the participants afterwards (reach). */
  reach: boolean;
}

const COMMON: readonly RequestTypeField[] = ['question', 'context', 'expertiseAreaCodes', 'urgency', 'deliverable', 'languages'];
const COMMON_REQUIRED: readonly RequestTypeField[] = ['question', 'expertiseAreaCodes', 'urgency', 'deliverable'];
const SESSION_FIELDS: readonly RequestTypeField[] = [...COMMON, 'meetingDate', 'audiences', 'expectedParticipants', 'place'];
const SESSION_REQUIRED: readonly RequestTypeField[] = [...COMMON_REQUIRED, 'meetingDate', 'audiences', 'expectedParticipants', 'place'];

/**
 * The one table of request types: fields, required fields, deliverables and activity codes per type.
 * The server refuses what the table does not allow (400 naming the field), the form shows exactly
 * a type's fields, and the time-entry form offers only its activities.
 */
export const REQUEST_TYPE_RULES: Record<RequestType, RequestTypeRule> = {
  'case-interpretation': {
    fields: ['caseReference', ...COMMON, 'meetingDate'],
    required: ['caseReference', ...COMMON_REQUIRED],
    deliverables: ['case-table-attendance', 'written-advice', 'professional-consultation', 'coaching'],
    activities: ['case-file-study', 'case-table-meeting', 'interpretation-interview', 'written-advice', 'professional-consultation', 'travel'],
    caseContent: true,
    reach: false,
  },
  consultation: {
    fields: [...COMMON, 'meetingDate'],
    required: COMMON_REQUIRED,
    deliverables: ['advice-conversation', 'written-advice'],
    activities: ['consultation', 'preparation', 'written-advice', 'travel'],
    caseContent: false,
    reach: false,
  },
  training: {
    fields: SESSION_FIELDS,
    required: SESSION_REQUIRED,
    deliverables: ['training-delivery'],
    activities: ['preparation', 'training-delivery', 'travel'],
    caseContent: false,
    reach: true,
  },
  'information-session': {
    fields: SESSION_FIELDS,
    required: SESSION_REQUIRED,
    deliverables: ['session-delivery'],
    activities: ['preparation', 'session-delivery', 'travel'],
    caseContent: false,
    reach: true,
  },
  'local-activity-support': {
    fields: [...COMMON, 'meetingDate'],
    required: COMMON_REQUIRED,
    deliverables: ['activity-guidance', 'written-advice'],
    activities: ['activity-support', 'preparation', 'written-advice', 'travel'],
    caseContent: false,
    reach: false,
  },
  analysis: {
    fields: [...COMMON, 'meetingDate'],
    required: COMMON_REQUIRED,
    deliverables: ['analysis-report'],
    activities: ['research', 'written-advice', 'travel'],
    caseContent: false,
    reach: false,
  },
};

/** The request types a member of a municipality (not of a casustafel) may ask for: all but case interpretation. */
export const MUNICIPAL_REQUEST_TYPES: readonly RequestType[] = REQUEST_TYPES.filter((t) => !REQUEST_TYPE_RULES[t].caseContent);

/** A field problem of a request body: the field's path and the (Dutch) message, as zod's issues. */
export interface RequestFieldIssue {
  path: string[];
  message: string;
  code?: string;
}

/**
 * The fields of `body` that request type `type` does not take, and a deliverable that does not fit
 * it (docs/design.md §4): a consultation with `caseReference`, a training asking for written advice.
 * A field counts as given when it is present, also when empty. Pure; the server answers each issue
 * as 400 on its pointer.
 */
export function typeFieldIssues(type: RequestType, body: Readonly<Record<string, unknown>>): RequestFieldIssue[] {
  const rule = REQUEST_TYPE_RULES[type];
  const issues: RequestFieldIssue[] = [];
  for (const field of REQUEST_TYPE_FIELDS) {
    if (body[field] !== undefined && !rule.fields.includes(field))
      issues.push({ path: [field], message: 'hoort niet bij dit soort verzoek', code: 'not-for-type' });
  }
  const deliverable = body.deliverable;
  if (typeof deliverable === 'string' && rule.fields.includes('deliverable') && !(rule.deliverables as readonly string[]).includes(deliverable))
    issues.push({ path: ['deliverable'], message: 'past niet bij dit soort verzoek', code: 'not-for-type' });
  return issues;
}

/**
 * The required fields of type `type` that `body` lacks (empty text, an empty list or absent), for
 * submission (docs/design.md §4, “Drafts”).
 */
export function missingTypeFields(type: RequestType, body: Readonly<Record<string, unknown>>): RequestFieldIssue[] {
  return REQUEST_TYPE_RULES[type].required
    .filter((field) => {
      const v = body[field];
      return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
    })
    .map((field) => ({ path: [field], message: 'is verplicht', code: 'required' }));
}

/**
 * People reached by one session's recorded participants: every participant; professionals trained:
 * the participants in the professional categories, and only after a training (docs/design.md §12).
 */
export function reachTotals(type: RequestType, participants: Partial<Record<ReachCategory, number>>): { peopleReached: number; professionalsTrained: number } {
  let peopleReached = 0;
  let professionalsTrained = 0;
  for (const category of REACH_CATEGORIES) {
    const n = participants[category] ?? 0;
    peopleReached += n;
    if (type === 'training' && PROFESSIONAL_REACH_CATEGORIES.includes(category)) professionalsTrained += n;
  }
  return { peopleReached, professionalsTrained };
}
