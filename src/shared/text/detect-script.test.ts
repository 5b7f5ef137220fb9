import { describe, expect, it } from 'vitest';
import { detectScript, simplifyChars } from './detect-script';

describe('detectScript', () => {
  it('tells Simplified from Traditional Chinese by form-specific characters', () => {
    expect(detectScript('兰州高新区生物医药产业集聚各类药企200多家')).toEqual({ lang: 'zh', script: 'Hans' });
    expect(detectScript('蘭州高新區生物醫藥產業集聚各類藥企200多家')).toEqual({ lang: 'zh', script: 'Hant' });
  });

  it('tells English from Chinese in mixed text, and says und for text with neither', () => {
    expect(detectScript('Chengdu Future Science and Technology City will build 1 national laboratory')).toEqual({ lang: 'en', script: 'Latn' });
    expect(detectScript('新区建成1号IDC和5G基站')).toEqual({ lang: 'zh', script: 'Hans' });
    expect(detectScript('2024-03-11 12:00')).toEqual({ lang: 'und', script: 'Zyyy' });
  });
});

describe('simplifyChars', () => {
  it('maps Traditional characters one by one and keeps the length', () => {
    expect(simplifyChars('版權聲明：未經許可不得轉載')).toBe('版权声明：未经许可不得转载');
    expect(simplifyChars('abc 中文')).toBe('abc 中文');
  });
});
