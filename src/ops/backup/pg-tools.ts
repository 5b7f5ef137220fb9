import { execFile } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { BackupError } from './backup.messages';

const run = promisify(execFile);

/** pg_dump or pg_restore: the first on PATH, else the newest under /usr/lib/postgresql/<major>/bin (Debian's layout). */
export function findPgTool(tool: 'pg_dump' | 'pg_restore'): string {
  const isExecutable = (path: string) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    if (isExecutable(join(dir, tool))) return join(dir, tool);
  }
  let majors: string[] = [];
  try {
    majors = readdirSync('/usr/lib/postgresql').filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a));
  } catch { /* no Debian-style installation */ }
  for (const major of majors) {
    const path = join('/usr/lib/postgresql', major, 'bin', tool);
    if (isExecutable(path)) return path;
  }
  throw new BackupError('backup.pgToolMissing', { tool }, false);
}

/** The connection for libpq's tools: the password goes in the environment, not on a command line others can list. */
function connection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { dbname: url.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

async function runTool(tool: 'pg_dump' | 'pg_restore', args: string[], databaseUrl: string): Promise<void> {
  const { dbname, env } = connection(databaseUrl);
  try {
    await run(findPgTool(tool), [...args, `--dbname=${dbname}`], { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    if (err instanceof BackupError) throw err;
    const detail = String((err as { stderr?: string }).stderr || (err as Error).message).trim().split('\n').slice(0, 5).join('; ');
    throw new BackupError('backup.pgToolFailed', { tool, detail }, false);
  }
}

/** The whole database in pg_dump's custom format, as of `snapshot` (exported by the transaction the checksums came from). */
export function pgDump(databaseUrl: string, file: string, snapshot?: string): Promise<void> {
  return runTool('pg_dump', ['--format=custom', `--file=${file}`, ...(snapshot ? [`--snapshot=${snapshot}`] : [])], databaseUrl);
}

/** Loads a custom-format dump all or nothing; owners and grants of the source are not carried over. */
export function pgRestore(databaseUrl: string, file: string): Promise<void> {
  return runTool('pg_restore', ['--single-transaction', '--exit-on-error', '--no-owner', '--no-acl', file], databaseUrl);
}
