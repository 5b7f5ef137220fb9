// The language rules of the browser pass: what they flag and what they leave alone (see language-rules.ts).
import { describe, expect, it } from 'vitest';
import { chineseOnEnglishPage, englishOnChinesePage, rawCode } from './language-rules';

describe('language rules of the browser pass', () => {
  it('flags an English phrase on a Chinese page, not codes, units or short names', () => {
    expect(englishOnChinesePage('获评国家级孵化器。 / Awarded National Demonstration Base')).toBeTruthy();
    expect(englishOnChinesePage('as reported c. 2023')).toBeTruthy();
    expect(englishOnChinesePage('营业收入（万元） R&D 投入 IPC H01M 4/13')).toBeNull();
    expect(englishOnChinesePage('Lanzhou New Area')).toBeTruthy();
    expect(englishOnChinesePage('火炬中心（Torch Centre）')).toBeNull();
    expect(englishOnChinesePage('来源：“Lanzhou New Area Annual Report on Innovation”')).toBeNull();
    expect(englishOnChinesePage('见 https://example.org/a/very/long/path and more')).toBeNull();
  });

  it('flags Chinese sentences and Chinese beside English on an English page, not a name standing alone', () => {
    expect(chineseOnEnglishPage('生成的演示数据，并非真实企业。')).toBeTruthy();
    expect(chineseOnEnglishPage('Amount (10k yuan 万元)')).toBeTruthy();
    expect(chineseOnEnglishPage('兰州科近泰基新技术有限责任公司')).toBeNull();
    expect(chineseOnEnglishPage('Named “中牧股份”; a biomedicine firm')).toBeNull();
    expect(chineseOnEnglishPage('中文')).toBeNull();
    expect(chineseOnEnglishPage('这是一段没有标点但是非常非常长的中文文字内容用来描述一个机构的情况和业务')).toBeTruthy();
  });

  it('flags stored codes and database ids, not file names, colours or record codes', () => {
    expect(rawCode('状态：in_review')).toBe('in_review');
    expect(rawCode('需求方 #68')).toBe('#68');
    expect(rawCode('evaluation_2024.xlsx')).toBeNull();
    expect(rawCode('SEED-LZNA-IIB')).toBeNull();
    expect(rawCode('color #1677ff')).toBeNull();
    expect(rawCode('第 3 名')).toBeNull();
  });
});
