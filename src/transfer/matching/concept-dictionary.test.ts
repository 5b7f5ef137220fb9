import { describe, expect, it } from 'vitest';
import { analyzeFolded, foldScript } from '../../shared/text';
import { getDefaultConceptDictionary } from './concept-dictionary';
import { HIGH_TECH_FIELDS } from './high-tech-fields';

const dictionary = getDefaultConceptDictionary();

function conceptsIn(text: string): string[] {
  const folded = foldScript(text);
  return [...dictionary.scanFolded(folded, analyzeFolded(folded))].map((i) => dictionary.concepts[i].id).sort();
}

describe('concept dictionary', () => {
  it('covers all eight high-tech fields with unique ids and known sub-field codes', () => {
    expect(dictionary.concepts.length).toBeGreaterThanOrEqual(400);
    const ids = dictionary.concepts.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const concept of dictionary.concepts) expect(Object.hasOwn(HIGH_TECH_FIELDS, concept.field)).toBe(true);
    const topFields = new Set(dictionary.concepts.map((c) => c.field.split('.')[0]));
    expect([...topFields].sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('finds the same concept in Simplified, Traditional and English text', () => {
    for (const text of ['高频铜箔', '高頻銅箔', 'High-frequency copper foils']) {
      expect(conceptsIn(text)).toEqual(expect.arrayContaining(['copper-foil', 'high-frequency']));
    }
    expect(conceptsIn('釷基熔鹽堆')).toEqual(expect.arrayContaining(['thorium', 'molten-salt', 'molten-salt-reactor']));
    expect(conceptsIn('thorium molten salt reactor')).toEqual(expect.arrayContaining(['thorium', 'molten-salt', 'molten-salt-reactor']));
  });

  it('finds Chinese terms inside longer words, independent of segmentation', () => {
    expect(conceptsIn('电解铜箔')).toEqual(expect.arrayContaining(['copper-foil', 'electrodeposited-copper-foil']));
  });

  it('finds nothing in unrelated text', () => {
    expect(conceptsIn('今天天气很好 the weather is nice')).toEqual([]);
  });
});
