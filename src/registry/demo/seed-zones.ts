/**
 * The real zones the seed documents describe, with their hierarchy and the partnership they name
 * (甘肃兰白——上海张江科技创新结对合作, seed 003). Codes are the stable keys used by imports and demo data.
 */
export interface SeedZone {
  code: string;
  parent?: string;
  kind: string;
  name_zh: string;
  name_en: string;
  description?: string;
}

export const SEED_ZONES: readonly SeedZone[] = [
  { code: 'CN-GS', kind: 'province', name_zh: '甘肃省', name_en: 'Gansu Province' },
  { code: 'CN-GS-LZ', parent: 'CN-GS', kind: 'city', name_zh: '兰州市', name_en: 'Lanzhou' },
  { code: 'LZNA', parent: 'CN-GS-LZ', kind: 'state_new_area', name_zh: '兰州新区', name_en: 'Lanzhou New Area',
    description: '2012年获批的国家级新区。/ State-level new area approved in 2012.' },
  { code: 'LZHTZ', parent: 'CN-GS-LZ', kind: 'national_hightech_zone', name_zh: '兰州高新技术产业开发区', name_en: 'Lanzhou High-tech Zone' },
  { code: 'LZEZ', parent: 'CN-GS-LZ', kind: 'economic_development_zone', name_zh: '兰州经济技术开发区', name_en: 'Lanzhou Economic and Technological Development Zone' },
  { code: 'CN-GS-BY', parent: 'CN-GS', kind: 'city', name_zh: '白银市', name_en: 'Baiyin' },
  { code: 'BYHTZ', parent: 'CN-GS-BY', kind: 'national_hightech_zone', name_zh: '白银高新技术产业开发区', name_en: 'Baiyin High-tech Zone' },
  { code: 'LBZ', parent: 'CN-GS', kind: 'national_innovation_demo_zone', name_zh: '兰白国家自主创新示范区', name_en: 'Lanzhou–Baiyin National Independent Innovation Demonstration Zone',
    description: '兰白国家自主创新示范区和科技创新改革试验区。/ Lanzhou–Baiyin national independent innovation demonstration zone and S&T innovation reform pilot zone.' },
  { code: 'CN-SC', kind: 'province', name_zh: '四川省', name_en: 'Sichuan Province' },
  { code: 'CN-SC-CD', parent: 'CN-SC', kind: 'city', name_zh: '成都市', name_en: 'Chengdu' },
  { code: 'TFNA', parent: 'CN-SC-CD', kind: 'state_new_area', name_zh: '四川天府新区', name_en: 'Tianfu New Area' },
  { code: 'CDSC', parent: 'TFNA', kind: 'science_city', name_zh: '成都科学城', name_en: 'Chengdu Science City' },
  { code: 'CN-SH', kind: 'province', name_zh: '上海市', name_en: 'Shanghai' },
  { code: 'ZJ', parent: 'CN-SH', kind: 'national_innovation_demo_zone', name_zh: '上海张江国家自主创新示范区', name_en: 'Shanghai Zhangjiang National Independent Innovation Demonstration Zone' },
];

export const SEED_PARTNERS: readonly { zone: string; partner: string; note: string }[] = [
  { zone: 'LBZ', partner: 'ZJ', note: '甘肃兰白——上海张江科技创新结对合作 / Gansu Lanzhou–Baiyin and Shanghai Zhangjiang S&T innovation pairing (seed 003)' },
];

/** Zones that get generated organisations in the demo (the operational zones, not provinces or cities). */
export const DEMO_ZONES_FOR_ORGS = ['LZNA', 'LZHTZ', 'LZEZ', 'BYHTZ', 'CDSC', 'TFNA', 'ZJ'] as const;
