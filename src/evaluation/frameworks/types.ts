import type { CompositeMethod } from '../composite';

/** The engine's method, plus the panel scope for pooled multi-year normalisation (EIS). */
export type FrameworkMethod = CompositeMethod & { normaliseScope?: 'pooled' | 'per-year' };

export interface PerformanceGroup {
  /** Lower bound (inclusive) of the score relative to the reference (reference = 100); null = everything below. */
  min: number | null;
  code: string;
  name_zh: string;
  name_en: string;
}

export interface FrameworkOptions {
  /** Weights of the children of every aggregate at `level` must sum to `sum` (e.g. Torch dimensions to 100). */
  weightRules?: { level: number; sum: number; tolerance?: number }[];
  /** 'error': an indicator without data for any unit stops the evaluation; 'drop': it is left out and reported. */
  missingIndicators?: 'error' | 'drop';
  /** Pooled panel: min and max over this many years up to the evaluated year (EIS). null = one year at a time. */
  panelYears?: number | null;
  /** Scores relative to a reference zone (code; null = mean of the evaluated zones) in a reference year (null = first year of the window). */
  reference?: { zone: string | null; year: number | null } | null;
  /** Performance groups by threshold on the relative score, highest first. */
  groups?: PerformanceGroup[] | null;
  /** Aggregate weights = number of indicators below (recomputed after indicators are left out): an unweighted mean of indicators (EIS). */
  countWeights?: boolean;
}

export interface FrameworkNodeDef {
  code: string;
  parent: string | null;
  level: number;
  name_zh: string;
  name_en?: string | null;
  weight: number;
  /** Indicator code for level-1 nodes (the node code is the indicator code). */
  indicator?: string | null;
  description?: string | null;
}

export interface FrameworkDef {
  code: string;
  name_zh: string;
  name_en: string;
  description: string;
  method: FrameworkMethod;
  options: FrameworkOptions;
  nodes: FrameworkNodeDef[];
}
