import { option } from '../shared/records/field-def';

/** Controlled vocabularies of the registry, with their Chinese and English names. */

export const ZONE_KINDS = [
  option('province', '省', 'Province'),
  option('city', '市（州）', 'City'),
  option('district', '区（县）', 'District'),
  option('state_new_area', '国家级新区', 'State-level new area'),
  option('national_hightech_zone', '国家高新技术产业开发区', 'National high-tech zone'),
  option('provincial_hightech_zone', '省级高新技术产业开发区', 'Provincial high-tech zone'),
  option('national_innovation_demo_zone', '国家自主创新示范区', 'National independent innovation demonstration zone'),
  option('economic_development_zone', '经济技术开发区', 'Economic and technological development zone'),
  option('science_city', '科学城', 'Science city'),
  option('park', '园区', 'Park'),
] as const;

export const ORG_KINDS = [
  option('enterprise', '企业', 'Enterprise'),
  option('university', '高等院校', 'University'),
  option('research_institute', '科研院所', 'Research institute'),
  option('lab', '实验室', 'Laboratory'),
  option('innovation_platform', '创新平台', 'Innovation platform'),
  option('incubator', '孵化器', 'Incubator'),
  option('maker_space', '众创空间', 'Maker space'),
  option('investment_fund', '投资基金', 'Investment fund'),
  option('service_agency', '科技服务机构', 'S&T service agency'),
] as const;

export const LEVELS = [
  option('national', '国家级', 'National'),
  option('provincial', '省级', 'Provincial'),
  option('municipal', '市级', 'Municipal'),
] as const;

/** The eight fields of 《国家重点支持的高新技术领域》 (2016). */
export const HIGHTECH_FIELDS = [
  option('electronic_information', '电子信息', 'Electronic information'),
  option('biomedicine', '生物与新医药', 'Biology and new medicine'),
  option('aerospace', '航空航天', 'Aerospace'),
  option('new_materials', '新材料', 'New materials'),
  option('hightech_services', '高技术服务', 'High-tech services'),
  option('new_energy', '新能源与节能', 'New energy and energy saving'),
  option('resources_environment', '资源与环境', 'Resources and environment'),
  option('advanced_manufacturing', '先进制造与自动化', 'Advanced manufacturing and automation'),
] as const;

export const QUALIFICATION_TYPES = [
  option('hightech_enterprise', '高新技术企业', 'High-tech enterprise'),
  option('tech_sme', '科技型中小企业', 'Technology-based SME'),
  option('innovative_sme', '创新型中小企业', 'Innovative SME'),
  option('srdi_sme', '专精特新中小企业', 'Specialised, refined, distinctive and novel SME'),
  option('little_giant', '专精特新“小巨人”企业', '"Little giant" enterprise'),
  option('national_key_lab', '全国重点实验室', 'National key laboratory'),
  option('provincial_key_lab', '省级重点实验室', 'Provincial key laboratory'),
  option('engineering_center', '工程技术研究中心', 'Engineering technology research centre'),
  option('enterprise_tech_center', '企业技术中心', 'Enterprise technology centre'),
  option('national_incubator', '国家级科技企业孵化器', 'National incubator'),
  option('provincial_incubator', '省级科技企业孵化器', 'Provincial incubator'),
  option('national_maker_space', '国家备案众创空间', 'National maker space'),
] as const;

export const ACHIEVEMENT_KINDS = [
  option('invention_patent', '发明专利', 'Invention patent'),
  option('utility_model', '实用新型专利', 'Utility model'),
  option('design_patent', '外观设计专利', 'Design patent'),
  option('software_copyright', '软件著作权', 'Software copyright'),
  option('new_variety', '植物新品种', 'New plant variety'),
  option('standard', '标准', 'Standard'),
  option('paper', '论文', 'Paper'),
  option('technical_result', '科技成果', 'Technical result'),
] as const;

export const PROJECT_KINDS = [
  option('rd', '研发项目', 'R&D project'),
  option('investment', '投资项目', 'Investment project'),
  option('platform', '平台建设', 'Platform building'),
  option('talent', '人才项目', 'Talent project'),
] as const;

export const PROJECT_STATUSES = [
  option('planned', '计划中', 'Planned'),
  option('in_progress', '实施中', 'In progress'),
  option('completed', '已完成', 'Completed'),
  option('cancelled', '已取消', 'Cancelled'),
] as const;
