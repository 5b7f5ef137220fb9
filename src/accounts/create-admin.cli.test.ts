import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verify } from '@node-rs/argon2';
import { BACKENDS, openTestDb, type TestDb } from '../../test/helpers/test-db';
import { runCommand } from '../../test/helpers/run-command';
import { registerCreateAdmin } from './accounts.cli';

/** `kechuang create-admin` applies the password and user name rules (password-policy.ts) and is audited. */
describe.each(BACKENDS)('create-admin on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => { t = await openTestDb(backend); }, 60_000);
  afterAll(() => t?.drop());

  const run = (...args: string[]) => runCommand((program) => registerCreateAdmin(program, (work) => work(t.db)), ['create-admin', ...args]);
  /** A refused command exits with code 2 (bad input): turned into an error here so that the test process goes on. */
  async function refused(...args: string[]) {
    const exit = vi.spyOn(process, 'exit').mockImplementation(((code?: number) => { throw new Error(`exit ${code}`); }) as never);
    try {
      return await run(...args).catch((e: Error) => ({ thrown: e.message }));
    } finally {
      exit.mockRestore();
    }
  }
  const users = async (username: string) => t.db.query<{ role: string; password_hash: string }>('select role, password_hash from users where username = $1', [username]);

  it('refuses demo, common, short and user-name passwords and bad user names, and creates nothing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      for (const [name, password, says] of [
        ['root.admin', 'kechuang-admin', /well-known or demo password/],
        ['root.admin', 'password123', /well-known or demo password/],
        ['root.admin', 'short-pw', /at least 10 characters/],
        ['root.admin', 'root.admin-2026-x', /must not contain the user name/],
        ['Root Admin', 'quiet-harbour-42', /lower-case letters/],
      ] as const) {
        errors.mockClear();
        expect(await refused(name, '--password', password), password).toMatchObject({ thrown: 'exit 2' });
        expect(errors.mock.calls.flat().join('\n'), password).toMatch(says);
      }
    } finally {
      errors.mockRestore();
    }
    expect(await users('root.admin')).toEqual([]);
  });

  it('creates an admin with an acceptable password, resets it on a second run, and audits both', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await run('root.admin', '--password', 'quiet-harbour-42', '--name', 'Root');
      expect(String(log.mock.calls[0]?.[0])).toMatch(/admin root\.admin ready/);
    } finally {
      log.mockRestore();
    }
    const [created] = await users('root.admin');
    expect(created!.role).toBe('admin');
    expect(await verify(created!.password_hash, 'quiet-harbour-42')).toBe(true);
    await run('root.admin', '--password', 'yellow-river-bridge-9');
    expect(await verify((await users('root.admin'))[0]!.password_hash, 'yellow-river-bridge-9')).toBe(true);
    const events = await t.db.query<{ action: string; user_id: number | null; after: unknown }>(
      `select action, user_id, after from audit_events where entity = 'users' and entity_id = (select id from users where username = 'root.admin') order by id`);
    expect(events.map((e) => e.action)).toEqual(['create', 'reset-admin']);
    expect(events.every((e) => e.user_id === null)).toBe(true);
    expect(JSON.stringify(events[0]!.after)).not.toMatch(/password|argon/);
  });
});
