import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, Option } from 'commander';
import { openDb } from '../../shared/db';
import type { Config } from '../../app/config';
import { BackupError, backupText, type BackupLocale } from './backup.messages';
import { createBackup, pgliteDirOf, restoreBackup, summarise, type Deployment } from './backup.service';

/** Exit code for a refused file or target (as for other bad input); a failure while working exits with 1. */
const REFUSED_EXIT_CODE = 2;

const langOption = () => new Option('--lang <lang>', 'language of messages').choices(['zh-CN', 'en']).default('en');

function report(command: Command, err: unknown, lang: BackupLocale): never {
  if (err instanceof BackupError) {
    command.error(backupText(lang, err.key, err.params), { exitCode: err.refused ? REFUSED_EXIT_CODE : 1, code: `backup.${err.refused ? 'refused' : 'failed'}` });
  }
  command.error(err instanceof Error ? err.message : String(err), { exitCode: 1, code: 'backup.failed' });
}

/** `backup --out FILE` and `restore FILE`: the database (embedded or DATABASE_URL's server) and the uploaded files. */
export function registerBackupCommands(program: Command, config: Pick<Config, 'DATABASE_URL' | 'KECHUANG_DATA_DIR'>): void {
  const deploymentOf = (dataDir: string): Deployment => ({ dataDir, databaseUrl: config.DATABASE_URL });

  program.command('backup').description('Write the database and the uploaded files to one backup file (embedded database: stop the server first, or use KECHUANG_BACKUP_DIR)')
    .requiredOption('--out <file>', 'the backup file to write (.tar.gz)')
    .option('--data-dir <dir>', 'folder of the embedded database and uploads', config.KECHUANG_DATA_DIR)
    .addOption(langOption())
    .action(async function (this: Command, opts: { out: string; dataDir: string; lang: BackupLocale }) {
      try {
        const deployment = deploymentOf(opts.dataDir);
        // Two PGlite instances on one folder would corrupt it; a running (or crashed) one leaves postmaster.pid there.
        if (!deployment.databaseUrl && existsSync(join(pgliteDirOf(deployment), 'postmaster.pid'))) {
          throw new BackupError('backup.pgliteInUse', { dir: pgliteDirOf(deployment) });
        }
        const db = await openDb({ databaseUrl: deployment.databaseUrl, dataDir: deployment.databaseUrl ? undefined : join(opts.dataDir, 'pglite') });
        try {
          const { file, manifest } = await createBackup(db, deployment, opts.out);
          process.stdout.write(`${backupText(opts.lang, 'backup.written', { file, ...summarise(manifest) })}\n`);
        } finally {
          await db.close();
        }
      } catch (err) {
        report(this, err, opts.lang);
      }
    });

  program.command('restore').description('Restore a backup file into an empty deployment (empty database and data folder); the file is verified first')
    .argument('<file>', 'a file written by `kechuang backup`')
    .option('--data-dir <dir>', 'folder of the embedded database and uploads', config.KECHUANG_DATA_DIR)
    .addOption(langOption())
    .action(async function (this: Command, file: string, opts: { dataDir: string; lang: BackupLocale }) {
      try {
        const manifest = await restoreBackup(file, deploymentOf(opts.dataDir));
        process.stdout.write(`${backupText(opts.lang, 'backup.restored', { file, ...summarise(manifest) })}\n`);
      } catch (err) {
        report(this, err, opts.lang);
      }
    });
}
