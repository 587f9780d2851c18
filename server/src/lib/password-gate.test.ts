import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { ConcurrencyGate } from './password-gate.ts';

/** A task that runs until `release` is called. */
function blocker() {
  let release = () => {};
  const done = new Promise<void>((r) => {
    release = r;
  });
  return { task: () => done, release };
}

describe('the password gate', () => {
  it('runs at most maxActive tasks, queues at most maxWaiting, and refuses the rest at once with 503 and Retry-After', async () => {
    const gate = new ConcurrencyGate(2, 1, 10_000, 3);
    const [a, b, c, d] = [blocker(), blocker(), blocker(), blocker()];
    const runA = gate.run(a.task);
    const runB = gate.run(b.task);
    const runC = gate.run(c.task);
    expect(gate.stats()).toMatchObject({ active: 2, waiting: 1, started: 2 });
    const started = Date.now();
    const refused = await gate.run(d.task).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(50);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ type: 'service-unavailable', status: 503, retryAfterSeconds: 3 });
    a.release();
    await runA;
    // The waiting task took the freed place: still two at once, never three.
    expect(gate.stats()).toMatchObject({ active: 2, waiting: 0, started: 3, peak: 2, refused: 1 });
    b.release();
    c.release();
    await Promise.all([runB, runC]);
    expect(gate.stats()).toMatchObject({ active: 0, waiting: 0, started: 3, peak: 2 });
  });

  it('refuses a task that waited longer than maxWaitMs', async () => {
    const gate = new ConcurrencyGate(1, 5, 30);
    const a = blocker();
    const runA = gate.run(a.task);
    await expect(gate.run(async () => 'late')).rejects.toMatchObject({ type: 'service-unavailable' });
    expect(gate.stats()).toMatchObject({ waiting: 0, refused: 1 });
    a.release();
    await runA;
    expect(await gate.run(async () => 'now')).toBe('now');
  });

  it('frees its place when a task throws', async () => {
    const gate = new ConcurrencyGate(1, 0, 10);
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(async () => 42)).toBe(42);
    expect(gate.stats().active).toBe(0);
  });
});
