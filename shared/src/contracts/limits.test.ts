// The forms take their limits from the contracts (maxLengthOf, rangeOf), so what they read must be
// the limit the contract enforces: the longest text it accepts, the bounds of a number.
import { describe, expect, it } from 'vitest';
import {
  AnswerAssignmentBodySchema,
  CreateBudgetBodySchema,
  CreateCorrectionBodySchema,
  CreateExtensionBodySchema,
  CreateInterpretationRequestBodySchema,
  DecideExtensionBodySchema,
  DeliverAdviceBodySchema,
  EndAssignmentBodySchema,
  LogTimeBodySchema,
  maxLengthOf,
  PatchBudgetBodySchema,
  PatchInterpretationRequestBodySchema,
  PatchPeriodBodySchema,
  ReviewTimeEntryBodySchema,
  rangeOf,
} from '../index.ts';

const TEXT_FIELDS = {
  'request caseReference': CreateInterpretationRequestBodySchema.shape.caseReference,
  'request question': CreateInterpretationRequestBodySchema.shape.question,
  'request context': CreateInterpretationRequestBodySchema.shape.context,
  'request reason': PatchInterpretationRequestBodySchema.shape.reason,
  'assignment reason': AnswerAssignmentBodySchema.shape.reason,
  'end reason': EndAssignmentBodySchema.shape.reason,
  'review reason': ReviewTimeEntryBodySchema.shape.reason,
  'correction reason': CreateCorrectionBodySchema.shape.reason,
  'extension reason': CreateExtensionBodySchema.shape.reason,
  'decision reason': DecideExtensionBodySchema.shape.reason,
  'advice summary': DeliverAdviceBodySchema.shape.summary,
  'advice body': DeliverAdviceBodySchema.shape.body,
  'budget funding source': CreateBudgetBodySchema.shape.fundingSource,
  'budget note': CreateBudgetBodySchema.shape.note,
  'budget change note': PatchBudgetBodySchema.shape.note,
  'period reason': PatchPeriodBodySchema.shape.reason,
};

describe('maxLengthOf', () => {
  it.each(Object.entries(TEXT_FIELDS))('%s: the longest text the contract accepts', (_, field) => {
    const max = maxLengthOf(field);
    expect(field.safeParse('a'.repeat(max)).success).toBe(true);
    expect(field.safeParse('a'.repeat(max + 1)).success).toBe(false);
  });

  it('refuses a field that is not text with a maximum', () => {
    expect(() => maxLengthOf(LogTimeBodySchema.shape.minutes)).toThrow();
  });
});

describe('rangeOf', () => {
  it.each([
    ['minutes of a time entry', LogTimeBodySchema.shape.minutes],
    ['year of a budget', CreateBudgetBodySchema.shape.year],
  ])('%s: the bounds the contract accepts', (_, field) => {
    const { min, max } = rangeOf(field);
    for (const ok of [min, max]) expect(field.safeParse(ok).success).toBe(true);
    for (const bad of [min - 1, max + 1]) expect(field.safeParse(bad).success).toBe(false);
  });

  it('refuses a field that is not a bounded number', () => {
    expect(() => rangeOf(CreateInterpretationRequestBodySchema.shape.question)).toThrow();
  });
});
