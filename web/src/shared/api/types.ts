// Types of the Kechuang HTTP API the generated schema.ts cannot give: the generic record shapes (fields described
// at run time by GET /api/meta/entities) and answers whose routes declare no response schema. The rest come from
// schema.ts (`ResponseOf`, `BodyOf` in client.ts).
import type { ResponseOf } from './client';

export type User = NonNullable<ResponseOf<'/api/auth/me', 'get'>['user']>;
export type Role = User['role'];

export interface Session {
  user: User | null;
  csrfToken: string | null;
}

export interface BiLabel {
  zh: string;
  en: string;
}

export type FieldType = 'text' | 'longtext' | 'int' | 'number' | 'bool' | 'date' | 'enum' | 'list' | 'ref';

export interface FieldOption {
  value: string;
  label: BiLabel;
}

export interface FieldMeta {
  name: string;
  type: FieldType;
  label: BiLabel;
  required: boolean;
  options?: FieldOption[];
  ref?: string;
  inList: boolean;
  filter: boolean;
  readOnly?: boolean;
  /** The field is the English text of the named (Chinese) field: lists show one of the two, in the reader's language. */
  translationOf?: string;
}

export interface EntityMeta {
  name: string;
  label: BiLabel;
  /** Organisation users may create and change such records of their own organisation. */
  orgUserMayWrite?: boolean;
  fields: FieldMeta[];
}

export interface RefValue {
  id: number;
  code?: string | null;
  name_zh?: string | null;
  name_en?: string | null;
}

export interface Item {
  id: number;
  version: number;
  generated: boolean;
  published: boolean;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
  refs?: Record<string, RefValue | null>;
  /** In the response for one record: whether the caller may change or retire it. */
  may_edit?: boolean;
  [field: string]: unknown;
}

export interface ListResult<T = Item> {
  /** More than 1,000 records match: `total` is then 1,000, a lower bound shown as "more than 1,000". */
  totalIsLowerBound?: boolean;
  items: T[];
  total: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  user: { id: number; username: string } | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export type { FieldError } from './client';

export interface ImportLineError {
  line: number;
  field: string;
  /** The column's label in the user's language (the server's import messages). */
  column?: string;
  message: string;
}

export interface ValidationReport {
  entity: string;
  rows: number;
  valid: number;
  errors: ImportLineError[];
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** A background job as GET /api/jobs/:id answers; `result` is each kind's own summary. */
export type Job = ResponseOf<'/api/jobs/{id}', 'get'>;
/** The result of a finished import job (src/shared/records/record-import.ts). */
export interface ImportJobResult { inserted: number; updated: number; skipped: number }
/** An import job as the wizard reads it. */
export type ImportJob = Omit<Job, 'result'> & { result: ImportJobResult | null };

export type Dashboard = ResponseOf<'/api/zones/{id}/dashboard', 'get'>;
export type LabeledCount = Dashboard['byKind'][number];
