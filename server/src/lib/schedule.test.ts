import { describe, expect, it } from 'vitest';
import { every } from './schedule.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('every', () => {
  it('runs the job repeatedly, never two runs at once, and stop waits for the run in progress', async () => {
    let running = 0;
    let overlap = false;
    let runs = 0;
    let finished = 0;
    const job = async () => {
      running++;
      if (running > 1) overlap = true;
      runs++;
      await sleep(30);
      running--;
      finished++;
    };
    const scheduled = every('test', 5, job, { error() {} }, 0);
    await sleep(150);
    await scheduled.stop();
    expect(runs).toBeGreaterThan(1);
    expect(overlap).toBe(false);
    expect(finished).toBe(runs); // stop returned only after the last run ended
    await sleep(50);
    expect(runs).toBe(finished); // and nothing ran after stop
  });

  it('logs a failing run and keeps going', async () => {
    const errors: object[] = [];
    let runs = 0;
    const scheduled = every(
      'failing',
      5,
      async () => {
        runs++;
        throw new Error('boom');
      },
      { error: (obj) => errors.push(obj) },
      0,
    );
    await sleep(60);
    await scheduled.stop();
    expect(runs).toBeGreaterThan(1);
    expect(errors.length).toBe(runs);
    expect(errors[0]).toMatchObject({ job: 'failing' });
  });
});
