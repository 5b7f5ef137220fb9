import { describe, expect, it } from 'vitest';
import { CONVERSION_ARTEFACT, SEED_DIR, cleanedSeedDocuments } from '../../../test/helpers/seed-documents';
import { SEED_FACTS } from './seed-facts';
import { SEED_ORGANIZATIONS, SEED_ACHIEVEMENTS } from './seed-organizations';
import { SEED_SOURCES, citation, neutralCitation, sourceIdOfFile, type SeedSourceId } from './seed-sources';

const HAN = /[\u3400-\u9fff]/;

describe('seed facts', () => {
  it('give every text once per language: Chinese in metric/unit/period, English in the *_en fields', () => {
    for (const f of SEED_FACTS) {
      expect(f.metric, f.metric).toMatch(HAN);
      expect(f.metric, f.metric).not.toContain(' / ');
      expect(f.metric_en, f.metric_en).not.toMatch(HAN);
      expect(f.unit_en, f.unit_en).not.toMatch(HAN);
      expect(f.unit, f.unit).not.toContain(' / ');
      // A period that is not a plain year or year span is written in each language.
      if (!/^\d{4}$/.test(f.period)) {
        expect(f.period, f.period).toMatch(HAN);
        expect(f.period_en, f.period).toBeDefined();
        expect(f.period_en, f.period_en).not.toMatch(HAN);
      } else expect(f.period_en).toBeUndefined();
      expect(Object.keys(SEED_SOURCES)).toContain(f.source);
    }
  });

  it('name their sources by title, publisher and date in each language, never by file name', () => {
    for (const id of Object.keys(SEED_SOURCES) as SeedSourceId[]) {
      const source = SEED_SOURCES[id];
      for (const lang of ['zh', 'en'] as const) {
        const text = citation(id, lang);
        expect(text).toContain(source.title);
        expect(text).toContain(source.publisher[lang]);
        expect(text).not.toMatch(/\.txt|_[0-9a-f]{16}/);
      }
      // The date wording belongs to its language: no "c." in Chinese, no "约" outside the Chinese.
      expect(citation(id, 'zh')).not.toMatch(/\bc\.|undated/);
      expect(citation(id, 'en').replace(source.title, '')).not.toMatch(HAN);
    }
    expect(citation('003', 'zh')).toContain('约2023年');
    expect(citation('003', 'en')).toContain('c. 2023');
    expect(citation('001', 'zh')).toContain('2022年3月10日');
    expect(citation('001', 'en')).toContain('10 March 2022');
  });

  it('quote the cleaned document: no conversion artefacts, and a substring of the cleaned text', async () => {
    for (const f of SEED_FACTS) expect(f.quote, f.quote).not.toMatch(CONVERSION_ARTEFACT);
    const documents = await cleanedSeedDocuments();
    if (!documents) {
      console.warn(`seed documents not found at ${SEED_DIR}: quotes not compared with the cleaned documents`);
      return;
    }
    const missing = SEED_FACTS.filter((f) => !documents.get(f.source)!.includes(f.quote)).map((f) => `${f.source}: ${f.quote}`);
    expect(missing).toEqual([]);
  });

  it('the artefact pattern finds what the converters left', () => {
    expect('企業(yè)報').toMatch(CONVERSION_ARTEFACT);
    expect('蘭州高新區(qū)').toMatch(CONVERSION_ARTEFACT);
    expect('網易(蘭州)聯合').not.toMatch(CONVERSION_ARTEFACT);
  });
});

describe('seed organisations and achievements', () => {
  it('name a known seed document, cited the same way in either language', () => {
    for (const r of [...SEED_ORGANIZATIONS, ...SEED_ACHIEVEMENTS]) expect(() => sourceIdOfFile(r.source)).not.toThrow();
    expect(neutralCitation('001')).toBe('— 《凝聚科技創新合力 蘭州高新區著力打造區域經濟新增長點》 2022-03-10');
    expect(neutralCitation('003')).toMatch(/≈2023$/);
    expect(neutralCitation('000')).toMatch(/^— “Lanzhou New Area: .*” 2022-05-10$/);
  });
});
