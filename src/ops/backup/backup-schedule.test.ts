import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../shared/db';
import { loadConfig } from '../../app/config';
import { backupScheduleOf, backupsBeyondKeep, nextBackupDelay, pruneBackups, runScheduledBackup, scheduledBackupName } from './backup-schedule';

const root = await mkdtemp(join(tmpdir(), 'kechuang-backup-schedule-'));
afterAll(() => rm(root, { recursive: true, force: true }));

const at = (iso: string) => scheduledBackupName(new Date(iso));
const HOUR = 3_600_000;

describe('retention of scheduled backups', () => {
  it('names backups by their UTC time so that name order is age order', () => {
    expect(at('2026-03-04T05:06:07.890Z')).toBe('kechuang-backup-20260304T050607Z.tar.gz');
    expect(at('2026-12-31T23:00:00Z') > at('2026-12-31T22:59:59Z')).toBe(true);
  });

  it('deletes all but the newest KEEP scheduled backups and nothing else', () => {
    const names = [at('2026-01-03T00:00:00Z'), 'notes.txt', at('2026-01-01T00:00:00Z'), at('2026-01-04T00:00:00Z'),
      'kechuang-backup-manual.tar.gz', `${at('2026-01-05T00:00:00Z')}.partial`, at('2026-01-02T00:00:00Z')];
    expect(backupsBeyondKeep(names, 2)).toEqual([at('2026-01-02T00:00:00Z'), at('2026-01-01T00:00:00Z')]);
    expect(backupsBeyondKeep(names, 4)).toEqual([]);
    expect(backupsBeyondKeep(names, 0)).toHaveLength(3); // keep at least one, whatever the setting
  });

  it('prunes the folder on disk', async () => {
    const dir = await mkdtemp(join(root, 'prune-'));
    const kept = [at('2026-02-03T00:00:00Z'), at('2026-02-04T00:00:00Z'), 'operator-copy.tar.gz'];
    for (const name of [...kept, at('2026-02-01T00:00:00Z'), at('2026-02-02T00:00:00Z')]) await writeFile(join(dir, name), name);
    expect(await pruneBackups(dir, 2)).toEqual([at('2026-02-02T00:00:00Z'), at('2026-02-01T00:00:00Z')]);
    expect((await readdir(dir)).sort()).toEqual(kept.sort());
  });

  it('plans the next backup one interval after the newest, at the earliest after the minimum', () => {
    const now = new Date('2026-05-01T12:00:00Z');
    expect(nextBackupDelay([], now, 24 * HOUR, 60_000)).toBe(60_000);
    expect(nextBackupDelay([at('2026-05-01T06:00:00Z'), at('2026-04-30T06:00:00Z')], now, 24 * HOUR, 60_000)).toBe(18 * HOUR);
    expect(nextBackupDelay([at('2026-04-01T06:00:00Z')], now, 24 * HOUR, 60_000)).toBe(60_000);
  });

  it('reads KECHUANG_BACKUP_DIR, _EVERY and _KEEP from the environment', () => {
    expect(backupScheduleOf(loadConfig({}))).toBeUndefined();
    expect(backupScheduleOf(loadConfig({ KECHUANG_BACKUP_DIR: '/srv/backups' }))).toEqual({ dir: '/srv/backups', everyHours: 24, keep: 7 });
    expect(backupScheduleOf(loadConfig({ KECHUANG_BACKUP_DIR: 'b', KECHUANG_BACKUP_EVERY: '0.5', KECHUANG_BACKUP_KEEP: '3' }))).toEqual({ dir: 'b', everyHours: 0.5, keep: 3 });
  });

  it('runs real backups of the embedded database and keeps only the newest KEEP', async () => {
    const dir = join(root, 'scheduled');
    const dataDir = join(root, 'data');
    const db = await openDb({});
    try {
      const schedule = { dir, everyHours: 1, keep: 2 };
      const runs = ['2026-06-01T00:00:00Z', '2026-06-01T01:00:00Z', '2026-06-01T02:00:00Z'];
      const removed: string[][] = [];
      for (const time of runs) removed.push((await runScheduledBackup(db, { dataDir }, schedule, new Date(time))).removed);
      expect(removed).toEqual([[], [], [at(runs[0]!)]]);
      expect((await readdir(dir)).sort()).toEqual([at(runs[1]!), at(runs[2]!)]);
    } finally {
      await db.close();
    }
  }, 180_000);
});
