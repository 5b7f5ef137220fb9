import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../shared/db';
import type { Config } from '../../app/config';
import { backupText } from './backup.messages';
import { createBackup, type Deployment } from './backup.service';

/** Backups the server makes on its own: every `everyHours` into `dir`, keeping the newest `keep`. */
export interface BackupSchedule {
  dir: string;
  everyHours: number;
  keep: number;
}

export function backupScheduleOf(config: Pick<Config, 'KECHUANG_BACKUP_DIR' | 'KECHUANG_BACKUP_EVERY' | 'KECHUANG_BACKUP_KEEP'>): BackupSchedule | undefined {
  return config.KECHUANG_BACKUP_DIR
    ? { dir: config.KECHUANG_BACKUP_DIR, everyHours: config.KECHUANG_BACKUP_EVERY, keep: config.KECHUANG_BACKUP_KEEP }
    : undefined;
}

/** Scheduled backups are named by their UTC time, so that name order is age order and retention never reads dates from disk. */
const SCHEDULED_NAME = /^kechuang-backup-(\d{8}T\d{6}Z)\.tar\.gz$/;

export function scheduledBackupName(at: Date): string {
  return `kechuang-backup-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}.tar.gz`;
}

/** The scheduled backups to delete: all but the newest `keep`. Other files in the folder are never touched. */
export function backupsBeyondKeep(names: string[], keep: number): string[] {
  const scheduled = names.filter((n) => SCHEDULED_NAME.test(n)).sort().reverse();
  return scheduled.slice(Math.max(keep, 1));
}

export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const doomed = backupsBeyondKeep(await readdir(dir), keep);
  for (const name of doomed) await rm(join(dir, name), { force: true });
  return doomed;
}

/** Milliseconds until the next backup: one interval after the newest scheduled backup in the folder (restarts do not reset the clock). */
export function nextBackupDelay(names: string[], now: Date, everyMs: number, minimumMs: number): number {
  const newest = names.filter((n) => SCHEDULED_NAME.test(n)).sort().at(-1);
  if (!newest) return minimumMs;
  const stamp = SCHEDULED_NAME.exec(newest)![1]!;
  const at = Date.parse(`${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`);
  return Math.max(minimumMs, at + everyMs - now.getTime());
}

/** One scheduled run: a backup into the folder, then retention. Returns the file written and the files removed. */
export async function runScheduledBackup(db: Db, deployment: Deployment, schedule: BackupSchedule, now = new Date()) {
  await mkdir(schedule.dir, { recursive: true });
  const { file } = await createBackup(db, deployment, join(schedule.dir, scheduledBackupName(now)));
  const removed = await pruneBackups(schedule.dir, schedule.keep);
  return { file, removed };
}

/** Let the server finish starting (and load the demo region) before the first backup of a fresh folder. */
const FIRST_BACKUP_AFTER_MS = 60_000;

/** Starts the timer in the serve process; stop() cancels it and waits for a backup in progress. */
export function startBackupSchedule(db: Db, deployment: Deployment, schedule: BackupSchedule, log: { info(m: string): void; error(m: string): void }) {
  const everyMs = schedule.everyHours * 3_600_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const plan = async () => {
    const names = await mkdir(schedule.dir, { recursive: true }).then(() => readdir(schedule.dir)).catch(() => []);
    if (stopped) return;
    timer = setTimeout(tick, nextBackupDelay(names, new Date(), everyMs, FIRST_BACKUP_AFTER_MS));
    timer.unref();
  };
  const tick = () => {
    running = runScheduledBackup(db, deployment, schedule).then(
      ({ file, removed }) => log.info(backupText('en', 'backup.scheduled', { file, removed: removed.length })),
      (err: unknown) => log.error(backupText('en', 'backup.scheduleFailed', { detail: err instanceof Error ? err.message : String(err) })),
    ).then(plan);
  };
  void plan();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
