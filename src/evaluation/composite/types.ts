/**
 * Plain-data types of the composite-indicator engine. Inputs and outputs are JSON-like so the
 * engine stays pure: no database, no files. Missing values (NA) are `null` in public tables.
 */

/** One row of the framework (COINr's iMeta): an indicator (Level 1) or an aggregate. */
export interface FrameworkNode {
  iCode: string;
  level: number;
  /** 1 = higher is better, -1 = lower is better. Only used for indicators. */
  direction: 1 | -1;
  weight: number;
  /** iCode of the parent aggregate; null for the top level. */
  parent: string | null;
  /** Name of the denominator column used by `denominate`, if any. */
  denominator?: string | null;
  /** Target value (original units) for distance-to-target normalisation. */
  target?: number | null;
  /** Goalposts (original units): the worst and best plausible values. */
  goalposts?: { worst: number; best: number } | null;
}

/** Unit-level input: one row per unit (or per unit and year for panels). */
export interface CompositeData {
  units: string[];
  /** Indicator columns keyed by iCode (Level-1 nodes of the framework). */
  indicators: Record<string, (number | null)[]>;
  denominators?: Record<string, (number | null)[]>;
  groups?: Record<string, (string | null)[]>;
  /** Year of each row; required by panel functions and panel imputation. */
  time?: (number | null)[];
}

/** A unit × column table. Column-major: `values[j][i]` is unit i, column j. NA is null. */
export interface Table {
  units: string[];
  codes: string[];
  values: (number | null)[][];
}

export type ImputeMethod =
  | { method: 'group-mean'; group: string }
  | { method: 'previous-year' }
  | { method: 'regression' };

export interface ScreenMethod {
  /** Units with a smaller fraction of non-NA indicators are dropped. */
  minAvailability: number;
}

export type TreatMethod =
  | { method: 'winsorise-then-log'; skew?: number; kurt?: number; winmax?: number }
  | { method: 'winsorise'; skew?: number; kurt?: number; winmax?: number }
  | { method: 'log'; skew?: number; kurt?: number };

export type NormaliseMethod =
  | { method: 'minmax'; lower?: number; upper?: number }
  | { method: 'zscore'; mean?: number; sd?: number }
  | { method: 'rank' }
  | { method: 'prank' }
  | { method: 'distance-to-reference'; unit: string }
  | { method: 'distance-to-target'; cap?: boolean }
  | { method: 'goalposts'; scale?: number };

export type AggregateMethodName = 'amean' | 'gmean' | 'hmean' | 'copeland';

export interface AggregateMethod {
  method: AggregateMethodName;
  /** copeland only: the level whose nodes are compared (default: the pillars, or the indicators in a flat framework). */
  level?: number;
  /** copeland only: how the nodes up to `level` are built (default amean). */
  below?: Exclude<AggregateMethodName, 'copeland'>;
}

/** Where aggregation weights come from. */
export type WeightsSpec =
  | { source: 'meta' }
  | { source: 'equal' }
  | { source: 'override'; weights: Record<string, number> }
  | { source: 'pca' };

export interface CompositeMethod {
  denominate?: boolean;
  impute?: ImputeMethod | null;
  screen?: ScreenMethod | null;
  treat?: TreatMethod | null;
  normalise: NormaliseMethod;
  aggregate: AggregateMethod;
  weights?: WeightsSpec | null;
}

/** Per-indicator record of what the outlier treatment did (COINr's Dets_Table). */
export interface TreatmentDetail {
  iCode: string;
  pass0: boolean;
  skew0: number;
  kurt0: number;
  /** Points winsorised (COINr `nwin`); null when winsorisation was not attempted. */
  nwin: number | null;
  pass1: boolean | null;
  skew1: number | null;
  kurt1: number | null;
  /** True when winsorisation was discarded and log_CT applied to the original values. */
  logged: boolean;
  pass2: boolean | null;
  skew2: number | null;
  kurt2: number | null;
}

export interface ScreenSummary {
  uCode: string;
  nMissing: number;
  availability: number;
  included: boolean;
}

/** Everything a build produces, stage by stage, so every number can be traced. */
export interface CompositeResult {
  framework: FrameworkNode[];
  raw: Table;
  denominated: Table;
  imputed: Table;
  screened: Table;
  screening: ScreenSummary[];
  treated: Table;
  treatment: TreatmentDetail[];
  /** Treated cells, column-major like the tables: '', 'winhi', 'winlo' or 'log_CT'. */
  treatedPoints: { units: string[]; codes: string[]; values: string[][] };
  normalised: Table;
  /** Normalised indicators followed by aggregates, level by level. */
  aggregated: Table;
  ranks: Table;
  /** Weights actually used, by iCode (raw, not rescaled). */
  weights: Record<string, number>;
}
