/**
 * Public interface of the composite-indicator engine (pure: plain data in, plain data out).
 * See README.md for the method definitions and how the tests check them against COINr.
 */
export type {
  AggregateMethod,
  AggregateMethodName,
  CompositeData,
  CompositeMethod,
  CompositeResult,
  FrameworkNode,
  ImputeMethod,
  NormaliseMethod,
  ScreenMethod,
  ScreenSummary,
  Table,
  TreatMethod,
  TreatmentDetail,
  WeightsSpec,
} from './types';
export { CompositeError, isCompositeError, type CompositeErrorCode } from './errors';
export { buildFramework, type Framework } from './framework';
export { buildComposite } from './pipeline';
export { buildPanel, type PanelMethod, type PanelResult, type PanelTable } from './panel';
export { indicatorStats, kurtosis, skewness, quantile, type IndicatorStats } from './stats';
export { copelandScores, type CopelandResult } from './copeland';
export {
  correlationMatrix,
  correlationsWithParent,
  cronbachAlpha,
  cronbachByGroup,
  effectiveWeights,
  pca,
  pcaByGroup,
  type PcaResult,
} from './analysis';
export { metaWeights, resolveWeights } from './weights';
export { FastModel, type ModelSpec, type RunSettings } from './fastModel';
export { runBatch, type BatchOptions, type BatchResult } from './runBatch';
export {
  evaluateRuns,
  runUncertainty,
  noisyWeightSets,
  type InputName,
  type RankStats,
  type UncertainInputs,
  type UncertaintyOptions,
  type UncertaintyResult,
} from './uncertainty';
export { runSaltelli, sobolIndices, type SaltelliOptions, type SaltelliResult, type SensitivityIndex } from './saltelli';
export { replayRuns, type RecordedRun, type ReplayResult } from './replay';
export { removeEachAggregate, type RemovalResult } from './removeAggregate';
export { createRng, cutToOptions, type Rng } from './random';
export { InputError, formatCsv, formatNumber, formatTable, readData, readFramework } from './csv';
