import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from './demo-exposure.ts';

// Loopback is 127.0.0.0/8 and ::1 (RFC 1122 §3.2.1.3, RFC 4291 §2.5.3); wildcards reach every interface.
describe('a loopback HOST keeps the server on this machine (decision 045)', () => {
  it.each(['127.0.0.1', '127.42.0.7', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', 'localhost'])('%s is loopback', async (host) => {
    expect(await isLoopbackHost(host)).toBe(true);
  });
  it.each(['0.0.0.0', '::', '[::]', '192.168.1.10', '10.0.0.1', '128.0.0.1', 'fe80::1', '::ffff:10.0.0.1', 'no-such-host.invalid'])(
    '%s is not loopback',
    async (host) => {
      expect(await isLoopbackHost(host)).toBe(false);
    },
  );
});
