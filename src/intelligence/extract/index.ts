// Indicator-fact extraction: a pure module (no database, no network). See README.md.
export { extractFacts } from './facts';
export type { Fact, ExtractInput, Bound } from './extract';
export type { ExtractContext } from './context';
export type { ZoneAlias } from './rules';
export { canonicalDecimal } from './decimal';
