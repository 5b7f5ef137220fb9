import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BilingualLexicon, getDefaultLexicon, parseLexicon, readLexiconText, readTechLexiconText } from './bilingual-lexicon';
import { buildConceptDictionary } from './concept-dictionary';
import { deriveAlignedLexicon, ECDICT_ALIGNMENT, parseEcdictCsv, renderings } from './ecdict-lexicon';
import { MatchingEngine } from './match-engine';

let lexicon: BilingualLexicon;
let tech: BilingualLexicon;
beforeAll(() => {
  lexicon = getDefaultLexicon();
  tech = parseLexicon(readTechLexiconText());
}, 120_000);

const phrases = (lx: BilingualLexicon, word: string) => (lx.lookup(word) ?? []).map((c) => c.tokens.join(' '));

describe('ECDICT technical layer', () => {
  it('ships a small compact file that parses, every candidate weighted in 0.3..1', () => {
    const text = readTechLexiconText();
    expect(text.length).toBeGreaterThan(100_000);
    expect(tech.size).toBeGreaterThan(10_000);
    for (const line of text.split('\n')) {
      const [word, ...candidates] = line.split('\t');
      expect(word).toMatch(/^[\u3400-\u9fff]{2,}$/);
      expect(candidates.length).toBeGreaterThan(0);
      expect(candidates.length).toBeLessThanOrEqual(2);
      for (const c of candidates) {
        const weight = Number(c.slice(c.lastIndexOf('|') + 1));
        expect(weight).toBeGreaterThanOrEqual(0.3);
        expect(weight).toBeLessThanOrEqual(1);
      }
    }
  });

  it('gives technical words the English that CC-CEDICT lacks', () => {
    const cedict = parseLexicon(readLexiconText());
    for (const [word, stems] of [['功率', 'power'], ['钙钛矿', 'perovskit'], ['算法', 'algorithm'], ['农药', 'pesticid'], ['废料', 'scrap'], ['光刻', 'photoresist']] as const) {
      expect(phrases(cedict, word)).not.toContain(stems);
      expect(phrases(lexicon, word)).toContain(stems);
    }
  });

  it('merges under CC-CEDICT: a word keeps its CEDICT candidates first and gains only new ones', () => {
    const cedict = parseLexicon(readLexiconText());
    const before = phrases(cedict, '算法');
    expect(phrases(lexicon, '算法').slice(0, before.length)).toEqual(before);
    expect(phrases(tech, '锂电池')).not.toContain('lithium batteri'); // CEDICT has it: not repeated
    const merged = parseLexicon('铜箔\tcopper foil|1.00\n铜箔\tcopper foil|0.50\tcopper|0.40');
    expect(merged.lookup('铜箔')?.map((c) => [c.tokens.join(' '), c.weight])).toEqual([['copper foil', 1], ['copper', 0.4]]);
  });

  it('reads renderings from untagged and domain-tagged lines only', () => {
    expect(renderings('n. 阳极\\n[化] 阳极; 正极')).toEqual(['阳极', '阳极', '正极']);
    expect(renderings('[人名] 史密斯\\n[网络] 钙钛矿（矿物）')).toEqual(['钙钛矿']);
    expect(renderings('n. [矿物] 钙钛矿')).toEqual(['钙钛矿']);
  });

  it('aligns words over entries read as a parallel corpus', () => {
    const csv = [
      'word,phonetic,definition,translation,pos,collins,oxford,tag,bnc,frq,exchange,detail,audio',
      'active power,,,[电] 有功功率,,,,,0,0,,,',
      'rated power,,,[电] 额定功率,,,,,0,0,,,',
      'power supply,,,"[电] 电源, 供电",,,,,0,0,,,',
      'power loss,,,[电] 功率损耗,,,,,0,0,,,',
      'perovskite,,,钙钛矿,,,,,0,0,,,',
      'perovskites,,,n. [矿物] 钙钛矿,,,,,0,0,,,',
      'Smith,,,[人名] 史密斯,,,,,0,0,,,',
    ].join('\n');
    const rows = [...parseEcdictCsv(csv)];
    expect(rows).toHaveLength(7);
    expect(rows[2]).toEqual({ word: 'power supply', translation: '[电] 电源, 供电' });
    const derived = parseLexicon(deriveAlignedLexicon(rows, ''));
    expect(derived.lookup('功率')?.[0].tokens).toEqual(['power']);
    expect(derived.lookup('钙钛矿')?.[0].tokens).toEqual(['perovskit']);
    expect(derived.lookup('史密斯')).toBeUndefined();
    // What CEDICT gives a word already is left out.
    expect(parseLexicon(deriveAlignedLexicon(rows, '功率\tpower|0.90')).lookup('功率')).toBeUndefined();
    expect(ECDICT_ALIGNMENT.minDice).toBe(0.3);
  });

  it('lets a Chinese demand reach an English offer through the layer alone', () => {
    const offers = [
      { id: 'pv', lang: 'en', title: 'Perovskite solar cells', text: 'Stable perovskite absorber layers for tandem solar cells.' },
      { id: 'pump', lang: 'en', title: 'Centrifugal pump', text: 'High efficiency centrifugal pump for municipal water supply.' },
    ] as const;
    const demand = { id: 'd', lang: 'zh-Hans', title: '钙钛矿', text: '钙钛矿' } as const;
    const withLayer = new MatchingEngine(buildConceptDictionary([], { lexicon }));
    withLayer.bulkLoad({ offers: [...offers] });
    const best = withLayer.matchOffersForDemand(demand, { top: 2 }).results[0];
    expect(best.id).toBe('pv');
    expect(best.why.join(' ')).toMatch(/经 CC-CEDICT、ECDICT 词典对应 \/ matched through CC-CEDICT and ECDICT: .*钙钛矿/);
    const cedictOnly = new MatchingEngine(buildConceptDictionary([], { lexicon: parseLexicon(readLexiconText()) }));
    cedictOnly.bulkLoad({ offers: [...offers] });
    expect(cedictOnly.matchOffersForDemand(demand).results.map((r) => r.id)).not.toContain('pv');
  });

  it('names source, licence and derivation in the matching README', () => {
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    expect(readme).toMatch(/ECDICT/);
    expect(readme).toMatch(/MIT/);
    expect(readme).toMatch(/ecdict-tech-lexicon\.tsv\.gz/);
    expect(readme).toMatch(/derive-ecdict-lexicon\.ts/);
  });
});
