import { describe, expect, it } from 'vitest';
import { analyze, foldScript } from './index';

describe('foldScript', () => {
  it('maps Traditional to Simplified, full-width to half-width and lower-cases', () => {
    expect(foldScript('高頻銅箔')).toBe('高频铜箔');
    expect(foldScript('ＡＢＣ１２３')).toBe('abc123');
    expect(foldScript('Copper FOIL')).toBe('copper foil');
  });

  it('maps Taiwan phrasing to mainland phrasing', () => {
    expect(foldScript('軟體與資料庫')).toBe('软件与数据库');
  });

  it('leaves Simplified text unchanged', () => {
    expect(foldScript('锂离子电池正极材料')).toBe('锂离子电池正极材料');
  });
});

describe('analyze', () => {
  it('segments Chinese, drops punctuation and stopwords', () => {
    const tokens = analyze('高频铜箔的制备技术。');
    expect(tokens).toContain('铜箔');
    expect(tokens).toContain('制备');
    expect(tokens).not.toContain('的');
    expect(tokens).not.toContain('。');
  });

  it('gives the same tokens for Traditional and Simplified text', () => {
    expect(analyze('釷基熔鹽堆主泵')).toEqual(analyze('钍基熔盐堆主泵'));
  });

  it('splits and stems English, keeping codes', () => {
    expect(analyze('The Copper Foils for 5G high-frequency boards (H01M)')).toEqual([
      'copper', 'foil', '5g', 'high', 'frequenc', 'board', 'h01m',
    ]);
  });

  it('handles mixed Chinese and English', () => {
    const tokens = analyze('锂离子电池 Lithium-ion batteries');
    expect(tokens).toEqual(expect.arrayContaining(['锂离子', '电池', 'lithium', 'ion', 'batteri']));
  });

  it('returns nothing for punctuation only or empty text', () => {
    expect(analyze('')).toEqual([]);
    expect(analyze('，。！？…—— ,.;:!?')).toEqual([]);
  });

  it('is deterministic', () => {
    const text = '碳离子治疗装置 carbon-ion therapy 重离子';
    expect(analyze(text)).toEqual(analyze(text));
  });
});
