import type { Actor } from '../access/actor';
import type { Queryable } from '../db';
import type { Label, MessageKey } from '../i18n';

/**
 * A registry record type is described once, as data: its table, its fields with their labels in both
 * languages, and who may change it. The validation schema, the OpenAPI document, the generic repository,
 * the import/export columns and the web app's forms are all derived from this description.
 */
export type FieldType = 'text' | 'longtext' | 'int' | 'number' | 'bool' | 'date' | 'enum' | 'list' | 'ref';

export interface Option {
  value: string;
  label: Label;
}

export interface FieldDef {
  name: string;
  type: FieldType;
  label: Label;
  required?: boolean;
  options?: readonly Option[];
  /** For `ref` fields: the entity referred to (by id over the API, by code in files). */
  ref?: string;
  min?: number;
  max?: number;
  maxLength?: number;
  /** Shown as a column in lists. */
  inList?: boolean;
  /** Offered as a list filter (`?field=value`). */
  filter?: boolean;
  /** Feeds full-text search. */
  search?: boolean;
  /** Derived by the service (e.g. zone_id from the organisation); never set by callers. */
  derived?: boolean;
  /** Text stored in capitals (credit codes): lower-case input is upper-cased, not refused. */
  upperCase?: boolean;
  /** The column is not null: an optional list is sent empty or left out, never as null. (Booleans are never null.) */
  notNull?: boolean;
  /** Personal contact data (PIPL): shown only to brokers, admins and the person's own organisation. */
  contact?: boolean;
  /** A value that passes `check`, for the import template's example row (fields with a format of their own). */
  example?: string;
  /** The field is the English text of the named (Chinese) field: lists show one of the two, in the reader's language. */
  translationOf?: string;
  /** Extra rule on a present value; returns a problem or null. */
  check?: (value: unknown, record: Record<string, unknown>) => { key: MessageKey; params?: Record<string, string | number> } | null;
}

/** How the zone that owns a record is found: the record is a zone, or has zone_id, or takes it from its organisation. */
export type ZoneOwnership = 'self' | 'field' | 'organization';

export interface EntityDef {
  /** URL segment and the name used everywhere: 'organizations', 'annual-statistics'. */
  name: string;
  table: string;
  label: Label;
  fields: readonly FieldDef[];
  zoneOwnership: ZoneOwnership;
  /** The table has a GIN index over `(zone_id::text, search)` (migrations/008): text search within zones uses it. */
  searchIndexedByZone?: boolean;
  /** A text search also finds the records of organisations whose name matches (records that say little themselves). */
  searchThroughOrganization?: boolean;
  /** Organisation users may change records of their own organisation (org record itself, or rows with organization_id). */
  orgUserMayWrite: boolean;
  /** Prefix of codes generated for records created without one. */
  codePrefix: string;
  /** Columns that name a record when another record refers to it (default name_zh, name_en). */
  labelColumns?: readonly [zh: string, en: string];
  /** Default sort column for lists. */
  defaultSort: string;
  /** Records are published (visible to anonymous visitors) unless the input says otherwise. */
  publishedByDefault: boolean;
  /** Cross-field checks, e.g. valid_to ≥ valid_from. */
  checkRecord?: (record: Record<string, unknown>) => RecordProblem | null;
  /**
   * What a file import may set beyond the schema, for entities whose routes guard some columns (a workflow status,
   * publication): imports do not pass through those routes, so the same guard runs per row here.
   */
  checkImportRow?: (record: Record<string, unknown>, actor: Actor) => RecordProblem | null;
  /**
   * Runs inside an import's transaction after all its rows are written, with their codes: for what the entity's routes
   * log beside a write (the transfer workflow's status events), so that an import leaves the same trail.
   */
  afterImport?: (tx: Queryable, codes: readonly string[], actor: Actor) => Promise<void>;
  /** Computes the code of a record imported without one, from its natural key (e.g. credit code, org + year). */
  naturalCode?: (record: Record<string, unknown>, refCodes: Record<string, string | undefined>) => string | undefined;
}

/** A rule a record breaks: the field to name and the message (with its parameters). */
export interface RecordProblem {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

export const label = (zh: string, en: string): Label => ({ zh, en });
export const option = (value: string, zh: string, en: string): Option => ({ value, label: { zh, en } });
