import { describe, expect, it } from 'vitest';
import { MUNICIPAL_REQUEST_TYPES, REQUEST_TYPE_RULES } from '../request-types.ts';
import { OFFER_TYPES } from './offers.ts';

describe('what the coordinator may offer (decision 130)', () => {
  it('is every request type without case content, the same list a municipality may ask for', () => {
    expect([...OFFER_TYPES].sort()).toEqual([...MUNICIPAL_REQUEST_TYPES].sort());
    for (const type of OFFER_TYPES) expect(REQUEST_TYPE_RULES[type].caseContent).toBe(false);
  });
});
