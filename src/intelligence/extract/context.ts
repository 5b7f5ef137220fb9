import { foldForRules } from './fold';
import { escapeRegExp, getRules, type MetricEntry, type ZoneAlias } from './rules';
import type { Range } from './structure';

/** Caller-supplied aliases (registry zones, organisations) come first; the shipped defaults fill in the rest. */
export interface ExtractContext {
  zoneAliases?: ZoneAlias[];
  orgAliases?: ZoneAlias[];
}

export interface Mention extends Range {
  /** index into Lexicon.entities, or -1 for a coreference to the article's zone, -2 to the article's city */
  entity: number;
}

export interface EntityLexicon {
  entities: ZoneAlias[];
  re: RegExp;
  aliasToEntity: Map<string, number>;
  corefZone: Set<string>;
  corefCity: Set<string>;
}

const isAscii = (s: string) => /^[\x20-\x7e]+$/.test(s);

/**
 * One regular expression for a word list, longest first: English words must stand as words (one look-around for the
 * whole group, not one per word, which is what keeps a lexicon of hundreds of words fast).
 */
function wordListRegExp(words: string[]): RegExp {
  const sorted = [...words].sort((a, b) => b.length - a.length);
  const cjk = sorted.filter((w) => !isAscii(w)).map(escapeRegExp);
  const ascii = sorted.filter(isAscii).map(escapeRegExp);
  const parts = [cjk.length ? `(?:${cjk.join('|')})` : '', ascii.length ? `(?<![a-z])(?:${ascii.join('|')})(?![a-z])` : ''].filter(Boolean);
  return new RegExp(parts.join('|') || '(?!)', 'g');
}

const lexiconCache = new WeakMap<object, EntityLexicon>();
const DEFAULT_KEY = {};

export function entityLexicon(ctx: ExtractContext | undefined): EntityLexicon {
  const key = ctx ?? DEFAULT_KEY;
  const cached = lexiconCache.get(key);
  if (cached) return cached;
  const zr = getRules().zones;
  const entities: ZoneAlias[] = [];
  const aliasToEntity = new Map<string, number>();
  const addAll = (list: ZoneAlias[] | undefined) => {
    for (const e of list ?? []) {
      const index = entities.length;
      entities.push(e);
      for (const alias of [e.name, ...e.aliases]) {
        const folded = foldForRules(alias).trim();
        if (folded.length >= 2 && !aliasToEntity.has(folded)) aliasToEntity.set(folded, index);
      }
    }
  };
  addAll(ctx?.zoneAliases);
  addAll(ctx?.orgAliases);
  addAll(zr.zones);
  const corefZone = new Set(zr.coreference_zone);
  const corefCity = new Set(zr.coreference_city);
  const words = [...new Set([...aliasToEntity.keys(), ...corefZone, ...corefCity])];
  const re = wordListRegExp(words);
  const lexicon = { entities, re, aliasToEntity, corefZone, corefCity };
  lexiconCache.set(key, lexicon);
  return lexicon;
}

export function findMentions(folded: string, lexicon: EntityLexicon): Mention[] {
  const out: Mention[] = [];
  lexicon.re.lastIndex = 0;
  for (let m = lexicon.re.exec(folded); m; m = lexicon.re.exec(folded)) {
    const word = m[0];
    const entity = lexicon.aliasToEntity.get(word) ?? (lexicon.corefCity.has(word) ? -2 : -1);
    // 园区 / 新区 as the end of a longer name (生物医药产业园区) is not a reference to the article's zone.
    if (entity < 0 && /[\u4e00-\u9fff]/.test(folded[m.index - 1] ?? '') && !COREF_LEFT.includes(folded[m.index - 1]!)) continue;
    out.push({ start: m.index, end: m.index + word.length, entity });
  }
  return out;
}

const COREF_LEFT = '在的对将了为和与是由从向把被及、,。全该本我据';
const COUNTRY = new Set(['中国']);
const isCity = (e: ZoneAlias) => /市$/.test(e.name) || /^CN-[A-Z]{2}-/.test(e.id ?? '');
const isProvinceOrCountry = (e: ZoneAlias) => COUNTRY.has(e.name) || /省$/.test(e.name) || /^CN-[A-Z]{2}$/.test(e.id ?? '');

/** The article's own zone (most mentioned zone, the title counting three times) and city. */
export function articleSubjects(mentions: Mention[], lexicon: EntityLexicon, titleEnd: number): { zone?: number; city?: number } {
  const score = new Map<number, number>();
  const first = new Map<number, number>();
  for (const m of mentions) {
    if (m.entity < 0) continue;
    score.set(m.entity, (score.get(m.entity) ?? 0) + (m.start < titleEnd ? 5 : 1));
    if (!first.has(m.entity)) first.set(m.entity, m.start);
  }
  const best = (accept: (e: ZoneAlias) => boolean) => {
    let pick: number | undefined;
    for (const [entity, s] of score) {
      if (!accept(lexicon.entities[entity]!)) continue;
      if (pick === undefined || s > score.get(pick)! || (s === score.get(pick)! && first.get(entity)! < first.get(pick)!)) pick = entity;
    }
    return pick;
  };
  const zone = best((e) => !isCity(e) && !isProvinceOrCountry(e)) ?? best((e) => isCity(e));
  const city = best((e) => isCity(e));
  return { zone, city };
}

// ---- metrics ----

export interface MetricHit extends Range {
  entry: MetricEntry;
}

interface MetricLexicon {
  re: RegExp;
  byTerm: Map<string, MetricEntry>;
}
let metricLexicon: MetricLexicon | undefined;

function getMetricLexicon(): MetricLexicon {
  if (metricLexicon) return metricLexicon;
  const byTerm = new Map<string, MetricEntry>();
  for (const entry of getRules().metrics) for (const term of [...entry.zh, ...entry.en]) if (!byTerm.has(term)) byTerm.set(term, entry);
  metricLexicon = { re: wordListRegExp([...byTerm.keys()]), byTerm };
  return metricLexicon;
}

export function findMetricHits(folded: string): MetricHit[] {
  const { re, byTerm } = getMetricLexicon();
  const out: MetricHit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(folded); m; m = re.exec(folded)) out.push({ start: m.index, end: m.index + m[0].length, entry: byTerm.get(m[0])! });
  return out;
}

const CURRENCIES = new Set(['CNY', 'USD', 'EUR', 'GBP', 'HKD', 'TWD', 'JPY']);

export function unitFits(entry: MetricEntry, unit: string): boolean {
  if (entry.units.length === 0) return true;
  if (entry.units.includes(unit)) return true;
  return CURRENCIES.has(unit) && entry.units.some((u) => CURRENCIES.has(u));
}

export const isCurrency = (unit: string) => CURRENCIES.has(unit);
