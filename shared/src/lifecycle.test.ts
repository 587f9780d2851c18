import { describe, expect, it } from 'vitest';
import { findTransition, patchTargets, REQUEST_STATUSES, TERMINAL_STATUSES, TRANSITIONS } from './lifecycle.ts';

describe('the request lifecycle (docs/design.md §4)', () => {
  it('lets a requester submit a draft and answer a question', () => {
    expect(findTransition('draft', 'submitted', ['requester'])).toBeDefined();
    expect(findTransition('needs-information', 'submitted', ['requester'])).toBeDefined();
  });
  it('lets only the coordinator ask for information, decline and cancel', () => {
    expect(findTransition('submitted', 'needs-information', ['coordinator'])).toBeDefined();
    expect(findTransition('submitted', 'needs-information', ['requester'])).toBeUndefined();
    expect(findTransition('submitted', 'declined', ['requester', 'specialist'])).toBeUndefined();
    expect(findTransition('in-progress', 'cancelled', ['coordinator'])).toBeDefined();
    expect(findTransition('in-progress', 'cancelled', ['requester'])).toBeUndefined();
  });
  it('moves through assignment only by the assignment actions, not by PATCH', () => {
    expect(findTransition('submitted', 'assigned', ['coordinator'])).toBeUndefined();
    expect(findTransition('submitted', 'assigned', ['coordinator'], 'assign')).toBeDefined();
    expect(findTransition('assigned', 'in-progress', ['specialist'], 'assignment-accepted')).toBeDefined();
    expect(findTransition('assigned', 'submitted', ['specialist'], 'assignment-declined')).toBeDefined();
    expect(findTransition('in-progress', 'advice-delivered', ['specialist'], 'advice-delivered')).toBeDefined();
    expect(findTransition('in-progress', 'advice-delivered', ['coordinator'], 'advice-delivered')).toBeUndefined();
  });
  it('closes only after advice was delivered', () => {
    expect(findTransition('advice-delivered', 'closed', ['requester'])).toBeDefined();
    expect(findTransition('in-progress', 'closed', ['requester', 'coordinator'])).toBeUndefined();
    expect(findTransition('submitted', 'closed', ['coordinator'])).toBeUndefined();
  });
  it('lets only the casustafel reopen after the advice, by its own trigger, never a closed request (decision 113)', () => {
    expect(findTransition('advice-delivered', 'in-progress', ['requester'], 'reopened')).toBeDefined();
    expect(findTransition('advice-delivered', 'in-progress', ['coordinator', 'specialist', 'admin', 'finance'], 'reopened')).toBeUndefined();
    expect(findTransition('advice-delivered', 'in-progress', ['requester'])).toBeUndefined();
    for (const from of REQUEST_STATUSES.filter((s) => s !== 'advice-delivered')) {
      expect(findTransition(from, 'in-progress', ['requester'], 'reopened'), `reopen from ${from}`).toBeUndefined();
    }
    expect(patchTargets('advice-delivered', ['requester'])).not.toContain('in-progress');
  });
  it('allows withdrawing and cancelling from every open state, never from an ended one', () => {
    for (const status of REQUEST_STATUSES) {
      const ended = TERMINAL_STATUSES.includes(status);
      expect(findTransition(status, 'withdrawn', ['requester']) !== undefined, `withdraw from ${status}`).toBe(!ended);
      if (status !== 'draft') expect(findTransition(status, 'cancelled', ['coordinator']) !== undefined, `cancel from ${status}`).toBe(!ended);
    }
  });
  it('has no edge out of an ended state', () => {
    expect(TRANSITIONS.filter((t) => TERMINAL_STATUSES.includes(t.from))).toEqual([]);
  });
  it('offers each role only its own PATCH targets', () => {
    expect(patchTargets('submitted', ['coordinator']).sort()).toEqual(['cancelled', 'declined', 'needs-information']);
    expect(patchTargets('submitted', ['requester'])).toEqual(['withdrawn']);
    expect(patchTargets('advice-delivered', ['requester']).sort()).toEqual(['closed', 'withdrawn']);
    expect(patchTargets('in-progress', ['specialist'])).toEqual([]);
    expect(patchTargets('closed', ['requester', 'coordinator'])).toEqual([]);
  });
});
