// Kechuang's text pipeline: every component that compares text (registry search, matching,
// extraction) goes through these functions so that tokens agree across the platform.
export { foldScript, hasCjk, toSimplified } from './fold-script';
export { analyze, analyzeFolded, splitWords } from './analyze';
export { segmentChinese, segmentChineseWords } from './segment-chinese';
export { CHINESE_STOPWORDS, ENGLISH_STOPWORDS } from './stopwords';
export { detectScript, countScripts, scriptFromCounts, simplifyChars, type TextLang, type TextScript, type ScriptCounts } from './detect-script';
export { splitSentences, type SentenceSpan } from './split-sentences';
