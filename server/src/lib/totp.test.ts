import { generate, generateSecret } from 'otplib';
import { describe, expect, it } from 'vitest';
import { verifyTotp } from './totp.ts';

describe('TOTP verification', () => {
  const secret = generateSecret();
  const now = 1_800_000_000;

  it('accepts the current code and answers its time step', async () => {
    const step = await verifyTotp(secret, await generate({ secret, epoch: now }), null, now);
    expect(step).toBe(Math.floor(now / 30));
  });
  it('allows one step of clock drift, not two', async () => {
    expect(await verifyTotp(secret, await generate({ secret, epoch: now - 30 }), null, now)).not.toBeNull();
    expect(await verifyTotp(secret, await generate({ secret, epoch: now - 90 }), null, now)).toBeNull();
  });
  it('refuses a code of a step that was already used (replay)', async () => {
    const code = await generate({ secret, epoch: now });
    const step = (await verifyTotp(secret, code, null, now)) as number;
    expect(await verifyTotp(secret, code, step, now)).toBeNull();
  });
  it('refuses malformed codes without throwing', async () => {
    for (const code of ['', '12345', 'abcdef', '1234567']) expect(await verifyTotp(secret, code, null, now)).toBeNull();
  });
});
