import { describe, expect, it } from 'vitest';
import { extractFacts, type Fact } from './index';

// Rules added in the third tuning set (eval/tune3), each checked on sentences of our own (not copied from any set).
const facts = (text: string, date?: string) => extractFacts({ text, date });
const brief = (f: Fact) => `${f.value} ${f.unit} ${f.period}`;
const all = (text: string, date?: string) => facts(text, date).map(brief);

describe('third tuning set conventions (on sentences of our own)', () => {
  it('reads Chinese digits printed place by place (二〇一九年, 一九一六件, 二．三五兆元, 四萬二五一八人)', () => {
    expect(all('統計二〇一八年至二〇二四年，園區共引進一二三四件投資案，投資額二．三五兆元，增加四萬二五一八個就業機會。')).toEqual([
      '1234 count 2018-2024', '2350000000000 CNY 2018-2024', '42518 count 2018-2024',
    ]);
    // two digits without 〇 stay words: 七八个 is "seven or eight"
    expect(all('现场来了七八个人。')).toEqual([]);
  });

  it('leaves 今年 / last year without an article date unresolved: no earlier or later year stands in', () => {
    expect(all('In 2021 the fund was set up. Last year, the fund backed 48 new companies.')).toEqual(['48 count null']);
    expect(all('The city attracted 31 new labs last year, up from 20 labs in 2019.')).toEqual(['31 count null', '20 count 2019']);
    expect(all('園區營收創新高，今年引進新創企業17家。')).toEqual(['17 count null']);
    expect(all('今年引進新創企業17家。', '2024-05-01')).toEqual(['17 count 2024']);
  });

  it('gives a figure no later year when other years stand between (they belong to the figures they follow)', () => {
    expect(all('Start-ups received $8.2 billion, down from $9.1 billion in 2021 but above the $4.4 billion figure from 2017.')).toEqual([
      '8200000000 USD null', '9100000000 USD 2021', '4400000000 USD 2017',
    ]);
    expect(all('At 6.1%, growth in Korea outpaced Japan (2.3%) and France (1.9%) in 2022.')).toEqual([
      '6.1 percent 2022', '2.3 percent 2022', '1.9 percent 2022',
    ]);
  });

  it('takes a year a few words after an English figure as its own ("$3bn raised in 2019", "$40bn VC total in 2021")', () => {
    expect(all('Funds raised $6.5bn in 2022, on top of the $3bn raised in 2019.')).toEqual(['6500000000 USD 2022', '3000000000 USD 2019']);
    expect(all('The region took a fifth of Europe’s $40.2bn VC total in 2021.')).toEqual(['40200000000 USD 2021']);
  });

  it('reads "since the park was founded in 2012" as an open range and "the figure from 2017" as a plain year', () => {
    expect(all('Since the park was founded in 2012, it has hosted more than 900 companies.')).toEqual(['900 count 2012-']);
  });

  it('does not read decades as periods (1990年代, the 1980’s)', () => {
    expect(all('1990年代，园区企业仅有35家。')).toEqual(['35 count null']);
    expect(all('In the 1980’s the park had 12 companies.')).toEqual(['12 count null']);
  });

  it('reads 超万家 / 近十万人 (万 without digits after a hedge) as round counts', () => {
    const f = facts('园区科技型企业超万家，从业人员近十万人。');
    expect(f.map(brief)).toEqual(['10000 count null', '100000 count null']);
    expect(f[0]!.bound).toBe('min');
    expect(f[1]!.bound).toBe('max');
  });

  it('reads spaced web text: 300 余家, 连续 8 年', () => {
    const f = facts('集聚企业 300 余家，发明专利授权量连续 8 年居全省第一。');
    expect(f.map(brief)).toEqual(['300 count null', '8 years null', '1 rank null']);
    expect(f[0]!.bound).toBe('min');
  });

  it('reads $10.5B after a currency sign, "second only to", "tenfold" and "(130)" after a name in a list of counts', () => {
    expect(all('In 2021 local start-ups raised $7.4B.')).toEqual(['7400000000 USD 2021']);
    expect(all('The letter B alone is no multiplier: grade 5B.')).toEqual([]);
    expect(all('The city ranked second only to Boston.')).toEqual(['2 rank null']);
    expect(all('Venture funding grew fivefold in a decade.')).toEqual(['5 times null']);
    expect(all('Leeds attracted 64 new tech firms, more than Bristol (51) and Cardiff (40).')).toEqual([
      '64 count null', '51 count null', '40 count null',
    ]);
    expect(all('The rate rose in Bristol (51) this week.')).toEqual([]);
    expect(all('The number of unicorns in the region grew from 3 to 17, a record.')).toEqual(['3 count null', '17 count null']);
  });

  it('does not count years after a possessive, the top / next N, or distances', () => {
    expect(all('The city was just $300M shy of its 2018 record.')).toEqual(['300000000 USD 2018']);
    expect(all('The next 9 largest cities trail far behind.')).toEqual([]);
    expect(all('Most firms sit within 20 miles of the campus.')).toEqual([]);
  });

  it('does not take a company class as a figure ("companies valued at least $1 billion")', () => {
    expect(all('Unicorns (companies valued at least $1 billion) grew in number.')).toEqual([]);
  });

  it('drops a count of the items just enumerated (A、B、C及D共4个园区; 五项产业)', () => {
    expect(all('管理局管辖东区、西区、南区及北区共 4 个园区。')).toEqual([]);
    expect(all('主要包括芯片、软件及服务、新材料、新能源及生物医药五项产业。')).toEqual([]);
    // a count that is not the number of items named stays
    expect(all('东区、西区、南区共有企业40家。')).toEqual(['40 count null']);
  });

  it('keeps a body line that opens with its year and a comma from being read as a headline', () => {
    expect(all('2023年,园区增加值1911.8亿元,占GDP比重51.9%;研发投入强度5.2%。\n\n服务业\n\n2023年,服务业增加值900.5亿元,占GDP比重51.9%')).toEqual([
      '191180000000 CNY 2023', '51.9 percent 2023', '5.2 percent 2023', '90050000000 CNY 2023', '51.9 percent 2023',
    ]);
  });

  it('does not let 历年同期 (a record) break the paragraph period', () => {
    expect(all('2023年上半年營業額達500億元，創歷年同期新高；就業人數達9,000人。')).toEqual(['50000000000 CNY 2023', '9000 count 2023']);
  });

  it('gives a plan without a horizon no period from an earlier sentence, nor a later sentence an earlier horizon', () => {
    expect(all('2023年上半年引進5家廠商。另一廠於6月動土，預計創造1,200個就業機會。')).toEqual(['5 count 2023', '1200 count null']);
  });

  it('reads 1-9月 without a year as months of the article year, and 占…4成 as a share', () => {
    expect(all('1-9月，园区规上工业增加值同比增长8.1%。', '2023-10-25')).toEqual(['8.1 percent 2023']);
    expect(all('竹科營業額約佔三大園區4成。')).toEqual(['40 percent null']);
    expect(all('該公司成立4成員小組。')).toEqual([]);
  });

  it('gives a multiple of a base year the sentence’s period (是2020年的2.3倍), and reads ranks and counts after "to"', () => {
    expect(all('2024年，全市技术合同成交额达到1200亿元，是2020年的2.3倍。')).toEqual(['120000000000 CNY 2024', '2.3 times 2024']);
    expect(all('Oxford rose three places to 5th in the global ranking.')).toEqual(['3 ranks null', '5 rank null']);
    expect(all('The number of patents filed rose by 12% to 3,400 in 2023.')).toEqual(['12 percent 2023', '3400 count 2023']);
    expect(facts('截至2023年底，全市共有高新技术企业2.3万家。').map((f) => f.target ?? false)).toEqual([false]);
  });

  it('reads 115學年度 as a Republic of China year in a Taiwanese article', () => {
    expect(all('科學園區實驗中學預計招收1,500位學生，115學年度開始招生。')).toEqual(['1500 count 2026']);
  });

  it('splits items run together on one line (" - ") so that one item’s year does not bind the next', () => {
    expect(all('园区概况 - 2024年规上企业总规模达8460亿元[8] - 国家高新技术企业3054家[8]')).toEqual([
      '846000000000 CNY 2024', '3054 count null',
    ]);
  });
});
