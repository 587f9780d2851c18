// A PostgreSQL cluster of the test's own (Debian's initdb/pg_ctl) on a free port, so a test can stop
// and start the database under a running server without touching the shared one on 5432. PostgreSQL
// refuses to run as root: as root the cluster runs as the `postgres` user (runuser).
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './smtp.ts';

const run = promisify(execFile);

/** The newest PostgreSQL server binaries on this machine. */
export function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => join(root, v, 'bin')).find((d) => existsSync(join(d, 'pg_ctl')));
  if (!found) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)');
  return found;
}

export interface OwnCluster {
  port: number;
  /** URL of database `name` on this cluster (user postgres, trust). */
  url(name?: string): string;
  /** Starts the cluster and waits until it accepts connections. */
  start(): Promise<void>;
  /** Stops it: `fast` ends the sessions (57P01), `immediate` kills them without a goodbye. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /**
   * Freezes the cluster (SIGSTOP to the postmaster and every backend): connections stay open but
   * nothing answers, like a hung database host. `thaw` lets it go on.
   */
  freeze(): Promise<void>;
  thaw(): Promise<void>;
  /** Creates database `name`. */
  createDatabase(name: string): Promise<void>;
  /** Promotes a standby (`pg_ctl promote`) and waits until it takes writes. */
  promote(): Promise<void>;
  /** Runs `sql` with psql on database `name` (default postgres); returns its unaligned output. */
  psql(sql: string, name?: string): Promise<string>;
  /** Stops the cluster (if running) and deletes its folder. */
  destroy(): Promise<void>;
}

export interface OwnClusterOptions {
  /** Extra server settings (`-c name=value` at start). */
  settings?: Record<string, string>;
  /**
   * Instead of initdb: a streaming standby of this running cluster (`pg_basebackup -R -X stream`),
   * reporting as `application_name` `standbyName` (default `standby`).
   */
  standbyOf?: OwnCluster;
  standbyName?: string;
}

/** Creates (initdb, or pg_basebackup of `options.standbyOf`) a cluster in a temporary folder, not yet started. */
export async function createOwnCluster(options: OwnClusterOptions = {}): Promise<OwnCluster> {
  const bin = binDir();
  const root = mkdtempSync(join(tmpdir(), 'dp-pg-'));
  const data = join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(root, Number(stdout.trim()), Number(gid.trim()));
  }
  const pg = (tool: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args));
  if (options.standbyOf) {
    const name = options.standbyName ?? 'standby';
    const from = `host=127.0.0.1 port=${options.standbyOf.port} user=postgres application_name=${name}`;
    await pg('pg_basebackup', ['-d', from, '-D', data, '-R', '-X', 'stream', '--no-sync', '-c', 'fast']);
  } else {
    await pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  }
  const extra = Object.entries(options.settings ?? {})
    .map(([k, v]) => ` -c ${k}=${v}`)
    .join('');
  const port = await freePort();
  let running = false;
  /** The postmaster (first line of postmaster.pid) and its children, postmaster first. */
  const clusterPids = async (): Promise<number[]> => {
    const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const { stdout } = await run('pgrep', ['-P', String(postmaster)]).catch(() => ({ stdout: '' }));
    return [postmaster, ...stdout.split('\n').filter(Boolean).map(Number)];
  };
  const cluster: OwnCluster = {
    port,
    url: (name = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${name}`,
    start: async () => {
      // Small and quick: no fsync (the data is thrown away), the socket in the cluster's own folder.
      const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=16MB -c max_connections=40${extra}`;
      await pg('pg_ctl', ['-D', data, '-o', options, '-l', join(root, 'log'), '-w', '-t', '60', 'start']);
      running = true;
    },
    stop: async (mode = 'fast') => {
      await pg('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
      running = false;
    },
    freeze: async () => {
      for (const pid of await clusterPids()) process.kill(pid, 'SIGSTOP');
    },
    thaw: async () => {
      for (const pid of await clusterPids()) process.kill(pid, 'SIGCONT');
    },
    promote: async () => {
      await pg('pg_ctl', ['-D', data, '-w', '-t', '60', 'promote']);
    },
    psql: async (sql, name = 'postgres') => {
      const { stdout } = await pg('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', name, '-XAtqc', sql]);
      return stdout.trim();
    },
    createDatabase: async (name) => {
      await pg('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-qc', `create database ${name}`]);
    },
    destroy: async () => {
      if (running) await cluster.stop('immediate').catch(() => {});
      rmSync(root, { recursive: true, force: true });
    },
  };
  return cluster;
}
