import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from './free-port';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SERVER_URL } from './test-db';
import { parseLsn } from '../../src/shared/db/read-replica';

/**
 * A real streaming replica of this machine's PostgreSQL server, for the read-replica test and the registry bench:
 * `pg_basebackup -R` into a temporary folder, then a second server on a free port replaying the primary's WAL.
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` OS user.
 *
 * The primary must accept replication connections from 127.0.0.1: wal_level=replica and max_wal_senders > 0 are
 * PostgreSQL's defaults, a pg_hba.conf line `host replication all 127.0.0.1/32 trust` is not — .ci/run adds it.
 */
export interface Replica {
  /** The replica's address for a database of the primary, keeping the primary URL's other settings (search_path…). */
  urlFor(primaryUrl: string): string;
  /** A connection to the replica (database of SERVER_URL) for checks: replay position, pause, resume. */
  admin: pg.Client;
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Waits until the replica has replayed everything the primary has written so far. */
  catchUp(timeoutMs?: number): Promise<void>;
  /** Stops the server and removes its folder (also when the process exits without calling it). */
  stop(): Promise<void>;
}

const asPostgres = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];

function run(cmd: string[], what: string, timeout = 120_000) {
  const [bin, ...args] = [...asPostgres, ...cmd];
  const r = spawnSync(bin!, args, { encoding: 'utf8', timeout });
  if (r.status !== 0) throw new Error(`${what} failed: ${(r.stderr || r.stdout || String(r.error ?? '')).trim()}`);
  return r.stdout;
}


async function primaryQuery<T extends pg.QueryResultRow>(sql: string, primaryUrl = SERVER_URL): Promise<T[]> {
  const c = new pg.Client({ connectionString: primaryUrl });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

/** The binaries of the primary's major version, or why a replica cannot be started here (then callers skip). */
export async function replicaSupport(primaryUrl = SERVER_URL): Promise<{ bin: string } | { skip: string }> {
  let major: number;
  try {
    major = Math.floor(Number((await primaryQuery<{ v: string }>("select current_setting('server_version_num') as v", primaryUrl))[0]!.v) / 10000);
  } catch (err) {
    return { skip: `the PostgreSQL server at ${primaryUrl} is not reachable (${(err as Error).message})` };
  }
  const bin = `/usr/lib/postgresql/${major}/bin`;
  if (!existsSync(join(bin, 'pg_basebackup'))) return { skip: `pg_basebackup is missing (${bin}); install the postgresql package` };
  if (asPostgres.length && spawnSync('id', ['-u', 'postgres']).status !== 0) return { skip: 'running as root but there is no postgres OS user to run the replica' };
  const repl = new pg.Client({ connectionString: primaryUrl, replication: true } as pg.ClientConfig);
  try {
    await repl.connect();
    await repl.query('IDENTIFY_SYSTEM');
  } catch (err) {
    return { skip: `the primary refuses replication connections from 127.0.0.1 (${(err as Error).message}); add \`host replication all 127.0.0.1/32 trust\` to pg_hba.conf and reload (.ci/run does this)` };
  } finally {
    await repl.end().catch(() => undefined);
  }
  return { bin };
}

export async function startReplica(bin: string, primaryUrl = SERVER_URL): Promise<Replica> {
  const primary = new URL(primaryUrl);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'kechuang-replica-'));
  const data = join(dir, 'data');
  const owner = asPostgres.length ? {
    uid: Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout),
    gid: Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout),
  } : null;
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const pgCtl = (...args: string[]) => run([join(bin, 'pg_ctl'), '-D', data, ...args], `pg_ctl ${args.join(' ')}`);
  // A crashed test must not leave a server running: stop it when this process exits, whatever the reason.
  const stopNow = () => {
    if (existsSync(join(data, 'postmaster.pid'))) {
      try { pgCtl('-m', 'fast', '-w', 'stop'); } catch { /* already stopped */ }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopNow);
  try {
    run([join(bin, 'pg_basebackup'), '-h', primary.hostname, '-p', primary.port || '5432', '-U', decodeURIComponent(primary.username || 'postgres'),
      '-D', data, '-R', '-X', 'stream', '-c', 'fast', '--no-sync'], 'pg_basebackup');
    // A standby needs these at least as large as on the primary; the rest keeps the throwaway server small.
    const limits = await primaryQuery<{ name: string; setting: string }>(`select name, setting from pg_settings where name in
      ('max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction')`, primaryUrl);
    const conf = [
      `port = ${port}`, `listen_addresses = '127.0.0.1'`, `unix_socket_directories = '${dir}'`,
      'hot_standby = on', 'fsync = off', 'shared_buffers = 32MB', `cluster_name = 'kechuang-test-replica'`,
      ...limits.map((l) => `${l.name} = ${l.setting}`),
    ];
    // Debian keeps postgresql.conf and pg_hba.conf in /etc, so the copied data folder has none of its own.
    const files = {
      'postgresql.conf': `${conf.join('\n')}\n`,
      'pg_hba.conf': 'local all all trust\nhost all all 127.0.0.1/32 trust\n',
      'pg_ident.conf': '',
    };
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(data, name), text);
      if (owner) chownSync(join(data, name), owner.uid, owner.gid);
    }
    pgCtl('-l', join(dir, 'server.log'), '-w', '-t', '120', 'start');
  } catch (err) {
    stopNow();
    process.removeListener('exit', stopNow);
    throw err;
  }

  const urlFor = (url: string) => {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(port);
    return u.toString();
  };
  const admin = new pg.Client({ connectionString: urlFor(primaryUrl) });
  admin.on('error', () => undefined); // the replica stopped under it (a test of the fallback)
  await admin.connect();
  const replayed = async () => (await admin.query<{ lsn: string }>('select pg_last_wal_replay_lsn()::text as lsn')).rows[0]!.lsn;

  return {
    urlFor,
    admin,
    async pause() {
      await admin.query('select pg_wal_replay_pause()');
      // Replay stops before the next record it would apply; wait (briefly) until it says so.
      for (let i = 0; i < 200; i++) {
        if ((await admin.query<{ s: string }>('select pg_get_wal_replay_pause_state() as s')).rows[0]!.s === 'paused') return;
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    resume: async () => { await admin.query('select pg_wal_replay_resume()'); },
    async catchUp(timeoutMs = 30_000) {
      const [{ lsn: target }] = await primaryQuery<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn', primaryUrl) as [{ lsn: string }];
      const deadline = Date.now() + timeoutMs;
      while (parseLsn(await replayed()) < parseLsn(target)) {
        if (Date.now() > deadline) throw new Error(`the replica did not replay up to ${target} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    async stop() {
      await admin.end().catch(() => undefined);
      stopNow();
      process.removeListener('exit', stopNow);
    },
  };
}
