import { describe, expect, it } from 'vitest';
import { splitSentences } from './split-sentences';

function sentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it('splits Chinese at 。！？ and keeps closing quotes with the sentence', () => {
    expect(sentences('总投资268亿元。新区成立了20多个专班！“这是好事。”他说。')).toEqual(['总投资268亿元。', '新区成立了20多个专班！', '“这是好事。”', '他说。']);
  });

  it('does not split decimals or abbreviations', () => {
    expect(sentences('R&D reached 3.14 percent of GDP. Mr. Wang of the U.S. office said so, e.g. in No. 5. Then it ended.')).toEqual([
      'R&D reached 3.14 percent of GDP.',
      'Mr. Wang of the U.S. office said so, e.g. in No. 5.',
      'Then it ended.',
    ]);
    expect(sentences('增长9.7%。')).toEqual(['增长9.7%。']);
    expect(sentences('Visit kechuang.cn for details.')).toEqual(['Visit kechuang.cn for details.']);
  });

  it('splits run-together machine-made sentences', () => {
    expect(sentences('They are very impressive.Since then it grew.– 20 platforms were built.')).toEqual([
      'They are very impressive.',
      'Since then it grew.',
      '– 20 platforms were built.',
    ]);
  });

  it('keeps "J. Smith" together and splits at line breaks', () => {
    expect(sentences('Report by J. Smith and others\nSecond line')).toEqual(['Report by J. Smith and others', 'Second line']);
  });

  it('honours a start and end inside the text and returns absolute offsets', () => {
    const text = 'XX前文。第一句。第二句。YY';
    const spans = splitSentences(text, 5, 13);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['第一句。', '第二句。']);
    expect(spans[0]?.start).toBe(5);
  });
});
