// Demo accounts have a published password and, outside production, no second factor: whoever
// reaches the server can use them. The server therefore refuses to start where others could reach
// them (decision 045).
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { type Executor, schema } from '@duidingspool/db';
import { and, count, eq } from 'drizzle-orm';
import type { AppConfig } from '../config.ts';

/** The server refused to start; `message` is the one line the operator reads. */
export class StartRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartRefusedError';
  }
}

// Loopback (RFC 1122 §3.2.1.3, RFC 4291 §2.5.3): 127.0.0.0/8 and ::1; node's BlockList also
// matches the IPv4-mapped form ::ffff:127.x.y.z.
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

function isLoopbackAddress(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && LOOPBACK.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Whether listening on `host` (an address, `[v6]`, or a name such as `localhost`) keeps the server
 * reachable from this machine only: a literal loopback address, or a name whose every address is
 * loopback. The wildcard addresses (`0.0.0.0`, `::`), other addresses and names that do not
 * resolve count as not loopback.
 */
export async function isLoopbackHost(host: string): Promise<boolean> {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (isIP(bare)) return isLoopbackAddress(bare);
  try {
    const addresses = await lookup(bare, { all: true });
    return addresses.length > 0 && addresses.every((a) => isLoopbackAddress(a.address));
  } catch {
    return false;
  }
}

/** Number of active demo accounts (`users.is_demo`, made by the demo seed). */
export async function countActiveDemoAccounts(db: Executor): Promise<number> {
  const u = schema.users;
  const [row] = await db
    .select({ n: count() })
    .from(u)
    .where(and(eq(u.isDemo, true), eq(u.isActive, true)));
  return row?.n ?? 0;
}

/**
 * Refuses a start that would expose demo accounts (decision 045):
 * - in production, active demo accounts refuse the start whatever the address (with a published
 *   password a requester account logs straight in, and any other enrols a second factor of the
 *   caller's choosing);
 * - elsewhere, demo accounts (present, or about to be seeded) on a non-loopback `HOST` refuse the
 *   start unless `ALLOW_DEMO_ON_NETWORK=true`.
 * @param options.seedingDemo the demo seed is about to run on this (empty) database
 * @throws StartRefusedError with the one line that tells the operator what to change
 */
export async function assertDemoAccountsNotExposed(db: Executor, config: AppConfig, options: { seedingDemo: boolean }): Promise<void> {
  const active = await countActiveDemoAccounts(db);
  if (active === 0 && !options.seedingDemo) return;
  const what = active > 0 ? `the database holds ${active} active demo account(s)` : 'the demo accounts are about to be seeded';
  if (config.nodeEnv === 'production') {
    throw new StartRefusedError(
      `Refusing to start: ${what}, whose password is published. Demo accounts never run in production: deactivate them (users.is_demo) or use another database.`,
    );
  }
  if (config.allowDemoOnNetwork || (await isLoopbackHost(config.host))) return;
  throw new StartRefusedError(
    `Refusing to start on HOST=${config.host}: ${what}, which log in with a published password and no second factor. ` +
      'Listen on this machine only (HOST=127.0.0.1, the default) or set ALLOW_DEMO_ON_NETWORK=true to expose them on purpose.',
  );
}
