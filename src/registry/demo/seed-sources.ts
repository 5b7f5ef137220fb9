/**
 * The five seed documents the demo data is taken from, named as a reader cites them: title, publisher and date,
 * in each language. `file` is the document's file in /work/shared/seeds/, kept for provenance (tests read the
 * document through it); it is never shown as the source. Plain data only.
 */

export type SeedSourceId = '000' | '001' | '002' | '003' | '004';

export interface SeedSource {
  /** File name in /work/shared/seeds/ (provenance only). */
  file: string;
  /** The title as published (the documents' own language and script). */
  title: string;
  /** An English rendering of a Chinese title. */
  titleEn?: string;
  publisher: { zh: string; en: string };
  /** ISO date, or the year (and month) when the document is undated and the date is estimated from its content. */
  date: string;
  /** The document carries no date: `date` is an estimate. */
  approximate?: boolean;
}

export const SEED_SOURCES: Readonly<Record<SeedSourceId, SeedSource>> = {
  '000': {
    file: '000_496e32b55310cd60.txt',
    title:
      'Lanzhou New Area: To create a “strong magnetic field” of scientific and technological Innovation and reignite ' +
      'the “power source” of the Golden Decade',
    publisher: { zh: '英文网络文章（发布者未署名）', en: 'English-language web article (publisher not named)' },
    date: '2022-05-10',
  },
  '001': {
    file: '001_f70a08798afe7b4d.txt',
    title: '凝聚科技創新合力 蘭州高新區著力打造區域經濟新增長點',
    titleEn: 'Pooling the strength of S&T innovation: Lanzhou High-tech Zone builds a new growth pole of the regional economy',
    publisher: { zh: '中国企业报', en: 'China Enterprise News' },
    date: '2022-03-10',
  },
  '002': {
    file: '002_3f05d25038775d93.txt',
    title: 'Chengdu Construction of Science and Technology Innovation Center',
    publisher: { zh: '英文网络文章（发布者未署名）', en: 'English-language web article (publisher not named)' },
    date: '2021-07-17',
  },
  '003': {
    file: '003_02898c15ca762943.txt',
    title: '提升創新主干 補齊產業發展短板 我市全力推動蘭白兩區高質量發展',
    titleEn: 'Strengthening the innovation backbone and closing industrial gaps: Lanzhou drives the Lanzhou–Baiyin zones',
    publisher: { zh: '兰州日报／兰州新闻网', en: 'Lanzhou Daily / Lanzhou News Network' },
    date: '2023',
    approximate: true,
  },
  '004': {
    file: '004_79048d5c3ccee9bc.txt',
    title: '向新而生 向质图强——兰州新区加快形成新质生产力',
    titleEn: 'Born of the new, striving for quality: Lanzhou New Area speeds up new quality productive forces',
    publisher: { zh: '甘肃日报', en: 'Gansu Daily' },
    date: '2024-03',
    approximate: true,
  },
};

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2022年3月10日" / "10 March 2022"; an estimated date "约2023年" / "c. 2023" (the document is undated). */
export function sourceDate(source: SeedSource, lang: 'zh' | 'en'): string {
  const [y, m, d] = source.date.split('-').map(Number) as [number, number?, number?];
  if (lang === 'zh') {
    const text = `${y}年${m ? `${m}月` : ''}${d ? `${d}日` : ''}`;
    return source.approximate ? `约${text}（原文未注明日期）` : text;
  }
  const text = [d, m ? EN_MONTHS[m - 1] : undefined, y].filter((x) => x !== undefined).join(' ');
  return source.approximate ? `c. ${text} (undated)` : text;
}

/** How the source is named in one language: title, publisher, date. */
export function citation(id: SeedSourceId, lang: 'zh' | 'en'): string {
  const s = SEED_SOURCES[id];
  if (lang === 'zh') return `《${s.title}》，${s.publisher.zh}，${sourceDate(s, 'zh')}`;
  const title = s.titleEn ? `“${s.title}” (${s.titleEn})` : `“${s.title}”`;
  return `${title}, ${s.publisher.en}, ${sourceDate(s, 'en')}`;
}

/**
 * A citation readable in either language, for free-text fields that have no language of their own (organisation
 * descriptions, achievement abstracts): the title as published, quoted as its own language does, and the date in
 * ISO form, "≈" marking an estimate.
 */
export function neutralCitation(id: SeedSourceId): string {
  const s = SEED_SOURCES[id];
  const title = /[\u3400-\u9fff]/.test(s.title) ? `《${s.title}》` : `“${s.title}”`;
  return `— ${title} ${s.approximate ? '≈' : ''}${s.date}`;
}

/** The source of a seed record given by its file name (as seed-organizations.ts does). */
export function sourceIdOfFile(file: string): SeedSourceId {
  const id = (Object.keys(SEED_SOURCES) as SeedSourceId[]).find((k) => SEED_SOURCES[k].file === file);
  if (!id) throw new Error(`unknown seed document ${file}`);
  return id;
}
