import { describe, expect, it } from 'vitest';
import { SEED_ACHIEVEMENTS, SEED_ORGANIZATIONS } from './seed-organizations';
import { SEED_ZONES } from './seed-zones';
import { splitBilingual } from './split-bilingual';
import { GENERATED_NOTE } from './generator';

const HAN = /[\u3400-\u9fff]/;

describe('demo texts, one language per column', () => {
  it('splits "中文 / English" and refuses other shapes', () => {
    expect(splitBilingual('获评示范基地。 / Awarded a demonstration base.', 'x')).toEqual({ zh: '获评示范基地。', en: 'Awarded a demonstration base.' });
    expect(splitBilingual('原文称“兰石”。 / Named “兰石”; exports rigs.', 'x').en).toBe('Named “兰石”; exports rigs.');
    expect(() => splitBilingual('只有中文。', 'x')).toThrow(/not "中文 \/ English"/);
    expect(() => splitBilingual('中文 / English / 又一段', 'x')).toThrow();
    expect(() => splitBilingual('中文 / 还是中文', 'x')).toThrow();
  });

  it('every seed description and abstract has a Chinese and an English half', () => {
    const texts = [
      ...SEED_ORGANIZATIONS.map((o) => [o.code, o.description] as const),
      ...SEED_ACHIEVEMENTS.map((a) => [a.code, a.abstract] as const),
      ...SEED_ZONES.filter((z) => z.description).map((z) => [z.code, z.description!] as const),
    ];
    expect(texts.length).toBeGreaterThan(90);
    for (const [code, text] of texts) {
      const { zh, en } = splitBilingual(text, code);
      expect(HAN.test(zh), code).toBe(true);
      expect(HAN.test(en.replace(/“[^”]*”/g, '')), code).toBe(false);
    }
  });

  it('the generated-data note is one text per language', () => {
    expect(HAN.test(GENERATED_NOTE.zh) && !HAN.test(GENERATED_NOTE.en)).toBe(true);
  });
});
