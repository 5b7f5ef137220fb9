import { z } from 'zod';

/** What a backup archive says about itself (manifest.json); restore trusts nothing in the archive that this does not vouch for. */
export const BACKUP_FORMAT = 'kechuang-backup';
export const BACKUP_FORMAT_VERSION = 1;

export const MANIFEST_FILE = 'manifest.json';
/** sha256 of manifest.json, so that a damaged manifest is told apart from a damaged member. */
export const MANIFEST_CHECKSUM_FILE = 'manifest.sha256';
/** The database member of each back end: PGlite's data folder as a tarball, or pg_dump's custom format. */
export const DATABASE_MEMBER = { pglite: 'database/pglite-data.tar.gz', postgres: 'database/postgres.dump' } as const;
export const UPLOADS_PREFIX = 'uploads/';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in hex');

export const tableStatsSchema = z.object({
  /** schema-qualified, quoted as PostgreSQL would (quote_ident). */
  name: z.string().min(1),
  rows: z.number().int().min(0),
  /** md5 over the sorted md5s of every row's text form: the same for the same rows in any order. */
  checksum: z.string().regex(/^[0-9a-f]{32}$/, 'must be an md5 in hex'),
});
export type TableStats = z.infer<typeof tableStatsSchema>;

export const memberSchema = z.object({
  /** Path inside the archive, '/'-separated, relative. */
  path: z.string().min(1).refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'must be a relative path inside the archive'),
  size: z.number().int().min(0),
  sha256,
});
export type Member = z.infer<typeof memberSchema>;

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().min(1),
  backend: z.enum(['pglite', 'postgres']),
  createdAt: z.iso.datetime(),
  schemaMigrations: z.array(z.string()),
  tables: z.array(tableStatsSchema),
  members: z.array(memberSchema),
});
export type Manifest = z.infer<typeof manifestSchema>;
