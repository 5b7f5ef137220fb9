import { describe, expect, it } from 'vitest';
import { MatchingEngine } from './match-engine';
import { buildConceptDictionary } from './concept-dictionary';
import { getDefaultLexicon } from './bilingual-lexicon';
import { surfaceForms } from './surface-forms';

// Issue 12: explanations listed stems ("actuat"), single characters ("化, 粗, 后") and search-mode splits ("理工").
const SHARED = /^共同关键词 \/ shared terms: (.*)$/;
const sharedTerms = (why: string[]) => why.flatMap((w) => SHARED.exec(w)?.[1]?.split(', ') ?? []);
const lexicon = getDefaultLexicon();

function engine(offers: object[], withLexicon = false) {
  const e = new MatchingEngine(buildConceptDictionary([], { lexicon: withLexicon ? lexicon : undefined }));
  e.bulkLoad({ offers });
  return e;
}

describe('shared terms are named as the query writes them', () => {
  it('names English words as written, never their stems', () => {
    const e = engine([{ id: 'o', lang: 'en', title: 'Actuator control', text: 'Piezoelectric actuator control for precision positioning stages' }]);
    const why = e.matchOffersForDemand({ id: 'd', lang: 'en', title: 'Linear actuators', text: 'We need piezoelectric actuators for positioning of optical stages' }).results[0]!.why;
    const terms = sharedTerms(why);
    expect(terms.length).toBeGreaterThan(0);
    expect(terms).toContain('actuators');
    expect(terms).not.toContain('actuat');
    expect(terms.every((t) => /actuators|piezoelectric|positioning|stages|Linear/.test(t))).toBe(true);
  });

  it('never names a single Chinese character or a search-mode sub-word the text does not write as a word', () => {
    const text = '铜箔表面粗化处理后，再进行钝化处理工艺，提高理工科实验室的检测能力';
    const e = engine([{ id: 'o', lang: 'zh-Hans', title: '铜箔粗化', text: '粗化后处理工艺，钝化化学处理后的铜箔' }]);
    const why = e.matchOffersForDemand({ id: 'd', lang: 'zh-Hans', title: '铜箔表面处理', text }).results[0]!.why;
    const terms = sharedTerms(why);
    expect(terms.length).toBeGreaterThan(0);
    for (const term of terms) {
      expect(term.length, term).toBeGreaterThan(1);
      expect(text + '铜箔表面处理').toContain(term);
    }
    expect(terms).not.toContain('理工');
  });

  it('shows a Traditional Chinese query its own characters', () => {
    const forms = surfaceForms(['廢舊鋰電池回收', '鋰電池正極材料回收'], buildConceptDictionary([], { lexicon }));
    expect(forms.words.get('锂电池')).toBe('鋰電池');
    expect([...forms.words.keys()].some((k) => k.length === 1 && /[\u3400-\u9fff]/.test(k))).toBe(false);
  });

  it('keeps, per stem, the most frequent written form', () => {
    const forms = surfaceForms(['Battery recycling. Batteries, batteries and more batteries.'], buildConceptDictionary([]));
    expect(forms.words.get('batteri')).toBe('batteries');
    expect(forms.words.get('recycl')).toBe('recycling');
  });

  it('names a lexicon match by the query word it translates, not by English stems', () => {
    const e = engine([{ id: 'b', lang: 'en', title: 'Lithium battery recycling', text: 'Hydrometallurgical recovery of lithium battery cathodes' }], true);
    const why = e.matchOffersForDemand({ id: 'd', lang: 'zh-Hans', title: '废旧锂电池回收', text: '废旧锂电池回收' }).results[0]!.why.join(' | ');
    expect(why).not.toMatch(/batteri|recycl/);
    expect(why).toMatch(/锂电池|回收/);
  });
});
