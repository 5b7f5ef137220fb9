/**
 * Seed organisations and achievements for the demo data: the enterprises,
 * universities, institutes, laboratories, platforms, incubators, funds and
 * service agencies named in the five seed documents in /work/shared/seeds/,
 * each with the seed file it is taken from.
 *
 * Names are given in Simplified Chinese; where a document uses a short form
 * (e.g. 中牧股份, 佛慈) the well-known full name is used and the short form is
 * mentioned in the description; where a document names something only in
 * English, the Chinese name is a faithful translation. Descriptions say only
 * what the document says. No unified social credit codes are given.
 * (Verbatim quotes of the figures are in seed-facts.ts.) Plain data only.
 */

export interface SeedOrganization {
  code: string;
  /** Zone code: CN-GS, CN-GS-LZ, LZNA, LZHTZ, LZEZ, CN-GS-BY, BYHTZ, LBZ, CN-SC-CD, TFNA, CDSC, ZJ. */
  zone: string;
  kind:
    | 'enterprise' | 'university' | 'research_institute' | 'lab' | 'innovation_platform'
    | 'incubator' | 'maker_space' | 'investment_fund' | 'service_agency';
  level?: 'national' | 'provincial' | 'municipal';
  name_zh: string;
  name_en: string;
  hightech_field?: SeedHightechField;
  /** "中文… / English…": the demo loader splits it into the Chinese and the English column (split-bilingual.ts). */
  description: string;
  /** Seed file name. */
  source: string;
}

export type SeedHightechField =
  | 'electronic_information' | 'biomedicine' | 'aerospace' | 'new_materials'
  | 'hightech_services' | 'new_energy' | 'resources_environment' | 'advanced_manufacturing';

export interface SeedAchievement {
  code: string;
  /** Code of a SEED_ORGANIZATIONS entry. */
  organization: string;
  kind: 'technical_result' | 'invention_patent';
  /** Chinese title. */
  title: string;
  /** "中文… / English…": the demo loader splits it into the Chinese and the English column (split-bilingual.ts). */
  abstract: string;
  hightech_field?: SeedHightechField;
  year?: number;
  /** Technology readiness level 1–9, only where the document makes it clear. */
  maturity?: number;
  converted?: boolean;
  /** Seed file name. */
  source: string;
}

export const SEED_ORGANIZATIONS: readonly SeedOrganization[] = [
  // ---- 000_496e32b55310cd60.txt ----
  {
    code: 'SEED-LZNA-IIB',
    zone: 'LZNA',
    kind: 'incubator',
    level: 'national',
    name_zh: '兰州新区产业孵化大厦',
    name_en: 'Lanzhou New Area Industrial Incubation Building',
    description:
      '获评“国家小型微型企业创业创新示范基地”。 / Awarded “National Demonstration Base for ' +
      'Entrepreneurship and Innovation of Small and Micro Enterprises”.',
    source: '000_496e32b55310cd60.txt',
  },
  {
    code: 'SEED-LZNA-SCIP',
    zone: 'LZNA',
    kind: 'incubator',
    level: 'provincial',
    name_zh: '兰州新区特种化工科技产业园',
    name_en: 'Lanzhou New Area Special Chemical Science and Technology Industrial Park',
    hightech_field: 'new_materials',
    description:
      '获批“省级科技企业孵化器”（中文名据英文原文译出）。 / Approved as a “Provincial ' +
      'Science and Technology Business Incubator” (Chinese name translated from the ' +
      'English text).',
    source: '000_496e32b55310cd60.txt',
  },
  {
    code: 'SEED-DEFU',
    zone: 'LZNA',
    kind: 'enterprise',
    name_zh: '甘肃德福新材料有限公司',
    name_en: 'Gansu Defu New Materials Co., Ltd.',
    hightech_field: 'new_materials',
    description:
      '原文称“Telfu”，其5G高频高速通信反转铜箔技术已进入中试阶段。 / Called “Telfu” in the ' +
      'text; its 5G high-frequency high-speed reverse-treated copper foil technology has ' +
      'entered the pilot stage.',
    source: '000_496e32b55310cd60.txt',
  },
  {
    code: 'SEED-LZZJC',
    zone: 'LZNA',
    kind: 'enterprise',
    name_zh: '兰州助剂厂',
    name_en: 'Lanzhou Auxiliary Agent Plant',
    hightech_field: 'new_materials',
    description:
      '获批国家级专精特新“小巨人”企业。 / Approved as a state-level specialised and ' +
      'innovative “little giant” enterprise.',
    source: '000_496e32b55310cd60.txt',
  },
  {
    code: 'SEED-GSSGC',
    zone: 'LZNA',
    kind: 'university',
    name_zh: '甘肃中德学院',
    name_en: 'Gansu Sino-German College',
    description:
      '新区职业技能教育机构，助力“技能甘肃”建设。 / Vocational college set up in the New ' +
      'Area, contributing to “Skills Gansu”.',
    source: '000_496e32b55310cd60.txt',
  },
  {
    code: 'SEED-LZNA-MAIC',
    zone: 'LZNA',
    kind: 'university',
    name_zh: '兰州新区现代农业产业学院',
    name_en: 'Lanzhou New Area Modern Agricultural Industry College',
    description:
      '新区设立的现代农业产业学院。 / Modern agricultural industry college established in ' +
      'the New Area.',
    source: '000_496e32b55310cd60.txt',
  },
  {
    code: 'SEED-SGCC-CDC',
    zone: 'LZNA',
    kind: 'innovation_platform',
    name_zh: '国家电网云数据中心',
    name_en: 'State Grid Cloud Data Center',
    hightech_field: 'electronic_information',
    description:
      '新区已建成投运的重点项目。 / Key project in the New Area, completed and in ' +
      'operation.',
    source: '000_496e32b55310cd60.txt',
  },
  {
    code: 'SEED-SUGON-ACC',
    zone: 'LZNA',
    kind: 'innovation_platform',
    name_zh: '中科曙光先进计算中心',
    name_en: 'Sugon Advanced Computing Center',
    hightech_field: 'electronic_information',
    description:
      '新区已建成投运的重点项目。 / Key project in the New Area, completed and in ' +
      'operation.',
    source: '000_496e32b55310cd60.txt',
  },
  {
    code: 'SEED-HWCLOUD-LZNA',
    zone: 'LZNA',
    kind: 'innovation_platform',
    name_zh: '华为云计算中心',
    name_en: 'Huawei Cloud Computing Center',
    hightech_field: 'electronic_information',
    description:
      '新区已建成投运的重点项目。 / Key project in the New Area, completed and in ' +
      'operation.',
    source: '000_496e32b55310cd60.txt',
  },
  {
    code: 'SEED-HIMTA',
    zone: 'LZNA',
    kind: 'innovation_platform',
    name_zh: '医用重离子技术应用创新联盟',
    name_en: 'Innovation Alliance for Medical Heavy-Ion Technology Application',
    hightech_field: 'biomedicine',
    description:
      '新区计划组建的创新联盟。 / Innovation alliance the New Area plans to establish.',
    source: '000_496e32b55310cd60.txt',
  },
  // ---- 001_f70a08798afe7b4d.txt ----
  {
    code: 'SEED-TORCH',
    zone: 'LZHTZ',
    kind: 'service_agency',
    level: 'national',
    name_zh: '科学技术部火炬高技术产业开发中心',
    name_en:
      'Torch High Technology Industry Development Center, Ministry of Science and ' +
      'Technology',
    hightech_field: 'hightech_services',
    description:
      '发布国家高新区综合评价结果（兰州高新区2021年列第53名）。 / Publishes the national ' +
      'high-tech zone evaluation (Lanzhou 53rd in 2021).',
    source: '001_f70a08798afe7b4d.txt',
  },
  {
    code: 'SEED-LIP510',
    zone: 'LZHTZ',
    kind: 'research_institute',
    level: 'national',
    name_zh: '兰州空间物理技术研究所',
    name_en: 'Lanzhou Institute of Physics (CAST 510 Institute)',
    hightech_field: 'aerospace',
    description:
      '“空间电推进综合测试技术及应用”获2020年度国家科技进步奖二等奖。 / Its space electric ' +
      'propulsion testing result won the 2020 National S&T Progress Award (2nd class).',
    source: '001_f70a08798afe7b4d.txt',
  },
  {
    code: 'SEED-ZJLB-TTC',
    zone: 'LBZ',
    kind: 'service_agency',
    name_zh: '张江·兰白科技创新改革试验区技术转移中心',
    name_en:
      'Zhangjiang–Lanzhou-Baiyin S&T Innovation Reform Pilot Zone Technology Transfer ' +
      'Center',
    hightech_field: 'hightech_services',
    description:
      '东西部科技合作中成立的技术转移机构。 / Technology-transfer centre set up under ' +
      'east–west S&T cooperation.',
    source: '001_f70a08798afe7b4d.txt',
  },
  {
    code: 'SEED-NTTEC-LB',
    zone: 'LBZ',
    kind: 'service_agency',
    level: 'national',
    name_zh: '国家技术转移东部中心兰白科技创新改革试验区分中心',
    name_en: 'National Technology Transfer Eastern Center, Lanzhou-Baiyin Pilot Zone Branch',
    hightech_field: 'hightech_services',
    description:
      '国家技术转移东部中心在兰白试验区设立的分中心。 / Branch of the National Technology ' +
      'Transfer Eastern Center in the Lanzhou–Baiyin pilot zone.',
    source: '001_f70a08798afe7b4d.txt',
  },
  {
    code: 'SEED-LBZJ-BIOPARK',
    zone: 'LBZ',
    kind: 'innovation_platform',
    name_zh: '兰白·张江生物医药科技园',
    name_en: 'Lanzhou-Baiyin–Zhangjiang Biomedicine Science Park',
    hightech_field: 'biomedicine',
    description:
      '甘沪两地共建的生物医药科技园。 / Biomedicine science park co-built by Gansu and ' +
      'Shanghai.',
    source: '001_f70a08798afe7b4d.txt',
  },
  {
    code: 'SEED-BY-YXBIOPARK',
    zone: 'CN-GS-BY',
    kind: 'innovation_platform',
    name_zh: '白银银西生物医药产业园',
    name_en: 'Baiyin Yinxi Biomedicine Industrial Park',
    hightech_field: 'biomedicine',
    description:
      '甘沪两地共建的生物医药产业园。 / Biomedicine industrial park co-built by Gansu and ' +
      'Shanghai.',
    source: '001_f70a08798afe7b4d.txt',
  },
  // ---- 002_3f05d25038775d93.txt ----
  {
    code: 'SEED-TFLAB',
    zone: 'CDSC',
    kind: 'lab',
    level: 'provincial',
    name_zh: '天府实验室',
    name_en: 'Tianfu Laboratory',
    description:
      '成都“四级结构”科创布局之一。 / Part of Chengdu\'s “four-tier” innovation structure.',
    source: '002_3f05d25038775d93.txt',
  },
  {
    code: 'SEED-TFYX',
    zone: 'TFNA',
    kind: 'lab',
    level: 'provincial',
    name_zh: '天府永兴实验室',
    name_en: 'Tianfu Yongxing Laboratory',
    hightech_field: 'resources_environment',
    description:
      '原文称天府新区在建的碳中和实验室。 / The text calls it a carbon-neutrality ' +
      'laboratory being set up in Tianfu New Area.',
    source: '002_3f05d25038775d93.txt',
  },
  {
    code: 'SEED-CDEG',
    zone: 'CN-SC-CD',
    kind: 'enterprise',
    name_zh: '成都环境投资集团有限公司',
    name_en: 'Chengdu Environment Group',
    hightech_field: 'resources_environment',
    description:
      '协助在天府新区建立碳中和实验室。 / Helps set up the carbon-neutrality lab in Tianfu ' +
      'New Area.',
    source: '002_3f05d25038775d93.txt',
  },
  {
    code: 'SEED-CDAC',
    zone: 'CN-SC-CD',
    kind: 'university',
    name_zh: '成都农业科技职业学院',
    name_en: 'Chengdu Agricultural College',
    description:
      '将打造高水平农业科技创新平台。 / Plans a high-level agricultural technology ' +
      'innovation platform.',
    source: '002_3f05d25038775d93.txt',
  },
  {
    code: 'SEED-NSCC-CD',
    zone: 'CDSC',
    kind: 'innovation_platform',
    level: 'national',
    name_zh: '国家超级计算成都中心',
    name_en: 'National Supercomputing Center in Chengdu',
    hightech_field: 'electronic_information',
    description:
      '成都科学城依托其打造先进计算产业生态。 / Chengdu Science City relies on it for an ' +
      'advanced computing ecosystem.',
    source: '002_3f05d25038775d93.txt',
  },
  {
    code: 'SEED-HW-KP-CD',
    zone: 'CDSC',
    kind: 'innovation_platform',
    name_zh: '华为鲲鹏生态基地',
    name_en: 'Huawei Kunpeng Ecosystem Base',
    hightech_field: 'electronic_information',
    description:
      '成都科学城依托其打造先进计算产业生态。 / Chengdu Science City relies on it for an ' +
      'advanced computing ecosystem.',
    source: '002_3f05d25038775d93.txt',
  },
  {
    code: 'SEED-HIKVISION',
    zone: 'CDSC',
    kind: 'enterprise',
    name_zh: '杭州海康威视数字技术股份有限公司',
    name_en: 'Hikvision',
    hightech_field: 'electronic_information',
    description:
      '成都科学城依托的人工智能龙头企业。 / Leading AI firm anchoring Chengdu Science ' +
      'City\'s AI ecosystem.',
    source: '002_3f05d25038775d93.txt',
  },
  {
    code: 'SEED-SENSETIME',
    zone: 'CDSC',
    kind: 'enterprise',
    name_zh: '商汤集团股份有限公司',
    name_en: 'SenseTime',
    hightech_field: 'electronic_information',
    description:
      '原文称“business Tang Technology”，人工智能龙头企业。 / Called “business Tang ' +
      'Technology” in the text; leading AI firm.',
    source: '002_3f05d25038775d93.txt',
  },
  {
    code: 'SEED-IFLYTEK',
    zone: 'CDSC',
    kind: 'enterprise',
    name_zh: '科大讯飞股份有限公司',
    name_en: 'iFLYTEK Co., Ltd.',
    hightech_field: 'electronic_information',
    description:
      '原文称“HKUST Xunfei”，人工智能龙头企业。 / Called “HKUST Xunfei” in the text; ' +
      'leading AI firm.',
    source: '002_3f05d25038775d93.txt',
  },
  {
    code: 'SEED-TITTC',
    zone: 'CDSC',
    kind: 'service_agency',
    name_zh: '天府国际技术转移中心',
    name_en: 'Tianfu International Technology Transfer Center',
    hightech_field: 'hightech_services',
    description:
      '成都科学城依托其打造高技术服务业生态。 / Chengdu Science City relies on it for a ' +
      'high-tech services ecosystem.',
    source: '002_3f05d25038775d93.txt',
  },
  {
    code: 'SEED-SJTU',
    zone: 'CN-SC-CD',
    kind: 'university',
    name_zh: '上海交通大学',
    name_en: 'Shanghai Jiao Tong University',
    description:
      '温江区拟利用其资源建立专家人才库。 / Wenjiang District plans to use its resources ' +
      'for an expert talent pool.',
    source: '002_3f05d25038775d93.txt',
  },
  {
    code: 'SEED-CEC-CD',
    zone: 'CN-SC-CD',
    kind: 'service_agency',
    name_zh: '中国—欧洲中心',
    name_en: 'China-Europe Center',
    description:
      '成都商务系统将提升其平台能级。 / Chengdu\'s commerce system will upgrade this ' +
      'platform.',
    source: '002_3f05d25038775d93.txt',
  },
  // ---- 003_02898c15ca762943.txt ----
  {
    code: 'SEED-GS-ISOLAB',
    zone: 'LZNA',
    kind: 'lab',
    level: 'provincial',
    name_zh: '甘肃省同位素重点实验室',
    name_en: 'Gansu Provincial Key Laboratory of Isotopes',
    description:
      '兰州市持续推进建设的省级重点实验室（其他种子文件称同位素实验室在兰州新区）。 / ' +
      'Provincial key lab under construction; other seeds place the isotope lab in Lanzhou ' +
      'New Area.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-IALAB',
    zone: 'LZNA',
    kind: 'lab',
    name_zh: '离子加速器及质量检验检测工程实验室',
    name_en: 'Ion Accelerator and Quality Inspection and Testing Engineering Laboratory',
    hightech_field: 'hightech_services',
    description:
      '兰州市建成运营的创新平台（000号种子文件称其在兰州新区投入运行）。 / Built and in ' +
      'operation in Lanzhou; seed 000 places it in Lanzhou New Area.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-SKL-ARID',
    zone: 'CN-GS-LZ',
    kind: 'lab',
    level: 'national',
    name_zh: '省部共建干旱生境作物学国家重点实验室',
    name_en: 'State Key Laboratory of Aridland Crop Science (province–ministry co-built)',
    hightech_field: 'biomedicine',
    description:
      '省部共建国家重点实验室。 / State key laboratory co-built by the province and the ' +
      'ministry.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-NKL-GRASS',
    zone: 'CN-GS-LZ',
    kind: 'lab',
    level: 'national',
    name_zh: '草种创新与草地农业生态系统全国重点实验室',
    name_en: 'State Key Laboratory of Herbage Improvement and Grassland Agro-ecosystems',
    hightech_field: 'resources_environment',
    description:
      '入选首批标杆全国重点实验室。 / Selected among the first batch of benchmark national ' +
      'key laboratories.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-NKL-LIVESTOCK',
    zone: 'CN-GS-LZ',
    kind: 'lab',
    level: 'national',
    name_zh: '家畜疫病病原生物学全国重点实验室',
    name_en:
      'State Key Laboratory of Animal Disease Control and Prevention (Livestock Disease ' +
      'Pathogen Biology)',
    hightech_field: 'biomedicine',
    description:
      '由家畜疫病病原生物学国家重点实验室重组为全国重点实验室。 / Reorganised from the ' +
      'former state key lab into a national key laboratory.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-TMSP-TEST',
    zone: 'LZNA',
    kind: 'innovation_platform',
    name_zh: '钍基熔盐泵试验平台',
    name_en: 'Thorium Molten Salt Pump Test Platform',
    hightech_field: 'advanced_manufacturing',
    description:
      '已建成运营（原文作“熔巖泵”；000号种子文件称钍基熔盐泵为新区产品）。 / Built and in ' +
      'operation (text writes “熔巖泵”); seed 000 lists the pump as a New Area product.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-LZPV-INST',
    zone: 'CN-GS-LZ',
    kind: 'research_institute',
    name_zh: '兰州肽谷研究院',
    name_en: 'Lanzhou Peptide Valley Research Institute',
    hightech_field: 'biomedicine',
    description:
      '五肽全库研发能力达到国际先进水平。 / Its full pentapeptide library R&D capability ' +
      'is at an internationally advanced level.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-GS-AVBIO-CONS',
    zone: 'CN-GS-LZ',
    kind: 'innovation_platform',
    level: 'provincial',
    name_zh: '甘肃省动物用生物制品创新联合体',
    name_en: 'Gansu Veterinary Biological Products Innovation Consortium',
    hightech_field: 'biomedicine',
    description:
      '行业龙头企业牵头组建、获省上认定的5家创新联合体之一。 / One of 5 leader-led ' +
      'innovation consortia recognised by the province.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-LZPC-STIC',
    zone: 'CN-GS-LZ',
    kind: 'innovation_platform',
    name_zh: '兰州石化科技创新中心',
    name_en: 'Lanzhou Petrochemical S&T Innovation Center',
    hightech_field: 'new_materials',
    description:
      '打造中国石油超洁净聚烯烃和丁腈橡胶化工新材料原创技术策源地。 / Source of original ' +
      'technology for CNPC ultra-clean polyolefins and nitrile rubber.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-CNPC',
    zone: 'CN-GS-LZ',
    kind: 'enterprise',
    name_zh: '中国石油天然气集团有限公司',
    name_en: 'China National Petroleum Corporation (PetroChina)',
    hightech_field: 'new_materials',
    description:
      '原文称“中国石油”，兰州石化科技创新中心为其化工新材料技术策源地。 / Named “中国石油”;' +
      ' the Lanzhou centre is its chemical new-materials technology source.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-GS-KPSTP',
    zone: 'CN-GS-LZ',
    kind: 'innovation_platform',
    name_zh: '甘肃鲲鹏生态科技园',
    name_en: 'Gansu Kunpeng Ecosystem Science and Technology Park',
    hightech_field: 'electronic_information',
    description: '已开园运营。 / Opened and in operation.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-LZ-STIP',
    zone: 'CN-GS-LZ',
    kind: 'innovation_platform',
    name_zh: '兰州科技创新园',
    name_en: 'Lanzhou Science and Technology Innovation Park',
    description: '已开园运营。 / Opened and in operation.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-LS-MAKER',
    zone: 'CN-GS-LZ',
    kind: 'maker_space',
    level: 'national',
    name_zh: '兰石集团能源装备国家专业化众创空间',
    name_en: 'LS Group Energy Equipment National Specialised Maker Space',
    hightech_field: 'advanced_manufacturing',
    description: '入围国家专业化众创空间。 / Selected as a national specialised maker space.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-LFMED',
    zone: 'CN-GS-LZ',
    kind: 'enterprise',
    name_zh: '兰州兰飞医疗器械有限公司',
    name_en: 'Lanzhou Lanfei Medical Instrument Co., Ltd.',
    hightech_field: 'biomedicine',
    description:
      '原文称“兰飞医疗公司”，心脏瓣膜外科创新产品获国家科技进步奖。 / Named “兰飞医疗公司”;' +
      ' its heart-valve products won a National S&T Progress Award.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-LFFC',
    zone: 'LZEZ',
    kind: 'enterprise',
    name_zh: '兰州飞行控制有限责任公司',
    name_en: 'AVIC Lanzhou Flight Control Co., Ltd.',
    hightech_field: 'aerospace',
    description:
      '原文称“兰飞”，智能电动伺服控制系统产业化项目加快建设。 / Named “兰飞”; its ' +
      'intelligent electric servo-control industrialisation project is under way.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-HW-KP-LZ',
    zone: 'LZHTZ',
    kind: 'innovation_platform',
    name_zh: '华为鲲鹏生态创新中心',
    name_en: 'Huawei Kunpeng Ecosystem Innovation Center',
    hightech_field: 'electronic_information',
    description:
      '兰州高新区设立的创新中心。 / Innovation centre set up in Lanzhou High-tech Zone.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-NETEASE-LZ',
    zone: 'LZHTZ',
    kind: 'innovation_platform',
    name_zh: '网易(兰州)联合创新中心',
    name_en: 'NetEase (Lanzhou) Joint Innovation Center',
    hightech_field: 'electronic_information',
    description:
      '兰州高新区设立的联合创新中心。 / Joint innovation centre set up in Lanzhou ' +
      'High-tech Zone.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-CEC-WEST',
    zone: 'LZHTZ',
    kind: 'enterprise',
    name_zh: '中国电子西部区域总部',
    name_en: 'China Electronics Corporation Western Regional Headquarters',
    hightech_field: 'electronic_information',
    description: '兰州高新区引进的项目。 / Project attracted to Lanzhou High-tech Zone.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-CAHIC',
    zone: 'LZHTZ',
    kind: 'enterprise',
    name_zh: '中牧实业股份有限公司',
    name_en: 'China Animal Husbandry Industry Co., Ltd.',
    hightech_field: 'biomedicine',
    description:
      '原文称“中牧股份”，兰州高新区集聚的生物医药企业。 / Named “中牧股份”; a biomedicine ' +
      'firm in Lanzhou High-tech Zone.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-CAVET',
    zone: 'LZHTZ',
    kind: 'enterprise',
    name_zh: '中农威特生物科技股份有限公司',
    name_en: 'China Agricultural Vet. Bio. Science and Technology Co., Ltd.',
    hightech_field: 'biomedicine',
    description:
      '原文称“中农威特”，兰州高新区集聚的生物医药企业。 / Named “中农威特”; a biomedicine ' +
      'firm in Lanzhou High-tech Zone.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-ZJ-JIUYOU',
    zone: 'ZJ',
    kind: 'investment_fund',
    name_zh: '上海张江久有基金公司',
    name_en: 'Shanghai Zhangjiang Jiuyou Fund Company',
    description:
      '被引入兰州，设立兰州高新久有投资基金。 / Brought to Lanzhou to set up the Lanzhou ' +
      'High-tech Jiuyou investment fund.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-LZHT-JIUYOU',
    zone: 'LZHTZ',
    kind: 'investment_fund',
    name_zh: '兰州高新久有投资基金',
    name_en: 'Lanzhou High-tech Jiuyou Investment Fund',
    description:
      '聚焦优势产业需求，促成沪甘产学研合作。 / Focuses on leading industries and brokers ' +
      'Shanghai–Gansu cooperation.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-SIMM',
    zone: 'ZJ',
    kind: 'research_institute',
    level: 'national',
    name_zh: '中国科学院上海药物研究所',
    name_en: 'Shanghai Institute of Materia Medica, Chinese Academy of Sciences',
    hightech_field: 'biomedicine',
    description:
      '原文称“中科院上海药物所”，与兰白开展合作。 / Named “中科院上海药物所”; cooperates ' +
      'with Lanzhou–Baiyin.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-SHUTCM',
    zone: 'ZJ',
    kind: 'university',
    name_zh: '上海中医药大学',
    name_en: 'Shanghai University of Traditional Chinese Medicine',
    hightech_field: 'biomedicine',
    description:
      '与兰白开展中医药合作。 / Cooperates with Lanzhou–Baiyin on traditional Chinese ' +
      'medicine.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-ZJLB-TCMFI',
    zone: 'LBZ',
    kind: 'research_institute',
    name_zh: '张江·兰白·上中医中药经典名方研究院',
    name_en: 'Zhangjiang–Lanzhou-Baiyin–SHUTCM Institute of Classical TCM Formulas',
    hightech_field: 'biomedicine',
    description: '聚力打造的平台项目。 / Platform project under construction.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-LONGYAO-II',
    zone: 'LBZ',
    kind: 'research_institute',
    name_zh: '陇药产业创新研究院',
    name_en: 'Gansu Medicinal Materials Industry Innovation Institute',
    hightech_field: 'biomedicine',
    description: '聚力打造的平台项目。 / Platform project under construction.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-GBA-LB-TCM',
    zone: 'LBZ',
    kind: 'innovation_platform',
    name_zh: '大湾区兰白自创区中医药创新发展示范区',
    name_en: 'Greater Bay Area–Lanzhou-Baiyin Zone TCM Innovation Demonstration Area',
    hightech_field: 'biomedicine',
    description: '聚力打造的平台项目。 / Platform project under construction.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-LZLB',
    zone: 'CN-GS-LZ',
    kind: 'enterprise',
    name_zh: '兰州兰泵',
    name_en: 'Lanzhou Lanbeng (Lanzhou Pump)',
    hightech_field: 'advanced_manufacturing',
    description:
      '与上海高校院所合作，转化钍基熔盐泵技术。 / Cooperated with Shanghai institutes to ' +
      'convert thorium molten-salt pump technology.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-FOCI',
    zone: 'CN-GS-LZ',
    kind: 'enterprise',
    name_zh: '兰州佛慈制药股份有限公司',
    name_en: 'Lanzhou Foci Pharmaceutical Co., Ltd.',
    hightech_field: 'biomedicine',
    description:
      '原文称“佛慈”，与上海高校院所开展产学研合作。 / Named “佛慈”; cooperates with ' +
      'Shanghai universities and institutes.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-LZ-STIDF',
    zone: 'CN-GS-LZ',
    kind: 'investment_fund',
    level: 'municipal',
    name_zh: '兰州科技产业发展投资基金',
    name_en: 'Lanzhou S&T Industry Development Investment Fund',
    description:
      '市级组建的三支基金之一，合计落实投资8.27亿元。 / One of three municipal funds with ' +
      '827 million yuan invested in total.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-LZ-STVC',
    zone: 'CN-GS-LZ',
    kind: 'investment_fund',
    level: 'municipal',
    name_zh: '兰州科技创新创业风险投资基金',
    name_en: 'Lanzhou S&T Innovation and Entrepreneurship Venture Fund',
    description: '市级组建的三支基金之一。 / One of the three municipal funds.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-LZ-IPOF',
    zone: 'CN-GS-LZ',
    kind: 'investment_fund',
    level: 'municipal',
    name_zh: '重点产业知识产权运营基金',
    name_en: 'Key Industries Intellectual Property Operation Fund',
    description: '市级组建的三支基金之一。 / One of the three municipal funds.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-LZNA-LJT',
    zone: 'LZNA',
    kind: 'service_agency',
    name_zh: '“绿金通”金融综合服务平台',
    name_en: '“Lüjintong” Green Finance Service Platform',
    description:
      '新区设立，安排10亿元财政专项资金扶持绿色产业。 / Set up by the New Area with 1 ' +
      'billion yuan of fiscal guidance funds for green industry.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-LZHT-BIOFUND',
    zone: 'LZHTZ',
    kind: 'investment_fund',
    name_zh: '兰州高新区生物医药投资基金',
    name_en: 'Lanzhou High-tech Zone Biomedicine Fund',
    hightech_field: 'biomedicine',
    description:
      '兰州高新区组建的生物医药基金。 / Biomedicine fund formed by Lanzhou High-tech Zone.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-LZHT-ANGEL',
    zone: 'LZHTZ',
    kind: 'investment_fund',
    name_zh: '兰州高新区天使投资基金',
    name_en: 'Lanzhou High-tech Zone Angel Investment Fund',
    description:
      '兰州高新区组建的天使投资基金。 / Angel investment fund formed by Lanzhou High-tech ' +
      'Zone.',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-LZEZ-BIOVC',
    zone: 'LZEZ',
    kind: 'investment_fund',
    name_zh: '兰州经开区生物医药创业投资基金',
    name_en: 'Lanzhou Economic Zone Biomedicine Venture Capital Fund',
    hightech_field: 'biomedicine',
    description:
      '规模2.5亿元，已完成1.5亿元股权投资。 / 250 million yuan fund; 150 million yuan of ' +
      'equity investment made.',
    source: '003_02898c15ca762943.txt',
  },
  // ---- 004_79048d5c3ccee9bc.txt ----
  {
    code: 'SEED-LZNA-BDIP',
    zone: 'LZNA',
    kind: 'innovation_platform',
    name_zh: '兰州新区大数据产业园',
    name_en: 'Lanzhou New Area Big Data Industrial Park',
    hightech_field: 'electronic_information',
    description:
      '一期已建成1号IDC等，装配机柜5144个，二期总容量1.08万台。 / Phase I (IDC No. 1 etc.) ' +
      'built with 5,144 racks; phase II to hold 10,800 racks.',
    source: '004_79048d5c3ccee9bc.txt',
  },
  {
    code: 'SEED-LSG',
    zone: 'LZNA',
    kind: 'enterprise',
    name_zh: '兰州兰石集团有限公司',
    name_en: 'Lanzhou LS Group Co., Ltd.',
    hightech_field: 'advanced_manufacturing',
    description:
      '原文称“兰石”，其超深钻机出口海外。 / Named “兰石”; its ultra-deep drilling rigs are ' +
      'exported overseas.',
    source: '004_79048d5c3ccee9bc.txt',
  },
  {
    code: 'SEED-LS-RI',
    zone: 'LZNA',
    kind: 'research_institute',
    name_zh: '兰石研究院',
    name_en: 'LS Research Institute',
    hightech_field: 'advanced_manufacturing',
    description:
      '新区借助其平台作用开展科技攻关。 / The New Area draws on it as a platform for S&T ' +
      'breakthroughs.',
    source: '004_79048d5c3ccee9bc.txt',
  },
  {
    code: 'SEED-KJTJ',
    zone: 'LZNA',
    kind: 'enterprise',
    name_zh: '兰州科近泰基新技术有限责任公司',
    name_en: 'Lanzhou Kejin Taiji New Technology Co., Ltd.',
    hightech_field: 'biomedicine',
    description:
      '位于兰州新区，从事重离子治疗装置的产业化。 / In Lanzhou New Area; industrialises ' +
      'heavy-ion therapy equipment.',
    source: '004_79048d5c3ccee9bc.txt',
  },
  {
    code: 'SEED-IMP',
    zone: 'CN-GS-LZ',
    kind: 'research_institute',
    level: 'national',
    name_zh: '中国科学院近代物理研究所',
    name_en: 'Institute of Modern Physics, Chinese Academy of Sciences',
    description:
      '60多年重离子技术积累，与兰州新区合作引进重离子应用技术等成果。 / 60+ years of ' +
      'heavy-ion work; transfers heavy-ion and isotope results to Lanzhou New Area.',
    source: '004_79048d5c3ccee9bc.txt',
  },
  {
    code: 'SEED-HIRFL',
    zone: 'CN-GS-LZ',
    kind: 'lab',
    level: 'national',
    name_zh: '兰州重离子加速器国家实验室',
    name_en: 'National Laboratory of Heavy Ion Accelerator in Lanzhou',
    description:
      '研发我国首台国产医用重离子加速器治疗装置。 / Developed China\'s first domestic ' +
      'medical heavy-ion accelerator therapy device.',
    source: '004_79048d5c3ccee9bc.txt',
  },
  {
    code: 'SEED-LZNA-SRDI-CHEM',
    zone: 'LZNA',
    kind: 'incubator',
    name_zh: '兰州新区专精特新化工产业孵化基地',
    name_en: 'Lanzhou New Area Specialised and Innovative Chemical Industry Incubation Base',
    hightech_field: 'new_materials',
    description: '百林科等企业入驻其B区。 / Hosts Bio-Link and others in its zone B.',
    source: '004_79048d5c3ccee9bc.txt',
  },
  {
    code: 'SEED-BIOLINK',
    zone: 'LZNA',
    kind: 'enterprise',
    name_zh: '百林科(兰州)新材料有限公司',
    name_en: 'Bio-Link (Lanzhou) New Materials Co., Ltd.',
    hightech_field: 'biomedicine',
    description:
      '研发制造疫苗、抗体等生物制品关键工艺设备与耗材。 / Makes key process equipment and ' +
      'consumables for vaccines, antibodies and other biologics.',
    source: '004_79048d5c3ccee9bc.txt',
  },
  {
    code: 'SEED-HTA',
    zone: 'LZNA',
    kind: 'enterprise',
    name_zh: '原子高科股份有限公司',
    name_en: 'HTA Co., Ltd.',
    hightech_field: 'biomedicine',
    description:
      '原文称“原子高科”，其同位素项目填补西北地区空白。 / Named “原子高科”; its isotope ' +
      'project fills a gap in north-west China.',
    source: '004_79048d5c3ccee9bc.txt',
  },
  {
    code: 'SEED-WDV',
    zone: 'LZNA',
    kind: 'innovation_platform',
    name_zh: '西部药谷',
    name_en: 'Western Drug Valley',
    hightech_field: 'biomedicine',
    description:
      '2023年新增入驻企业6家、取得发明专利21项。 / 6 new enterprises and 21 invention ' +
      'patents in 2023.',
    source: '004_79048d5c3ccee9bc.txt',
  },
  {
    code: 'SEED-JTZG',
    zone: 'LZNA',
    kind: 'enterprise',
    name_zh: '建投重工',
    name_en: 'Jiantou Heavy Industry',
    hightech_field: 'advanced_manufacturing',
    description: '专用车出口巴基斯坦。 / Exports special-purpose vehicles to Pakistan.',
    source: '004_79048d5c3ccee9bc.txt',
  },
  {
    code: 'SEED-DAHONG',
    zone: 'LZNA',
    kind: 'enterprise',
    name_zh: '大宏',
    name_en: 'Dahong',
    hightech_field: 'advanced_manufacturing',
    description:
      '矿热炉销往哈萨克斯坦等国。 / Sells submerged-arc furnaces to Kazakhstan and other ' +
      'countries.',
    source: '004_79048d5c3ccee9bc.txt',
  },
  {
    code: 'SEED-BORUI',
    zone: 'LZNA',
    kind: 'enterprise',
    name_zh: '博睿重装',
    name_en: 'Borui Heavy Equipment',
    hightech_field: 'advanced_manufacturing',
    description: '获评国家级“绿色工厂”。 / Rated a national “green factory”.',
    source: '004_79048d5c3ccee9bc.txt',
  },
  {
    code: 'SEED-LZ-IXP',
    zone: 'LZNA',
    kind: 'innovation_platform',
    level: 'national',
    name_zh: '兰州国家级互联网骨干直联点',
    name_en: 'Lanzhou National Internet Backbone Direct Connection Point',
    hightech_field: 'electronic_information',
    description:
      '已建成运营，达到国内领先水平。 / Built and in operation at a domestically leading ' +
      'level.',
    source: '004_79048d5c3ccee9bc.txt',
  },
  {
    code: 'SEED-CMCC-DC',
    zone: 'LZNA',
    kind: 'innovation_platform',
    name_zh: '中国移动数据中心',
    name_en: 'China Mobile Data Center (Lanzhou New Area)',
    hightech_field: 'electronic_information',
    description: '二期加快建设。 / Phase II under construction.',
    source: '004_79048d5c3ccee9bc.txt',
  },
  {
    code: 'SEED-RUNZE',
    zone: 'LZNA',
    kind: 'innovation_platform',
    name_zh: '润泽国际信息港',
    name_en: 'Runze International Information Port',
    hightech_field: 'electronic_information',
    description: '加快建设中的算力项目。 / Computing-capacity project under construction.',
    source: '004_79048d5c3ccee9bc.txt',
  },
  {
    code: 'SEED-SILICUBE',
    zone: 'LZNA',
    kind: 'innovation_platform',
    name_zh: '“硅立方”先进计算中心',
    name_en: '“Silicon Cube” Advanced Computing Center',
    hightech_field: 'electronic_information',
    description:
      '部署在新区大数据产业园，与十多个超算中心互联。 / In the Big Data Industrial Park; ' +
      'interconnected with 10+ supercomputing centres.',
    source: '004_79048d5c3ccee9bc.txt',
  },
  {
    code: 'SEED-LZNA-KWL-DI',
    zone: 'LZNA',
    kind: 'enterprise',
    name_zh: '兰州新区科文旅集团数投公司',
    name_en: 'Lanzhou New Area STC&T Group Digital Investment Company',
    hightech_field: 'electronic_information',
    description:
      '参与新区大数据产业建设的国有企业。 / State-owned firm involved in the New Area\'s ' +
      'big-data industry.',
    source: '004_79048d5c3ccee9bc.txt',
  },
  {
    code: 'SEED-LZNA-CHEM-PILOT',
    zone: 'LZNA',
    kind: 'innovation_platform',
    name_zh: '兰州新区化工园区精细化工中试基地',
    name_en: 'Lanzhou New Area Chemical Park Fine-Chemicals Pilot Base',
    hightech_field: 'new_materials',
    description:
      '发挥示范带动作用，承接科研院所成果转化。 / Demonstration pilot base hosting ' +
      'conversion of institute results.',
    source: '004_79048d5c3ccee9bc.txt',
  },
];

export const SEED_ACHIEVEMENTS: readonly SeedAchievement[] = [
  {
    code: 'SEED-ACH-SEPT',
    organization: 'SEED-LIP510',
    kind: 'technical_result',
    title: '空间电推进综合测试技术及应用',
    abstract:
      '获2020年度国家科学技术进步奖二等奖。 / Comprehensive test technology for space ' +
      'electric propulsion and its application; won the 2020 National S&T Progress Award, ' +
      'second class.',
    hightech_field: 'aerospace',
    year: 2020,
    source: '001_f70a08798afe7b4d.txt',
  },
  {
    code: 'SEED-ACH-HIMT',
    organization: 'SEED-HIRFL',
    kind: 'technical_result',
    title: '我国首台国产医用重离子加速器治疗装置',
    abstract:
      '已实现临床应用，成功治疗1000多例肿瘤患者。 / China\'s first domestic medical ' +
      'heavy-ion accelerator therapy device; in clinical use, 1,000+ tumour patients ' +
      'treated.',
    hightech_field: 'biomedicine',
    maturity: 9,
    converted: true,
    source: '004_79048d5c3ccee9bc.txt',
  },
  {
    code: 'SEED-ACH-LFVALVE',
    organization: 'SEED-LFMED',
    kind: 'technical_result',
    title: '心脏瓣膜外科创新产品',
    abstract:
      '2018年以来荣获国家科技进步奖的成果之一。 / Innovative heart-valve surgical ' +
      'products; among the results winning a National S&T Progress Award since 2018.',
    hightech_field: 'biomedicine',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-ACH-CUFOIL',
    organization: 'SEED-DEFU',
    kind: 'technical_result',
    title: '5G高频高速通信反转铜箔技术',
    abstract:
      '已进入中试阶段。 / 5G high-frequency high-speed communication reverse-treated ' +
      'copper foil technology; has entered the pilot stage.',
    hightech_field: 'new_materials',
    maturity: 6,
    source: '000_496e32b55310cd60.txt',
  },
  {
    code: 'SEED-ACH-TMSP',
    organization: 'SEED-LZLB',
    kind: 'technical_result',
    title: '钍基熔盐泵技术',
    abstract:
      '通过与上海高校院所产学研合作实现转化。 / Thorium molten-salt pump technology, ' +
      'converted through cooperation with Shanghai institutes.',
    hightech_field: 'advanced_manufacturing',
    converted: true,
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-ACH-TCM',
    organization: 'SEED-FOCI',
    kind: 'technical_result',
    title: '特色中医药产品',
    abstract:
      '通过与上海高校院所产学研合作实现转化。 / Distinctive traditional Chinese medicine ' +
      'products, converted through cooperation with Shanghai institutes.',
    hightech_field: 'biomedicine',
    converted: true,
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-ACH-PENTA',
    organization: 'SEED-LZPV-INST',
    kind: 'technical_result',
    title: '五肽全库研发能力',
    abstract:
      '达到国际先进水平。 / Full pentapeptide library R&D capability, at an ' +
      'internationally advanced level.',
    hightech_field: 'biomedicine',
    source: '003_02898c15ca762943.txt',
  },
  {
    code: 'SEED-ACH-DRILL',
    organization: 'SEED-LSG',
    kind: 'technical_result',
    title: '超深钻机',
    abstract: '出口海外。 / Ultra-deep drilling rig, exported overseas.',
    hightech_field: 'advanced_manufacturing',
    maturity: 9,
    converted: true,
    source: '004_79048d5c3ccee9bc.txt',
  },
  {
    code: 'SEED-ACH-SERVO',
    organization: 'SEED-LFFC',
    kind: 'technical_result',
    title: '智能电动伺服控制系统',
    abstract:
      '产业化项目在兰州经济区加快建设。 / Intelligent electric servo-control system; its ' +
      'industrialisation project is under way in Lanzhou Economic Zone.',
    hightech_field: 'aerospace',
    source: '003_02898c15ca762943.txt',
  },
];
