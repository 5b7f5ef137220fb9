import { AppError } from './errors';

/**
 * A second rate limit for a route that already has one: @fastify/rate-limit runs at most one limiter per request,
 * so a limit on another key (e.g. the address across all user names, beside address + user name) is counted here.
 * Fixed one-minute windows in memory, like the plugin's default store.
 */
export function fixedWindowLimit(max: number, windowMs = 60_000): (key: string) => void {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let nextSweep = 0;
  return (key) => {
    const now = Date.now();
    if (now > nextSweep) {
      for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
      nextSweep = now + windowMs;
    }
    let w = windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + windowMs };
      windows.set(key, w);
    }
    w.count++;
    if (w.count > max) throw new AppError('RATE_LIMITED', 'problem.rateLimited', { seconds: Math.ceil((w.resetAt - now) / 1000) });
  };
}
