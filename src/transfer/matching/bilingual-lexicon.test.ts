import { beforeAll, describe, expect, it } from 'vitest';
import { type BilingualLexicon, cleanGlosses, deriveLexicon, getDefaultLexicon, parseLexicon, readCedictEntries, readLexiconText } from './bilingual-lexicon';
import { buildConceptDictionary } from './concept-dictionary';
import { MatchingEngine } from './match-engine';

// Deriving the lexicon reads CC-CEDICT (~120k entries) once: seconds on a loaded machine.
let lexicon: BilingualLexicon;
beforeAll(() => {
  lexicon = getDefaultLexicon();
}, 120_000);

const phrases = (word: string) => (lexicon.lookup(word) ?? []).map((c) => c.tokens.join(' '));

describe('CC-CEDICT lexicon', () => {
  it('cleans glosses: qualifiers, references and classifiers go', () => {
    expect(cleanGlosses(['copper (chemistry)', 'see also 紅銅|红铜[hong2 tong2]', 'CL:塊|块[kuai4]'])).toEqual(['copper']);
    expect(cleanGlosses('battery; electric cell')).toEqual(['battery', 'electric cell']);
    expect(cleanGlosses(['to recycle', 'surname Li', 'variant of 鋰|锂[li3]'])).toEqual(['recycle']);
  });

  it('translates Chinese words into stemmed English, the engine analysis', () => {
    expect(phrases('锂电池')).toContain('lithium batteri');
    expect(phrases('锂')).toEqual(['lithium']);
    expect(phrases('石墨烯')).toEqual(['graphen']);
    expect(phrases('铜')).toContain('copper');
    expect(lexicon.lookup('锂电池')?.[0].phrase).toBe('p:lithium batteri');
  });

  it('weights ambiguous and general words lower than specific ones', () => {
    const weight = (word: string) => Math.max(...(lexicon.lookup(word) ?? []).map((c) => c.weight));
    expect(weight('石墨烯')).toBeGreaterThan(weight('方法'));
    expect(weight('锂电池')).toBeGreaterThan(weight('装置'));
    expect((lexicon.lookup('装置') ?? []).length).toBeLessThanOrEqual(3);
  });

  it('finds gloss phrases in an English token stream', () => {
    const out: string[] = [];
    lexicon.scanPhrases(['spent', 'lithium', 'batteri', 'recycl'], out);
    expect(out).toContain('p:lithium batteri');
  });

  it('ships exactly what the installed CC-CEDICT package derives to (regenerate with derive-cedict-lexicon.ts)', () => {
    expect(readLexiconText()).toBe(deriveLexicon(readCedictEntries()));
  }, 120_000);

  it('derives and parses the compact form from entries', () => {
    const small = parseLexicon(deriveLexicon([
      ['銅箔', '铜箔', 'tong2 bo2', 'copper foil (metallurgy)'],
      ['的', '的', 'de5', ['of', '(possessive particle)', 'target', 'really', 'a taxi', 'bull', 'mark']],
    ]));
    expect(small.lookup('铜箔')?.map((c) => c.phrase)).toEqual(['p:copper foil']);
    expect(small.lookup('的')).toBeUndefined(); // a single character with many senses is noise
  });
});

describe('cross-language matching through the lexicon alone (no hand dictionary)', () => {
  const offers = [
    { id: 'foil', lang: 'en', title: 'Rolled copper foil', text: 'Thin rolled copper foil for flexible printed circuits and high frequency boards.' },
    { id: 'battery', lang: 'en', title: 'Lithium battery recycling', text: 'Hydrometallurgical recovery of cobalt and nickel from spent lithium batteries.' },
    { id: 'steel', lang: 'en', title: 'Welding of steel pipes', text: 'Automated welding cells for large diameter steel pipes.' },
    { id: 'pump', lang: 'en', title: 'Centrifugal pump', text: 'High efficiency centrifugal pump for municipal water supply.' },
  ];
  const engineWith = (withLexicon: boolean) => {
    const engine = new MatchingEngine(buildConceptDictionary([], { lexicon: withLexicon ? lexicon : undefined }));
    engine.bulkLoad({ offers });
    return engine;
  };

  it('铜箔 (zh-Hans) reaches "copper foil"', () => {
    const best = engineWith(true).matchOffersForDemand({ id: 'd', lang: 'zh-Hans', title: '铜箔', text: '需要用于柔性电路板的铜箔' }, { top: 3 }).results[0];
    expect(best.id).toBe('foil');
    // Named by the demand's own word (the caller's text), not by the English stems it was translated into.
    expect(best.why.join(' ')).toMatch(/经 CC-CEDICT、ECDICT 词典对应 \/ matched through CC-CEDICT and ECDICT: .*铜箔/);
    // Without the lexicon nothing connects the scripts.
    expect(engineWith(false).matchOffersForDemand({ id: 'd', lang: 'zh-Hans', title: '铜箔', text: '需要用于柔性电路板的铜箔' }).results.map((r) => r.id)).not.toContain('foil');
  });

  it('鋰電池 (zh-Hant) and 锂电池 (zh-Hans) reach "lithium battery"', () => {
    for (const [lang, text] of [['zh-Hant', '廢舊鋰電池回收'], ['zh-Hans', '废旧锂电池回收']] as const) {
      expect(engineWith(true).matchOffersForDemand({ id: 'd', lang, title: text, text }, { top: 3 }).results[0].id).toBe('battery');
      expect(engineWith(false).matchOffersForDemand({ id: 'd', lang, title: text, text }).results.map((r) => r.id)).not.toContain('battery');
    }
  });

  it('an English demand reaches a Chinese offer (the offer side is translated too)', () => {
    const engine = new MatchingEngine(buildConceptDictionary([], { lexicon }));
    engine.bulkLoad({ offers: [
      { id: 'zh-battery', lang: 'zh-Hant', title: '鋰電池正極材料回收', text: '從廢舊鋰電池中回收鈷和鎳' },
      { id: 'zh-pump', lang: 'zh-Hans', title: '离心泵', text: '用于城市供水的高效离心泵' },
    ] });
    expect(engine.matchOffersForDemand({ id: 'd', lang: 'en', title: 'lithium battery recycling', text: 'recover metals from spent lithium batteries' }).results[0].id).toBe('zh-battery');
  });
});
