// `pnpm admin create-user --role admin --email beheer@gemeente.nl [--name "…"] [--role …]`:
// creates a user on DATABASE_URL (or the embedded database in DATA_DIR) and prints a single-use
// invitation link to set the password. Meant for the first admin of a fresh production install.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DataDirLockedError, openDatabase } from '@duidingspool/db';
import { InviteUserBodySchema } from '@duidingspool/shared';
import { loadAdminCliConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { createUserFromCli } from '../modules/users/index.ts';

const USAGE = 'Gebruik: pnpm admin create-user --email <adres> --role <rol> [--role <rol>] [--name "Naam"]';

const [command, ...rest] = process.argv.slice(2);
if (command !== 'create-user') {
  console.error(USAGE);
  process.exit(2);
}
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
const config = loadAdminCliConfig();
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
  const { user, link } = await createUserFromCli(handle.db, parsed.data, config.publicUrl);
  console.log(`Gebruiker ${user.email} aangemaakt met rol(len) ${user.roles.join(', ')}.`);
  console.log(`Laat deze persoon binnen 72 uur het wachtwoord instellen via (één keer te gebruiken):\n${link}`);
} catch (error) {
  console.error(error instanceof AppError ? error.detail : 'Aanmaken mislukt.');
  process.exitCode = 1;
} finally {
  await handle.close();
}
