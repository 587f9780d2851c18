// `pnpm admin doctor` (decision 083): checks a configuration as the server would run it — the
// settings, the database (reachable, migrated, clock), SMTP, the structure and the admins — and
// prints one line per check: `ok` or what to fix. It changes nothing: it does not migrate.
import { join } from 'node:path';
import { type DatabaseHandle, DataDirLockedError, migrationState, openDatabase, rowsOf } from '@duidingspool/db';
import { sql } from 'drizzle-orm';
import { type AppConfig, ConfigError, databaseHosts, loadConfig } from '../config.ts';
import { verifySmtp } from '../modules/notifications/index.ts';
import { structureCounts } from '../modules/organisation/index.ts';
import { activeAdminsWithSecondFactor } from '../modules/users/index.ts';

/** Largest difference between this machine's clock and the database's, milliseconds. */
export const MAX_CLOCK_SKEW_MS = 2_000;

/** The outcome of one check. */
export interface DoctorCheck {
  /** Short name, e.g. `database`. */
  name: string;
  ok: boolean;
  /** When ok, what was found; otherwise what is wrong and what to do about it. */
  message: string;
}

export interface DoctorOptions {
  /** This machine's clock (tests shift it to see the skew check fail). */
  now?: () => Date;
}

/** The first line of the innermost message of `error`. */
function reason(error: unknown): string {
  let inner: unknown = error;
  for (let i = 0; i < 8 && inner instanceof Error && inner.cause instanceof Error; i++) inner = inner.cause;
  if (inner instanceof AggregateError && inner.errors[0] instanceof Error) inner = inner.errors[0];
  const text = inner instanceof Error ? inner.message || (inner as NodeJS.ErrnoException).code || inner.name : String(inner);
  return (text.split('\n')[0] ?? '').slice(0, 200);
}

/**
 * Runs every check against the environment `env` and returns them in order. A check that cannot
 * run because an earlier one failed (no database) is reported as failed with that reason. Never
 * throws.
 */
export async function runDoctor(env: NodeJS.ProcessEnv, options: DoctorOptions = {}): Promise<DoctorCheck[]> {
  const now = options.now ?? (() => new Date());
  const checks: DoctorCheck[] = [];
  const add = (name: string, ok: boolean, message: string) => checks.push({ name, ok, message });
  let config: AppConfig;
  try {
    config = loadConfig(env);
    add('configuration', true, `${config.nodeEnv}, public address ${config.publicUrl}`);
  } catch (error) {
    const lines = error instanceof ConfigError ? error.problems : [reason(error)];
    for (const line of lines) add('configuration', false, line);
    return checks;
  }

  if (!config.smtpUrl) {
    add(
      'smtp',
      config.nodeEnv !== 'production',
      config.nodeEnv === 'production' ? 'SMTP_URL is not set: no mail leaves the outbox; set SMTP_URL' : 'not configured: mails stay in the outbox',
    );
  } else {
    const host = new URL(config.smtpUrl).host;
    try {
      await verifySmtp({ ...config, smtpUrl: config.smtpUrl });
      add('smtp', true, `${host} accepts a connection${config.smtpRequireTls ? ' with TLS' : ''}`);
    } catch (error) {
      add('smtp', false, `${host} cannot be reached or refuses (${reason(error)}); check SMTP_URL, the firewall and the mail server's TLS certificate`);
    }
  }

  let handle: DatabaseHandle | undefined;
  const where = config.databaseUrl ? `PostgreSQL at ${(databaseHosts(config.databaseUrl) ?? []).join(', ')}` : `the embedded database in ${config.dataDir}`;
  try {
    handle = await openDatabase({
      url: config.databaseUrl,
      dataDir: join(config.dataDir, 'pglite'),
      lockDir: config.dataDir,
      maxConnections: 1,
    });
    await handle.db.execute(sql`select 1`);
    add('database', true, `${where} answers`);
  } catch (error) {
    const fix =
      error instanceof DataDirLockedError
        ? `${error.message}`
        : `${where} does not answer (${reason(error)}); check DATABASE_URL, that the database runs and that this machine may connect`;
    add('database', false, fix);
    await handle?.close().catch(() => {});
    for (const name of ['migrations', 'clock', 'structure', 'admins']) add(name, false, 'not checked: the database does not answer');
    return checks;
  }
  try {
    try {
      const { known, pending } = await migrationState(handle.db);
      if (pending === 0) add('migrations', true, `all ${known} applied`);
      else add('migrations', false, `${pending} of ${known} migrations not applied; start the server (it migrates) or run pnpm db:migrate`);
    } catch (error) {
      add('migrations', false, `cannot read the migration table (${reason(error)})`);
    }

    try {
      const before = now().getTime();
      const [row] = rowsOf<{ now: string }>(await handle.db.execute(sql`select (extract(epoch from clock_timestamp()) * 1000)::float8::text as now`));
      const after = now().getTime();
      const skew = Number(row?.now) - (before + after) / 2;
      const text = `${(Math.abs(skew) / 1000).toFixed(1)} s`;
      if (Math.abs(skew) <= MAX_CLOCK_SKEW_MS) add('clock', true, `this machine and the database differ by ${text}`);
      else {
        add(
          'clock',
          false,
          `this machine's clock is ${text} ${skew > 0 ? 'behind' : 'ahead of'} the database's (at most ${MAX_CLOCK_SKEW_MS / 1000} s); synchronise both with NTP (deadlines, sessions and second-factor codes depend on it)`,
        );
      }
    } catch (error) {
      add('clock', false, `cannot read the database's clock (${reason(error)})`);
    }

    try {
      const s = await structureCounts(handle.db);
      if (s.regions > 0 && s.municipalities > 0 && s.caseTables > 0) {
        add('structure', true, `${s.regions} safety region(s), ${s.municipalities} municipalities, ${s.caseTables} casustafels`);
      } else {
        add(
          'structure',
          false,
          `no structure loaded (${s.regions} safety regions, ${s.municipalities} municipalities, ${s.caseTables} casustafels); run pnpm admin import-structure`,
        );
      }
    } catch (error) {
      add('structure', false, `cannot read the structure (${reason(error)}); apply the migrations first`);
    }

    try {
      const admins = await activeAdminsWithSecondFactor(handle.db);
      if (admins > 0) add('admins', true, `${admins} active admin(s) with a second factor`);
      else {
        add(
          'admins',
          false,
          'no active admin has a second factor; create one with pnpm admin create-user --role admin --email … and let them log in and set up their authenticator app',
        );
      }
    } catch (error) {
      add('admins', false, `cannot read the users (${reason(error)}); apply the migrations first`);
    }
  } finally {
    await handle.close().catch(() => {});
  }
  return checks;
}

/** One line per check: `ok    name: message` or `FOUT  name: message`. */
export function formatCheck(check: DoctorCheck): string {
  return `${check.ok ? 'ok  ' : 'FOUT'}  ${check.name}: ${check.message}`;
}
