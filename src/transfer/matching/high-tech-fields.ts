import { subFieldsOfIpc } from '../../shared/classification/crosswalk';

// China's eight national key-supported high-tech fields (国家重点支持的高新技术领域, 2016 edition)
// with their sub-fields. Codes are "1".."8" for fields and "4.1"-style for sub-fields.
export const HIGH_TECH_FIELDS: Readonly<Record<string, { zh: string; en: string }>> = {
  '1': { zh: '电子信息', en: 'Electronic information' },
  '1.1': { zh: '软件', en: 'Software' },
  '1.2': { zh: '微电子技术', en: 'Microelectronics' },
  '1.3': { zh: '计算机产品及其网络应用技术', en: 'Computers and network applications' },
  '1.4': { zh: '通信技术', en: 'Communications' },
  '1.5': { zh: '广播影视技术', en: 'Broadcasting and film' },
  '1.6': { zh: '新型电子元器件', en: 'New electronic components' },
  '1.7': { zh: '信息安全技术', en: 'Information security' },
  '1.8': { zh: '智能交通和轨道交通技术', en: 'Intelligent and rail transport' },
  '2': { zh: '生物与新医药', en: 'Biology and new medicine' },
  '2.1': { zh: '医药生物技术', en: 'Medical biotechnology' },
  '2.2': { zh: '中药、天然药物', en: 'Traditional Chinese and natural medicines' },
  '2.3': { zh: '化学药研发技术', en: 'Chemical drug development' },
  '2.4': { zh: '药物新剂型与制剂创制技术', en: 'New dosage forms and formulations' },
  '2.5': { zh: '医疗仪器、设备与医学专用软件', en: 'Medical instruments, equipment and software' },
  '2.6': { zh: '轻工和化工生物技术', en: 'Industrial biotechnology' },
  '2.7': { zh: '农业生物技术', en: 'Agricultural biotechnology' },
  '3': { zh: '航空航天', en: 'Aerospace' },
  '3.1': { zh: '航空技术', en: 'Aviation' },
  '3.2': { zh: '航天技术', en: 'Space technology' },
  '4': { zh: '新材料', en: 'New materials' },
  '4.1': { zh: '金属材料', en: 'Metallic materials' },
  '4.2': { zh: '无机非金属材料', en: 'Inorganic non-metallic materials' },
  '4.3': { zh: '高分子材料', en: 'Polymer materials' },
  '4.4': { zh: '生物医用材料', en: 'Biomedical materials' },
  '4.5': { zh: '精细和专用化学品', en: 'Fine and specialty chemicals' },
  '4.6': { zh: '与文化艺术产业相关的新材料', en: 'Materials for cultural industries' },
  '5': { zh: '高技术服务', en: 'High-tech services' },
  '5.1': { zh: '研发与设计服务', en: 'R&D and design services' },
  '5.2': { zh: '检验检测认证与标准服务', en: 'Testing, certification and standards' },
  '5.3': { zh: '信息技术服务', en: 'IT services' },
  '5.4': { zh: '高技术专业化服务', en: 'Specialised high-tech services' },
  '5.5': { zh: '知识产权与成果转化服务', en: 'IP and technology transfer services' },
  '5.6': { zh: '电子商务与现代物流技术', en: 'E-commerce and logistics' },
  '5.7': { zh: '城市管理与社会服务', en: 'Urban management and social services' },
  '5.8': { zh: '文化创意产业支撑技术', en: 'Creative industry technologies' },
  '6': { zh: '新能源与节能', en: 'New energy and energy saving' },
  '6.1': { zh: '可再生清洁能源', en: 'Renewable clean energy' },
  '6.2': { zh: '核能及氢能', en: 'Nuclear and hydrogen energy' },
  '6.3': { zh: '新型高效能量转换与储存技术', en: 'Energy conversion and storage' },
  '6.4': { zh: '高效节能技术', en: 'Energy efficiency' },
  '7': { zh: '资源与环境', en: 'Resources and environment' },
  '7.1': { zh: '水污染控制与水资源利用技术', en: 'Water pollution control and water resources' },
  '7.2': { zh: '大气污染控制技术', en: 'Air pollution control' },
  '7.3': { zh: '固体废弃物处置与综合利用技术', en: 'Solid waste treatment and reuse' },
  '7.4': { zh: '物理性污染防治技术', en: 'Physical pollution control' },
  '7.5': { zh: '环境监测及环境事故应急处理技术', en: 'Environmental monitoring and emergency response' },
  '7.6': { zh: '生态环境建设与保护技术', en: 'Ecological protection' },
  '7.7': { zh: '清洁生产技术', en: 'Cleaner production' },
  '7.8': { zh: '资源勘查、高效开采与综合利用技术', en: 'Resource exploration and utilisation' },
  '8': { zh: '先进制造与自动化', en: 'Advanced manufacturing and automation' },
  '8.1': { zh: '工业生产过程控制系统', en: 'Industrial process control' },
  '8.2': { zh: '安全生产技术', en: 'Production safety' },
  '8.3': { zh: '高性能、智能化仪器仪表', en: 'Intelligent instruments' },
  '8.4': { zh: '先进制造工艺与装备', en: 'Advanced manufacturing processes and equipment' },
  '8.5': { zh: '新型机械', en: 'New machinery' },
  '8.6': { zh: '电力系统与设备', en: 'Power systems and equipment' },
  '8.7': { zh: '汽车及轨道车辆相关技术', en: 'Automotive and rail vehicles' },
  '8.8': { zh: '高技术船舶与海洋工程装备设计制造技术', en: 'High-tech ships and offshore equipment' },
  '8.9': { zh: '传统文化产业改造技术', en: 'Upgrading traditional cultural industries' },
};

// Re-ranking asks for the same few thousand codes again and again; look each up once.
const subFieldMemo = new Map<string, readonly string[]>();
const MAX_MEMO = 100_000;

function subFieldsOf(ipc: string): readonly string[] {
  let found = subFieldMemo.get(ipc);
  if (!found) {
    found = subFieldsOfIpc(ipc);
    if (subFieldMemo.size < MAX_MEMO) subFieldMemo.set(ipc, found);
  }
  return found;
}

/**
 * An item's field codes for matching: the stated ones, plus the sub-fields its IPC codes map to through the crosswalk
 * (src/shared/classification) when it states no sub-field itself — under a stated top-level field only, or all of
 * them when it states none. Returns `fields` itself when nothing is added (no allocation on the common path).
 */
export function fieldsWithIpcSubFields(fields: readonly string[], ipc: readonly string[]): readonly string[] {
  if (ipc.length === 0 || fields.some((f) => f.includes('.'))) return fields;
  let out: string[] | undefined;
  for (const code of ipc) {
    for (const sub of subFieldsOf(code)) {
      if (fields.length > 0 && !fields.includes(topField(sub))) continue;
      if (out?.includes(sub)) continue;
      (out ??= [...fields]).push(sub);
    }
  }
  return out ?? fields;
}

export function isHighTechFieldCode(code: string): boolean {
  return Object.hasOwn(HIGH_TECH_FIELDS, code);
}

/**
 * How closely two sets of field codes agree: 1 for a shared sub-field, 0.6 for a shared
 * top-level field only, 0 otherwise; undefined when either side gives no field.
 */
export function fieldSimilarity(a: readonly string[], b: readonly string[]): { score: number; shared?: string } | undefined {
  if (a.length === 0 || b.length === 0) return undefined;
  let best: { score: number; shared?: string } = { score: 0 };
  for (const x of a) {
    for (const y of b) {
      if (x === y && x.includes('.')) return { score: 1, shared: x };
      if (best.score < 0.6 && sameTopField(x, y)) best = { score: 0.6, shared: topField(x) };
    }
  }
  return best;
}

function topField(code: string): string {
  const dot = code.indexOf('.');
  return dot < 0 ? code : code.slice(0, dot);
}

// Runs for every re-ranked candidate: compares the parts before the first '.' without splitting.
function sameTopField(x: string, y: string): boolean {
  const dotX = x.indexOf('.');
  const dotY = y.indexOf('.');
  const end = dotX < 0 ? x.length : dotX;
  if (end !== (dotY < 0 ? y.length : dotY)) return false;
  for (let i = 0; i < end; i++) if (x.charCodeAt(i) !== y.charCodeAt(i)) return false;
  return true;
}
