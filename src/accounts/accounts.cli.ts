import { Option, type Command } from 'commander';
import type { Db } from '../shared/db';
import type { Actor } from '../shared/access/actor';
import { AppError } from '../shared/http/errors';
import { translate } from '../shared/i18n';
import { createAccount, createOrResetAdmin, listUsers, resetPassword, setActive } from './users.service';

/**
 * Account commands: `create-user`, `list-users`, `reset-password`, `deactivate-user`, `reactivate-user`. They act
 * as a named user (--as, default the first admin) through the same service as the API, so scope rules, password
 * rules and the audit log apply.
 */
type WithDb = <T>(work: (db: Db) => Promise<T>) => Promise<T>;
type ActorFor = (db: Db, username?: string) => Promise<Actor>;

function fail(err: unknown): never {
  if (err instanceof AppError) {
    console.error(translate('en', err.key, err.params));
    for (const i of err.issues) console.error(`  ${i.field}: ${translate('en', i.key, i.params)}`);
  } else console.error(err instanceof Error ? err.message : String(err));
  process.exit(err instanceof AppError && err.status < 500 ? 2 : 1);
}

async function idByCode(db: Db, table: 'zones' | 'organizations', code: string, option: string): Promise<number> {
  const sql = table === 'zones' ? 'select id from zones where code = $1' : 'select id from organizations where code = $1 or credit_code = $1';
  const rows = await db.query<{ id: number }>(sql, [code]);
  if (!rows[0]) throw new Error(`${option}: no ${table === 'zones' ? 'zone' : 'organisation'} with code ${code}`);
  return rows[0].id;
}

async function userId(db: Db, username: string): Promise<number> {
  const rows = await db.query<{ id: number }>('select id from users where username = $1', [username]);
  if (!rows[0]) throw new Error(`no user ${username}`);
  return rows[0].id;
}

/** `create-admin`: the first admin of a new installation (or a reset one); password and user name rules apply. */
export function registerCreateAdmin(program: Command, withDb: WithDb): void {
  program.command('create-admin').description('Create (or reset) a platform admin; password rules apply')
    .argument('<username>').requiredOption('--password <password>', 'at least 10 characters, not a common or demo password, not containing the user name')
    .option('--name <display name>')
    .action((username: string, opts: { password: string; name?: string }) => withDb(async (db) => {
      const user = await createOrResetAdmin(db, { username, password: opts.password, display_name: opts.name ?? username });
      console.log(`admin ${user.username} ready (id ${user.id})`);
    }).catch(fail));
}

export function registerAccountCommands(program: Command, withDb: WithDb, actorFor: ActorFor): void {
  program.command('create-user').description('Create a zone operator (--zone) or an organisation user (--organization); password rules apply')
    .argument('<username>')
    .addOption(new Option('--role <role>').choices(['zone_operator', 'org_user', 'admin']).makeOptionMandatory())
    .requiredOption('--password <password>', 'at least 10 characters, not a common or demo password, not containing the user name')
    .option('--zone <code>', 'zone code (zone operators)')
    .option('--organization <code>', 'organisation code or credit code (organisation users)')
    .option('--name <display name>')
    .option('--as <username>', 'act as this user (default: the first admin)')
    .action((username: string, opts: { role: Actor['role']; password: string; zone?: string; organization?: string; name?: string; as?: string }) => withDb(async (db) => {
      const actor = await actorFor(db, opts.as);
      const user = await createAccount(db, actor, {
        username, password: opts.password, role: opts.role, display_name: opts.name ?? username,
        zone_id: opts.zone ? await idByCode(db, 'zones', opts.zone, '--zone') : null,
        organization_id: opts.organization ? await idByCode(db, 'organizations', opts.organization, '--organization') : null,
      });
      console.log(`${user.role} ${user.username} created (id ${user.id}${user.zone ? `, zone ${user.zone.code}` : ''}${user.organization ? `, organisation ${user.organization.code}` : ''})`);
    }).catch(fail));

  program.command('list-users').description('Accounts with role, scope, active flag and last sign-in')
    .option('--as <username>')
    .action((opts: { as?: string }) => withDb(async (db) => {
      const { items } = await listUsers(db, await actorFor(db, opts.as), { limit: 500 });
      for (const u of items) {
        console.log([u.username, u.role, u.zone?.code ?? u.organization?.code ?? '-', u.active ? 'active' : 'inactive', u.last_login_at ?? 'never'].join('\t'));
      }
    }).catch(fail));

  program.command('reset-password').description('Set a new password for an account; its sessions end')
    .argument('<username>').requiredOption('--password <password>').option('--as <username>')
    .action((username: string, opts: { password: string; as?: string }) => withDb(async (db) => {
      await resetPassword(db, await actorFor(db, opts.as), await userId(db, username), opts.password);
      console.log(`password of ${username} reset; its sessions ended`);
    }).catch(fail));

  for (const [command, active] of [['deactivate-user', false], ['reactivate-user', true]] as const) {
    program.command(command).description(active ? 'Let a deactivated account sign in again' : 'Deactivate an account: no sign-in, its sessions end')
      .argument('<username>').option('--as <username>')
      .action((username: string, opts: { as?: string }) => withDb(async (db) => {
        await setActive(db, await actorFor(db, opts.as), await userId(db, username), active);
        console.log(`${username} ${active ? 'reactivated' : 'deactivated'}`);
      }).catch(fail));
  }
}
