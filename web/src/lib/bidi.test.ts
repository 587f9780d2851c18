import { describe, expect, it } from 'vitest';
import { isolate } from './bidi.ts';

describe('isolate', () => {
  it('wraps user text in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, the plain-text <bdi>', () => {
    expect(isolate('وليد الحسن')).toBe('\u2068وليد الحسن\u2069');
    expect(`Ingelogd als ${isolate('Jan')}, 3 open`).toBe('Ingelogd als \u2068Jan\u2069, 3 open');
  });
  it('gives nothing for nothing', () => {
    expect(isolate(null)).toBe('');
    expect(isolate('')).toBe('');
  });
});
