// `pnpm admin <command>` on DATABASE_URL (or the embedded database in DATA_DIR); migrates first.
//   create-user --role admin --email beheer@gemeente.nl [--name "…"] [--role …]: creates a user and
//     prints a single-use invitation link to set the password. Meant for the first admin of a fresh
//     production install.
//   import-structure [FILE]: loads a region's structure file (docs/structure-file.md; default the
//     shipped Oost-Nederland file), see server/src/cli/import-structure.ts. Allowed in production.
//   doctor: checks the configuration of the environment it runs in (settings, database reachable
//     and migrated, clock skew, SMTP, structure, an admin with a second factor); one line per
//     check, exit code 1 when any fails (server/src/cli/doctor.ts). Does not migrate.
//   backup FILE [--force] / restore FILE [--force]: the embedded database (DATA_DIR) to and from one file,
//     while the server is stopped (server/src/cli/backup.ts, decision 086). PostgreSQL: pg_dump.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type DatabaseHandle, DataDirLockedError, openDatabase } from '@duidingspool/db';
import { InviteUserBodySchema } from '@duidingspool/shared';
import { loadAdminCliConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { createUserFromCli } from '../modules/users/index.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { formatCheck, runDoctor } from './doctor.ts';
import { importStructureCommand } from './import-structure.ts';

const USAGE = [
  'Gebruik: pnpm admin create-user --email <adres> --role <rol> [--role <rol>] [--name "Naam"]',
  '         pnpm admin import-structure [BESTAND]   (standaard: db/seed/oost-nederland.json)',
  '         pnpm admin doctor                       (controleert de configuratie)',
  '         pnpm admin backup BESTAND [--force]      (ingebouwde database naar één bestand; server gestopt; --force vervangt)',
  '         pnpm admin restore BESTAND [--force]     (terugzetten in een lege DATA_DIR; --force vervangt)',
].join('\n');

const COMMANDS = ['create-user', 'import-structure', 'doctor', 'backup', 'restore'];
const [command, ...rest] = process.argv.slice(2);
if (command === undefined || !COMMANDS.includes(command)) {
  console.error(USAGE);
  process.exit(2);
}
if (command === 'backup' || command === 'restore') {
  const { positionals, values } = parseArgs({
    args: rest,
    options: { force: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const file = positionals[0];
  if (positionals.length !== 1 || file === undefined) {
    console.error(USAGE);
    process.exit(2);
  }
  const cli = loadAdminCliConfig();
  // pnpm runs the script in server/; a relative FILE means relative to where the operator typed it.
  const where = process.env.INIT_CWD ?? process.cwd();
  process.exit(
    command === 'backup'
      ? await backupCommand(cli, file, where, Boolean(values.force), console)
      : await restoreCommand(cli, file, where, Boolean(values.force), console),
  );
}
if (command === 'doctor') {
  const checks = await runDoctor(process.env);
  for (const check of checks) console.log(formatCheck(check));
  process.exit(checks.every((c) => c.ok) ? 0 : 1);
}
const config = loadAdminCliConfig();

/** Opens the database, migrates, runs `work` and closes; the exit code is `work`'s. */
async function withDatabase(work: (handle: DatabaseHandle) => Promise<number>): Promise<void> {
  // On the embedded database it holds the data folder's lock: it refuses while the server runs there.
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite'), lockDir: config.dataDir, maxConnections: 1 }).catch(
    (error: unknown) => {
      if (error instanceof DataDirLockedError) {
        console.error(error.message);
        process.exit(1);
      }
      throw error;
    },
  );
  try {
    await handle.migrate();
    process.exitCode = await work(handle);
  } finally {
    await handle.close();
  }
}

if (command === 'import-structure') {
  const { positionals } = parseArgs({ args: rest, options: {}, allowPositionals: true, strict: true });
  if (positionals.length > 1) {
    console.error(USAGE);
    process.exit(2);
  }
  // pnpm runs the script in server/; a relative FILE means relative to where the operator typed it.
  await withDatabase((handle) => importStructureCommand(handle.db, positionals[0], console, process.env.INIT_CWD ?? process.cwd()));
} else {
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, role: { type: 'string', multiple: true }, name: { type: 'string' } },
    strict: true,
  });
  const parsed = InviteUserBodySchema.safeParse({ email: values.email, roles: values.role ?? [], displayName: values.name ?? values.email ?? '' });
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n${USAGE}`);
    process.exit(2);
  }
  await withDatabase(async (handle) => {
    try {
      const { user, link } = await createUserFromCli(handle.db, parsed.data, config.publicUrl);
      console.log(`Gebruiker ${user.email} aangemaakt met rol(len) ${user.roles.join(', ')}.`);
      console.log(`Laat deze persoon binnen 72 uur het wachtwoord instellen via (één keer te gebruiken):\n${link}`);
      return 0;
    } catch (error) {
      console.error(error instanceof AppError ? error.detail : 'Aanmaken mislukt.');
      return 1;
    }
  });
}
