import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanDocument, readDocument, type CleanDocument } from './index';
import { expectOffsetsMapBack, removedText } from './test-support';

// The five seed documents (copies of /work/shared/seeds): real texts with real defects.
const seedDir = join(import.meta.dirname, 'fixtures', 'seeds');
const SEEDS = {
  '000': '000_496e32b55310cd60.txt',
  '001': '001_f70a08798afe7b4d.txt',
  '002': '002_3f05d25038775d93.txt',
  '003': '003_02898c15ca762943.txt',
  '004': '004_79048d5c3ccee9bc.txt',
} as const;

async function cleanSeed(id: keyof typeof SEEDS): Promise<CleanDocument> {
  const name = SEEDS[id];
  const read = await readDocument(readFileSync(join(seedDir, name)), name);
  if (!read.ok) throw new Error(read.message.en);
  return cleanDocument(read);
}

describe('cleaning the seed documents', () => {
  it('001: removes the injected spam header, site header, share bar, repeated headline, related list and link farm; repairs 企業(yè)', async () => {
    const doc = await cleanSeed('001');
    expect(doc.original).toBe(readFileSync(join(seedDir, SEEDS['001']), 'utf8'));
    expect(removedText(doc, 'spam')).toContain('九九九中文无码');
    expect(doc.text).not.toMatch(/无码|精品|久久/);
    expect(removedText(doc, 'site-header')).toContain('中國企業(yè)報集團主管主辦');
    expect(removedText(doc, 'share')).toContain('微博 微信');
    expect(removedText(doc, 'repeated-lead')).toContain('凝聚科技創(chuàng)新合力');
    expect(removedText(doc, 'related-articles')).toContain('合肥高新區(qū):崢嶸30年');
    expect(removedText(doc, 'link-list')).toContain('貴州茅臺酒股份有限公司');
    expect(removedText(doc, 'navigation')).toContain('上一條');
    // Conversion artefacts repaired everywhere in the kept text, by pattern.
    expect(doc.text).not.toMatch(/\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-z]*\)/);
    expect(doc.text).toContain('2021年蘭州高新區在全國157家國家高新區年度綜合排名中位列第53名');
    expect(doc.text).toContain('集聚各類藥企共計200多家,實現產值200多億元');
    expect(doc.repairs.find((r) => r.from === '業(yè)')).toMatchObject({ kind: 'conversion-artefact', to: '業' });
    expect(doc.title).toBe('凝聚科技創新合力 蘭州高新區著力打造區域經濟新增長點');
    expect(doc.date).toBe('2022-03-10');
    expect(doc.lang).toBe('zh');
    expect(doc.script).toBe('Hant');
    expect(doc.text.startsWith('凝聚科技創新合力')).toBe(true);
    expect(doc.text.trimEnd().endsWith('注入新動能。')).toBe(true);
    // The headline is in the text once.
    expect(doc.text.split('凝聚科技創新合力').length).toBe(2);
    expectOffsetsMapBack(doc);
  });

  it('002: removes the contact block, the city menu, the dateline and the previous/next links', async () => {
    const doc = await cleanSeed('002');
    expect(removedText(doc, 'contact')).toContain('Tel: +86-17091920596');
    expect(removedText(doc, 'contact')).toMatch(/Wechat:\s17091920596/);
    expect(doc.text).not.toContain('17091920596');
    expect(doc.text).not.toMatch(/^Pre:|^Next:/m);
    expect(doc.title).toBe('Chengdu Construction of Science and Technology Innovation Center');
    expect(doc.date).toBe('2021-07-17');
    expect(doc.text).toContain("the scale of Chengdu's electronic information industry reached 1,006.57 billion yuan, an increase of 19.8% year-on-year");
    expect(doc.lang).toBe('en');
    expect(doc.paragraphs.every((p) => p.lang === 'en' && p.script === 'Latn')).toBe(true);
    expectOffsetsMapBack(doc);
  });

  it('003: removes the byline, editor and copyright notice; repairs 區(qū) and the shifted GBK bytes', async () => {
    const doc = await cleanSeed('003');
    expect(removedText(doc, 'copyright')).toContain('未經(jīng)許可不得轉載或鏡像');
    expect(removedText(doc, 'byline')).toContain('責任編輯:王旭偉');
    expect(doc.text).not.toContain('版權聲明');
    expect(doc.text).not.toContain('(qū)');
    expect(doc.text).toContain('兌現獎補資金8573.9萬元');
    expect(doc.text).toContain('每萬名就業人員中研發人員數達到136.33人');
    // "?!疤m州" was "。“蘭州" in GBK, decoded one byte out of step.
    expect(doc.text).toContain('示范基地”。“蘭州高新區生物醫藥產業');
    expect(doc.repairs.find((r) => r.kind === 'shifted-gbk')).toMatchObject({ from: '?!疤m', to: '。“蘭' });
    expect(doc.title).toBe('提升創新主干 補齊產業發展短板 我市全力推動蘭白兩區高質量發展');
    expect(doc.script).toBe('Hant');
    expectOffsetsMapBack(doc);
  });

  it('004: removes the copyright notice with its phone number and signature, and the related-news list', async () => {
    const doc = await cleanSeed('004');
    expect(removedText(doc, 'copyright')).toContain('不得转载、修改、摘编');
    expect(removedText(doc, 'copyright')).toContain('甘肃媒体版权保护中心');
    expect(removedText(doc, 'contact')).toContain('0931-8159799');
    expect(removedText(doc, 'related-articles')).toContain('兰州新区推出95条改革创新举措');
    expect(doc.text).not.toContain('0931-8159799');
    expect(doc.text).not.toContain('相关新闻');
    expect(doc.text).toContain('今年一季度,新区集中开工重大项目38个,总投资268亿元');
    expect(doc.text.trimEnd().endsWith('奋力谱写中国式现代化兰州新区实践新篇章。')).toBe(true);
    expect(doc.title).toBe('向新而生 向质图强');
    expect(doc.script).toBe('Hans');
    expect(doc.date).toBeNull();
    expect(cleanDocument((await readDocument(readFileSync(join(seedDir, SEEDS['004'])), SEEDS['004'])) as never, { date: '2024-03-12' }).date).toBe('2024-03-12');
    expectOffsetsMapBack(doc);
  });

  it('000: keeps the machine-translated article, splits its run-together sentences, reads the dateline', async () => {
    const doc = await cleanSeed('000');
    expect(doc.date).toBe('2022-05-10');
    expect(doc.title).toMatch(/^Lanzhou New Area: To create a “strong magnetic field”/);
    expect(doc.text).toContain('with a conversion rate of 31.3 percent');
    const sentences = doc.sentences.map((s) => doc.text.slice(s.start, s.end));
    expect(sentences).toContain('The dedication and hard work of “Lanzhou New Area people” are very impressive.');
    // 3.7 is a decimal, not a sentence end.
    expect(sentences.some((s) => s.includes('accounted for 3.7 percent of GDP.'))).toBe(true);
    expect(sentences.length).toBeGreaterThan(40);
    expectOffsetsMapBack(doc);
  });

  it('every seed: paragraphs and sentences lie inside the clean text, in order', async () => {
    for (const id of Object.keys(SEEDS) as (keyof typeof SEEDS)[]) {
      const doc = await cleanSeed(id);
      let last = 0;
      for (const s of doc.sentences) {
        expect(s.start).toBeGreaterThanOrEqual(last);
        expect(s.end).toBeLessThanOrEqual(doc.text.length);
        last = s.end;
      }
      for (const p of doc.paragraphs) expect(doc.text.slice(p.start, p.end).trim()).not.toBe('');
    }
  });
});
