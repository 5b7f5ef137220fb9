import type { Db } from '../db';
import { AppError } from './errors';

/**
 * A rate limit every instance on one database shares (the sign-in limits): attempts per key and fixed window are
 * counted in table rate_limit_windows (migration 024), so N instances behind a proxy allow the limit once, not N
 * times. A key's window starts with its first attempt (like the in-memory limits); times are the database clock, one
 * for all instances. One upsert per attempt counts and answers the new count under the row's lock, so two instances
 * counting at once cannot both slip under the limit.
 */
const KEEP_SECONDS = 3600;
const SWEEP_EVERY_MS = 60_000;

export function sharedWindowLimit(db: Db, max: number, windowSeconds = 60): (key: string) => Promise<void> {
  // Rows are swept an hour after their window started, whichever limiter sweeps: longer windows would be cut short.
  if (windowSeconds > KEEP_SECONDS) throw new Error(`sharedWindowLimit: windows up to ${KEEP_SECONDS} s`);
  let nextSweep = 0;
  return async (key) => {
    const now = Date.now();
    if (now > nextSweep) {
      nextSweep = now + SWEEP_EVERY_MS;
      // Off the request's path: whichever instance comes by deletes what no window needs any more.
      void db.query(`delete from rate_limit_windows where window_start < now() - interval '${KEEP_SECONDS} seconds'`).catch(() => undefined);
    }
    // In DO UPDATE every `w.` is the row before the update: a window that has ended starts again with this attempt.
    const [row] = await db.query<{ hits: number; seconds_left: number }>(
      `insert into rate_limit_windows as w (key, window_start, hits) values ($1, now(), 1)
       on conflict (key) do update set
         hits = case when w.window_start + make_interval(secs => $2::int) <= now() then 1 else w.hits + 1 end,
         window_start = case when w.window_start + make_interval(secs => $2::int) <= now() then now() else w.window_start end
       returning w.hits, extract(epoch from (w.window_start + make_interval(secs => $2::int) - now()))::float8 as seconds_left`,
      [key, windowSeconds]);
    if (row!.hits > max) throw new AppError('RATE_LIMITED', 'problem.rateLimited', { seconds: Math.max(1, Math.ceil(row!.seconds_left)) });
  };
}
