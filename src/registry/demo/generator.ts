import { completeCreditCode } from '../credit-code';
import { HIGHTECH_FIELDS } from '../vocabulary';
import { prng, type Prng } from './prng';

/**
 * Synthetic organisations, qualifications and annual statistics for demos, tests and benchmarks. Every generated
 * record carries generated = true and says so in its description; nothing here is a real enterprise.
 * Records come out in import form (references as codes), so they enter the database through the import path.
 */
export type ImportRecord = Record<string, string | number | boolean | string[] | null>;

const CITY_PREFIX: Record<string, { zh: string; en: string; division: string }> = {
  LZNA: { zh: '兰州', en: 'Lanzhou', division: '620100' },
  LZHTZ: { zh: '兰州', en: 'Lanzhou', division: '620100' },
  LZEZ: { zh: '兰州', en: 'Lanzhou', division: '620100' },
  BYHTZ: { zh: '白银', en: 'Baiyin', division: '620400' },
  CDSC: { zh: '成都', en: 'Chengdu', division: '510100' },
  TFNA: { zh: '四川', en: 'Sichuan', division: '510100' },
  ZJ: { zh: '上海', en: 'Shanghai', division: '310115' },
};
const DEFAULT_PREFIX = { zh: '华西', en: 'Huaxi', division: '620100' };

// Brand syllables with their pinyin, so the English names read like real registered names.
const BRANDS: readonly [string, string][] = [
  ['华信', 'Huaxin'], ['陇原', 'Longyuan'], ['金城', 'Jincheng'], ['丝路', 'Silu'], ['天成', 'Tiancheng'], ['博睿', 'Borui'],
  ['科瑞', 'Kerui'], ['恒通', 'Hengtong'], ['瑞康', 'Ruikang'], ['中科', 'Zhongke'], ['西部', 'Xibu'], ['黄河', 'Huanghe'],
  ['祁连', 'Qilian'], ['敦煌', 'Dunhuang'], ['新源', 'Xinyuan'], ['宏达', 'Hongda'], ['启明', 'Qiming'], ['创远', 'Chuangyuan'],
  ['蓝天', 'Lantian'], ['智联', 'Zhilian'], ['锦程', 'Jincheng'], ['海纳', 'Haina'], ['天府', 'Tianfu'], ['蜀光', 'Shuguang'],
];

const FIELD_WORDS: Record<string, { zh: string[]; en: string[]; industry: string[] }> = {
  electronic_information: { zh: ['电子', '信息技术', '软件', '光电', '通信'], en: ['Electronics', 'Information Technology', 'Software', 'Optoelectronics', 'Communications'], industry: ['I6510', 'C3971', 'I6311', 'C3976'] },
  biomedicine: { zh: ['生物', '医药', '生物制品', '医疗器械', '基因'], en: ['Biotech', 'Pharmaceutical', 'Biologics', 'Medical Devices', 'Genomics'], industry: ['C2761', 'C2710', 'C3581', 'M7340'] },
  aerospace: { zh: ['航天', '航空', '卫星', '空间技术'], en: ['Aerospace', 'Aviation', 'Satellite', 'Space Technology'], industry: ['C3742', 'C3749'] },
  new_materials: { zh: ['新材料', '稀土', '有色金属', '高分子材料', '铜箔'], en: ['New Materials', 'Rare Earth', 'Nonferrous Metals', 'Polymer Materials', 'Copper Foil'], industry: ['C3985', 'C3240', 'C2651'] },
  hightech_services: { zh: ['检测', '技术服务', '知识产权', '数据'], en: ['Testing', 'Technical Services', 'IP Services', 'Data'], industry: ['M7452', 'M7520', 'I6450'] },
  new_energy: { zh: ['新能源', '光伏', '氢能', '储能', '节能'], en: ['New Energy', 'Photovoltaic', 'Hydrogen', 'Energy Storage', 'Energy Saving'], industry: ['D4416', 'C3825', 'C3841'] },
  resources_environment: { zh: ['环保', '水处理', '资源综合利用', '固废'], en: ['Environmental', 'Water Treatment', 'Resource Recycling', 'Solid Waste'], industry: ['N7722', 'C4220', 'C3591'] },
  advanced_manufacturing: { zh: ['智能装备', '机器人', '精密制造', '自动化', '泵阀'], en: ['Intelligent Equipment', 'Robotics', 'Precision Manufacturing', 'Automation', 'Pumps and Valves'], industry: ['C3491', 'C3444', 'C3499'] },
};
const SUFFIX: readonly [string, string][] = [['科技有限公司', 'Technology Co., Ltd.'], ['技术股份有限公司', 'Technology Co., Ltd.'], ['有限责任公司', 'Co., Ltd.'], ['科技发展有限公司', 'Technology Development Co., Ltd.']];
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const FIELD_KEYS = HIGHTECH_FIELDS.map((f) => f.value);
/** Each language in its own column (migrations/026). */
export const GENERATED_NOTE = { zh: '生成的演示数据，并非真实企业。', en: 'Generated demo data, not a real enterprise.' } as const;

/** Nine characters of the code alphabet encoding n, so every generated credit code is distinct. */
function organisationCodePart(n: number): string {
  let s = '';
  for (let i = 0; i < 9; i++) {
    s = ALPHABET[n % 31] + s;
    n = Math.floor(n / 31);
  }
  return s;
}

export interface GeneratedOrganization extends ImportRecord {
  code: string;
  zone_id: string;
  hightech_field: string;
  founded_year: number;
}

export function* generateOrganizations(count: number, zoneCodes: readonly string[], seed = 1, offset = 0): Generator<GeneratedOrganization> {
  const r = prng(seed + offset);
  for (let i = 0; i < count; i++) {
    const zone = zoneCodes[i % zoneCodes.length]!;
    const place = CITY_PREFIX[zone] ?? DEFAULT_PREFIX;
    const field = r.pick(FIELD_KEYS);
    const words = FIELD_WORDS[field]!;
    const w = r.int(0, words.zh.length - 1);
    const [brandZh, brandEn] = r.pick(BRANDS);
    const [sufZh, sufEn] = r.pick(SUFFIX);
    const creditCode = completeCreditCode(`91${place.division}${organisationCodePart(offset + i + 7919)}`);
    yield {
      code: creditCode,
      name_zh: `${place.zh}${brandZh}${words.zh[w]}${sufZh}`,
      name_en: `${place.en} ${brandEn} ${words.en[w]} ${sufEn}`,
      zone_id: zone,
      kind: 'enterprise',
      credit_code: creditCode,
      industry_code: r.pick(words.industry),
      hightech_field: field,
      founded_year: r.int(1995, 2022),
      description: GENERATED_NOTE.zh,
      description_en: GENERATED_NOTE.en,
      generated: true,
    };
  }
}

/** Yearly statistics: revenue log-normal, R&D intensity 0.5–12 %, staff by revenue, a few exports and patents. */
export function* generateStatistics(orgs: Iterable<GeneratedOrganization>, firstYear: number, lastYear: number, seed = 2): Generator<ImportRecord> {
  const r = prng(seed);
  for (const org of orgs) {
    let revenue = Math.exp(6 + r.next() * 5); // 10k yuan: 400 to 60,000
    const intensity = 0.005 + r.next() * 0.115;
    for (let year = Math.max(firstYear, org.founded_year); year <= lastYear; year++) {
      revenue *= 0.92 + r.next() * 0.3;
      const staff = Math.max(5, Math.round(revenue / (40 + r.next() * 60)));
      yield statisticsRow(org.code, year, revenue, intensity, staff, r);
    }
  }
}

function statisticsRow(orgCode: string, year: number, revenue: number, intensity: number, staff: number, r: Prng): ImportRecord {
  const round = (x: number) => Math.round(x * 10) / 10;
  const filed = r.int(0, Math.ceil(staff / 20));
  return {
    organization_id: orgCode,
    year,
    operating_revenue: round(revenue),
    rd_expense: round(revenue * intensity * (0.8 + r.next() * 0.4)),
    staff,
    rd_staff: Math.max(1, Math.round(staff * (0.08 + intensity * 2))),
    exports: r.chance(0.2) ? round(revenue * r.next() * 0.3) : 0,
    patents_filed: filed,
    patents_granted: r.int(0, filed),
    generated: true,
  };
}

/** High-tech enterprise status (3-year certificates, often renewed) and yearly sci-tech SME registration. */
export function* generateQualifications(orgs: Iterable<GeneratedOrganization>, firstYear: number, lastYear: number, seed = 3): Generator<ImportRecord> {
  const r = prng(seed);
  for (const org of orgs) {
    if (r.chance(0.35)) {
      let start = Math.max(firstYear, org.founded_year + 1) + r.int(0, 3);
      while (start <= lastYear) {
        yield { organization_id: org.code, type: 'hightech_enterprise', level: 'national', certificate_no: `GR${start}62${organisationCodePart(r.int(0, 1e9)).slice(3)}`,
          valid_from: `${start}-${String(r.int(10, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`, valid_to: `${start + 3}-${String(r.int(10, 12)).padStart(2, '0')}-28`,
          generated: true };
        if (!r.chance(0.75)) break;
        start += 3;
      }
    }
    if (r.chance(0.6)) {
      for (let y = Math.max(firstYear, org.founded_year); y <= lastYear; y++) {
        if (r.chance(0.7)) {
          yield { organization_id: org.code, type: 'tech_sme', certificate_no: `TS${y}${organisationCodePart(r.int(0, 1e9)).slice(2)}`,
            valid_from: `${y}-05-01`, valid_to: `${y}-12-31`, generated: true };
        }
      }
    }
    if (r.chance(0.08)) {
      const y = r.int(Math.max(firstYear, 2019), lastYear);
      yield { organization_id: org.code, type: r.chance(0.3) ? 'little_giant' : 'srdi_sme', level: 'provincial', certificate_no: `ZJTX${y}${organisationCodePart(r.int(0, 1e9)).slice(3)}`,
        valid_from: `${y}-07-01`, valid_to: `${y + 3}-06-30`, generated: true };
    }
  }
}

const SURNAMES: readonly [string, string][] = [['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'], ['赵', 'Zhao'], ['马', 'Ma'], ['周', 'Zhou'], ['吴', 'Wu']];
const GIVEN: readonly [string, string][] = [['建国', 'Jianguo'], ['晓明', 'Xiaoming'], ['丽华', 'Lihua'], ['志强', 'Zhiqiang'], ['海燕', 'Haiyan'], ['文博', 'Wenbo'], ['静', 'Jing'], ['磊', 'Lei'], ['婷', 'Ting'], ['伟', 'Wei']];
const TITLES: readonly [string, string][] = [['研究员', 'Research Fellow'], ['教授', 'Professor'], ['高级工程师', 'Senior Engineer'], ['副研究员', 'Associate Research Fellow'], ['副教授', 'Associate Professor'], ['正高级工程师', 'Professor-level Senior Engineer']];

const titleOf = ([zh, en]: readonly [string, string]) => ({ title: zh, title_en: en });

export function* generatePeople(count: number, orgs: readonly GeneratedOrganization[], seed = 4): Generator<ImportRecord> {
  const r = prng(seed);
  for (let i = 0; i < count; i++) {
    const org = r.pick(orgs);
    const [sz, se] = r.pick(SURNAMES);
    const [gz, ge] = r.pick(GIVEN);
    const field = HIGHTECH_FIELDS.find((f) => f.value === org.hightech_field)!;
    yield {
      code: `GEN-P-${String(i + 1).padStart(6, '0')}`, name_zh: `${sz}${gz}`, name_en: `${ge} ${se}`, zone_id: org.zone_id, organization_id: org.code,
      ...titleOf(r.pick(TITLES)), fields: [field.label.zh, field.label.en], talent_programmes: r.chance(0.2) ? ['陇原人才'] : [],
      // No boilerplate biography: matching reads an expert's bio, and the generated flag already marks the person.
      is_expert: r.chance(0.5), generated: true,
    };
  }
}

export function* generateProjects(count: number, orgs: readonly GeneratedOrganization[], lastYear: number, seed = 5): Generator<ImportRecord> {
  const r = prng(seed);
  const kinds = ['rd', 'investment', 'platform', 'talent'];
  const statuses = ['planned', 'in_progress', 'completed', 'completed'];
  for (let i = 0; i < count; i++) {
    const org = r.pick(orgs);
    const words = FIELD_WORDS[org.hightech_field]!;
    const w = r.int(0, words.zh.length - 1);
    const start = r.int(lastYear - 6, lastYear);
    yield {
      code: `GEN-PRJ-${String(i + 1).padStart(6, '0')}`, name_zh: `${words.zh[w]}关键技术研发及产业化项目`, name_en: `R&D and industrialisation of key ${words.en[w].toLowerCase()} technology`,
      zone_id: org.zone_id, lead_organization_id: org.code, kind: r.pick(kinds), amount: Math.round(Math.exp(4 + r.next() * 6)), status: r.pick(statuses),
      start_year: start, end_year: start + r.int(1, 4), description: '生成的演示数据，并非真实项目。', description_en: 'Generated demo data, not a real project.', generated: true,
    };
  }
}
