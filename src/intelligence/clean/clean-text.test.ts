import { describe, expect, it } from 'vitest';
import { cleanDocument, readDocument, type CleanDocument } from './index';
import { expectOffsetsMapBack } from './test-support';

async function cleanText(text: string): Promise<CleanDocument> {
  const read = await readDocument(new TextEncoder().encode(text), 'article.txt');
  if (!read.ok) throw new Error(read.code);
  return cleanDocument(read);
}

describe('cleaning plain text without over-removing', () => {
  it('keeps subheadings, slogans and lines that merely start like boilerplate', async () => {
    const lines = [
      '市科技局召开一季度工作推进会',
      '创新·协调·绿色·开放·共享',
      '一、主要指标',
      '电话会议上，各区县汇报了一季度科技工作进展，全市技术合同登记额达到85.6亿元，同比增长21.4%。',
      '评论员文章认为，创新主体培育成效明显，高新技术企业总数突破3000家。',
      '地址选在高新区的新型研发机构已有12家，累计孵化企业230余家，带动就业1.2万人。',
      '二、下一步工作',
      '全市将继续加大研发投入，力争全年研发经费投入强度达到2.8%以上。',
      '市科技局',
      '2024年4月15日',
    ];
    const doc = await cleanText(lines.join('\n'));
    expect(doc.text).toBe(lines.slice(0, -1).join('\n\n'));
    expect(doc.removed.map((r) => r.reason)).toEqual(['byline']);
    expect(doc.title).toBe('市科技局召开一季度工作推进会');
    expect(doc.paragraphs.filter((p) => p.heading).map((p) => doc.text.slice(p.start, p.end))).toEqual([
      '市科技局召开一季度工作推进会',
      '创新·协调·绿色·开放·共享',
      '一、主要指标',
      '二、下一步工作',
      '市科技局',
    ]);
    expectOffsetsMapBack(doc);
  });

  it('does not repair brackets that hold ordinary words, only tone-marked pinyin', async () => {
    const text = '新区(兰州)科技园区引进企业(含外资)12家。企業(yè)數量增長。';
    const doc = await cleanText(text);
    expect(doc.text).toBe('新区(兰州)科技园区引进企业(含外资)12家。企業數量增長。');
    expect(doc.repairs).toHaveLength(1);
    expectOffsetsMapBack(doc);
  });

  it('detects language and script per paragraph in a mixed document', async () => {
    const doc = await cleanText('蘭州高新區生物醫藥產業集聚企業200多家。\nThe zone hosts more than 200 biomedical firms.\n兰州新区新增国家高新技术企业21家。');
    expect(doc.paragraphs.map((p) => [p.lang, p.script])).toEqual([
      ['zh', 'Hant'],
      ['en', 'Latn'],
      ['zh', 'Hans'],
    ]);
  });
});
