import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client.ts';
import { serverFieldErrors, summaryOf } from './form-errors.ts';

const ids = { minutes: 'f-minutes', reason: 'f-reason' };
const labels = { minutes: 'Duur', reason: 'Reden' };

describe('serverFieldErrors', () => {
  it('keeps the problem pointers this form has, and only those', () => {
    const error = new ApiError({
      type: 'validation-failed',
      title: 'Ongeldige invoer',
      status: 400,
      detail: 'Ongeldige invoer',
      errors: [
        { in: 'body', pointer: '/reason', message: 'is verplicht' },
        { in: 'body', pointer: '/other', message: 'onbekend' },
      ],
    });
    expect(serverFieldErrors(error, ids)).toEqual({ reason: 'is verplicht' });
  });
  it('has no field errors for anything but a problem', () => {
    expect(serverFieldErrors(new Error('netwerk'), ids)).toEqual({});
  });
});

describe('summaryOf', () => {
  it('lists the fields with an error in form order', () => {
    expect(summaryOf(ids, labels, { reason: 'is verplicht', minutes: 'te lang' })).toEqual([
      { fieldId: 'f-minutes', label: 'Duur', message: 'te lang' },
      { fieldId: 'f-reason', label: 'Reden', message: 'is verplicht' },
    ]);
  });
});
