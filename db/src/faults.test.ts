// What each database error means for the caller (decision 060): the list in `databaseFault`'s
// docstring, case by case, through drizzle's wrapping.
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { databaseFault } from './faults.ts';

/** An error as a driver reports it: a message and a code (a string, as both drivers give it). */
const withCode = (code: string) => Object.assign(new Error(`failed: ${code}`), { code });
/** The same error as the app sees it: wrapped by drizzle. */
const wrapped = (cause: Error) => new DrizzleQueryError('select 1', [], cause);

describe('databaseFault', () => {
  const unavailable = [
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EPIPE',
    'ENOTFOUND',
    'EAI_AGAIN',
    'CONNECT_TIMEOUT',
    'CONNECTION_ENDED',
    'CONNECTION_CLOSED',
    'CONNECTION_DESTROYED',
    '08000',
    '08003',
    '08006',
    '08001',
    '08P01',
    '57P01',
    '57P02',
    '57P03',
    '57014',
    '53300',
    '53200',
  ];
  it.each(unavailable)('%s is unavailable, also wrapped by drizzle', (code) => {
    expect(databaseFault(withCode(code))).toBe('unavailable');
    expect(databaseFault(wrapped(withCode(code)))).toBe('unavailable');
  });

  it.each(['53100', 'ENOSPC'])('%s is disk-full', (code) => {
    expect(databaseFault(wrapped(withCode(code)))).toBe('disk-full');
  });

  it("the embedded database's file-system error 51 (ENOSPC) is disk-full", () => {
    const errno = Object.assign(new Error('FS error'), { name: 'ErrnoError', errno: 51 });
    expect(databaseFault(errno)).toBe('disk-full');
    expect(databaseFault(Object.assign(new Error('FS error'), { name: 'ErrnoError', errno: 44 }))).toBeNull();
  });

  it('an unreachable host reported as an AggregateError of socket errors is unavailable', () => {
    expect(databaseFault(wrapped(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')])))).toBe('unavailable');
  });

  it.each(['23505', '23503', '40001', '22P02', '42P01', undefined])('%s (a fault of the query or the data) is not about availability', (code) => {
    expect(databaseFault(wrapped(code ? withCode(code) : new Error('plain')))).toBeNull();
  });

  it('non-errors are not faults', () => {
    expect(databaseFault(undefined)).toBeNull();
    expect(databaseFault('ECONNREFUSED')).toBeNull();
    expect(databaseFault({ code: 42 })).toBeNull();
  });
});
