import { AppError } from '../errors.ts';

/** What a `ConcurrencyGate` has done since it was made (for tests and monitoring). */
export interface GateStats {
  /** Tasks that started running. */
  started: number;
  /** Tasks refused because the gate and its queue were full or the wait ran out. */
  refused: number;
  /** The most tasks that ran at the same time. */
  peak: number;
  /** Tasks running now. */
  active: number;
  /** Tasks waiting now. */
  waiting: number;
}

/**
 * A small semaphore with a bounded queue: at most `maxActive` tasks run at once, at most
 * `maxWaiting` wait, and none waits longer than `maxWaitMs`. A task over those bounds is refused at
 * once with 503 `service-unavailable` and `Retry-After: retryAfterSeconds` instead of queueing
 * without end (decision 042).
 */
export class ConcurrencyGate {
  private active = 0;
  private readonly queue: { start: () => void; timer: NodeJS.Timeout }[] = [];
  private readonly counts = { started: 0, refused: 0, peak: 0 };

  constructor(
    readonly maxActive: number,
    readonly maxWaiting: number,
    readonly maxWaitMs: number,
    readonly retryAfterSeconds = 1,
  ) {}

  /** Counters since the gate was made. */
  stats(): GateStats {
    return { ...this.counts, active: this.active, waiting: this.queue.length };
  }

  private busy(): AppError {
    this.counts.refused++;
    return new AppError(
      'service-unavailable',
      'Het is op dit moment te druk om in te loggen. Probeer het over een paar seconden opnieuw.',
      {},
      { retryAfterSeconds: this.retryAfterSeconds, log: 'password gate full: every slot and the queue taken, or the wait too long' },
    );
  }

  /**
   * Runs `task` when a place is free. @throws AppError 503 `service-unavailable` (with
   * `retryAfterSeconds`) when the gate and its queue are full or the wait exceeds `maxWaitMs`
   */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.maxActive) {
      if (this.queue.length >= this.maxWaiting) throw this.busy();
      await new Promise<void>((resolve, reject) => {
        const entry = {
          start: () => {
            clearTimeout(entry.timer);
            resolve();
          },
          timer: setTimeout(() => {
            const i = this.queue.indexOf(entry);
            if (i >= 0) this.queue.splice(i, 1);
            reject(this.busy());
          }, this.maxWaitMs),
        };
        this.queue.push(entry);
      });
    } else {
      this.active++;
    }
    // Here this task holds a place: taken above, or handed over by the task that finished.
    this.counts.started++;
    this.counts.peak = Math.max(this.counts.peak, this.active);
    try {
      return await task();
    } finally {
      const next = this.queue.shift();
      if (next) next.start();
      else this.active--;
    }
  }
}

/** Password verifications (argon2id, 19 MiB each) that may run at once in this process. */
export const MAX_CONCURRENT_PASSWORD_CHECKS = 2;
/**
 * Password verifications that may wait for a place, and how long, before 503. The queue bound is
 * what answers a burst at once; the wait bound only guards a machine so slow that even a short
 * queue stalls (a normal morning burst of a dozen logins waits well under a second).
 */
export const MAX_WAITING_PASSWORD_CHECKS = 16;
export const MAX_PASSWORD_CHECK_WAIT_MS = 10_000;

/**
 * The one gate every argon2 hash and verification of this process passes (login, password change,
 * set-password link): a burst of logins cannot fill the hashing thread pool and hold up other
 * users' pages. Per process, like the thread pool it protects.
 */
export const passwordGate = new ConcurrencyGate(MAX_CONCURRENT_PASSWORD_CHECKS, MAX_WAITING_PASSWORD_CHECKS, MAX_PASSWORD_CHECK_WAIT_MS);
