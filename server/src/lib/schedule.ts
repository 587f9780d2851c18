import { safeError } from './logger.ts';

/** Minimal logger (pino's shape). */
interface ScheduleLog {
  error(obj: object, msg?: string): void;
}

/** A background job running on its own timer. */
export interface Scheduled {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `job` every `intervalMs` (first run after `firstDelayMs`), never two runs of it at once in
 * this process; errors are logged under `name`, not thrown. Every instance may run the same job:
 * the jobs themselves are idempotent and claim their work in the database (decision 064).
 */
export function every(name: string, intervalMs: number, job: () => Promise<unknown>, log: ScheduleLog, firstDelayMs = intervalMs): Scheduled {
  let running: Promise<void> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const run = () => {
    if (stopped || running) return;
    running = job()
      .then(() => undefined)
      .catch((error) => log.error({ err: safeError(error), job: name }, 'background job failed'))
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(run, intervalMs);
      });
  };
  timer = setTimeout(run, firstDelayMs);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
