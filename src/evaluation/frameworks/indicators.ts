/**
 * The shipped indicator library. Computed indicators name a computation of
 * src/evaluation/indicators/computations.ts; entered indicators are official statistics a person enters with
 * their source. Descriptions say where a registry computation is only a proxy for the published definition.
 * Units: percent (typically > 1, e.g. 3.7), share (0–1), count, per_10k, per_10m_yuan, per_10b_yuan,
 * yuan_10k (万元), ratio, index, other.
 */
export type IndicatorUnit = 'percent' | 'share' | 'count' | 'per_10k' | 'per_10m_yuan' | 'per_10b_yuan' | 'yuan_10k' | 'ratio' | 'index' | 'other';
export const INDICATOR_UNITS: readonly IndicatorUnit[] = ['percent', 'share', 'count', 'per_10k', 'per_10m_yuan', 'per_10b_yuan', 'yuan_10k', 'ratio', 'index', 'other'];

export interface IndicatorDef {
  code: string;
  name_zh: string;
  name_en: string;
  unit: IndicatorUnit;
  direction?: 1 | -1;
  kind: 'computed' | 'entered';
  computation?: string;
  params?: Record<string, unknown>;
  description?: string;
  source?: string;
}

const c = (code: string, name_zh: string, name_en: string, unit: IndicatorUnit, computation: string, params: Record<string, unknown>, description?: string): IndicatorDef =>
  ({ code, name_zh, name_en, unit, kind: 'computed', computation, params, description });
const e = (code: string, name_zh: string, name_en: string, unit: IndicatorUnit, description?: string, direction: 1 | -1 = 1, source?: string): IndicatorDef =>
  ({ code, name_zh, name_en, unit, kind: 'entered', direction, description, source });

/** Registry-computed indicators (enterprise annual statistics, qualifications, organisations, achievements, technology transfer). */
export const REGISTRY_INDICATORS: IndicatorDef[] = [
  c('rd_intensity', '研发经费内部支出占营业收入比例', 'R&D expense as % of operating revenue', 'percent', 'rd_intensity', {},
    'Σ R&D expense / Σ operating revenue of the enterprises reporting annual statistics in the zone and its sub-zones, × 100.'),
  c('rd_staff_share', '从业人员中研发人员占比', 'R&D staff as % of staff', 'percent', 'ratio_sum', { numerator: 'rd_staff', denominator: 'staff', scale: 100 },
    'Σ R&D staff / Σ staff × 100. Proxy: the Torch definition counts full-time equivalents (全时当量); the registry holds head counts.'),
  c('rd_staff_per_10k', '每万名从业人员中研发人员数', 'R&D staff per 10,000 staff', 'per_10k', 'rd_staff_per_10k_staff', {},
    'Σ R&D staff / Σ staff × 10,000 (the seed documents report 136.33 per 10,000 employed).'),
  c('patents_granted_per_10k_staff', '每万名从业人员当年专利授权数', 'Patents granted per 10,000 staff', 'per_10k', 'ratio_sum', { numerator: 'patents_granted', denominator: 'staff', scale: 10000 },
    'Proxy for 每万人当年发明专利授权数: all patents granted (the statistics do not separate invention patents) per 10,000 staff.'),
  c('patents_filed_per_10m_rd', '每千万元研发经费支出的专利申请数', 'Patent applications per 10 million yuan of R&D expense', 'per_10m_yuan', 'ratio_sum',
    { numerator: 'patents_filed', denominator: 'rd_expense', scale: 1000 }, 'Σ patents filed / Σ R&D expense (10k yuan) × 1,000. Proxy: all applications, not only invention patents.'),
  c('patents_per_10b_revenue', '每百亿元营业收入中的专利授权数', 'Patents granted per 10 billion yuan of revenue', 'per_10b_yuan', 'ratio_sum',
    { numerator: 'patents_granted', denominator: 'operating_revenue', scale: 1000000 }, 'Σ patents granted / Σ operating revenue (10k yuan) × 1,000,000. Torch wording approximate [unverified].'),
  c('rd_institutions', '国家级和省级研发机构数', 'National and provincial R&D institutions', 'count', 'count_valid_qualifications',
    { types: ['national_key_lab', 'provincial_key_lab', 'engineering_center', 'enterprise_tech_center'] },
    'Organisations holding a valid key-laboratory, engineering-centre or enterprise-technology-centre qualification at year end.'),
  c('national_rd_institution_firms', '拥有国家级研发机构的机构数', 'Organisations with a national R&D institution', 'count', 'count_valid_qualifications',
    { types: ['national_key_lab', 'engineering_center', 'enterprise_tech_center'], levels: ['national'] }, 'Valid national-level R&D qualifications at year end.'),
  c('hightech_enterprises', '高新技术企业数', 'High-tech enterprises', 'count', 'count_valid_qualifications', { types: ['hightech_enterprise'] },
    'Enterprises holding a valid high-tech enterprise certificate at year end.'),
  c('hightech_enterprises_net_new', '当年净增高新技术企业数', 'Net new high-tech enterprises', 'count', 'count_valid_qualifications', { types: ['hightech_enterprise'], change: true },
    'High-tech enterprises at year end minus those at the previous year end.'),
  c('tech_sme_count', '科技型中小企业数', 'Technology-based SMEs registered', 'count', 'count_valid_qualifications', { types: ['tech_sme'] },
    'Valid technology-based SME registrations at year end (registration is yearly, so close to 当年登记入库的科技型中小企业数).'),
  c('srdi_enterprises', '专精特新企业数', 'SRDI ("specialised and new") enterprises', 'count', 'count_valid_qualifications', { types: ['srdi_sme', 'little_giant'] },
    'Valid 专精特新 SME and "little giant" qualifications at year end.'),
  c('national_startup_services', '国家级创业服务机构数', 'National start-up service organisations', 'count', 'count_valid_qualifications',
    { types: ['national_incubator', 'national_maker_space'] }, 'Valid national incubator and national maker-space qualifications at year end.'),
  c('innovation_platforms', '创新平台与科研机构数', 'Innovation platforms and research organisations', 'count', 'count_organizations',
    { kinds: ['lab', 'innovation_platform', 'research_institute', 'university'] }, 'Laboratories, platforms, institutes and universities founded by the year end (or with no founding year).'),
  c('new_enterprises', '当年新注册企业数', 'New enterprises founded in the year', 'count', 'new_organizations', { kinds: ['enterprise'] },
    'Enterprises whose founded_year equals the year.'),
  c('revenue_net_increase', '当年净增营业收入', 'Net increase of operating revenue', 'yuan_10k', 'stat_change', { column: 'operating_revenue' },
    'Σ operating revenue of the year minus that of the previous year (10k yuan).'),
  c('revenue_growth', '营业收入增长率', 'Growth of operating revenue', 'percent', 'stat_growth', { column: 'operating_revenue' }, '(Σ revenue / Σ revenue of the previous year − 1) × 100.'),
  c('staff_net_increase', '净增从业人员数', 'Net increase of staff', 'count', 'stat_change', { column: 'staff' }, 'Σ staff of the year minus that of the previous year.'),
  c('exports_share', '出口额占营业收入比例', 'Exports as % of operating revenue', 'percent', 'exports_share', {},
    'Σ exports / Σ operating revenue × 100. Proxy for 高新技术企业出口额占营业收入比例 (all reporting enterprises, not only high-tech ones).'),
  c('patents_granted', '当年专利授权数', 'Patents granted in the year', 'count', 'patents_granted_sum', {}, 'Σ patents granted in the annual statistics.'),
  c('intensity5_revenue_share', '研发投入强度达5%的企业营业收入合计占比', 'Revenue share of enterprises with R&D intensity ≥ 5 %', 'percent', 'intensity_revenue_share',
    { minIntensity: 0.05 }, 'Σ revenue of enterprises with R&D expense ≥ 5 % of revenue / Σ revenue × 100.'),
  c('intensity5_large_firms', '研发投入强度达5%且营业收入超过5亿元的企业数', 'Enterprises with R&D intensity ≥ 5 % and revenue > 500 million yuan', 'count',
    'intensity_enterprise_count', { minIntensity: 0.05, minRevenue: 50000 }, 'Revenue threshold 50,000 (10k yuan) = 500 million yuan.'),
  c('achievements_converted_share', '科技成果转化率', 'Share of achievements converted', 'percent', 'achievements_converted_share', {},
    'Achievements of the year marked converted / achievements of the year × 100 (the seed documents report 31.3 %).'),
  // Technology transfer (src/transfer): the funnel's ends, per zone and year, as indicators.
  c('transfer_demands_collected', '当年征集技术需求数', 'Technology demands collected in the year', 'count', 'transfer_demands_collected', {},
    'Demands registered in the year (created_at), not retired.'),
  c('transfer_contracts_signed', '当年促成技术合同数', 'Technology contracts signed through brokerage', 'count', 'transfer_contracts', { measure: 'count' },
    'Brokerage cases whose contract date is in the year (the case may have moved on, or failed, since).'),
  c('transfer_contract_turnover', '当年促成技术合同成交额', 'Turnover of technology contracts signed through brokerage', 'yuan_10k', 'transfer_contracts', { measure: 'amount' },
    'Σ contract amount (10k yuan) of those cases. Only contracts brokered on the platform: not the technology-market registration total.'),
  c('transfer_demand_conversion', '技术需求签约转化率', 'Demands that led to a signed contract', 'percent', 'transfer_demand_conversion', {},
    'Demands of the year with a signed contract in any of their cases / demands of the year × 100.'),
  // Innovation challenges (src/transfer/workflow/challenge-totals.ts): what the challenges closing in the year brought.
  c('transfer_challenge_agreements', '当年揭榜挂帅活动签约项数', 'Agreements signed at innovation challenges', 'count', 'transfer_challenges', { measure: 'agreements' },
    'Per challenge closing in the year: cases of the challenge with a signed contract plus the agreements its organiser reports as signed outside the platform.'),
  c('transfer_challenge_amount', '当年揭榜挂帅活动签约金额', 'Amount of agreements signed at innovation challenges', 'yuan_10k', 'transfer_challenges', { measure: 'amount' },
    'Σ contract amounts of those cases plus the reported agreement amounts (10k yuan; kept in fen).'),
  c('transfer_challenge_prizes', '当年揭榜挂帅活动奖金', 'Prize money of innovation challenges', 'yuan_10k', 'transfer_challenges', { measure: 'prizes' },
    'Σ prize money of the challenges closing in the year (10k yuan; kept in fen).'),
  // Incentive programmes (src/policy/programmes): what the ledger paid, per zone of the organisations paid.
  c('policy_subsidies_disbursed', '当年激励项目拨付资金', 'Incentive programme subsidies disbursed', 'yuan_10k', 'policy_disbursements', { measure: 'amount' },
    'Σ payments of incentive programmes in the year (10k yuan), by payment date and the paid organisation\'s zone.'),
  c('policy_enterprises_supported', '当年获激励项目支持的企业数', 'Organisations supported by incentive programmes', 'count', 'policy_disbursements', { measure: 'enterprises' },
    'Organisations paid by at least one incentive programme in the year.'),
  // Funds (src/policy/funds): innovation vouchers paid out and risk-compensation pools' claims.
  c('policy_vouchers_redeemed', '当年创新券兑付金额', 'Innovation vouchers paid out', 'yuan_10k', 'policy_funds', { measure: 'vouchers_redeemed' },
    'Σ amounts paid for vouchers redeemed at registered providers in the year (10k yuan; kept in fen).'),
  c('policy_risk_compensation', '当年风险补偿资金池代偿金额', 'Risk-pool compensation paid', 'yuan_10k', 'policy_funds', { measure: 'risk_compensation' },
    'Σ compensation paid on defaulted loans by the zone\'s risk-compensation pools in the year (10k yuan; kept in fen).'),
];

/** Torch 2021 second-level indicators the registry cannot compute: entered as official statistics. */
export const TORCH_ENTERED: IndicatorDef[] = [
  e('torch_new_incubated', '当年孵化器、加速器和大学科技园内新增在孵企业数', 'New incubated enterprises in incubators, accelerators and university science parks', 'count'),
  e('torch_hitech_services_share', '营业收入中高技术服务业营收占比', 'High-tech services as % of operating revenue', 'percent'),
  e('torch_graduate_staff_share', '从业人员中本科及以上学历人员占比', 'Staff with a bachelor degree or higher, %', 'percent'),
  e('torch_tech_contracts_per_capita', '人均技术合同成交额', 'Technology contract turnover per person', 'yuan_10k'),
  e('torch_profit_margin', '企业利润率', 'Enterprise profit margin', 'percent'),
  e('torch_vc_backed_firms', '当年获得风险投资的企业数', 'Enterprises receiving venture capital in the year', 'count'),
  e('torch_value_added_rate', '企业增加值率', 'Enterprise value-added rate', 'percent'),
  e('torch_energy_per_value_added', '单位增加值综合能耗', 'Energy consumption per unit of value added', 'ratio', 'Lower is better.', -1),
  e('torch_co2_growth', '二氧化碳排放量增长率', 'Growth of CO₂ emissions', 'percent', 'Lower is better.', -1),
  e('torch_green_space_rate', '绿地率', 'Green space ratio', 'percent'),
  e('torch_hospitals_schools', '各级医院和各类学校数', 'Hospitals and schools', 'count'),
  e('torch_wage_share_value_added', '单位增加值中从业人员工资性收入占比', 'Wages as % of value added', 'percent'),
  e('torch_wage_house_price', '从业人员月工资与房价之比', 'Monthly wage to house price ratio', 'ratio'),
  e('torch_disposable_finance', '当年可支配财力', 'Disposable fiscal resources of the year', 'yuan_10k'),
  e('torch_overseas_rd_firms', '设立境外研发机构的内资控股企业数', 'Domestic-controlled enterprises with R&D institutions abroad', 'count'),
  e('torch_iur_expense_share', '境内外产学研经费支出占营业收入比例', 'Industry–university–research expenditure as % of revenue', 'percent'),
  e('torch_foreign_ip_firms', '获境外注册商标及发明专利授权的内资控股企业数', 'Domestic-controlled enterprises with foreign trademarks or invention patents', 'count'),
  e('torch_intl_standard_firms', '新增主导制定国际标准的内资控股企业数', 'Domestic-controlled enterprises newly leading international standards', 'count'),
  e('torch_tech_service_export_share', '技术服务出口占出口总额比例', 'Technology service exports as % of exports', 'percent'),
  e('torch_foreign_returnee_share', '外籍常驻人员和留学归国人员占从业人员比例', 'Foreign residents and returnees as % of staff', 'percent'),
  e('torch_value_added_gdp_share', '全口径增加值占所在城市GDP比例', 'Zone value added as % of city GDP', 'percent'),
  e('torch_labour_productivity_growth', '全员劳动生产率增长率', 'Growth of labour productivity', 'percent'),
  e('torch_digital_revenue_share', '数字产业相关企业营收占比', 'Digital-industry revenue share', 'percent'),
  e('torch_gazelle_firms', '新晋高成长（瞪羚）企业数', 'New high-growth (gazelle) enterprises', 'count'),
  e('torch_listed_firms', '境内外上市（不含新三板）企业数', 'Enterprises listed at home or abroad (excluding NEEQ)', 'count'),
];

/** EIS 2021–2024 indicators (numbering and names of the EIS database export). */
const EIS_SRC = 'European Innovation Scoreboard 2021–2024 (indicator list of EIS_Data.xlsx); see shared/reference/frameworks.md';
export const EIS_INDICATORS: IndicatorDef[] = [
  e('eis_1_1_1', '新增博士毕业生', 'New doctorate graduates', 'per_10k', 'Per 1,000 population aged 25–34 in the EIS; enter in the unit stated.', 1, EIS_SRC),
  e('eis_1_1_2', '受过高等教育的人口比例', 'Population with tertiary education', 'percent', undefined, 1, EIS_SRC),
  e('eis_1_1_3', '参与终身学习的人口比例', 'Population involved in lifelong learning', 'percent', undefined, 1, EIS_SRC),
  e('eis_1_2_1', '国际合著科学论文', 'International scientific co-publications', 'per_10k', 'Per million population in the EIS.', 1, EIS_SRC),
  e('eis_1_2_2', '前10%高被引论文占比', 'Scientific publications among the top 10% most cited', 'percent', undefined, 1, EIS_SRC),
  e('eis_1_2_3', '外国博士生占比', 'Foreign doctorate students as a % of all doctorate students', 'percent', undefined, 1, EIS_SRC),
  e('eis_1_3_1', '宽带普及率', 'Broadband penetration', 'percent', undefined, 1, EIS_SRC),
  e('eis_1_3_2', '具备高于基本数字技能的人口比例', 'Individuals with above basic overall digital skills', 'percent', undefined, 1, EIS_SRC),
  e('eis_2_1_1', '公共部门研发支出', 'R&D expenditure in the public sector', 'percent', '% of GDP.', 1, EIS_SRC),
  e('eis_2_1_2', '风险投资支出', 'Venture capital expenditures', 'percent', '% of GDP.', 1, EIS_SRC),
  e('eis_2_1_3', '政府对企业研发的直接和间接支持', 'Direct and indirect government support of business R&D', 'percent', '% of GDP.', 1, EIS_SRC),
  { ...c('eis_2_2_1', '企业部门研发支出', 'R&D expenditure in the business sector', 'percent', 'rd_intensity', {},
    'Registry proxy: Σ R&D expense / Σ operating revenue of the zone\'s enterprises × 100 (the EIS uses % of GDP).'), source: EIS_SRC },
  e('eis_2_2_2', '非研发创新支出', 'Non-R&D innovation expenditures', 'percent', '% of turnover.', 1, EIS_SRC),
  e('eis_2_2_3', '人均创新支出', 'Innovation expenditures per person employed', 'yuan_10k', undefined, 1, EIS_SRC),
  e('eis_2_3_1', '提供信息技术培训的企业比例', 'Enterprises providing ICT training', 'percent', undefined, 1, EIS_SRC),
  e('eis_2_3_2', '信息技术专业人员就业比例', 'Employed ICT specialists', 'percent', undefined, 1, EIS_SRC),
  e('eis_3_1_1', '引入产品创新的中小企业比例', 'SMEs introducing product innovations', 'percent', undefined, 1, EIS_SRC),
  e('eis_3_1_2', '引入业务流程创新的中小企业比例', 'SMEs introducing business process innovations', 'percent', undefined, 1, EIS_SRC),
  e('eis_3_2_1', '与他人合作的创新型中小企业比例', 'Innovative SMEs collaborating with others', 'percent', undefined, 1, EIS_SRC),
  e('eis_3_2_2', '公私合著论文', 'Public-private co-publications', 'per_10k', 'Per million population in the EIS.', 1, EIS_SRC),
  e('eis_3_2_3', '科技人力资源工作流动性', 'Job-to-job mobility of HRST', 'percent', undefined, 1, EIS_SRC),
  e('eis_3_3_1', 'PCT专利申请', 'PCT patent applications', 'ratio', 'Per billion GDP (PPS) in the EIS.', 1, EIS_SRC),
  e('eis_3_3_2', '商标申请', 'Trademark applications', 'ratio', 'Per billion GDP (PPS) in the EIS.', 1, EIS_SRC),
  e('eis_3_3_3', '外观设计申请', 'Design applications', 'ratio', 'Per billion GDP (PPS) in the EIS.', 1, EIS_SRC),
  e('eis_4_1_1', '知识密集型活动就业比例', 'Employment in knowledge-intensive activities', 'percent', undefined, 1, EIS_SRC),
  e('eis_4_1_2', '创新型企业就业比例', 'Employment in innovative enterprises', 'percent', undefined, 1, EIS_SRC),
  { ...c('eis_4_2_1', '中高技术产品出口', 'Exports of medium and high technology products', 'percent', 'exports_share', {},
    'Registry proxy: Σ exports / Σ operating revenue × 100 (the EIS uses the medium/high-tech share of product exports).'), source: EIS_SRC },
  e('eis_4_2_2', '知识密集型服务出口', 'Knowledge-intensive services exports', 'percent', undefined, 1, EIS_SRC),
  e('eis_4_2_3', '新产品销售收入占比', 'Sales of new-to-market and new-to-firm innovations', 'percent', undefined, 1, EIS_SRC),
  e('eis_4_3_1', '资源生产率', 'Resource productivity', 'ratio', undefined, 1, EIS_SRC),
  e('eis_4_3_2', '细颗粒物排放', 'Air emissions by fine particulates', 'ratio', 'Lower is better.', -1, EIS_SRC),
  e('eis_4_3_3', '环境相关技术', 'Environment-related technologies', 'percent', undefined, 1, EIS_SRC),
];

export const SHIPPED_INDICATORS: IndicatorDef[] = [...REGISTRY_INDICATORS, ...TORCH_ENTERED, ...EIS_INDICATORS];
