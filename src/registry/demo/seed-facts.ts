/**
 * Seed facts for the demo data: zone-level quantitative figures taken from the
 * five seed documents in /work/shared/seeds/ (reports on Lanzhou New Area,
 * Lanzhou High-tech Zone, the Lanzhou–Baiyin national independent innovation
 * demonstration zone, Lanzhou city and Chengdu Science City / Tianfu New Area).
 *
 * Every entry names its source file, with the document's title and date.
 * `quote` is copied verbatim from the source file (a substring of it), including
 * the documents' Traditional characters and their conversion artefacts such as
 * "(yè)" or "?!疤m"; long sentences are sometimes cut at a clause boundary.
 * Values are as stated: "more than N" is recorded as N with "(more than)" in the
 * metric name; percentages are the percent number; units are given as stated.
 * Plain data only.
 */

export interface SeedFact {
  /** Zone code: CN-GS, CN-GS-LZ, LZNA, LZHTZ, LZEZ, CN-GS-BY, BYHTZ, LBZ, CN-SC-CD, TFNA, CDSC, ZJ. */
  zone: string;
  /** Short bilingual metric name, "中文 / English". */
  metric: string;
  /** The number as stated (percent as the percent number). */
  value: number;
  unit: string;
  period: string;
  /** Seed file name, then the document's title and date in parentheses. */
  source: string;
  /** The sentence(s) containing the figure, verbatim from the source file. */
  quote: string;
}

const S000 =
  '000_496e32b55310cd60.txt (Lanzhou New Area: To create a “strong magnetic field” of ' +
  'scientific and technological Innovation and reignite the “power source” of the Golden ' +
  'Decade, 2022-05-10)';
const S001 =
  '001_f70a08798afe7b4d.txt (凝聚科技創新合力 蘭州高新區著力打造區域經濟新增長點, 中國企業' +
  '報, 2022-03-10)';
const S002 =
  '002_3f05d25038775d93.txt (Chengdu Construction of Science and Technology Innovation ' +
  'Center, 2021-07-17)';
const S003 =
  '003_02898c15ca762943.txt (提升創新主干 補齊產業發展短板 我市全力推動蘭白兩區高質量發展, ' +
  '蘭州日報/蘭州新聞網, undated, c. 2023)';
const S004 =
  '004_79048d5c3ccee9bc.txt (向新而生 向质图强——兰州新区加快形成新质生产力, 甘肃日报, ' +
  'undated, c. 2024-03)';

export const SEED_FACTS: readonly SeedFact[] = [
  // ---- 000_496e32b55310cd60.txt (2022-05-10) ----
  {
    zone: 'LZNA',
    metric: '创新孵化平台新建数 / Innovation and incubation platforms built',
    value: 20,
    unit: '个 / platforms',
    period: '2021',
    source: S000,
    quote:
      '– 20 innovation and incubation platforms were built, 6 laboratories for research ' +
      'and development of chemical industry parks and plant tissue culture were built, and ' +
      'major scientific and technological innovation platforms such as heavy ion ' +
      'accelerator and quality inspection and testing engineering laboratories were put ' +
      'into operation.',
  },
  {
    zone: 'LZNA',
    metric:
      '研发实验室新建数（化工园区、植物组培） / R&D laboratories built (chemical park, ' +
      'plant tissue culture)',
    value: 6,
    unit: '个 / laboratories',
    period: '2021',
    source: S000,
    quote:
      '– 20 innovation and incubation platforms were built, 6 laboratories for research ' +
      'and development of chemical industry parks and plant tissue culture were built, and ' +
      'major scientific and technological innovation platforms such as heavy ion ' +
      'accelerator and quality inspection and testing engineering laboratories were put ' +
      'into operation.',
  },
  {
    zone: 'LZNA',
    metric: '科技型企业新增数 / New sci-tech enterprises',
    value: 160,
    unit: '家 / enterprises',
    period: '2021',
    source: S000,
    quote:
      '– There were 160 new sci-tech enterprises and 15 new and high-tech enterprises, 291 ' +
      'scientific and technological achievements were developed, and China’s investment in ' +
      'R&D accounted for 3.7 percent of GDP.',
  },
  {
    zone: 'LZNA',
    metric: '高新技术企业新增数 / New high-tech enterprises',
    value: 15,
    unit: '家 / enterprises',
    period: '2021',
    source: S000,
    quote:
      '– There were 160 new sci-tech enterprises and 15 new and high-tech enterprises, 291 ' +
      'scientific and technological achievements were developed, and China’s investment in ' +
      'R&D accounted for 3.7 percent of GDP.',
  },
  {
    zone: 'LZNA',
    metric: '科技成果数 / S&T achievements developed',
    value: 291,
    unit: '项 / achievements',
    period: '2021',
    source: S000,
    quote:
      '– There were 160 new sci-tech enterprises and 15 new and high-tech enterprises, 291 ' +
      'scientific and technological achievements were developed, and China’s investment in ' +
      'R&D accounted for 3.7 percent of GDP.',
  },
  {
    zone: 'LZNA',
    metric: '研发投入占GDP比重 / R&D expenditure as share of GDP',
    value: 3.7,
    unit: '%',
    period: '2021',
    source: S000,
    quote:
      '– There were 160 new sci-tech enterprises and 15 new and high-tech enterprises, 291 ' +
      'scientific and technological achievements were developed, and China’s investment in ' +
      'R&D accounted for 3.7 percent of GDP.',
  },
  {
    zone: 'LZNA',
    metric: '新引进转化科技成果数 / S&T achievements newly introduced and transformed',
    value: 91,
    unit: '项 / achievements',
    period: '2021',
    source: S000,
    quote:
      '– 91 newly introduced and transformed scientific and technological achievements, ' +
      'with a conversion rate of 31.3 percent and a contribution rate of 61 percent to ' +
      'scientific and technological progress, were selected as the second batch of ' +
      '“Science and innovation China” pilot cities.',
  },
  {
    zone: 'LZNA',
    metric: '科技成果转化率 / S&T achievement conversion rate',
    value: 31.3,
    unit: '%',
    period: '2021',
    source: S000,
    quote:
      '– 91 newly introduced and transformed scientific and technological achievements, ' +
      'with a conversion rate of 31.3 percent and a contribution rate of 61 percent to ' +
      'scientific and technological progress, were selected as the second batch of ' +
      '“Science and innovation China” pilot cities.',
  },
  {
    zone: 'LZNA',
    metric: '科技进步贡献率 / Contribution rate of S&T progress',
    value: 61,
    unit: '%',
    period: '2021',
    source: S000,
    quote:
      '– 91 newly introduced and transformed scientific and technological achievements, ' +
      'with a conversion rate of 31.3 percent and a contribution rate of 61 percent to ' +
      'scientific and technological progress, were selected as the second batch of ' +
      '“Science and innovation China” pilot cities.',
  },
  {
    zone: 'LZNA',
    metric: '化工园区入驻项目数 / Settled projects (fine-chemicals park)',
    value: 82,
    unit: '个 / projects',
    period: 'as of 2022-05',
    source: S000,
    quote:
      'There are 82 settled projects and 223 kinds of high-end fine chemical products, ' +
      'among which 46 products fill domestic blank, 83 replace imports, and 68 are ' +
      'exported for export.',
  },
  {
    zone: 'LZNA',
    metric: '高端精细化工产品种类 / High-end fine chemical products',
    value: 223,
    unit: '种 / kinds',
    period: 'as of 2022-05',
    source: S000,
    quote:
      'There are 82 settled projects and 223 kinds of high-end fine chemical products, ' +
      'among which 46 products fill domestic blank, 83 replace imports, and 68 are ' +
      'exported for export.',
  },
  {
    zone: 'LZNA',
    metric: '填补国内空白产品数 / Products filling a domestic gap',
    value: 46,
    unit: '种 / products',
    period: 'as of 2022-05',
    source: S000,
    quote:
      'There are 82 settled projects and 223 kinds of high-end fine chemical products, ' +
      'among which 46 products fill domestic blank, 83 replace imports, and 68 are ' +
      'exported for export.',
  },
  {
    zone: 'LZNA',
    metric: '替代进口产品数 / Import-substituting products',
    value: 83,
    unit: '种 / products',
    period: 'as of 2022-05',
    source: S000,
    quote:
      'There are 82 settled projects and 223 kinds of high-end fine chemical products, ' +
      'among which 46 products fill domestic blank, 83 replace imports, and 68 are ' +
      'exported for export.',
  },
  {
    zone: 'LZNA',
    metric: '出口产品数 / Exported products',
    value: 68,
    unit: '种 / products',
    period: 'as of 2022-05',
    source: S000,
    quote:
      'There are 82 settled projects and 223 kinds of high-end fine chemical products, ' +
      'among which 46 products fill domestic blank, 83 replace imports, and 68 are ' +
      'exported for export.',
  },
  {
    zone: 'LZNA',
    metric:
      '引进培养技能人才及研发人员（以上） / Skilled talents and R&D personnel introduced ' +
      'and trained (more than)',
    value: 30000,
    unit: '名 / people',
    period: 'as of 2022-05',
    source: S000,
    quote:
      '— focusing on introducing and training more than 30,000 first-class and ' +
      'high-quality skilled talents, skilled craftsmen, craftsmen and r&d personnel from ' +
      'major countries, carrying out 216 new scientific research projects and applying for ' +
      'more than 1,000 patents of various kinds.',
  },
  {
    zone: 'LZNA',
    metric: '新开展科研项目数 / New research projects carried out',
    value: 216,
    unit: '项 / projects',
    period: 'as of 2022-05',
    source: S000,
    quote:
      '— focusing on introducing and training more than 30,000 first-class and ' +
      'high-quality skilled talents, skilled craftsmen, craftsmen and r&d personnel from ' +
      'major countries, carrying out 216 new scientific research projects and applying for ' +
      'more than 1,000 patents of various kinds.',
  },
  {
    zone: 'LZNA',
    metric: '各类专利申请数（以上） / Patent applications of all kinds (more than)',
    value: 1000,
    unit: '件 / patents',
    period: 'as of 2022-05',
    source: S000,
    quote:
      '— focusing on introducing and training more than 30,000 first-class and ' +
      'high-quality skilled talents, skilled craftsmen, craftsmen and r&d personnel from ' +
      'major countries, carrying out 216 new scientific research projects and applying for ' +
      'more than 1,000 patents of various kinds.',
  },
  {
    zone: 'LZNA',
    metric:
      '双元制人才培养合作企业数（以上） / Enterprises cooperating in dual-system training ' +
      '(more than)',
    value: 300,
    unit: '家 / enterprises',
    period: 'as of 2022-05',
    source: S000,
    quote:
      '– China has cooperated with over 300 enterprises in personnel training under the ' +
      'dual-system system, and exported 53,000 professionals with an employment rate of ' +
      'over 95%.',
  },
  {
    zone: 'LZNA',
    metric: '输送专业人才数 / Professionals supplied',
    value: 53000,
    unit: '名 / people',
    period: 'as of 2022-05',
    source: S000,
    quote:
      '– China has cooperated with over 300 enterprises in personnel training under the ' +
      'dual-system system, and exported 53,000 professionals with an employment rate of ' +
      'over 95%.',
  },
  {
    zone: 'LZNA',
    metric: '专业人才就业率（以上） / Employment rate of professionals (more than)',
    value: 95,
    unit: '%',
    period: 'as of 2022-05',
    source: S000,
    quote:
      '– China has cooperated with over 300 enterprises in personnel training under the ' +
      'dual-system system, and exported 53,000 professionals with an employment rate of ' +
      'over 95%.',
  },
  {
    zone: 'LZNA',
    metric: '国家级新区获批序次 / Order of approval among state-level new areas',
    value: 5,
    unit: '第…个 / ordinal',
    period: '2012',
    source: S000,
    quote:
      'As approved by the State Council the northwest region, the fifth national first ' +
      'district, district in lanzhou now are moving in the northwest region important ' +
      'economic growth pole, national important industrial base, open to the west of the ' +
      'important strategic platform, undertaking industrial transfer demonstration area ' +
      '“strategic positioning strides forward, playing an increasingly important ' +
      'demonstration role in driving.',
  },
  // ---- 001_f70a08798afe7b4d.txt (2022-03-10) ----
  {
    zone: 'LZHTZ',
    metric: '国家高新区综合排名（全国157家） / Rank among 157 national high-tech zones',
    value: 53,
    unit: '名 / rank',
    period: '2021',
    source: S001,
    quote:
      '科技部火炬中心《關(guān)于通報國家高新區(qū)綜合評價結(jié)果的通知》顯示,2021年蘭州' +
      '高新區(qū)在全國157家國家高新區(qū)年度綜合排名中位列第53名,較上年度提升12位。',
  },
  {
    zone: 'LZHTZ',
    metric: '国家高新区综合排名较上年提升 / Rank improvement over previous year',
    value: 12,
    unit: '位 / places',
    period: '2021',
    source: S001,
    quote:
      '科技部火炬中心《關(guān)于通報國家高新區(qū)綜合評價結(jié)果的通知》顯示,2021年蘭州' +
      '高新區(qū)在全國157家國家高新區(qū)年度綜合排名中位列第53名,較上年度提升12位。',
  },
  {
    zone: 'LZHTZ',
    metric: '省级以上创新平台新增数 / New provincial-or-above innovation platforms',
    value: 31,
    unit: '家 / platforms',
    period: '2021',
    source: S001,
    quote:
      '據(jù)蘭州高新區(qū)管委會主任孫裕介紹,2021年區(qū)內(nèi)新增省級以上創(chuàng)新平' +
      '臺31家,新引進科技型孵化企業(yè)100多家。',
  },
  {
    zone: 'LZHTZ',
    metric:
      '新引进科技型孵化企业数（以上） / Newly attracted sci-tech incubated enterprises ' +
      '(more than)',
    value: 100,
    unit: '家 / enterprises',
    period: '2021',
    source: S001,
    quote:
      '據(jù)蘭州高新區(qū)管委會主任孫裕介紹,2021年區(qū)內(nèi)新增省級以上創(chuàng)新平' +
      '臺31家,新引進科技型孵化企業(yè)100多家。',
  },
  {
    zone: 'LZHTZ',
    metric: '新当选中国工程院院士 / Scientists elected CAE academicians',
    value: 1,
    unit: '名 / people',
    period: '2021',
    source: S001,
    quote:
      '蘭州空間物理技術(shù)研究所“空間電推進綜合測試技術(shù)及應(yīng)用”科技成果榮獲2020' +
      '年度國家科學技術(shù)進步獎二等獎,1名科學家入選中國工程院院士,科技進步對經(jīng)濟增' +
      '長的貢獻率達到62%,實現(xiàn)了“十四五”的良好開局。',
  },
  {
    zone: 'LZHTZ',
    metric: '科技进步对经济增长的贡献率 / Contribution rate of S&T progress to economic growth',
    value: 62,
    unit: '%',
    period: '2021',
    source: S001,
    quote:
      '蘭州空間物理技術(shù)研究所“空間電推進綜合測試技術(shù)及應(yīng)用”科技成果榮獲2020' +
      '年度國家科學技術(shù)進步獎二等獎,1名科學家入選中國工程院院士,科技進步對經(jīng)濟增' +
      '長的貢獻率達到62%,實現(xiàn)了“十四五”的良好開局。',
  },
  {
    zone: 'LZHTZ',
    metric: '生物医药企业数（以上） / Biomedicine enterprises (more than)',
    value: 200,
    unit: '家 / enterprises',
    period: 'as of 2022-03',
    source: S001,
    quote:
      '據(jù)了解,目前,蘭州高新區(qū)生物醫(yī)藥產(chǎn)業(yè)聚焦生物制品、中醫(yī)藥、多' +
      '肽藥物、醫(yī)療器械等核心領(lǐng)域,集聚各類藥企共計200多家,實現(xiàn)產(chǎn)值200' +
      '多億元,并成功獲批了“國家生物醫(yī)藥新型工業(yè)化產(chǎn)業(yè)示范基地”。',
  },
  {
    zone: 'LZHTZ',
    metric: '生物医药产业产值（以上） / Biomedicine industry output value (more than)',
    value: 200,
    unit: '亿元 / 100 million yuan',
    period: 'as of 2022-03',
    source: S001,
    quote:
      '據(jù)了解,目前,蘭州高新區(qū)生物醫(yī)藥產(chǎn)業(yè)聚焦生物制品、中醫(yī)藥、多' +
      '肽藥物、醫(yī)療器械等核心領(lǐng)域,集聚各類藥企共計200多家,實現(xiàn)產(chǎn)值200' +
      '多億元,并成功獲批了“國家生物醫(yī)藥新型工業(yè)化產(chǎn)業(yè)示范基地”。',
  },
  {
    zone: 'LZHTZ',
    metric: '兰洽会签约项目数 / Projects signed at the 27th Lanzhou Investment and Trade Fair',
    value: 12,
    unit: '个 / projects',
    period: '2021',
    source: S001,
    quote:
      '在第二十七屆蘭州投資貿(mào)易洽談會期間,蘭州高新區(qū)共計簽約12個項目,簽約總額達128' +
      '.64億元,涉及生物醫(yī)藥、新基建、新材料、新能源等多個領(lǐng)域,對高新區(qū)加快新' +
      '舊動能轉(zhuǎn)換、促進經(jīng)濟轉(zhuǎn)型升級起到了重要推動作用。',
  },
  {
    zone: 'LZHTZ',
    metric:
      '兰洽会签约总额 / Contract value signed at the 27th Lanzhou Investment and Trade Fair',
    value: 128.64,
    unit: '亿元 / 100 million yuan',
    period: '2021',
    source: S001,
    quote:
      '在第二十七屆蘭州投資貿(mào)易洽談會期間,蘭州高新區(qū)共計簽約12個項目,簽約總額達128' +
      '.64億元,涉及生物醫(yī)藥、新基建、新材料、新能源等多個領(lǐng)域,對高新區(qū)加快新' +
      '舊動能轉(zhuǎn)換、促進經(jīng)濟轉(zhuǎn)型升級起到了重要推動作用。',
  },
  // ---- 002_3f05d25038775d93.txt (2021-07-17) ----
  {
    zone: 'CN-SC-CD',
    metric: '电子信息产业规模 / Electronic information industry scale',
    value: 1006.57,
    unit: '十亿元 / billion yuan',
    period: '2020',
    source: S002,
    quote:
      'In 2020, the scale of Chengdu\'s electronic information industry reached 1,006.57 ' +
      'billion yuan, an increase of 19.8% year-on-year, making it the first industry in ' +
      'Chengdu with an output value exceeding one trillion yuan.',
  },
  {
    zone: 'CN-SC-CD',
    metric: '电子信息产业规模同比增长 / Electronic information industry growth, year on year',
    value: 19.8,
    unit: '%',
    period: '2020',
    source: S002,
    quote:
      'In 2020, the scale of Chengdu\'s electronic information industry reached 1,006.57 ' +
      'billion yuan, an increase of 19.8% year-on-year, making it the first industry in ' +
      'Chengdu with an output value exceeding one trillion yuan.',
  },
  {
    zone: 'CDSC',
    metric:
      '成都未来科技城国家（重点）实验室建设目标 / Future S&T City: national (key) ' +
      'laboratories (target)',
    value: 1,
    unit: '个 / laboratories',
    period: 'target by 2025',
    source: S002,
    quote:
      'As an important carrier for the “one core and four districts” layout of the Western ' +
      '(Chengdu) Science City, Chengdu Future Science and Technology City will strive to ' +
      'build 1 national (key) laboratory, 2 national-level R&D institutions, 4 ' +
      'high-quality scientific and technological innovation spaces by 2025, Attract 300 ' +
      'high-level talents.',
  },
  {
    zone: 'CDSC',
    metric:
      '成都未来科技城国家级研发机构建设目标 / Future S&T City: national-level R&D ' +
      'institutions (target)',
    value: 2,
    unit: '个 / institutions',
    period: 'target by 2025',
    source: S002,
    quote:
      'As an important carrier for the “one core and four districts” layout of the Western ' +
      '(Chengdu) Science City, Chengdu Future Science and Technology City will strive to ' +
      'build 1 national (key) laboratory, 2 national-level R&D institutions, 4 ' +
      'high-quality scientific and technological innovation spaces by 2025, Attract 300 ' +
      'high-level talents.',
  },
  {
    zone: 'CDSC',
    metric:
      '成都未来科技城高品质科创空间建设目标 / Future S&T City: high-quality innovation ' +
      'spaces (target)',
    value: 4,
    unit: '个 / spaces',
    period: 'target by 2025',
    source: S002,
    quote:
      'As an important carrier for the “one core and four districts” layout of the Western ' +
      '(Chengdu) Science City, Chengdu Future Science and Technology City will strive to ' +
      'build 1 national (key) laboratory, 2 national-level R&D institutions, 4 ' +
      'high-quality scientific and technological innovation spaces by 2025, Attract 300 ' +
      'high-level talents.',
  },
  {
    zone: 'CDSC',
    metric:
      '成都未来科技城高层次人才引进目标 / Future S&T City: high-level talents attracted ' +
      '(target)',
    value: 300,
    unit: '名 / people',
    period: 'target by 2025',
    source: S002,
    quote:
      'As an important carrier for the “one core and four districts” layout of the Western ' +
      '(Chengdu) Science City, Chengdu Future Science and Technology City will strive to ' +
      'build 1 national (key) laboratory, 2 national-level R&D institutions, 4 ' +
      'high-quality scientific and technological innovation spaces by 2025, Attract 300 ' +
      'high-level talents.',
  },
  // ---- 003_02898c15ca762943.txt (undated, c. 2023) ----
  {
    zone: 'LZHTZ',
    metric:
      '自创区政策兑现奖补资金 / Subsidies and awards disbursed under the ' +
      'demonstration-zone policy',
    value: 8573.9,
    unit: '万元 / 10k yuan',
    period: 'cumulative, as reported c. 2023',
    source: S003,
    quote:
      '蘭州高新區(qū)在“1+4+7”政策體系基礎上,進行適時調整,出臺了《蘭州高新區(qū)建設國家自' +
      '主創(chuàng)新示范區(qū)促進高質量發(fā)展政策》,兌現(xiàn)獎補資金8573.9萬元。',
  },
  {
    zone: 'LZNA',
    metric:
      '累计引进产业项目数（以上） / Industrial projects introduced, cumulative (more than)',
    value: 820,
    unit: '个 / projects',
    period: 'cumulative, as reported c. 2023',
    source: S003,
    quote:
      '蘭州新區(qū)加快打造西部地區(qū)千億級、五百億級和百億級產(chǎn)業(yè)發(fā)展引領區' +
      '(qū),累計引進產(chǎn)業(yè)項目超過820多個,總投資4500多億元以上',
  },
  {
    zone: 'LZNA',
    metric:
      '累计引进产业项目总投资（以上） / Total investment of introduced industrial projects ' +
      '(more than)',
    value: 4500,
    unit: '亿元 / 100 million yuan',
    period: 'cumulative, as reported c. 2023',
    source: S003,
    quote:
      '蘭州新區(qū)加快打造西部地區(qū)千億級、五百億級和百億級產(chǎn)業(yè)發(fā)展引領區' +
      '(qū),累計引進產(chǎn)業(yè)項目超過820多個,總投資4500多億元以上',
  },
  {
    zone: 'LZHTZ',
    metric: '生物医药企业数（以上） / Biomedicine enterprises (more than)',
    value: 200,
    unit: '家 / enterprises',
    period: 'as reported c. 2023',
    source: S003,
    quote:
      '疤m州高新區(qū)生物醫(yī)藥產(chǎn)業(yè)入選國家創(chuàng)新型產(chǎn)業(yè)集群名' +
      '單”,集聚中牧股份、中農威特等生物醫(yī)藥企業(yè)200多家,實現(xiàn)總產(chǎn)值200多' +
      '億元,設立華為鯤鵬生態(tài)創(chuàng)新中心、網(wǎng)易(蘭州)聯(lián)合創(chuàng)新中' +
      '心,引進中國電子西部區(qū)域總部等項目,大數(shù)據(jù)產(chǎn)業(yè)產(chǎn)值占到全' +
      '市的60%。',
  },
  {
    zone: 'LZHTZ',
    metric: '生物医药产业总产值（以上） / Biomedicine industry total output value (more than)',
    value: 200,
    unit: '亿元 / 100 million yuan',
    period: 'as reported c. 2023',
    source: S003,
    quote:
      '疤m州高新區(qū)生物醫(yī)藥產(chǎn)業(yè)入選國家創(chuàng)新型產(chǎn)業(yè)集群名' +
      '單”,集聚中牧股份、中農威特等生物醫(yī)藥企業(yè)200多家,實現(xiàn)總產(chǎn)值200多' +
      '億元,設立華為鯤鵬生態(tài)創(chuàng)新中心、網(wǎng)易(蘭州)聯(lián)合創(chuàng)新中' +
      '心,引進中國電子西部區(qū)域總部等項目,大數(shù)據(jù)產(chǎn)業(yè)產(chǎn)值占到全' +
      '市的60%。',
  },
  {
    zone: 'LZHTZ',
    metric: '大数据产业产值占全市比重 / Share of city big-data industry output',
    value: 60,
    unit: '%',
    period: 'as reported c. 2023',
    source: S003,
    quote:
      '疤m州高新區(qū)生物醫(yī)藥產(chǎn)業(yè)入選國家創(chuàng)新型產(chǎn)業(yè)集群名' +
      '單”,集聚中牧股份、中農威特等生物醫(yī)藥企業(yè)200多家,實現(xiàn)總產(chǎn)值200多' +
      '億元,設立華為鯤鵬生態(tài)創(chuàng)新中心、網(wǎng)易(蘭州)聯(lián)合創(chuàng)新中' +
      '心,引進中國電子西部區(qū)域總部等項目,大數(shù)據(jù)產(chǎn)業(yè)產(chǎn)值占到全' +
      '市的60%。',
  },
  {
    zone: 'LZEZ',
    metric:
      '超高功率石墨电极生产线年产能（在建） / Annual capacity of UHP graphite electrode ' +
      'line (under construction)',
    value: 10,
    unit: '万吨 / 10k tonnes',
    period: 'as reported c. 2023',
    source: S003,
    quote:
      '蘭州經(jīng)濟區(qū)加快推進生態(tài)修復與產(chǎn)業(yè)發(fā)展示范區(qū)建設,蘭飛' +
      '智能電動伺服控制系統(tǒng)產(chǎn)業(yè)化、年產(chǎn)10萬噸超高功率石墨電極生產(chǎ' +
      'n)線等項目加快建設,產(chǎn)業(yè)集聚能力和發(fā)展活力不斷增強。',
  },
  {
    zone: 'CN-GS-LZ',
    metric: '省级认定创新联合体数 / Innovation consortia recognised by the province',
    value: 5,
    unit: '家 / consortia',
    period: 'as reported c. 2023',
    source: S003,
    quote:
      '由行業(yè)龍頭企業(yè)牽頭組建的甘肅省動物用生物制品等5家創(chuàng)新聯(lián)合體,獲' +
      '得省上認定',
  },
  {
    zone: 'CN-GS-LZ',
    metric: '国家科技进步奖获奖成果数 / Achievements winning the National S&T Progress Award',
    value: 21,
    unit: '项 / achievements',
    period: '2018–c. 2023',
    source: S003,
    quote:
      '2018年以來,蘭飛醫(yī)療公司心臟瓣膜外科創(chuàng)新產(chǎn)品、510所空間電推進綜合測' +
      '試技術及應用等21項成果榮獲國家科技進步獎,354項成果獲得省科技獎勵。',
  },
  {
    zone: 'CN-GS-LZ',
    metric: '省科技奖励获奖成果数 / Achievements winning provincial S&T awards',
    value: 354,
    unit: '项 / achievements',
    period: '2018–c. 2023',
    source: S003,
    quote:
      '2018年以來,蘭飛醫(yī)療公司心臟瓣膜外科創(chuàng)新產(chǎn)品、510所空間電推進綜合測' +
      '試技術及應用等21項成果榮獲國家科技進步獎,354項成果獲得省科技獎勵。',
  },
  {
    zone: 'LBZ',
    metric:
      '兰白试验区创新创业培训班举办期数 / Lanzhou–Baiyin innovation and entrepreneurship ' +
      'training courses held',
    value: 2,
    unit: '期 / sessions',
    period: 'as reported c. 2023',
    source: S003,
    quote:
      '歷屆蘭州科博會邀請上海張江組織企業(yè)攜產(chǎn)品參會參展,舉辦兩期“蘭白試驗區(qū)創' +
      '(chuàng)新創(chuàng)業(yè)培訓班”。',
  },
  {
    zone: 'CN-GS-LZ',
    metric: '科技产业三支基金落实投资 / Investment committed by the three municipal S&T funds',
    value: 8.27,
    unit: '亿元 / 100 million yuan',
    period: 'as reported c. 2023',
    source: S003,
    quote:
      '目前,我市組建“蘭州科技產(chǎn)業(yè)發(fā)展投資基金”“蘭州科技創(chuàng)新創(chuàng)' +
      '業(yè)風險投資基金”和“重點產(chǎn)業(yè)知識產(chǎn)權運營基金”,落實投資8.27億元。',
  },
  {
    zone: 'LZNA',
    metric:
      '"绿金通"财政专项引导资金 / Fiscal guidance funds for the "Lüjintong" green-finance ' +
      'platform',
    value: 10,
    unit: '亿元 / 100 million yuan',
    period: 'as reported c. 2023',
    source: S003,
    quote:
      '蘭州新區(qū)設立“綠金通”金融綜合服務平臺,安排10億元財政專項資金作為引導資金,扶持綠色' +
      '產(chǎn)業(yè)發(fā)展。',
  },
  {
    zone: 'LZHTZ',
    metric: '风险补偿资金池 / Risk-compensation fund pool',
    value: 2000,
    unit: '万元 / 10k yuan',
    period: 'as reported c. 2023',
    source: S003,
    quote:
      '蘭州高新區(qū)組建了生物醫(yī)藥和天使投資基金,設立2000萬元風險補償資金池,通過融資平' +
      '臺融資1.5億元。',
  },
  {
    zone: 'LZHTZ',
    metric: '融资平台融资额 / Financing raised through the financing platform',
    value: 1.5,
    unit: '亿元 / 100 million yuan',
    period: 'as reported c. 2023',
    source: S003,
    quote:
      '蘭州高新區(qū)組建了生物醫(yī)藥和天使投資基金,設立2000萬元風險補償資金池,通過融資平' +
      '臺融資1.5億元。',
  },
  {
    zone: 'LZEZ',
    metric: '生物医药创业投资基金规模 / Biomedicine venture fund size',
    value: 2.5,
    unit: '亿元 / 100 million yuan',
    period: 'as reported c. 2023',
    source: S003,
    quote:
      '蘭州經(jīng)開區(qū)設立2.5億元的“生物醫(yī)藥創(chuàng)業(yè)投資基金”,已完成1.5億' +
      '元股權投資,重點支持生物醫(yī)藥產(chǎn)業(yè)發(fā)展。',
  },
  {
    zone: 'LZEZ',
    metric:
      '生物医药创业投资基金已完成股权投资 / Equity investment completed by the biomedicine ' +
      'venture fund',
    value: 1.5,
    unit: '亿元 / 100 million yuan',
    period: 'as reported c. 2023',
    source: S003,
    quote:
      '蘭州經(jīng)開區(qū)設立2.5億元的“生物醫(yī)藥創(chuàng)業(yè)投資基金”,已完成1.5億' +
      '元股權投資,重點支持生物醫(yī)藥產(chǎn)業(yè)發(fā)展。',
  },
  {
    zone: 'CN-GS-LZ',
    metric:
      '市级人才专项经费（每年，以上） / Municipal talent special funds (per year, more ' +
      'than)',
    value: 1,
    unit: '亿元 / 100 million yuan',
    period: 'annual, as reported c. 2023',
    source: S003,
    quote:
      '人才工作專項經(jīng)費大幅提升,每年安排市級人才專項經(jīng)費1億元以上,加快建設“萃英' +
      '社區(qū)”,實施新時代“蘭州萃英”計劃,優(yōu)先推薦領軍人才擔任“兩代表一委員”。',
  },
  {
    zone: 'CN-GS',
    metric: '中国创新挑战赛（甘肃）举办届数 / China Innovation Challenge (Gansu) editions held',
    value: 6,
    unit: '届 / editions',
    period: '2017–c. 2022',
    source: S003,
    quote:
      '2017年以來,蘭州市已連續(xù)成功舉辦了六屆中國創(chuàng)新挑戰(zhàn)賽(甘肅),對接成功' +
      '并簽訂了產(chǎn)學研合作協(xié)議249項,簽約金額2.28億元。',
  },
  {
    zone: 'CN-GS',
    metric:
      '中国创新挑战赛（甘肃）签订产学研合作协议 / Industry–university–research agreements ' +
      'signed at the China Innovation Challenge (Gansu)',
    value: 249,
    unit: '项 / agreements',
    period: '2017–c. 2022',
    source: S003,
    quote:
      '2017年以來,蘭州市已連續(xù)成功舉辦了六屆中國創(chuàng)新挑戰(zhàn)賽(甘肅),對接成功' +
      '并簽訂了產(chǎn)學研合作協(xié)議249項,簽約金額2.28億元。',
  },
  {
    zone: 'CN-GS',
    metric:
      '中国创新挑战赛（甘肃）签约金额 / Contract value signed at the China Innovation ' +
      'Challenge (Gansu)',
    value: 2.28,
    unit: '亿元 / 100 million yuan',
    period: '2017–c. 2022',
    source: S003,
    quote:
      '2017年以來,蘭州市已連續(xù)成功舉辦了六屆中國創(chuàng)新挑戰(zhàn)賽(甘肅),對接成功' +
      '并簽訂了產(chǎn)學研合作協(xié)議249項,簽約金額2.28億元。',
  },
  {
    zone: 'CN-GS-LZ',
    metric:
      '人才创新创业专项累计投入 / Talent innovation and entrepreneurship programme, ' +
      'cumulative funding',
    value: 2.9,
    unit: '亿元 / 100 million yuan',
    period: 'cumulative, as reported c. 2023',
    source: S003,
    quote:
      '堅持把項目作為培養(yǎng)鍛煉人才的重要平臺,設立“人才創(chuàng)新創(chuàng)業(yè)專項' +
      '”,累計投入資金2.9億元,支持了1100多個人才(團隊)開展各類科技研發(fā)。',
  },
  {
    zone: 'CN-GS-LZ',
    metric:
      '人才创新创业专项支持人才（团队）数（以上） / Talents (teams) supported by the ' +
      'programme (more than)',
    value: 1100,
    unit: '个 / talents or teams',
    period: 'cumulative, as reported c. 2023',
    source: S003,
    quote:
      '堅持把項目作為培養(yǎng)鍛煉人才的重要平臺,設立“人才創(chuàng)新創(chuàng)業(yè)專項' +
      '”,累計投入資金2.9億元,支持了1100多個人才(團隊)開展各類科技研發(fā)。',
  },
  {
    zone: 'CN-GS-LZ',
    metric: '两院院士数 / Academicians of CAS and CAE',
    value: 38,
    unit: '名 / people',
    period: 'as reported c. 2023',
    source: S003,
    quote:
      '全市兩院達到院士38名(其中人事關系在蘭院士17名、外聘院士21名)、每萬名就業(yè)人員中研' +
      '發(fā)人員數(shù)達到136.33人,成為宏觀人才戰(zhàn)略轉化為經(jīng)濟社會發(fā)展的重' +
      '要載體。',
  },
  {
    zone: 'CN-GS-LZ',
    metric: '人事关系在兰院士数 / Academicians employed in Lanzhou',
    value: 17,
    unit: '名 / people',
    period: 'as reported c. 2023',
    source: S003,
    quote:
      '全市兩院達到院士38名(其中人事關系在蘭院士17名、外聘院士21名)、每萬名就業(yè)人員中研' +
      '發(fā)人員數(shù)達到136.33人,成為宏觀人才戰(zhàn)略轉化為經(jīng)濟社會發(fā)展的重' +
      '要載體。',
  },
  {
    zone: 'CN-GS-LZ',
    metric: '外聘院士数 / Academicians engaged externally',
    value: 21,
    unit: '名 / people',
    period: 'as reported c. 2023',
    source: S003,
    quote:
      '全市兩院達到院士38名(其中人事關系在蘭院士17名、外聘院士21名)、每萬名就業(yè)人員中研' +
      '發(fā)人員數(shù)達到136.33人,成為宏觀人才戰(zhàn)略轉化為經(jīng)濟社會發(fā)展的重' +
      '要載體。',
  },
  {
    zone: 'CN-GS-LZ',
    metric: '每万名就业人员中研发人员数 / R&D personnel per 10,000 employed persons',
    value: 136.33,
    unit: '人 / persons per 10k employed',
    period: 'as reported c. 2023',
    source: S003,
    quote:
      '全市兩院達到院士38名(其中人事關系在蘭院士17名、外聘院士21名)、每萬名就業(yè)人員中研' +
      '發(fā)人員數(shù)達到136.33人,成為宏觀人才戰(zhàn)略轉化為經(jīng)濟社會發(fā)展的重' +
      '要載體。',
  },
  // ---- 004_79048d5c3ccee9bc.txt (undated, c. 2024-03) ----
  {
    zone: 'LZNA',
    metric:
      '国产医用重离子治疗装置治疗肿瘤患者数（以上） / Tumour patients treated with the ' +
      'domestic heavy-ion therapy device (more than)',
    value: 1000,
    unit: '例 / patients',
    period: 'as of c. 2024-03',
    source: S004,
    quote:
      '兰州科近泰基新技术有限责任公司总经理张小奇说,兰州重离子加速器国家实验室研发的我国首' +
      '台国产医用重离子加速器治疗装置,目前已实现临床应用,成功治疗了1000多例肿瘤患者。',
  },
  {
    zone: 'LZNA',
    metric: '"西部药谷"新增入驻企业 / New enterprises settled in the "Western Drug Valley"',
    value: 6,
    unit: '家 / enterprises',
    period: '2023',
    source: S004,
    quote:
      '生物医药持续壮大,原子高科同位素项目填补西北地区空白,“西部药谷”新增入驻企业6家、取得' +
      '发明专利21项。',
  },
  {
    zone: 'LZNA',
    metric: '"西部药谷"取得发明专利 / Invention patents obtained in the "Western Drug Valley"',
    value: 21,
    unit: '项 / patents',
    period: '2023',
    source: S004,
    quote:
      '生物医药持续壮大,原子高科同位素项目填补西北地区空白,“西部药谷”新增入驻企业6家、取得' +
      '发明专利21项。',
  },
  {
    zone: 'LZNA',
    metric: '算力装配规模 / Installed computing capacity',
    value: 3,
    unit: '万标准机柜 / 10k standard racks',
    period: '2023',
    source: S004,
    quote: '中国移动数据中心二期、润泽国际信息港等项目加快建设,算力装配规模突破3万标准机柜。',
  },
  {
    zone: 'LZNA',
    metric: '大数据产业园一期装配机柜容量 / Big Data Industrial Park phase I rack capacity',
    value: 5144,
    unit: '个 / racks',
    period: 'as of c. 2024-03',
    source: S004,
    quote:
      '截至目前,兰州新区大数据产业园一期项目已建成1号IDC、智慧城市运营中心、动力楼、产业研' +
      '发楼等,装配机柜容量为5144个。',
  },
  {
    zone: 'LZNA',
    metric: '大数据产业园互联网出口带宽 / Big Data Industrial Park internet egress bandwidth',
    value: 20,
    unit: 'T / Tbps',
    period: 'as of c. 2024-03',
    source: S004,
    quote:
      '多家电信运营商网络已接入新区大数据产业园,互联网出口带宽达20T、国际互联网通道带宽达40' +
      'G,并在产业园部署“硅立方”先进计算中心,与全国十多个超算中心完成互联互通、容灾备份。',
  },
  {
    zone: 'LZNA',
    metric:
      '大数据产业园国际互联网通道带宽 / Big Data Industrial Park international internet ' +
      'bandwidth',
    value: 40,
    unit: 'G / Gbps',
    period: 'as of c. 2024-03',
    source: S004,
    quote:
      '多家电信运营商网络已接入新区大数据产业园,互联网出口带宽达20T、国际互联网通道带宽达40' +
      'G,并在产业园部署“硅立方”先进计算中心,与全国十多个超算中心完成互联互通、容灾备份。',
  },
  {
    zone: 'LZNA',
    metric: '互联互通超算中心数（以上） / Supercomputing centres interconnected (more than)',
    value: 10,
    unit: '个 / centres',
    period: 'as of c. 2024-03',
    source: S004,
    quote:
      '多家电信运营商网络已接入新区大数据产业园,互联网出口带宽达20T、国际互联网通道带宽达40' +
      'G,并在产业园部署“硅立方”先进计算中心,与全国十多个超算中心完成互联互通、容灾备份。',
  },
  {
    zone: 'LZNA',
    metric:
      '大数据产业园二期总装配机柜容量 / Big Data Industrial Park phase II total rack ' +
      'capacity',
    value: 1.08,
    unit: '万台 / 10k racks',
    period: 'planned for 2024',
    source: S004,
    quote:
      '该项目二期正在加速建设当中,总装配机柜容量为1.08万台,将于今年建成投运,将成为西北地区' +
      '最大的大数据产业聚集区。',
  },
  {
    zone: 'LZNA',
    metric: '一季度集中开工重大项目数 / Major projects started in Q1',
    value: 38,
    unit: '个 / projects',
    period: '2024-Q1',
    source: S004,
    quote: '今年一季度,新区集中开工重大项目38个,总投资268亿元,靠高质量投资拉动产能提质升级。',
  },
  {
    zone: 'LZNA',
    metric: '一季度集中开工重大项目总投资 / Total investment of major projects started in Q1',
    value: 268,
    unit: '亿元 / 100 million yuan',
    period: '2024-Q1',
    source: S004,
    quote: '今年一季度,新区集中开工重大项目38个,总投资268亿元,靠高质量投资拉动产能提质升级。',
  },
  {
    zone: 'LZNA',
    metric: '招商专班数（以上） / Investment-attraction task teams (more than)',
    value: 20,
    unit: '个 / teams',
    period: '2024 (from New Year)',
    source: S004,
    quote:
      '新年伊始,新区就组成20多个招商专班,开启招商引资“早春行”,聚焦重点区域、重点产业、重点' +
      '项目,集中开展上门调研,累计组织外出招商考察20余批次,对接企业80多家,邀请30多家企业来新' +
      '区实地考察,以速的提升、量的巩固实现生产力质的提升。',
  },
  {
    zone: 'LZNA',
    metric: '外出招商考察批次（以上） / Outbound investment-promotion trips (more than)',
    value: 20,
    unit: '批次 / trips',
    period: '2024 (from New Year)',
    source: S004,
    quote:
      '新年伊始,新区就组成20多个招商专班,开启招商引资“早春行”,聚焦重点区域、重点产业、重点' +
      '项目,集中开展上门调研,累计组织外出招商考察20余批次,对接企业80多家,邀请30多家企业来新' +
      '区实地考察,以速的提升、量的巩固实现生产力质的提升。',
  },
  {
    zone: 'LZNA',
    metric: '对接企业数（以上） / Enterprises engaged (more than)',
    value: 80,
    unit: '家 / enterprises',
    period: '2024 (from New Year)',
    source: S004,
    quote:
      '新年伊始,新区就组成20多个招商专班,开启招商引资“早春行”,聚焦重点区域、重点产业、重点' +
      '项目,集中开展上门调研,累计组织外出招商考察20余批次,对接企业80多家,邀请30多家企业来新' +
      '区实地考察,以速的提升、量的巩固实现生产力质的提升。',
  },
  {
    zone: 'LZNA',
    metric: '邀请来新区考察企业数（以上） / Enterprises invited for site visits (more than)',
    value: 30,
    unit: '家 / enterprises',
    period: '2024 (from New Year)',
    source: S004,
    quote:
      '新年伊始,新区就组成20多个招商专班,开启招商引资“早春行”,聚焦重点区域、重点产业、重点' +
      '项目,集中开展上门调研,累计组织外出招商考察20余批次,对接企业80多家,邀请30多家企业来新' +
      '区实地考察,以速的提升、量的巩固实现生产力质的提升。',
  },
];
