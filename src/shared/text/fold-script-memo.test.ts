import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldScript } from './fold-script';
import { foldScriptMemo } from './fold-script-memo';

const evalSet = join(import.meta.dirname, '../../transfer/matching/eval-set');

describe('foldScriptMemo', () => {
  it('equals foldScript on every text of the matching evaluation set', () => {
    const texts = ['offers.jsonl', 'demands.jsonl'].flatMap((file) =>
      readFileSync(join(evalSet, file), 'utf8').split('\n').filter(Boolean).flatMap((line) => {
        const item = JSON.parse(line) as { title?: string; text: string };
        return [item.title ?? '', item.text];
      }),
    );
    expect(texts.length).toBeGreaterThan(500);
    for (const text of texts) expect(foldScriptMemo(text)).toBe(foldScript(text));
  });

  it('equals foldScript on phrases OpenCC rewrites, glued by punctuation, spaces and Latin text', () => {
    // Phrase-level conversions (Taiwan phrasing) and characters that change, in random order and
    // with random separators, so pieces start and end everywhere; twice, so memo hits are checked too.
    const parts = ['軟體', '資料庫', '記憶體', '網路', '程式', '乾燥', '著作', '頭髮', '發展', '高頻', '銅箔', '釷基熔鹽堆', '⿰氵青',
      '，', '。', ' ', '、', 'ABC', 'x', '５Ｇ', '（', '）', '𠀀', '的', '與', '后', '後', '干', '乾隆', '隻', '只'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let round = 0; round < 2; round++) {
      seed = 7;
      for (let n = 0; n < 2000; n++) {
        const text = Array.from({ length: 1 + Math.floor(random() * 12) }, () => parts[Math.floor(random() * parts.length)]).join('');
        expect(foldScriptMemo(text)).toBe(foldScript(text));
      }
    }
  });

  it('folds scripts like foldScript does', () => {
    expect(foldScriptMemo('軟體與資料庫，５Ｇ Copper')).toBe('软件与数据库,5g copper');
  });
});
