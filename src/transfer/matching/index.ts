// Public interface of the matching engine (pure: no database, no I/O).
export { MatchingEngine, type MatchDirection, type MatchOptions, type MatchResponse, type MatchResult } from './match-engine';
export {
  matchItemSchema, parseMatchItem, MatchItemError, MAX_TEXT_CHARS, MAX_TITLE_CHARS, ITEM_FIELDS,
  type ItemField, type MatchItem, type MatchItemInput,
} from './match-item.schema';
export { DEFAULT_MATCH_WEIGHTS, CONFIDENT_MATCH_THRESHOLD, type MatchWeights } from './match-weights';
export { feedbackToPartyWeights, feedbackMultiplier, type FeedbackEvent, type FeedbackReason, type PartyWeights } from './party-feedback';
export { HIGH_TECH_FIELDS, fieldSimilarity, fieldsWithIpcSubFields, isHighTechFieldCode } from './high-tech-fields';
export { parseIpc, ipcSimilarity, isIpcCode, type IpcPrefix, type IpcLevel } from './ipc';
export { getDefaultConceptDictionary, getConceptsOnlyDictionary, buildConceptDictionary, parseConcepts, type Concept, type ConceptDictionary } from './concept-dictionary';
export { getDefaultLexicon, type BilingualLexicon, type LexiconCandidate } from './bilingual-lexicon';
export { extractIpcCodes } from './ipc-from-text';
export { prepareItem, type PreparedItem, type ItemAttributes } from './prepare-item';
export { evaluateRun, parseQrels, type Qrels, type Run, type EvaluationSummary } from './evaluate-run';
