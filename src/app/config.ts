import { z } from 'zod';

/** Configuration from the environment, validated once at start; the process exits with a readable list of problems. */
const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
  /** A streaming replica of DATABASE_URL: lists, searches, dashboards, public listings and evaluations read from it. */
  DATABASE_READ_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
  KECHUANG_DATA_DIR: z.string().default('data'),
  KECHUANG_DEMO: z.enum(['0', '1']).default('1'),
  /** Behind a reverse proxy: 1/true to trust X-Forwarded-* (Secure cookies behind TLS), or the proxy's address list. */
  KECHUANG_TRUST_PROXY: z.string().optional(),
  /** Bearer token for GET /metrics; unset: only direct loopback scrapes are answered. */
  KECHUANG_METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Scheduled backups by the serve process (src/ops/backup): the folder (unset: none), every how many hours, how many to keep. */
  KECHUANG_BACKUP_DIR: z.string().optional(),
  KECHUANG_BACKUP_EVERY: z.coerce.number().positive().default(24),
  KECHUANG_BACKUP_KEEP: z.coerce.number().int().min(1).default(7),
}).refine((c) => !c.DATABASE_READ_URL || c.DATABASE_URL, { path: ['DATABASE_READ_URL'], message: 'needs DATABASE_URL (the primary it replicates)' });

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    console.error(`Configuration problems:\n${lines.join('\n')}`);
    process.exit(2);
  }
  return parsed.data;
}
