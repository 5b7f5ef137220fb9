import { Converter } from 'opencc-js';
import type { Concept } from './concept-dictionary';

// Generates a large, reproducible corpus of offers and demands with known relevance, for the
// benchmark. Each offer and demand belongs to a "topic" (a few dictionary concepts of one
// sub-field); a demand's relevant offers are the offers of its topic, graded by how many of the
// demand's concepts they mention. Texts mix zh-Hans, zh-Hant and English, so only an engine that
// bridges scripts and languages finds all relevant offers.

export type Lang = 'zh-Hans' | 'zh-Hant' | 'en';

export interface SyntheticItem {
  id: string;
  lang: Lang;
  title: string;
  text: string;
  fields: string[];
  ipc: string[];
  trl: number;
  price?: number;
  budget?: number;
}

export interface SyntheticCorpus {
  offers: SyntheticItem[];
  demands: SyntheticItem[];
  /** demand id → (offer id → grade 1..3). */
  qrels: Map<string, Map<string, number>>;
}

const FILLER_ZH = (
  '技术 工艺 研发 性能 提高 降低 成本 应用 系统 方法 设备 生产 效率 质量 稳定 可靠 国产化 替代 进口 ' +
  '领先 自主 知识产权 产业化 示范 工程 项目 合作 转让 许可 开发 优化 设计 制备 检测 控制 集成 关键 核心 ' +
  '新型 高效 绿色 智能 低成本 规模化 市场 企业 需求 验证 试验 批量 指标 达到 国际 先进 水平'
).split(' ');
const FILLER_EN = (
  'technology process development performance improved lower cost application system method equipment ' +
  'production efficiency quality stable reliable domestic substitute imported leading proprietary patent ' +
  'industrialization demonstration engineering project cooperation transfer license optimized design ' +
  'preparation testing control integrated key core novel efficient green intelligent scalable market ' +
  'enterprise validated trial batch specification international advanced level'
).split(' ');

const IPC_BY_FIELD: Record<string, string[]> = {
  '1': ['H04B', 'H04L', 'H04W', 'G06F', 'G06N', 'H01L', 'H05K', 'G02B'],
  '2': ['A61K', 'A61P', 'C12N', 'C07K', 'A61B', 'A61N', 'A61F', 'C12M'],
  '3': ['B64C', 'B64D', 'B64G', 'F02K', 'F03H', 'G05D'],
  '4': ['C22C', 'C25D', 'C08F', 'C08L', 'C04B', 'C09K', 'C01B', 'B32B'],
  '5': ['G06Q', 'G01N', 'G06F', 'H04L'],
  '6': ['H01M', 'H02J', 'H02S', 'G21C', 'C25B', 'F24S', 'F03D'],
  '7': ['C02F', 'B01D', 'B09B', 'E21B', 'C04B', 'A01G'],
  '8': ['B25J', 'G05B', 'B23K', 'F16K', 'G01B', 'B21D', 'F04D'],
};

/** Mulberry32: tiny, fast, seedable. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Topic {
  field: string;
  ipc: string;
  concepts: number[];
}

export function generateSyntheticCorpus(
  concepts: readonly Concept[],
  options: { offers: number; demands: number; seed?: number },
): SyntheticCorpus {
  const random = seededRandom(options.seed ?? 20260101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const toHant = Converter({ from: 'cn', to: 'tw' });
  // Surface forms per concept and language, converted once (OpenCC per text would dominate).
  const surfaces = concepts.map((c) => ({ 'zh-Hans': c.zh, 'zh-Hant': c.zh.map(toHant), en: c.en }));
  const filler = { 'zh-Hans': FILLER_ZH, 'zh-Hant': FILLER_ZH.map(toHant), en: FILLER_EN };
  const bySubField = new Map<string, number[]>();
  const byField = new Map<string, number[]>();
  concepts.forEach((c, i) => {
    bySubField.set(c.field, [...(bySubField.get(c.field) ?? []), i]);
    const top = c.field.split('.')[0];
    byField.set(top, [...(byField.get(top) ?? []), i]);
  });
  const subFields = [...bySubField.keys()];

  const topicCount = Math.max(20, Math.round(options.offers / 50));
  const topics: Topic[] = [];
  for (let t = 0; t < topicCount; t++) {
    // One concept of the sub-field plus three of the wider field: enough combinations that
    // topics rarely share more than one concept, so "same topic" is a fair relevance label.
    const field = pick(subFields);
    const chosen = new Set<number>([pick(bySubField.get(field)!)]);
    const fieldPool = byField.get(field.split('.')[0])!;
    while (chosen.size < Math.min(4, fieldPool.length)) chosen.add(pick(fieldPool));
    const ipcPool = IPC_BY_FIELD[field.split('.')[0]];
    topics.push({ field, ipc: `${pick(ipcPool)} ${1 + Math.floor(random() * 30)}/${Math.floor(random() * 20) * 2}`, concepts: [...chosen] });
  }

  const render = (lang: Lang, conceptIds: readonly number[], fillerCount: number): string => {
    const words: string[] = conceptIds.map((c) => pick(surfaces[c][lang].length > 0 ? surfaces[c][lang] : surfaces[c].en));
    for (let i = 0; i < fillerCount; i++) words.splice(Math.floor(random() * (words.length + 1)), 0, pick(filler[lang]));
    if (lang === 'en') return words.join(' ');
    // Chinese has no spaces; punctuation every few words, as in real descriptions.
    return words.map((w, i) => (i % 6 === 5 ? `${w}，` : w)).join('') + '。';
  };
  const langs: Lang[] = ['zh-Hans', 'zh-Hant', 'en'];

  const offers: SyntheticItem[] = [];
  const offerConcepts: Set<number>[] = [];
  const offersByTopic: number[][] = topics.map(() => []);
  for (let o = 0; o < options.offers; o++) {
    const topicIndex = Math.floor(random() * topicCount);
    const topic = topics[topicIndex];
    const lang = pick(langs);
    const own = topic.concepts.filter(() => random() < 0.75);
    if (own.length === 0) own.push(pick(topic.concepts));
    const sameField = byField.get(topic.field.split('.')[0])!;
    const noise = [pick(sameField), pick(sameField), Math.floor(random() * concepts.length)];
    offerConcepts.push(new Set(own));
    offersByTopic[topicIndex].push(o);
    offers.push({
      id: `o${o}`,
      lang,
      title: render(lang, own.slice(0, 2), 1),
      text: render(lang, [...own, ...noise], 26),
      fields: [topic.field],
      ipc: [random() < 0.7 ? topic.ipc : `${pick(IPC_BY_FIELD[topic.field.split('.')[0]])} 1/00`],
      trl: 3 + Math.floor(random() * 7),
      price: Math.round(50 + random() * 2000),
    });
  }

  const demands: SyntheticItem[] = [];
  const qrels = new Map<string, Map<string, number>>();
  for (let d = 0; demands.length < options.demands && d < options.demands * 10; d++) {
    const topicIndex = Math.floor(random() * topicCount);
    if (offersByTopic[topicIndex].length === 0) continue;
    const topic = topics[topicIndex];
    const lang = pick(langs);
    const wanted = topic.concepts.filter(() => random() < 0.6);
    if (wanted.length < 2) wanted.push(...topic.concepts.slice(0, 2 - wanted.length));
    const id = `d${demands.length}`;
    demands.push({
      id,
      lang,
      title: render(lang, wanted.slice(0, 1), 1),
      text: render(lang, [...wanted, Math.floor(random() * concepts.length)], 10),
      fields: [topic.field],
      ipc: [topic.ipc.split(' ')[0]],
      trl: 4 + Math.floor(random() * 4),
      budget: Math.round(200 + random() * 1500),
    });
    const judgements = new Map<string, number>();
    for (const o of offersByTopic[topicIndex]) {
      const overlap = wanted.filter((c) => offerConcepts[o].has(c)).length;
      judgements.set(`o${o}`, overlap >= 2 ? 3 : overlap === 1 ? 2 : 1);
    }
    qrels.set(id, judgements);
  }
  return { offers, demands, qrels };
}
