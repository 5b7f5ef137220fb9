import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

// Loading jieba's dictionary takes ~200 ms, so it happens once, on first use.
let jieba: Jieba | undefined;

function getJieba(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/**
 * Segments (already folded) text with jieba in search mode: long words also yield their
 * dictionary sub-words (数据库 → 数据, 数据库), which helps recall when two texts phrase a
 * compound differently. HMM is off so unknown character runs split into single characters
 * the same way in every context, instead of being glued into context-dependent pseudo-words.
 */
export function segmentChinese(text: string): string[] {
  return getJieba().cutForSearch(text, false);
}

/**
 * Whole words only (jieba's precise mode, HMM off), every piece of the text in order (punctuation and spaces
 * included, so offsets can be tracked): for showing words as a reader would split them, where search mode's
 * sub-words and bridging pieces ("处理工艺" → 理工) would read as bad splits.
 */
export function segmentChineseWords(text: string): string[] {
  return getJieba().cut(text, false);
}
