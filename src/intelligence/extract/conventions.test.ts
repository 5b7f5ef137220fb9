import { describe, expect, it } from 'vitest';
import { extractFacts, type Fact } from './index';

// One test per convention of issue 11 (values, units, hedges, periods, not-facts), each on a sentence of the genre.
const facts = (text: string, date?: string) => extractFacts({ text, date });
const one = (text: string, date?: string): Fact => {
  const found = facts(text, date);
  expect(found, `one fact in ${text}: ${JSON.stringify(found)}`).toHaveLength(1);
  return found[0]!;
};
const pick = (f: Fact) => ({ value: f.value, unit: f.unit });

describe('values', () => {
  it('scales 万 / 亿 / 万亿 by moving the decimal point, never through floats', () => {
    expect(pick(one('兑现奖补资金8573.9万元。'))).toEqual({ value: '85739000', unit: 'CNY' });
    expect(pick(one('签约总额达128.64亿元。'))).toEqual({ value: '12864000000', unit: 'CNY' });
    expect(pick(one('国家高新区营业收入2.1万亿元。'))).toEqual({ value: '2100000000000', unit: 'CNY' });
    expect(pick(one('安排资金0.1亿元。'))).toEqual({ value: '10000000', unit: 'CNY' });
    expect(pick(one('增加值达到0.3亿元。'))).toEqual({ value: '30000000', unit: 'CNY' }); // 0.3 × 1e8 in floats is 30000000.000000004
  });

  it('reads Taiwanese 兆 as 10^12 and composite figures (1兆9664億, 16萬5千, 26萬3,649)', () => {
    expect(pick(one('科學園區營業額達新台幣3兆元。'))).toEqual({ value: '3000000000000', unit: 'TWD' });
    expect(pick(one('總營業額為1兆9664億元。'))).toEqual({ value: '1966400000000', unit: 'CNY' });
    expect(pick(one('園區從業人員達16萬5千人。'))).toEqual({ value: '165000', unit: 'count' });
    expect(pick(one('就業人數來到26萬3,649人。'))).toEqual({ value: '263649', unit: 'count' });
    expect(pick(one('光伏装机容量100兆瓦。'))).toEqual({ value: '100', unit: 'MW' });
  });

  it('reads English multipliers and currency signs', () => {
    expect(pick(one('Business R&D reached 6,480 million euros in 2021.'))).toEqual({ value: '6480000000', unit: 'EUR' });
    expect(pick(one('Over 21,000 companies generate £30bn in revenue.'.replace('Over 21,000 companies', 'The companies')))).toEqual({ value: '30000000000', unit: 'GBP' });
    expect(pick(one('Investment reached ¥4.53bn in Q1.'))).toEqual({ value: '4530000000', unit: 'CNY' });
    expect(pick(one('Revenue hit 1,006.57 billion yuan.'))).toEqual({ value: '1006570000000', unit: 'CNY' });
    expect(pick(one('The fund holds US$1.2 billion.'))).toEqual({ value: '1200000000', unit: 'USD' });
  });

  it('reads full-width digits and keeps the quote in the original characters', () => {
    const f = one('新增企业１２３家。');
    expect(pick(f)).toEqual({ value: '123', unit: 'count' });
    expect(f.quote).toContain('１２３家');
  });

  it('reads ranks: 第七 / 第11位 / third-highest, and rank changes', () => {
    expect(pick(one('在全国高新区综合排名中位列第七。'))).toEqual({ value: '7', unit: 'rank' });
    expect(pick(one('综合排名居第11位。'))).toEqual({ value: '11', unit: 'rank' });
    expect(pick(one('The city has the third-highest employment growth in the country.'))).toEqual({ value: '3', unit: 'rank' });
    expect(pick(one('较上年度提升12位。'))).toEqual({ value: '12', unit: 'ranks' });
  });

  it('reads 翻了一番 as 2 times, 倍 as times, a percentage as the bare number, 个百分点 as pp', () => {
    expect(pick(one('研发投入翻了一番。'))).toEqual({ value: '2', unit: 'times' });
    expect(pick(one('营业收入增长1.5倍。'))).toEqual({ value: '1.5', unit: 'times' });
    expect(pick(one('科技成果转化率达到31.3%。'))).toEqual({ value: '31.3', unit: 'percent' });
    expect(pick(one('with a conversion rate of 31.3 percent.'))).toEqual({ value: '31.3', unit: 'percent' });
    expect(pick(one('占比提高1.5个百分点。'))).toEqual({ value: '1.5', unit: 'pp' });
  });
});

describe('units', () => {
  it('maps area, capacity, per-area and per-10k rates and streaks to the issue units', () => {
    expect(pick(one('规划面积32平方公里。'))).toEqual({ value: '32000000', unit: 'm2' });
    expect(pick(one('流转土地1200亩。'))).toEqual({ value: '1200', unit: 'mu' });
    expect(pick(one('地均产出达到50亿元/平方公里。'))).toEqual({ value: '5000000000', unit: 'CNY_per_km2' });
    expect(pick(one('每万人发明专利拥有量达到35.2件。'))).toEqual({ value: '35.2', unit: 'count_per_10k_persons' });
    expect(pick(one('高新技术企业数量连续5年增长。'))).toEqual({ value: '5', unit: 'years' });
    const f = one('实现产值200多亿元。');
    expect(f.unit_raw).toBe('多亿元');
  });

  it('maps currency words: 元 = CNY, 新台幣 = TWD, 美元 = USD, euros = EUR', () => {
    expect(one('出口额达3.5亿美元。').unit).toBe('USD');
    expect(one('出口達新台幣1,200億元。').unit).toBe('TWD');
    expect(one('R&D spending of 800 million euros.').unit).toBe('EUR');
  });
});

describe('hedges', () => {
  it('多 / 余 / 超 / 突破 / more than → approx, bound min', () => {
    for (const text of ['集聚药企200多家。', '培育企业7000余家。', '企业总数超过5000家。', '算力规模突破3万标准机柜。', 'It served more than 120,000 enterprises.']) {
      const f = one(text);
      expect([f.approx, f.bound], text).toEqual([true, 'min']);
    }
  });

  it('近 / 接近 / nearly → bound max; 约 / about → approx only', () => {
    for (const text of ['聚集了近80%的全国重点实验室。', '贡献率接近50%。', 'Nearly 4,300 spaces provided services.']) expect(one(text).bound, text).toBe('max');
    for (const text of ['约占全市的80%。', 'about 547,000 researchers worked there.']) {
      const f = one(text);
      expect([f.approx, f.bound], text).toEqual([true, undefined]);
    }
    expect(one('签约金额2.28亿元。').approx).toBeUndefined();
  });

  it('累计 → cumulative; plans and goals → target', () => {
    expect(one('累计投入资金2.9亿元。').cumulative).toBe(true);
    expect(one('力争新增高新技术企业500家。').target).toBe(true);
    expect(one('The city will strive to attract 300 high-level talents by 2025.').target).toBe(true);
    expect(one('新增高新技术企业500家。').target).toBeUndefined();
  });
});

describe('periods', () => {
  it('reads a year, a range, an open range and a fiscal year; null when the text does not say', () => {
    expect(one('2022年,新增企业31家。').period).toBe('2022');
    expect(one('employment growth of 15.7% between 2004-2013.').period).toBe('2004-2013');
    expect(one('2011年以来,累计引进项目820个。').period).toBe('2011-');
    expect(one('R&D spending was £2.1bn in 2013/14.').period).toBe('2013/14');
    expect(one('目前集聚药企200多家。').period).toBeNull();
  });

  it('resolves 今年 / 去年 / 上半年 / 一季度 from the article date, with period_detail', () => {
    const date = '2024-03-10';
    expect(one('今年新增企业31家。', date).period).toBe('2024');
    expect(one('去年新增企业31家。', date).period).toBe('2023');
    const h1 = one('上半年营业收入达到12亿元。', date);
    expect([h1.period, h1.period_detail]).toEqual(['2024', '2024-H1']);
    const q1 = one('今年一季度,集中开工重大项目38个。', date);
    expect([q1.period, q1.period_detail]).toEqual(['2024', '2024-Q1']);
    expect(one('今年新增企业31家。').period).toBeNull(); // no date: 今年 cannot be resolved
  });

  it('targets take the year they aim at', () => {
    const f = one('预计到2020年,光谷企业总收入将达到3万亿元。');
    expect([f.period, f.target]).toEqual(['2020', true]);
  });
});

describe('not facts', () => {
  it('skips phone and registration numbers, dates and anniversaries', () => {
    expect(facts('如需使用相关内容,请致电0931-8159799。')).toEqual([]);
    expect(facts('Tel: +86-17091920596')).toEqual([]);
    expect(facts('统一社会信用代码:91620100MA73X4KX1B')).toEqual([]);
    expect(facts('3月5日,2024年3月5日,2021-07-17 16:38:28发布。')).toEqual([]);
    expect(facts('今年是兰州新区获批10周年。In 2022, it marks the 10th anniversary of the new area.')).toEqual([]);
  });

  it('skips related-article titles and spam lines', () => {
    const text = '兰州新区新增企业31家。\n相关新闻\n- 2024年03月10日 兰州新区推出95条改革创新举措\n兰州高新区:新增企业50家 2021-01-08\n九九九中文无码|亚洲国产成人最新精品|国产精品久久久久三级无码|日韩100家';
    expect(facts(text).map((f) => f.value)).toEqual(['31']);
  });

  it('skips category thresholds, currency conversions in parentheses and figures cut off at the end', () => {
    expect(facts('重点支持投资10亿元以上的项目。')).toEqual([]);
    expect(facts('营收超过1亿元的企业达到4.3万家。').map(pick)).toEqual([{ value: '43000', unit: 'count' }]);
    expect(facts('operating revenue hitting 27.9 trillion yuan ($4 trillion) in 2016.').map(pick)).toEqual([{ value: '27900000000000', unit: 'CNY' }]);
    expect(facts('签约金额10亿元(约合1.4亿美元)。').map(pick)).toEqual([{ value: '1000000000', unit: 'CNY' }]);
    expect(facts('全年营业收入达到12')).toEqual([]);
    expect(facts('打造千亿级产业集群、“3+2”现代产业体系和“十四五”规划。')).toEqual([]);
  });
});

describe('metric and subject', () => {
  it('maps lexicon words to indicator-library codes, else proposes a metric', () => {
    const hightech = one('2021年,兰州高新区新增高新技术企业15家。');
    expect([hightech.metric, hightech.metric_proposed]).toEqual(['hightech_enterprises', undefined]);
    const signed = one('签约总额达128.64亿元。');
    expect([signed.metric, signed.metric_proposed]).toEqual(['signed_investment', true]);
  });

  it('links aliases (光谷 = 东湖高新区) and resolves 该区 / 园区 to the article zone', () => {
    expect(one('光谷新增高新技术企业1000家。').subject).toBe('武汉东湖新技术开发区');
    const ctx = { zoneAliases: [{ name: '兰州新区', aliases: ['兰州新区', '新区'], id: 'zone-7' }] };
    const found = extractFacts({ text: '兰州新区加快发展。\n该区新增企业6家。' }, ctx);
    expect(found.map((f) => [f.subject, f.subject_id])).toEqual([['兰州新区', 'zone-7']]);
  });
});

describe('offsets', () => {
  it('every quote is the text at [start, end) and holds the figure', () => {
    const text = '據了解,目前,蘭州高新區(qū)生物醫(yī)藥產(chǎn)業(yè)集聚各類藥企共計200多家,實現(xiàn)產(chǎn)值200多億元。';
    for (const f of facts(text)) {
      expect(text.slice(f.start, f.end)).toBe(f.quote);
      expect(f.start <= f.figure_start && f.figure_end <= f.end).toBe(true);
    }
  });
});

describe('tuning-set conventions (word numbers, Republic of China years, comparisons)', () => {
  const periods = (text: string, date?: string) => facts(text, date).map((f) => [f.value, f.unit, f.period]);

  it('reads spelled-out figures: 一兆二千亿元, 百分之三十一點五, 一百廿, 两成五 and English word counts of things', () => {
    expect(pick(one('園區總營業額超過一兆二千億元。'))).toEqual({ value: '1200000000000', unit: 'CNY' });
    expect(pick(one('出口成長了百分之一百廿點五。'))).toEqual({ value: '120.5', unit: 'percent' });
    expect(pick(one('研發人員約占兩成五。'))).toEqual({ value: '25', unit: 'percent' });
    expect(facts('園區於民國七十九年成立，成為科技重鎮。')).toEqual([]); // 成 of 成立 / 成为 is no percentage
    expect(pick(one('The fund backed Thirty-two start-ups last year.'))).toEqual({ value: '32', unit: 'count' });
    expect(pick(one('Five new research centres opened.'))).toEqual({ value: '5', unit: 'count' });
    expect(facts('The plan works on three levels and two sessions, within the top ten.')).toEqual([]);
  });

  it('reads 民國 years (民國112年 = 2023) and, in Taiwanese articles, bare 105年 / 九十八年', () => {
    expect(periods('民國110年研發經費達3,000億元。')).toEqual([['300000000000', 'CNY', '2021']]);
    expect(periods('科學園區105年營業額達新台幣2.3兆元。')).toEqual([['2300000000000', 'TWD', '2016']]);
    expect(periods('竹科九十八年營業額達八千億元。')).toEqual([['800000000000', 'CNY', '2009']]);
    expect(periods('高新区105年来累计引进企业30家。')).toEqual([['30', 'count', null]]); // not Taiwanese: 105 is no year
  });

  it('takes a comparison year as the period only of the figure right after it', () => {
    expect(periods('2023年营业收入1.2万亿元,较2022年的1.1万亿元增长9.1%。')).toEqual([
      ['1200000000000', 'CNY', '2023'], ['1100000000000', 'CNY', '2022'], ['9.1', 'percent', '2023'],
    ]);
    expect(periods('今年上半年产值增长12%,较去年同期提高3个百分点。', '2024-08-01')).toEqual([['12', 'percent', '2024'], ['3', 'pp', '2024']]);
    expect(periods('研发强度由2019年的2.1%提升到2022年的2.6%。')).toEqual([['2.1', 'percent', '2019'], ['2.6', 'percent', '2022']]);
    expect(periods('Spending rose 4% in 2022 compared with 2021.')).toEqual([['4', 'percent', '2022']]);
  });

  it('reads a currency named once for the rest of the article (新臺幣(下同)) and money multipliers without 元', () => {
    expect(periods('2024年營業額為新臺幣(下同)1.2兆元，出口額0.8兆元。')).toEqual([['1200000000000', 'TWD', '2024'], ['800000000000', 'TWD', '2024']]);
    expect(pick(one('去年出口額約2.5兆,創新高。', '2023-01-10'))).toEqual({ value: '2500000000000', unit: 'CNY' });
    expect(pick(one('營業額衝破 3 兆元。'))).toEqual({ value: '3000000000000', unit: 'CNY' });
  });

  it('skips durations in months, size classes in corner brackets and years that name a programme', () => {
    expect(periods('今年前8个月,园区新增企业120家。', '2024-09-10')).toEqual([['120', 'count', '2024']]);
    expect(facts('規模「100人至199人」企業占比達12.5%。').map(pick)).toEqual([{ value: '12.5', unit: 'percent' }]);
    expect(periods('The Horizon 2020 programme funded 1,200 projects.')).toEqual([['1200', 'count', null]]);
    expect(periods('R&D intensity stood at 2.2 % between 2019 and 2021.')).toEqual([['2.2', 'percent', '2019-2021']]);
  });
});

describe('second tuning set conventions (paragraph periods, headlines, bare multipliers, PDF text), on sentences of our own', () => {
  const periods = (text: string, date?: string) => facts(text, date).map((f) => [f.value, f.unit, f.period]);

  it('carries the period a paragraph states to its later sentences, not past a time word without a year or across paragraphs', () => {
    expect(periods('2021年全区登记技术合同500项。按领域统计,电子信息占比达40%。')).toEqual([['500', 'count', '2021'], ['40', 'percent', '2021']]);
    expect(periods('2021年全区登记技术合同500项。目前,全区共有高新技术企业80家。')).toEqual([['500', 'count', '2021'], ['80', 'count', null]]);
    expect(periods('2017年以来,全区举办大赛6场。全区拥有院士12名。')).toEqual([['6', 'count', '2017-'], ['12', 'count', null]]); // an open range is no frame
    expect(periods('2021年全区登记技术合同500项。\n全区拥有院士12名。')).toEqual([['500', 'count', '2021'], ['12', 'count', null]]);
    expect(periods('In 2022, the region spent €35 billion on R&D. Business accounted for 66%.')).toEqual([['35000000000', 'EUR', '2022'], ['66', 'percent', '2022']]);
  });

  it('gives a year right after an English figure to that figure ("2.27% in 2021 to 2.22% in 2022", "down from 3.6% in 2022")', () => {
    expect(periods('R&D intensity fell from 2.27% in 2021 to 2.22% in 2022.')).toEqual([['2.27', 'percent', '2021'], ['2.22', 'percent', '2022']]);
    expect(periods('Spending grew by 2.4% in 2023, down from 3.6% in 2022. Government R&D grew by 2.5%.')).toEqual([
      ['2.4', 'percent', '2023'], ['3.6', 'percent', '2022'], ['2.5', 'percent', '2023'],
    ]);
    expect(periods('Spending was £49.9 billion in 2022, an increase of £3.0 billion since 2021 (6.4%).')).toEqual([
      ['49900000000', 'GBP', '2022'], ['3000000000', 'GBP', '2022'], ['6.4', 'percent', '2022'],
    ]);
  });

  it('reads 自2015年…起 / 至今 and “十四五”以来 as open ranges, 在2022年的基础上 as a base, 2013至2014年度 as a fiscal year', () => {
    expect(periods('自2015年成立起,基金已向27间公司投资。')).toEqual([['27', 'count', '2015-']]);
    expect(periods('“十四五”以来营业收入年均增长12.3%。')).toEqual([['12.3', 'percent', '2021-']]);
    expect(periods('到2027年,企业数量在2022年的基础上超过90家。')).toEqual([['90', 'count', '2027']]);
    expect(periods('该基金2013至2014年度推出了10项新资助计划。')).toEqual([['10', 'count', '2013/14']]);
    expect(periods('初创企业由2014年的约1070家增至2020年的约3360家,至今已有8家独角兽企业。')).toEqual([
      ['1070', 'count', '2014'], ['3360', 'count', '2020'], ['8', 'count', null],
    ]);
  });

  it('drops headline figures the body repeats, keeps one copy of a repeated headline and headline figures of their own', () => {
    expect(periods('园区企业达5221间 年升11%\n2025年园区企业达5,221间,按年上升11%。')).toEqual([['5221', 'count', '2025'], ['11', 'percent', '2025']]);
    expect(periods('技术合同成交额首次突破200亿元\n【技术合同成交额首次突破200亿元】\n2019年技术合同成交额210.39亿元。')).toEqual([
      ['20000000000', 'CNY', null], ['21039000000', 'CNY', '2019'],
    ]);
  });

  it('reads multipliers without digits after a hedge (逾千亿元, 超万亿元) and glued English multipliers (NT$800.7billion)', () => {
    expect(one('2018年技术合同成交额逾千亿元。')).toMatchObject({ value: '100000000000', unit: 'CNY', approx: true, bound: 'min' });
    expect(pick(one('全国研发投入超万亿元。'))).toEqual({ value: '1000000000000', unit: 'CNY' });
    expect(facts('培育千亿级产业集群。')).toEqual([]);
    expect(pick(one('Revenues reached NT$800.7billion.'))).toEqual({ value: '800700000000', unit: 'TWD' });
  });

  it('reads PDF text: spaced figures (2 兆 3,290.6 億 元, 26,730 家) and a figure broken across lines', () => {
    expect(pick(one('新竹市銷售額為 2 兆 3,290.6 億 元,位居前列。'))).toEqual({ value: '2329060000000', unit: 'CNY' });
    expect(pick(one('新竹市營利事業家數 26,730 家,創新高。'))).toEqual({ value: '26730', unit: 'count' });
    expect(facts('新竹市市政統計通報\n本市各產業營利事業 銷售額狀況,以製造業 1\n\n兆 6,482.2 億元居首,創新高。').map(pick)).toEqual([{ value: '1648220000000', unit: 'CNY' }]);
  });

  it('keeps minus signs, reads 3成 and HK$ below-same currencies, and skips 两位数, 前三位 and thresholds', () => {
    expect(facts('Ireland (-0.6 pp) and Finland (-0.45 pp).').map((f) => f.value)).toEqual(['-0.6', '-0.45']);
    expect(facts('2004-2013 saw 25-50% growth.').every((f) => !f.value.startsWith('-'))).toBe(true);
    expect(pick(one('期內進駐企業按年增3成。'))).toEqual({ value: '30', unit: 'percent' });
    expect(facts('政府拨款100亿元(港币,下同),其中300亿元用于创科。').map(pick)).toEqual([{ value: '10000000000', unit: 'HKD' }, { value: '30000000000', unit: 'HKD' }]);
    expect(facts('成交额连续多年保持两位数增长,居全国前三位。')).toEqual([]);
    expect(facts('4 countries recorded an R&D intensity above 3% in 2022.').map(pick)).toEqual([{ value: '4', unit: 'count' }]);
  });
});
