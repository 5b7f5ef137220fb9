/**
 * The three shipped frameworks, as data. Sources and what is unverified: ../shared/reference/frameworks.md
 * (summarised in src/evaluation/README.md). Indicator nodes use the indicator code as node code.
 */
import type { FrameworkDef, FrameworkNodeDef } from './types';

const ind = (code: string, parent: string, weight = 1, description?: string): FrameworkNodeDef =>
  ({ code, parent, level: 1, name_zh: code, weight, indicator: code, description: description ?? null });

// ---------------------------------------------------------------------------------------------------------------
// (a) Torch Centre comprehensive evaluation of national high-tech zones, 2021 structure (国科发火〔2021〕106号)
// ---------------------------------------------------------------------------------------------------------------
const ASSUMED_W = 'Weight 1.0 [unverified]: the published text gives only 1.1 (0.8) and 1.2 (1.2); other second-level weights are assumed 1.0.';
const SECONDARY = 'Second-level indicator from a secondary source (field definitions of a public Java project, Dec 2023) [unverified]. ' + ASSUMED_W;

export const TORCH_2021: FrameworkDef = {
  code: 'torch-2021',
  name_zh: '国家高新区综合评价（2021版结构）',
  name_en: 'Torch Centre comprehensive evaluation of national high-tech zones (2021 structure)',
  description:
    'Follows the 2021 indicator system issued by MOST (国科发火〔2021〕106号, 22 April 2021): five first-level dimensions weighted ' +
    '20/20/15/15/30 (sum 100). Official second-level items with weights: 1.1 国家级和省级研发机构数 (0.8) and 1.2 从业人员中研发人员全时当量数占比 (1.2). ' +
    'The other second-level indicators come from a secondary source and are assumptions [unverified]; their weights are assumed 1.0. ' +
    'The official scoring formula (normalisation) was not found [unverified]: this framework uses min–max 0–100 and weighted arithmetic means, ' +
    'a pluggable choice. Registry-computed indicators are proxies where noted; the rest are entered official statistics. ' +
    'Indicators with no data for any zone are left out of an evaluation and reported (missingIndicators: drop).',
  method: { normalise: { method: 'minmax', lower: 0, upper: 100 }, aggregate: { method: 'amean' }, weights: { source: 'meta' } },
  options: { weightRules: [{ level: 2, sum: 100 }], missingIndicators: 'drop', panelYears: null, reference: null, groups: null },
  nodes: [
    { code: 'TORCH', parent: null, level: 3, name_zh: '国家高新区综合评价总分', name_en: 'Comprehensive evaluation score', weight: 1 },
    { code: 'T1', parent: 'TORCH', level: 2, name_zh: '创新能力和创业活跃度', name_en: 'Innovation capacity and entrepreneurial vitality', weight: 20, description: 'Official name and weight 20 %.' },
    { code: 'T2', parent: 'TORCH', level: 2, name_zh: '结构优化和产业价值链', name_en: 'Structural upgrading and industrial value chain', weight: 20, description: 'Weight 20 % (secondary source; name and weight match the 2021 system).' },
    { code: 'T3', parent: 'TORCH', level: 2, name_zh: '绿色发展和宜居包容性', name_en: 'Green development, liveability and inclusiveness', weight: 15, description: 'Weight 15 % (secondary source).' },
    { code: 'T4', parent: 'TORCH', level: 2, name_zh: '开放创新和国际竞争力', name_en: 'Open innovation and international competitiveness', weight: 15, description: 'Weight 15 % (secondary source).' },
    { code: 'T5', parent: 'TORCH', level: 2, name_zh: '综合质效和持续创新力', name_en: 'Overall quality and efficiency, sustained innovation', weight: 30, description: 'Weight 30 % (secondary source).' },
    ind('rd_institutions', 'T1', 0.8, 'Official 1.1, weight 0.8. Registry: valid R&D-institution qualifications.'),
    ind('rd_staff_share', 'T1', 1.2, 'Official 1.2, weight 1.2. Registry proxy: head counts instead of full-time equivalents.'),
    ind('rd_intensity', 'T1', 1, SECONDARY),
    ind('patents_granted_per_10k_staff', 'T1', 1, SECONDARY + ' Registry proxy: all patents granted.'),
    ind('patents_filed_per_10m_rd', 'T1', 1, SECONDARY + ' Registry proxy: all applications.'),
    ind('national_startup_services', 'T1', 1, SECONDARY),
    ind('new_enterprises', 'T1', 1, SECONDARY),
    ind('tech_sme_count', 'T1', 1, SECONDARY),
    ind('torch_new_incubated', 'T1', 1, SECONDARY),
    ind('torch_hitech_services_share', 'T2', 1, SECONDARY),
    ind('torch_graduate_staff_share', 'T2', 1, SECONDARY),
    ind('torch_tech_contracts_per_capita', 'T2', 1, SECONDARY),
    ind('revenue_net_increase', 'T2', 1, SECONDARY),
    ind('torch_profit_margin', 'T2', 1, SECONDARY),
    ind('hightech_enterprises_net_new', 'T2', 1, SECONDARY),
    ind('torch_vc_backed_firms', 'T2', 1, SECONDARY),
    ind('patents_per_10b_revenue', 'T2', 1, SECONDARY + ' Wording approximate.'),
    ind('torch_value_added_rate', 'T2', 1, SECONDARY),
    ind('torch_energy_per_value_added', 'T3', 1, SECONDARY),
    ind('torch_co2_growth', 'T3', 1, SECONDARY),
    ind('torch_green_space_rate', 'T3', 1, SECONDARY),
    ind('torch_hospitals_schools', 'T3', 1, SECONDARY),
    ind('staff_net_increase', 'T3', 1, SECONDARY),
    ind('torch_wage_share_value_added', 'T3', 1, SECONDARY),
    ind('torch_wage_house_price', 'T3', 1, SECONDARY),
    ind('torch_disposable_finance', 'T3', 1, SECONDARY),
    ind('torch_overseas_rd_firms', 'T4', 1, SECONDARY),
    ind('torch_iur_expense_share', 'T4', 1, SECONDARY),
    ind('torch_foreign_ip_firms', 'T4', 1, SECONDARY),
    ind('torch_intl_standard_firms', 'T4', 1, SECONDARY),
    ind('torch_tech_service_export_share', 'T4', 1, SECONDARY),
    ind('exports_share', 'T4', 1, SECONDARY + ' Registry proxy for 高新技术企业出口额占营业收入比例.'),
    ind('torch_foreign_returnee_share', 'T4', 1, SECONDARY),
    ind('torch_value_added_gdp_share', 'T5', 1, SECONDARY),
    ind('torch_labour_productivity_growth', 'T5', 1, SECONDARY),
    ind('intensity5_revenue_share', 'T5', 1, SECONDARY),
    ind('torch_digital_revenue_share', 'T5', 1, SECONDARY),
    ind('torch_gazelle_firms', 'T5', 1, SECONDARY),
    ind('torch_listed_firms', 'T5', 1, SECONDARY),
    ind('intensity5_large_firms', 'T5', 1, SECONDARY),
    ind('national_rd_institution_firms', 'T5', 1, SECONDARY),
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// (b) European Innovation Scoreboard method, 2021–2024 framework: 32 indicators, 12 dimensions, 4 types
// ---------------------------------------------------------------------------------------------------------------
const EIS_DIMS: [string, string, string, string, string[]][] = [
  ['EIS_1', 'EIS_1_1', '人力资源', 'Human resources', ['eis_1_1_1', 'eis_1_1_2', 'eis_1_1_3']],
  ['EIS_1', 'EIS_1_2', '有吸引力的研究体系', 'Attractive research systems', ['eis_1_2_1', 'eis_1_2_2', 'eis_1_2_3']],
  ['EIS_1', 'EIS_1_3', '数字化', 'Digitalisation', ['eis_1_3_1', 'eis_1_3_2']],
  ['EIS_2', 'EIS_2_1', '金融与支持', 'Finance and support', ['eis_2_1_1', 'eis_2_1_2', 'eis_2_1_3']],
  ['EIS_2', 'EIS_2_2', '企业投资', 'Firm investments', ['eis_2_2_1', 'eis_2_2_2', 'eis_2_2_3']],
  ['EIS_2', 'EIS_2_3', '信息技术应用', 'Use of information technologies', ['eis_2_3_1', 'eis_2_3_2']],
  ['EIS_3', 'EIS_3_1', '创新者', 'Innovators', ['eis_3_1_1', 'eis_3_1_2']],
  ['EIS_3', 'EIS_3_2', '联系与合作', 'Linkages', ['eis_3_2_1', 'eis_3_2_2', 'eis_3_2_3']],
  ['EIS_3', 'EIS_3_3', '知识产权资产', 'Intellectual assets', ['eis_3_3_1', 'eis_3_3_2', 'eis_3_3_3']],
  ['EIS_4', 'EIS_4_1', '就业影响', 'Employment impacts', ['eis_4_1_1', 'eis_4_1_2']],
  ['EIS_4', 'EIS_4_2', '销售影响', 'Sales impacts', ['eis_4_2_1', 'eis_4_2_2', 'eis_4_2_3']],
  ['EIS_4', 'EIS_4_3', '环境可持续性', 'Environmental sustainability', ['eis_4_3_1', 'eis_4_3_2', 'eis_4_3_3']],
];
const EIS_TYPES: [string, string, string][] = [
  ['EIS_1', '框架条件', 'Framework conditions'],
  ['EIS_2', '投资', 'Investments'],
  ['EIS_3', '创新活动', 'Innovation activities'],
  ['EIS_4', '影响', 'Impacts'],
];
const countIn = (type: string) => EIS_DIMS.filter((d) => d[0] === type).reduce((s, d) => s + d[4].length, 0);

export const EIS_METHOD: FrameworkDef = {
  code: 'eis-2021',
  name_zh: '欧洲创新记分牌方法（2021–2024版框架）',
  name_en: 'European Innovation Scoreboard method (2021–2024 framework)',
  description:
    '32 indicators in 12 dimensions grouped into 4 types (EIS 2021–2024). Scores are min–max rescaled to [0, 1] with the minimum and maximum ' +
    'pooled over all evaluated zones and all years of the window (8 years, as EIS 2024: 2017–2024), so scores are comparable across years. ' +
    'The summary index is the unweighted mean of the rescaled indicators: dimension and type weights equal their number of indicators, ' +
    'which makes the mean of means the mean of all indicators when every indicator is available. Scores are reported relative to a reference ' +
    'unit and year (= 100; default the mean of the evaluated zones in the first year of the window, standing for "the EU in the base year"), ' +
    'and zones fall into performance groups by the 2021+ thresholds: > 125 Innovation Leader, 100–125 Strong, 70–100 Moderate, < 70 Emerging. ' +
    'Assumptions: the square-root transform of skewed indicators and the outlier rules of later editions [unverified] are not applied; ' +
    'indicators a zone does not have from the registry are entered values (two registry proxies: 2.2.1 and 4.2.1); indicators without data ' +
    'for any zone are left out and reported, as the EIS averages "all available indicators".',
  method: { normalise: { method: 'minmax', lower: 0, upper: 1 }, aggregate: { method: 'amean' }, weights: { source: 'meta' }, normaliseScope: 'pooled' },
  options: {
    missingIndicators: 'drop',
    countWeights: true,
    panelYears: 8,
    reference: { zone: null, year: null },
    groups: [
      { min: 125, code: 'leader', name_zh: '创新领先者', name_en: 'Innovation Leader' },
      { min: 100, code: 'strong', name_zh: '强劲创新者', name_en: 'Strong Innovator' },
      { min: 70, code: 'moderate', name_zh: '中等创新者', name_en: 'Moderate Innovator' },
      { min: null, code: 'emerging', name_zh: '新兴创新者', name_en: 'Emerging Innovator' },
    ],
  },
  nodes: [
    { code: 'SII', parent: null, level: 4, name_zh: '综合创新指数', name_en: 'Summary Innovation Index', weight: 1 },
    ...EIS_TYPES.map(([code, zh, en]): FrameworkNodeDef => ({ code, parent: 'SII', level: 3, name_zh: zh, name_en: en, weight: countIn(code) })),
    ...EIS_DIMS.map(([type, code, zh, en, inds]): FrameworkNodeDef => ({ code, parent: type, level: 2, name_zh: zh, name_en: en, weight: inds.length })),
    ...EIS_DIMS.flatMap(([, code, , , inds]) => inds.map((i) => ind(i, code, 1))),
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// (c) Zone starter: eight registry-computed indicators an operator can copy and change
// ---------------------------------------------------------------------------------------------------------------
export const ZONE_STARTER: FrameworkDef = {
  code: 'zone-starter',
  name_zh: '园区创新入门指数',
  name_en: 'Zone innovation starter index',
  description:
    'Eight indicators computed from the registry in three equally weighted dimensions (input, actors, output); min–max 0–100 and ' +
    'arithmetic means. Copy it (POST /api/frameworks/:id/copy) and change indicators, weights or method.',
  method: { normalise: { method: 'minmax', lower: 0, upper: 100 }, aggregate: { method: 'amean' }, weights: { source: 'meta' } },
  options: { weightRules: [], missingIndicators: 'error', panelYears: null, reference: null, groups: null },
  nodes: [
    { code: 'STARTER', parent: null, level: 3, name_zh: '园区创新入门指数', name_en: 'Zone innovation starter index', weight: 1 },
    { code: 'S_INPUT', parent: 'STARTER', level: 2, name_zh: '创新投入', name_en: 'Innovation input', weight: 1 },
    { code: 'S_ACTORS', parent: 'STARTER', level: 2, name_zh: '创新主体', name_en: 'Innovation actors', weight: 1 },
    { code: 'S_OUTPUT', parent: 'STARTER', level: 2, name_zh: '创新产出', name_en: 'Innovation output', weight: 1 },
    ind('rd_intensity', 'S_INPUT'),
    ind('rd_staff_per_10k', 'S_INPUT'),
    ind('intensity5_revenue_share', 'S_INPUT'),
    ind('hightech_enterprises', 'S_ACTORS'),
    ind('tech_sme_count', 'S_ACTORS'),
    ind('innovation_platforms', 'S_ACTORS'),
    ind('patents_granted_per_10k_staff', 'S_OUTPUT'),
    ind('exports_share', 'S_OUTPUT'),
  ],
};

export const SHIPPED_FRAMEWORKS: FrameworkDef[] = [TORCH_2021, EIS_METHOD, ZONE_STARTER];
