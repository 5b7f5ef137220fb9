/**
 * Seed facts for the demo data: zone-level quantitative figures taken from the
 * five seed documents (reports on Lanzhou New Area, Lanzhou High-tech Zone, the
 * Lanzhou–Baiyin national independent innovation demonstration zone, Lanzhou city
 * and Chengdu Science City / Tianfu New Area), named in seed-sources.ts.
 *
 * Every text is given once per language: `metric`, `unit` and `period` in
 * Chinese, `metric_en`, `unit_en` and `period_en` in English (`period_en` only
 * where it differs). `source` is the id of the seed document (seed-sources.ts
 * names it by title, publisher and date; its file is kept there for provenance).
 * `quote` is the sentence(s) containing the figure in the cleaned document text
 * (src/intelligence/clean: boilerplate removed, conversion artefacts such as
 * "企業(yè)" and mis-decoded bytes repaired), a substring of it; long sentences are
 * sometimes cut at a clause boundary. seed-facts.test.ts checks both.
 * Values are as stated: "more than N" is recorded as N with "（以上）" and "(more than)"
 * in the metric name; percentages are the percent number. Plain data only.
 */
import type { SeedSourceId } from './seed-sources';

export interface SeedFact {
  /** Zone code: CN-GS, CN-GS-LZ, LZNA, LZHTZ, LZEZ, CN-GS-BY, BYHTZ, LBZ, CN-SC-CD, TFNA, CDSC, ZJ. */
  zone: string;
  metric: string;
  metric_en: string;
  /** The number as stated (percent as the percent number). */
  value: number;
  /** The unit as stated: a measure word or unit in Chinese ("家", "亿元", "%"), and in English. */
  unit: string;
  unit_en: string;
  period: string;
  /** The period in English, where it is not the same text as `period` (a plain year). */
  period_en?: string;
  source: SeedSourceId;
  quote: string;
}

export const SEED_FACTS: readonly SeedFact[] = [
  // ---- 000: Lanzhou New Area, 2022-05-10 ----
  {
    zone: 'LZNA',
    metric: '创新孵化平台新建数',
    metric_en: 'Innovation and incubation platforms built',
    value: 20,
    unit: '个',
    unit_en: 'platforms',
    period: '2021',
    source: '000',
    quote:
      '– 20 innovation and incubation platforms were built, 6 laboratories for research and development ' +
      'of chemical industry parks and plant tissue culture were built, and major scientific and ' +
      'technological innovation platforms such as heavy ion accelerator and quality inspection and ' +
      'testing engineering laboratories were put into operation.',
  },
  {
    zone: 'LZNA',
    metric: '研发实验室新建数（化工园区、植物组培）',
    metric_en: 'R&D laboratories built (chemical park, plant tissue culture)',
    value: 6,
    unit: '个',
    unit_en: 'laboratories',
    period: '2021',
    source: '000',
    quote:
      '– 20 innovation and incubation platforms were built, 6 laboratories for research and development ' +
      'of chemical industry parks and plant tissue culture were built, and major scientific and ' +
      'technological innovation platforms such as heavy ion accelerator and quality inspection and ' +
      'testing engineering laboratories were put into operation.',
  },
  {
    zone: 'LZNA',
    metric: '科技型企业新增数',
    metric_en: 'New sci-tech enterprises',
    value: 160,
    unit: '家',
    unit_en: 'enterprises',
    period: '2021',
    source: '000',
    quote:
      '– There were 160 new sci-tech enterprises and 15 new and high-tech enterprises, 291 scientific ' +
      'and technological achievements were developed, and China’s investment in R&D accounted for 3.7 ' +
      'percent of GDP.',
  },
  {
    zone: 'LZNA',
    metric: '高新技术企业新增数',
    metric_en: 'New high-tech enterprises',
    value: 15,
    unit: '家',
    unit_en: 'enterprises',
    period: '2021',
    source: '000',
    quote:
      '– There were 160 new sci-tech enterprises and 15 new and high-tech enterprises, 291 scientific ' +
      'and technological achievements were developed, and China’s investment in R&D accounted for 3.7 ' +
      'percent of GDP.',
  },
  {
    zone: 'LZNA',
    metric: '科技成果数',
    metric_en: 'S&T achievements developed',
    value: 291,
    unit: '项',
    unit_en: 'achievements',
    period: '2021',
    source: '000',
    quote:
      '– There were 160 new sci-tech enterprises and 15 new and high-tech enterprises, 291 scientific ' +
      'and technological achievements were developed, and China’s investment in R&D accounted for 3.7 ' +
      'percent of GDP.',
  },
  {
    zone: 'LZNA',
    metric: '研发投入占GDP比重',
    metric_en: 'R&D expenditure as share of GDP',
    value: 3.7,
    unit: '%',
    unit_en: '%',
    period: '2021',
    source: '000',
    quote:
      '– There were 160 new sci-tech enterprises and 15 new and high-tech enterprises, 291 scientific ' +
      'and technological achievements were developed, and China’s investment in R&D accounted for 3.7 ' +
      'percent of GDP.',
  },
  {
    zone: 'LZNA',
    metric: '新引进转化科技成果数',
    metric_en: 'S&T achievements newly introduced and transformed',
    value: 91,
    unit: '项',
    unit_en: 'achievements',
    period: '2021',
    source: '000',
    quote:
      '– 91 newly introduced and transformed scientific and technological achievements, with a ' +
      'conversion rate of 31.3 percent and a contribution rate of 61 percent to scientific and ' +
      'technological progress, were selected as the second batch of “Science and innovation China” ' +
      'pilot cities.',
  },
  {
    zone: 'LZNA',
    metric: '科技成果转化率',
    metric_en: 'S&T achievement conversion rate',
    value: 31.3,
    unit: '%',
    unit_en: '%',
    period: '2021',
    source: '000',
    quote:
      '– 91 newly introduced and transformed scientific and technological achievements, with a ' +
      'conversion rate of 31.3 percent and a contribution rate of 61 percent to scientific and ' +
      'technological progress, were selected as the second batch of “Science and innovation China” ' +
      'pilot cities.',
  },
  {
    zone: 'LZNA',
    metric: '科技进步贡献率',
    metric_en: 'Contribution rate of S&T progress',
    value: 61,
    unit: '%',
    unit_en: '%',
    period: '2021',
    source: '000',
    quote:
      '– 91 newly introduced and transformed scientific and technological achievements, with a ' +
      'conversion rate of 31.3 percent and a contribution rate of 61 percent to scientific and ' +
      'technological progress, were selected as the second batch of “Science and innovation China” ' +
      'pilot cities.',
  },
  {
    zone: 'LZNA',
    metric: '化工园区入驻项目数',
    metric_en: 'Settled projects (fine-chemicals park)',
    value: 82,
    unit: '个',
    unit_en: 'projects',
    period: '截至2022年5月',
    period_en: 'as of May 2022',
    source: '000',
    quote:
      'There are 82 settled projects and 223 kinds of high-end fine chemical products, among which 46 ' +
      'products fill domestic blank, 83 replace imports, and 68 are exported for export.',
  },
  {
    zone: 'LZNA',
    metric: '高端精细化工产品种类',
    metric_en: 'High-end fine chemical products',
    value: 223,
    unit: '种',
    unit_en: 'kinds',
    period: '截至2022年5月',
    period_en: 'as of May 2022',
    source: '000',
    quote:
      'There are 82 settled projects and 223 kinds of high-end fine chemical products, among which 46 ' +
      'products fill domestic blank, 83 replace imports, and 68 are exported for export.',
  },
  {
    zone: 'LZNA',
    metric: '填补国内空白产品数',
    metric_en: 'Products filling a domestic gap',
    value: 46,
    unit: '种',
    unit_en: 'products',
    period: '截至2022年5月',
    period_en: 'as of May 2022',
    source: '000',
    quote:
      'There are 82 settled projects and 223 kinds of high-end fine chemical products, among which 46 ' +
      'products fill domestic blank, 83 replace imports, and 68 are exported for export.',
  },
  {
    zone: 'LZNA',
    metric: '替代进口产品数',
    metric_en: 'Import-substituting products',
    value: 83,
    unit: '种',
    unit_en: 'products',
    period: '截至2022年5月',
    period_en: 'as of May 2022',
    source: '000',
    quote:
      'There are 82 settled projects and 223 kinds of high-end fine chemical products, among which 46 ' +
      'products fill domestic blank, 83 replace imports, and 68 are exported for export.',
  },
  {
    zone: 'LZNA',
    metric: '出口产品数',
    metric_en: 'Exported products',
    value: 68,
    unit: '种',
    unit_en: 'products',
    period: '截至2022年5月',
    period_en: 'as of May 2022',
    source: '000',
    quote:
      'There are 82 settled projects and 223 kinds of high-end fine chemical products, among which 46 ' +
      'products fill domestic blank, 83 replace imports, and 68 are exported for export.',
  },
  {
    zone: 'LZNA',
    metric: '引进培养技能人才及研发人员（以上）',
    metric_en: 'Skilled talents and R&D personnel introduced and trained (more than)',
    value: 30000,
    unit: '名',
    unit_en: 'people',
    period: '截至2022年5月',
    period_en: 'as of May 2022',
    source: '000',
    quote:
      '— focusing on introducing and training more than 30,000 first-class and high-quality skilled ' +
      'talents, skilled craftsmen, craftsmen and r&d personnel from major countries, carrying out 216 ' +
      'new scientific research projects and applying for more than 1,000 patents of various kinds.',
  },
  {
    zone: 'LZNA',
    metric: '新开展科研项目数',
    metric_en: 'New research projects carried out',
    value: 216,
    unit: '项',
    unit_en: 'projects',
    period: '截至2022年5月',
    period_en: 'as of May 2022',
    source: '000',
    quote:
      '— focusing on introducing and training more than 30,000 first-class and high-quality skilled ' +
      'talents, skilled craftsmen, craftsmen and r&d personnel from major countries, carrying out 216 ' +
      'new scientific research projects and applying for more than 1,000 patents of various kinds.',
  },
  {
    zone: 'LZNA',
    metric: '各类专利申请数（以上）',
    metric_en: 'Patent applications of all kinds (more than)',
    value: 1000,
    unit: '件',
    unit_en: 'patents',
    period: '截至2022年5月',
    period_en: 'as of May 2022',
    source: '000',
    quote:
      '— focusing on introducing and training more than 30,000 first-class and high-quality skilled ' +
      'talents, skilled craftsmen, craftsmen and r&d personnel from major countries, carrying out 216 ' +
      'new scientific research projects and applying for more than 1,000 patents of various kinds.',
  },
  {
    zone: 'LZNA',
    metric: '双元制人才培养合作企业数（以上）',
    metric_en: 'Enterprises cooperating in dual-system training (more than)',
    value: 300,
    unit: '家',
    unit_en: 'enterprises',
    period: '截至2022年5月',
    period_en: 'as of May 2022',
    source: '000',
    quote:
      '– China has cooperated with over 300 enterprises in personnel training under the dual-system ' +
      'system, and exported 53,000 professionals with an employment rate of over 95%.',
  },
  {
    zone: 'LZNA',
    metric: '输送专业人才数',
    metric_en: 'Professionals supplied',
    value: 53000,
    unit: '名',
    unit_en: 'people',
    period: '截至2022年5月',
    period_en: 'as of May 2022',
    source: '000',
    quote:
      '– China has cooperated with over 300 enterprises in personnel training under the dual-system ' +
      'system, and exported 53,000 professionals with an employment rate of over 95%.',
  },
  {
    zone: 'LZNA',
    metric: '专业人才就业率（以上）',
    metric_en: 'Employment rate of professionals (more than)',
    value: 95,
    unit: '%',
    unit_en: '%',
    period: '截至2022年5月',
    period_en: 'as of May 2022',
    source: '000',
    quote:
      '– China has cooperated with over 300 enterprises in personnel training under the dual-system ' +
      'system, and exported 53,000 professionals with an employment rate of over 95%.',
  },
  {
    zone: 'LZNA',
    metric: '国家级新区获批序次',
    metric_en: 'Order of approval among state-level new areas',
    value: 5,
    unit: '位次',
    unit_en: 'ordinal',
    period: '2012',
    source: '000',
    quote:
      'As approved by the State Council the northwest region, the fifth national first district, ' +
      'district in lanzhou now are moving in the northwest region important economic growth pole, ' +
      'national important industrial base, open to the west of the important strategic platform, ' +
      'undertaking industrial transfer demonstration area “strategic positioning strides forward, ' +
      'playing an increasingly important demonstration role in driving.',
  },
  // ---- 001: 中国企业报, 2022-03-10 ----
  {
    zone: 'LZHTZ',
    metric: '国家高新区综合排名（全国157家）',
    metric_en: 'Rank among 157 national high-tech zones',
    value: 53,
    unit: '名',
    unit_en: 'rank',
    period: '2021',
    source: '001',
    quote: '科技部火炬中心《關于通報國家高新區綜合評價結果的通知》顯示,2021年蘭州高新區在全國157家國家高新區年度綜合排名中位列第53名,較上年度提升12位。',
  },
  {
    zone: 'LZHTZ',
    metric: '国家高新区综合排名较上年提升',
    metric_en: 'Rank improvement over previous year',
    value: 12,
    unit: '位',
    unit_en: 'places',
    period: '2021',
    source: '001',
    quote: '科技部火炬中心《關于通報國家高新區綜合評價結果的通知》顯示,2021年蘭州高新區在全國157家國家高新區年度綜合排名中位列第53名,較上年度提升12位。',
  },
  {
    zone: 'LZHTZ',
    metric: '省级以上创新平台新增数',
    metric_en: 'New provincial-or-above innovation platforms',
    value: 31,
    unit: '家',
    unit_en: 'platforms',
    period: '2021',
    source: '001',
    quote: '據蘭州高新區管委會主任孫裕介紹,2021年區內新增省級以上創新平臺31家,新引進科技型孵化企業100多家。',
  },
  {
    zone: 'LZHTZ',
    metric: '新引进科技型孵化企业数（以上）',
    metric_en: 'Newly attracted sci-tech incubated enterprises (more than)',
    value: 100,
    unit: '家',
    unit_en: 'enterprises',
    period: '2021',
    source: '001',
    quote: '據蘭州高新區管委會主任孫裕介紹,2021年區內新增省級以上創新平臺31家,新引進科技型孵化企業100多家。',
  },
  {
    zone: 'LZHTZ',
    metric: '新当选中国工程院院士',
    metric_en: 'Scientists elected CAE academicians',
    value: 1,
    unit: '名',
    unit_en: 'people',
    period: '2021',
    source: '001',
    quote: '蘭州空間物理技術研究所“空間電推進綜合測試技術及應用”科技成果榮獲2020年度國家科學技術進步獎二等獎,1名科學家入選中國工程院院士,科技進步對經濟增長的貢獻率達到62%,實現了“十四五”的良好開局。',
  },
  {
    zone: 'LZHTZ',
    metric: '科技进步对经济增长的贡献率',
    metric_en: 'Contribution rate of S&T progress to economic growth',
    value: 62,
    unit: '%',
    unit_en: '%',
    period: '2021',
    source: '001',
    quote: '蘭州空間物理技術研究所“空間電推進綜合測試技術及應用”科技成果榮獲2020年度國家科學技術進步獎二等獎,1名科學家入選中國工程院院士,科技進步對經濟增長的貢獻率達到62%,實現了“十四五”的良好開局。',
  },
  {
    zone: 'LZHTZ',
    metric: '生物医药企业数（以上）',
    metric_en: 'Biomedicine enterprises (more than)',
    value: 200,
    unit: '家',
    unit_en: 'enterprises',
    period: '截至2022年3月',
    period_en: 'as of March 2022',
    source: '001',
    quote: '據了解,目前,蘭州高新區生物醫藥產業聚焦生物制品、中醫藥、多肽藥物、醫療器械等核心領域,集聚各類藥企共計200多家,實現產值200多億元,并成功獲批了“國家生物醫藥新型工業化產業示范基地”。',
  },
  {
    zone: 'LZHTZ',
    metric: '生物医药产业产值（以上）',
    metric_en: 'Biomedicine industry output value (more than)',
    value: 200,
    unit: '亿元',
    unit_en: '100 million yuan',
    period: '截至2022年3月',
    period_en: 'as of March 2022',
    source: '001',
    quote: '據了解,目前,蘭州高新區生物醫藥產業聚焦生物制品、中醫藥、多肽藥物、醫療器械等核心領域,集聚各類藥企共計200多家,實現產值200多億元,并成功獲批了“國家生物醫藥新型工業化產業示范基地”。',
  },
  {
    zone: 'LZHTZ',
    metric: '兰洽会签约项目数',
    metric_en: 'Projects signed at the 27th Lanzhou Investment and Trade Fair',
    value: 12,
    unit: '个',
    unit_en: 'projects',
    period: '2021',
    source: '001',
    quote: '在第二十七屆蘭州投資貿易洽談會期間,蘭州高新區共計簽約12個項目,簽約總額達128.64億元,涉及生物醫藥、新基建、新材料、新能源等多個領域,對高新區加快新舊動能轉換、促進經濟轉型升級起到了重要推動作用。',
  },
  {
    zone: 'LZHTZ',
    metric: '兰洽会签约总额',
    metric_en: 'Contract value signed at the 27th Lanzhou Investment and Trade Fair',
    value: 128.64,
    unit: '亿元',
    unit_en: '100 million yuan',
    period: '2021',
    source: '001',
    quote: '在第二十七屆蘭州投資貿易洽談會期間,蘭州高新區共計簽約12個項目,簽約總額達128.64億元,涉及生物醫藥、新基建、新材料、新能源等多個領域,對高新區加快新舊動能轉換、促進經濟轉型升級起到了重要推動作用。',
  },
  // ---- 002: Chengdu, 2021-07-17 ----
  {
    zone: 'CN-SC-CD',
    metric: '电子信息产业规模',
    metric_en: 'Electronic information industry scale',
    value: 1006.57,
    unit: '十亿元',
    unit_en: 'billion yuan',
    period: '2020',
    source: '002',
    quote:
      'In 2020, the scale of Chengdu\'s electronic information industry reached 1,006.57 billion yuan, ' +
      'an increase of 19.8% year-on-year, making it the first industry in Chengdu with an output value ' +
      'exceeding one trillion yuan.',
  },
  {
    zone: 'CN-SC-CD',
    metric: '电子信息产业规模同比增长',
    metric_en: 'Electronic information industry growth, year on year',
    value: 19.8,
    unit: '%',
    unit_en: '%',
    period: '2020',
    source: '002',
    quote:
      'In 2020, the scale of Chengdu\'s electronic information industry reached 1,006.57 billion yuan, ' +
      'an increase of 19.8% year-on-year, making it the first industry in Chengdu with an output value ' +
      'exceeding one trillion yuan.',
  },
  {
    zone: 'CDSC',
    metric: '成都未来科技城国家（重点）实验室建设目标',
    metric_en: 'Future S&T City: national (key) laboratories (target)',
    value: 1,
    unit: '个',
    unit_en: 'laboratories',
    period: '2025年目标',
    period_en: 'target for 2025',
    source: '002',
    quote:
      'As an important carrier for the “one core and four districts” layout of the Western (Chengdu) ' +
      'Science City, Chengdu Future Science and Technology City will strive to build 1 national (key) ' +
      'laboratory, 2 national-level R&D institutions, 4 high-quality scientific and technological ' +
      'innovation spaces by 2025, Attract 300 high-level talents.',
  },
  {
    zone: 'CDSC',
    metric: '成都未来科技城国家级研发机构建设目标',
    metric_en: 'Future S&T City: national-level R&D institutions (target)',
    value: 2,
    unit: '个',
    unit_en: 'institutions',
    period: '2025年目标',
    period_en: 'target for 2025',
    source: '002',
    quote:
      'As an important carrier for the “one core and four districts” layout of the Western (Chengdu) ' +
      'Science City, Chengdu Future Science and Technology City will strive to build 1 national (key) ' +
      'laboratory, 2 national-level R&D institutions, 4 high-quality scientific and technological ' +
      'innovation spaces by 2025, Attract 300 high-level talents.',
  },
  {
    zone: 'CDSC',
    metric: '成都未来科技城高品质科创空间建设目标',
    metric_en: 'Future S&T City: high-quality innovation spaces (target)',
    value: 4,
    unit: '个',
    unit_en: 'spaces',
    period: '2025年目标',
    period_en: 'target for 2025',
    source: '002',
    quote:
      'As an important carrier for the “one core and four districts” layout of the Western (Chengdu) ' +
      'Science City, Chengdu Future Science and Technology City will strive to build 1 national (key) ' +
      'laboratory, 2 national-level R&D institutions, 4 high-quality scientific and technological ' +
      'innovation spaces by 2025, Attract 300 high-level talents.',
  },
  {
    zone: 'CDSC',
    metric: '成都未来科技城高层次人才引进目标',
    metric_en: 'Future S&T City: high-level talents attracted (target)',
    value: 300,
    unit: '名',
    unit_en: 'people',
    period: '2025年目标',
    period_en: 'target for 2025',
    source: '002',
    quote:
      'As an important carrier for the “one core and four districts” layout of the Western (Chengdu) ' +
      'Science City, Chengdu Future Science and Technology City will strive to build 1 national (key) ' +
      'laboratory, 2 national-level R&D institutions, 4 high-quality scientific and technological ' +
      'innovation spaces by 2025, Attract 300 high-level talents.',
  },
  // ---- 003: 兰州日报, undated (c. 2023) ----
  {
    zone: 'LZHTZ',
    metric: '自创区政策兑现奖补资金',
    metric_en: 'Subsidies and awards disbursed under the demonstration-zone policy',
    value: 8573.9,
    unit: '万元',
    unit_en: '10k yuan',
    period: '累计（约2023年报道）',
    period_en: 'cumulative, reported c. 2023',
    source: '003',
    quote: '蘭州高新區在“1+4+7”政策體系基礎上,進行適時調整,出臺了《蘭州高新區建設國家自主創新示范區促進高質量發展政策》,兌現獎補資金8573.9萬元。',
  },
  {
    zone: 'LZNA',
    metric: '累计引进产业项目数（以上）',
    metric_en: 'Industrial projects introduced, cumulative (more than)',
    value: 820,
    unit: '个',
    unit_en: 'projects',
    period: '累计（约2023年报道）',
    period_en: 'cumulative, reported c. 2023',
    source: '003',
    quote: '蘭州新區加快打造西部地區千億級、五百億級和百億級產業發展引領區,累計引進產業項目超過820多個,總投資4500多億元以上',
  },
  {
    zone: 'LZNA',
    metric: '累计引进产业项目总投资（以上）',
    metric_en: 'Total investment of introduced industrial projects (more than)',
    value: 4500,
    unit: '亿元',
    unit_en: '100 million yuan',
    period: '累计（约2023年报道）',
    period_en: 'cumulative, reported c. 2023',
    source: '003',
    quote: '蘭州新區加快打造西部地區千億級、五百億級和百億級產業發展引領區,累計引進產業項目超過820多個,總投資4500多億元以上',
  },
  {
    zone: 'LZHTZ',
    metric: '生物医药企业数（以上）',
    metric_en: 'Biomedicine enterprises (more than)',
    value: 200,
    unit: '家',
    unit_en: 'enterprises',
    period: '约2023年报道',
    period_en: 'reported c. 2023',
    source: '003',
    quote:
      '“蘭州高新區生物醫藥產業入選國家創新型產業集群名單”,集聚中牧股份、中農威特等生物醫藥企業200' +
      '多家,實現總產值200多億元,設立華為鯤鵬生態創新中心、網易(蘭州)聯合創新中心,引進中國電子西' +
      '部區域總部等項目,大數據產業產值占到全市的60%。',
  },
  {
    zone: 'LZHTZ',
    metric: '生物医药产业总产值（以上）',
    metric_en: 'Biomedicine industry total output value (more than)',
    value: 200,
    unit: '亿元',
    unit_en: '100 million yuan',
    period: '约2023年报道',
    period_en: 'reported c. 2023',
    source: '003',
    quote:
      '“蘭州高新區生物醫藥產業入選國家創新型產業集群名單”,集聚中牧股份、中農威特等生物醫藥企業200' +
      '多家,實現總產值200多億元,設立華為鯤鵬生態創新中心、網易(蘭州)聯合創新中心,引進中國電子西' +
      '部區域總部等項目,大數據產業產值占到全市的60%。',
  },
  {
    zone: 'LZHTZ',
    metric: '大数据产业产值占全市比重',
    metric_en: 'Share of city big-data industry output',
    value: 60,
    unit: '%',
    unit_en: '%',
    period: '约2023年报道',
    period_en: 'reported c. 2023',
    source: '003',
    quote:
      '“蘭州高新區生物醫藥產業入選國家創新型產業集群名單”,集聚中牧股份、中農威特等生物醫藥企業200' +
      '多家,實現總產值200多億元,設立華為鯤鵬生態創新中心、網易(蘭州)聯合創新中心,引進中國電子西' +
      '部區域總部等項目,大數據產業產值占到全市的60%。',
  },
  {
    zone: 'LZEZ',
    metric: '超高功率石墨电极生产线年产能（在建）',
    metric_en: 'Annual capacity of UHP graphite electrode line (under construction)',
    value: 10,
    unit: '万吨',
    unit_en: '10k tonnes',
    period: '约2023年报道',
    period_en: 'reported c. 2023',
    source: '003',
    quote: '蘭州經濟區加快推進生態修復與產業發展示范區建設,蘭飛智能電動伺服控制系統產業化、年產10萬噸超高功率石墨電極生產線等項目加快建設,產業集聚能力和發展活力不斷增強。',
  },
  {
    zone: 'CN-GS-LZ',
    metric: '省级认定创新联合体数',
    metric_en: 'Innovation consortia recognised by the province',
    value: 5,
    unit: '家',
    unit_en: 'consortia',
    period: '约2023年报道',
    period_en: 'reported c. 2023',
    source: '003',
    quote: '由行業龍頭企業牽頭組建的甘肅省動物用生物制品等5家創新聯合體,獲得省上認定',
  },
  {
    zone: 'CN-GS-LZ',
    metric: '国家科技进步奖获奖成果数',
    metric_en: 'Achievements winning the National S&T Progress Award',
    value: 21,
    unit: '项',
    unit_en: 'achievements',
    period: '2018年至约2023年',
    period_en: '2018 to c. 2023',
    source: '003',
    quote: '2018年以來,蘭飛醫療公司心臟瓣膜外科創新產品、510所空間電推進綜合測試技術及應用等21項成果榮獲國家科技進步獎,354項成果獲得省科技獎勵。',
  },
  {
    zone: 'CN-GS-LZ',
    metric: '省科技奖励获奖成果数',
    metric_en: 'Achievements winning provincial S&T awards',
    value: 354,
    unit: '项',
    unit_en: 'achievements',
    period: '2018年至约2023年',
    period_en: '2018 to c. 2023',
    source: '003',
    quote: '2018年以來,蘭飛醫療公司心臟瓣膜外科創新產品、510所空間電推進綜合測試技術及應用等21項成果榮獲國家科技進步獎,354項成果獲得省科技獎勵。',
  },
  {
    zone: 'LBZ',
    metric: '兰白试验区创新创业培训班举办期数',
    metric_en: 'Lanzhou–Baiyin innovation and entrepreneurship training courses held',
    value: 2,
    unit: '期',
    unit_en: 'sessions',
    period: '约2023年报道',
    period_en: 'reported c. 2023',
    source: '003',
    quote: '歷屆蘭州科博會邀請上海張江組織企業攜產品參會參展,舉辦兩期“蘭白試驗區創新創業培訓班”。',
  },
  {
    zone: 'CN-GS-LZ',
    metric: '科技产业三支基金落实投资',
    metric_en: 'Investment committed by the three municipal S&T funds',
    value: 8.27,
    unit: '亿元',
    unit_en: '100 million yuan',
    period: '约2023年报道',
    period_en: 'reported c. 2023',
    source: '003',
    quote: '目前,我市組建“蘭州科技產業發展投資基金”“蘭州科技創新創業風險投資基金”和“重點產業知識產權運營基金”,落實投資8.27億元。',
  },
  {
    zone: 'LZNA',
    metric: '"绿金通"财政专项引导资金',
    metric_en: 'Fiscal guidance funds for the "Lüjintong" green-finance platform',
    value: 10,
    unit: '亿元',
    unit_en: '100 million yuan',
    period: '约2023年报道',
    period_en: 'reported c. 2023',
    source: '003',
    quote: '蘭州新區設立“綠金通”金融綜合服務平臺,安排10億元財政專項資金作為引導資金,扶持綠色產業發展。',
  },
  {
    zone: 'LZHTZ',
    metric: '风险补偿资金池',
    metric_en: 'Risk-compensation fund pool',
    value: 2000,
    unit: '万元',
    unit_en: '10k yuan',
    period: '约2023年报道',
    period_en: 'reported c. 2023',
    source: '003',
    quote: '蘭州高新區組建了生物醫藥和天使投資基金,設立2000萬元風險補償資金池,通過融資平臺融資1.5億元。',
  },
  {
    zone: 'LZHTZ',
    metric: '融资平台融资额',
    metric_en: 'Financing raised through the financing platform',
    value: 1.5,
    unit: '亿元',
    unit_en: '100 million yuan',
    period: '约2023年报道',
    period_en: 'reported c. 2023',
    source: '003',
    quote: '蘭州高新區組建了生物醫藥和天使投資基金,設立2000萬元風險補償資金池,通過融資平臺融資1.5億元。',
  },
  {
    zone: 'LZEZ',
    metric: '生物医药创业投资基金规模',
    metric_en: 'Biomedicine venture fund size',
    value: 2.5,
    unit: '亿元',
    unit_en: '100 million yuan',
    period: '约2023年报道',
    period_en: 'reported c. 2023',
    source: '003',
    quote: '蘭州經開區設立2.5億元的“生物醫藥創業投資基金”,已完成1.5億元股權投資,重點支持生物醫藥產業發展。',
  },
  {
    zone: 'LZEZ',
    metric: '生物医药创业投资基金已完成股权投资',
    metric_en: 'Equity investment completed by the biomedicine venture fund',
    value: 1.5,
    unit: '亿元',
    unit_en: '100 million yuan',
    period: '约2023年报道',
    period_en: 'reported c. 2023',
    source: '003',
    quote: '蘭州經開區設立2.5億元的“生物醫藥創業投資基金”,已完成1.5億元股權投資,重點支持生物醫藥產業發展。',
  },
  {
    zone: 'CN-GS-LZ',
    metric: '市级人才专项经费（每年，以上）',
    metric_en: 'Municipal talent special funds (per year, more than)',
    value: 1,
    unit: '亿元',
    unit_en: '100 million yuan',
    period: '年度（约2023年报道）',
    period_en: 'annual, reported c. 2023',
    source: '003',
    quote: '人才工作專項經費大幅提升,每年安排市級人才專項經費1億元以上,加快建設“萃英社區”,實施新時代“蘭州萃英”計劃,優先推薦領軍人才擔任“兩代表一委員”。',
  },
  {
    zone: 'CN-GS',
    metric: '中国创新挑战赛（甘肃）举办届数',
    metric_en: 'China Innovation Challenge (Gansu) editions held',
    value: 6,
    unit: '届',
    unit_en: 'editions',
    period: '2017年至约2022年',
    period_en: '2017 to c. 2022',
    source: '003',
    quote: '2017年以來,蘭州市已連續成功舉辦了六屆中國創新挑戰賽(甘肅),對接成功并簽訂了產學研合作協議249項,簽約金額2.28億元。',
  },
  {
    zone: 'CN-GS',
    metric: '中国创新挑战赛（甘肃）签订产学研合作协议',
    metric_en: 'Industry–university–research agreements signed at the China Innovation Challenge (Gansu)',
    value: 249,
    unit: '项',
    unit_en: 'agreements',
    period: '2017年至约2022年',
    period_en: '2017 to c. 2022',
    source: '003',
    quote: '2017年以來,蘭州市已連續成功舉辦了六屆中國創新挑戰賽(甘肅),對接成功并簽訂了產學研合作協議249項,簽約金額2.28億元。',
  },
  {
    zone: 'CN-GS',
    metric: '中国创新挑战赛（甘肃）签约金额',
    metric_en: 'Contract value signed at the China Innovation Challenge (Gansu)',
    value: 2.28,
    unit: '亿元',
    unit_en: '100 million yuan',
    period: '2017年至约2022年',
    period_en: '2017 to c. 2022',
    source: '003',
    quote: '2017年以來,蘭州市已連續成功舉辦了六屆中國創新挑戰賽(甘肅),對接成功并簽訂了產學研合作協議249項,簽約金額2.28億元。',
  },
  {
    zone: 'CN-GS-LZ',
    metric: '人才创新创业专项累计投入',
    metric_en: 'Talent innovation and entrepreneurship programme, cumulative funding',
    value: 2.9,
    unit: '亿元',
    unit_en: '100 million yuan',
    period: '累计（约2023年报道）',
    period_en: 'cumulative, reported c. 2023',
    source: '003',
    quote: '堅持把項目作為培養鍛煉人才的重要平臺,設立“人才創新創業專項”,累計投入資金2.9億元,支持了1100多個人才(團隊)開展各類科技研發。',
  },
  {
    zone: 'CN-GS-LZ',
    metric: '人才创新创业专项支持人才（团队）数（以上）',
    metric_en: 'Talents (teams) supported by the programme (more than)',
    value: 1100,
    unit: '个',
    unit_en: 'talents or teams',
    period: '累计（约2023年报道）',
    period_en: 'cumulative, reported c. 2023',
    source: '003',
    quote: '堅持把項目作為培養鍛煉人才的重要平臺,設立“人才創新創業專項”,累計投入資金2.9億元,支持了1100多個人才(團隊)開展各類科技研發。',
  },
  {
    zone: 'CN-GS-LZ',
    metric: '两院院士数',
    metric_en: 'Academicians of CAS and CAE',
    value: 38,
    unit: '名',
    unit_en: 'people',
    period: '约2023年报道',
    period_en: 'reported c. 2023',
    source: '003',
    quote: '全市兩院達到院士38名(其中人事關系在蘭院士17名、外聘院士21名)、每萬名就業人員中研發人員數達到136.33人,成為宏觀人才戰略轉化為經濟社會發展的重要載體。',
  },
  {
    zone: 'CN-GS-LZ',
    metric: '人事关系在兰院士数',
    metric_en: 'Academicians employed in Lanzhou',
    value: 17,
    unit: '名',
    unit_en: 'people',
    period: '约2023年报道',
    period_en: 'reported c. 2023',
    source: '003',
    quote: '全市兩院達到院士38名(其中人事關系在蘭院士17名、外聘院士21名)、每萬名就業人員中研發人員數達到136.33人,成為宏觀人才戰略轉化為經濟社會發展的重要載體。',
  },
  {
    zone: 'CN-GS-LZ',
    metric: '外聘院士数',
    metric_en: 'Academicians engaged externally',
    value: 21,
    unit: '名',
    unit_en: 'people',
    period: '约2023年报道',
    period_en: 'reported c. 2023',
    source: '003',
    quote: '全市兩院達到院士38名(其中人事關系在蘭院士17名、外聘院士21名)、每萬名就業人員中研發人員數達到136.33人,成為宏觀人才戰略轉化為經濟社會發展的重要載體。',
  },
  {
    zone: 'CN-GS-LZ',
    metric: '每万名就业人员中研发人员数',
    metric_en: 'R&D personnel per 10,000 employed persons',
    value: 136.33,
    unit: '人',
    unit_en: 'persons per 10k employed',
    period: '约2023年报道',
    period_en: 'reported c. 2023',
    source: '003',
    quote: '全市兩院達到院士38名(其中人事關系在蘭院士17名、外聘院士21名)、每萬名就業人員中研發人員數達到136.33人,成為宏觀人才戰略轉化為經濟社會發展的重要載體。',
  },
  // ---- 004: 甘肃日报, undated (c. 2024-03) ----
  {
    zone: 'LZNA',
    metric: '国产医用重离子治疗装置治疗肿瘤患者数（以上）',
    metric_en: 'Tumour patients treated with the domestic heavy-ion therapy device (more than)',
    value: 1000,
    unit: '例',
    unit_en: 'patients',
    period: '截至约2024年3月',
    period_en: 'as of c. March 2024',
    source: '004',
    quote: '兰州科近泰基新技术有限责任公司总经理张小奇说,兰州重离子加速器国家实验室研发的我国首台国产医用重离子加速器治疗装置,目前已实现临床应用,成功治疗了1000多例肿瘤患者。',
  },
  {
    zone: 'LZNA',
    metric: '"西部药谷"新增入驻企业',
    metric_en: 'New enterprises settled in the "Western Drug Valley"',
    value: 6,
    unit: '家',
    unit_en: 'enterprises',
    period: '2023',
    source: '004',
    quote: '生物医药持续壮大,原子高科同位素项目填补西北地区空白,“西部药谷”新增入驻企业6家、取得发明专利21项。',
  },
  {
    zone: 'LZNA',
    metric: '"西部药谷"取得发明专利',
    metric_en: 'Invention patents obtained in the "Western Drug Valley"',
    value: 21,
    unit: '项',
    unit_en: 'patents',
    period: '2023',
    source: '004',
    quote: '生物医药持续壮大,原子高科同位素项目填补西北地区空白,“西部药谷”新增入驻企业6家、取得发明专利21项。',
  },
  {
    zone: 'LZNA',
    metric: '算力装配规模',
    metric_en: 'Installed computing capacity',
    value: 3,
    unit: '万标准机柜',
    unit_en: '10k standard racks',
    period: '2023',
    source: '004',
    quote: '中国移动数据中心二期、润泽国际信息港等项目加快建设,算力装配规模突破3万标准机柜。',
  },
  {
    zone: 'LZNA',
    metric: '大数据产业园一期装配机柜容量',
    metric_en: 'Big Data Industrial Park phase I rack capacity',
    value: 5144,
    unit: '个',
    unit_en: 'racks',
    period: '截至约2024年3月',
    period_en: 'as of c. March 2024',
    source: '004',
    quote: '截至目前,兰州新区大数据产业园一期项目已建成1号IDC、智慧城市运营中心、动力楼、产业研发楼等,装配机柜容量为5144个。',
  },
  {
    zone: 'LZNA',
    metric: '大数据产业园互联网出口带宽',
    metric_en: 'Big Data Industrial Park internet egress bandwidth',
    value: 20,
    unit: 'Tbps',
    unit_en: 'Tbps',
    period: '截至约2024年3月',
    period_en: 'as of c. March 2024',
    source: '004',
    quote: '多家电信运营商网络已接入新区大数据产业园,互联网出口带宽达20T、国际互联网通道带宽达40G,并在产业园部署“硅立方”先进计算中心,与全国十多个超算中心完成互联互通、容灾备份。',
  },
  {
    zone: 'LZNA',
    metric: '大数据产业园国际互联网通道带宽',
    metric_en: 'Big Data Industrial Park international internet bandwidth',
    value: 40,
    unit: 'Gbps',
    unit_en: 'Gbps',
    period: '截至约2024年3月',
    period_en: 'as of c. March 2024',
    source: '004',
    quote: '多家电信运营商网络已接入新区大数据产业园,互联网出口带宽达20T、国际互联网通道带宽达40G,并在产业园部署“硅立方”先进计算中心,与全国十多个超算中心完成互联互通、容灾备份。',
  },
  {
    zone: 'LZNA',
    metric: '互联互通超算中心数（以上）',
    metric_en: 'Supercomputing centres interconnected (more than)',
    value: 10,
    unit: '个',
    unit_en: 'centres',
    period: '截至约2024年3月',
    period_en: 'as of c. March 2024',
    source: '004',
    quote: '多家电信运营商网络已接入新区大数据产业园,互联网出口带宽达20T、国际互联网通道带宽达40G,并在产业园部署“硅立方”先进计算中心,与全国十多个超算中心完成互联互通、容灾备份。',
  },
  {
    zone: 'LZNA',
    metric: '大数据产业园二期总装配机柜容量',
    metric_en: 'Big Data Industrial Park phase II total rack capacity',
    value: 1.08,
    unit: '万台',
    unit_en: '10k racks',
    period: '2024年计划',
    period_en: 'planned for 2024',
    source: '004',
    quote: '该项目二期正在加速建设当中,总装配机柜容量为1.08万台,将于今年建成投运,将成为西北地区最大的大数据产业聚集区。',
  },
  {
    zone: 'LZNA',
    metric: '一季度集中开工重大项目数',
    metric_en: 'Major projects started in Q1',
    value: 38,
    unit: '个',
    unit_en: 'projects',
    period: '2024年第一季度',
    period_en: '2024 Q1',
    source: '004',
    quote: '今年一季度,新区集中开工重大项目38个,总投资268亿元,靠高质量投资拉动产能提质升级。',
  },
  {
    zone: 'LZNA',
    metric: '一季度集中开工重大项目总投资',
    metric_en: 'Total investment of major projects started in Q1',
    value: 268,
    unit: '亿元',
    unit_en: '100 million yuan',
    period: '2024年第一季度',
    period_en: '2024 Q1',
    source: '004',
    quote: '今年一季度,新区集中开工重大项目38个,总投资268亿元,靠高质量投资拉动产能提质升级。',
  },
  {
    zone: 'LZNA',
    metric: '招商专班数（以上）',
    metric_en: 'Investment-attraction task teams (more than)',
    value: 20,
    unit: '个',
    unit_en: 'teams',
    period: '2024年（年初以来）',
    period_en: '2024 (since New Year)',
    source: '004',
    quote:
      '新年伊始,新区就组成20多个招商专班,开启招商引资“早春行”,聚焦重点区域、重点产业、重点项目,' +
      '集中开展上门调研,累计组织外出招商考察20余批次,对接企业80多家,邀请30多家企业来新区实地考' +
      '察,以速的提升、量的巩固实现生产力质的提升。',
  },
  {
    zone: 'LZNA',
    metric: '外出招商考察批次（以上）',
    metric_en: 'Outbound investment-promotion trips (more than)',
    value: 20,
    unit: '批次',
    unit_en: 'trips',
    period: '2024年（年初以来）',
    period_en: '2024 (since New Year)',
    source: '004',
    quote:
      '新年伊始,新区就组成20多个招商专班,开启招商引资“早春行”,聚焦重点区域、重点产业、重点项目,' +
      '集中开展上门调研,累计组织外出招商考察20余批次,对接企业80多家,邀请30多家企业来新区实地考' +
      '察,以速的提升、量的巩固实现生产力质的提升。',
  },
  {
    zone: 'LZNA',
    metric: '对接企业数（以上）',
    metric_en: 'Enterprises engaged (more than)',
    value: 80,
    unit: '家',
    unit_en: 'enterprises',
    period: '2024年（年初以来）',
    period_en: '2024 (since New Year)',
    source: '004',
    quote:
      '新年伊始,新区就组成20多个招商专班,开启招商引资“早春行”,聚焦重点区域、重点产业、重点项目,' +
      '集中开展上门调研,累计组织外出招商考察20余批次,对接企业80多家,邀请30多家企业来新区实地考' +
      '察,以速的提升、量的巩固实现生产力质的提升。',
  },
  {
    zone: 'LZNA',
    metric: '邀请来新区考察企业数（以上）',
    metric_en: 'Enterprises invited for site visits (more than)',
    value: 30,
    unit: '家',
    unit_en: 'enterprises',
    period: '2024年（年初以来）',
    period_en: '2024 (since New Year)',
    source: '004',
    quote:
      '新年伊始,新区就组成20多个招商专班,开启招商引资“早春行”,聚焦重点区域、重点产业、重点项目,' +
      '集中开展上门调研,累计组织外出招商考察20余批次,对接企业80多家,邀请30多家企业来新区实地考' +
      '察,以速的提升、量的巩固实现生产力质的提升。',
  },
];
