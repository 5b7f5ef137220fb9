import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { foldScript, toSimplified } from './fold-script';

const evalSet = join(import.meta.dirname, '../../transfer/matching/eval-set');
// The library's own converter is the reference: toSimplified only skips passes that cannot match.
const reference = Converter({ from: 'twp', to: 'cn' });

describe('toSimplified', () => {
  it("equals opencc-js's twp → cn converter on every text of the matching evaluation set", () => {
    const texts = ['offers.jsonl', 'demands.jsonl'].flatMap((file) =>
      readFileSync(join(evalSet, file), 'utf8').split('\n').filter(Boolean).flatMap((line) => {
        const item = JSON.parse(line) as { title?: string; text: string };
        return [item.title ?? '', item.text];
      }),
    );
    expect(texts.length).toBeGreaterThan(500);
    for (const text of texts) expect(toSimplified(text.normalize('NFKC'))).toBe(reference(text.normalize('NFKC')));
  });

  it('equals the converter on phrases OpenCC rewrites, glued by punctuation, spaces and Latin text', () => {
    // Phrase-level conversions (Taiwan phrasing), characters that change, segmentation phrases,
    // variants, astral characters and ideographic description sequences, in random order.
    const parts = ['軟體', '資料庫', '記憶體', '網路', '程式', '乾燥', '著作', '頭髮', '發展', '高頻', '銅箔', '釷基熔鹽堆', '⿰氵青',
      '，', '。', ' ', '、', 'ABC', 'x', '５Ｇ', '（', '）', '𠀀', '的', '與', '后', '後', '干', '乾隆', '隻', '只', '裏', '裡', '峯', '着', '著',
      '技术', '简体中文', '繁體中文', '鍾', '钟', '於', '于', '麵', '面', '雲', '云'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let n = 0; n < 5000; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 12) }, () => parts[Math.floor(random() * parts.length)]).join('');
      expect(toSimplified(text)).toBe(reference(text));
    }
  });
});

describe('foldScript', () => {
  it('folds width, script and case', () => {
    expect(foldScript('軟體與資料庫，５Ｇ Copper')).toBe('软件与数据库,5g copper');
  });

  it('leaves text without CJK to NFKC and lower-case', () => {
    expect(foldScript('Ｃｏｐｐｅｒ Foil')).toBe('copper foil');
  });
});
