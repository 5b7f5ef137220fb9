import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIGH_TECH_FIELDS } from '../../transfer/matching/high-tech-fields';
import {
  industriesOfNace, industryEntry, industryIpcAffinity, ipcClassOf, ipcPrefixes, naceSharesOfIpc, naceTitle, normaliseIndustryCode,
  subFieldsOfIpc, subFieldsOfIpcCodes,
} from './crosswalk';

const csv = (name: string) => readFileSync(join(import.meta.dirname, name), 'utf8').trim().split('\n').slice(1);

describe('IPC prefixes', () => {
  it('lists every level deepest first, in the tables’ spelling', () => {
    expect(ipcPrefixes('H01M10/54')).toEqual(['H01M 10/54', 'H01M 10', 'H01M', 'H01']);
    expect(ipcPrefixes(' c25d 1/04 ')).toEqual(['C25D 1/04', 'C25D 1', 'C25D', 'C25']);
    expect(ipcPrefixes('G21')).toEqual(['G21']);
    expect(ipcPrefixes('H')).toEqual([]);
    expect(ipcPrefixes('not ipc')).toEqual([]);
    expect(ipcClassOf('A61K 31/00')).toBe('A61');
  });
});

describe('IPC → high-tech sub-field (derived table)', () => {
  it('takes the deepest listed prefix: subgroup over group over subclass over class', () => {
    expect(subFieldsOfIpc('H01M 4/58')).toEqual(['6.3']); // subclass H01M: batteries
    expect(subFieldsOfIpc('H01M 10/54')).toEqual(['7.3']); // subgroup: reclaiming waste batteries
    expect(subFieldsOfIpc('H01L 21/02')).toEqual(['1.2']); // subclass H01L: semiconductors
    expect(subFieldsOfIpc('H01L 31/18')).toEqual(['6.1']); // group H01L 31: solar cells
    expect(subFieldsOfIpc('H04L 9/32')).toEqual(['1.7']); // group H04L 9: cryptography, not 1.4
    expect(subFieldsOfIpc('H04L 5/00')).toEqual(['1.4']);
    expect(subFieldsOfIpc('G01N 33/18')).toEqual(['7.5']); // water analysis
    expect(subFieldsOfIpc('G01N 21/00')).toEqual(['8.3']); // class G01: measuring
    expect(subFieldsOfIpc('G21C 15/243')).toEqual(['6.2']); // class G21: nuclear
  });

  it('matches a listed subgroup as written, not codes that merely start with its digits', () => {
    expect(subFieldsOfIpc('H01M 10/542')).toEqual(['6.3']);
    expect(subFieldsOfIpc('A99Z 1/00')).toEqual([]);
    expect(subFieldsOfIpc('nonsense')).toEqual([]);
  });

  it('collects the sub-fields of several codes once each', () => {
    expect(subFieldsOfIpcCodes(['H01M 4/58', 'H01G 11/32', 'H01M 10/54', 'H01M 8/10'])).toEqual(['6.3', '7.3']);
  });

  it('names only real sub-fields of the 2016 catalogue, each row once', () => {
    const rows = csv('ipc-hightech-subfields.csv').map((l) => l.split(','));
    for (const [ipc, subField] of rows) {
      expect(HIGH_TECH_FIELDS[subField!], `${ipc} → ${subField}`).toBeDefined();
      expect(subField).toContain('.');
      expect(ipcPrefixes(ipc!)[0], ipc).toBe(ipc);
    }
    expect(new Set(rows.map(([ipc]) => ipc)).size).toBe(rows.length);
  });
});

describe('GB/T 4754 industry codes', () => {
  it('normalises codes with or without the section letter', () => {
    expect(normaliseIndustryCode('C3841')).toBe('C3841');
    expect(normaliseIndustryCode('c38')).toBe('C38');
    expect(normaliseIndustryCode('3841')).toBe('C3841');
    expect(normaliseIndustryCode('65')).toBe('I65');
    expect(normaliseIndustryCode('Z99')).toBeUndefined();
    expect(normaliseIndustryCode('C99')).toBeUndefined(); // no such division
    expect(normaliseIndustryCode('x')).toBeUndefined();
  });

  it('uses a group’s own entry where it has one, else its division’s', () => {
    expect(industryEntry('C3581')?.code).toBe('C358');
    expect(industryEntry('C3581')?.nace).toEqual(['32', '26']);
    expect(industryEntry('C3841')).toMatchObject({ code: 'C38', zh: '电气机械和器材制造业', nace: ['27'] });
    expect(industriesOfNace('28')).toEqual(['C34', 'C35']);
    expect(naceTitle('27')).toBe('Manufacture of electrical equipment');
  });

  it('has all 97 divisions of GB/T 4754-2017, each mapped to known NACE divisions', () => {
    const rows = csv('gbt4754-2017-divisions.csv').map((l) => l.split(','));
    const divisions = rows.filter(([code]) => code!.length === 3);
    expect(divisions.length).toBe(97);
    expect(divisions.map(([code]) => Number(code!.slice(1)))).toEqual(Array.from({ length: 97 }, (_, i) => i + 1));
    for (const [code, , nace] of rows) for (const n of nace!.split(' ')) expect(naceTitle(n), `${code} → ${n}`).toBeDefined();
  });
});

describe('IPC class ↔ NACE shares (Fraunhofer ISI 2019)', () => {
  it('gives each IPC class a distribution over NACE divisions', () => {
    const shares = naceSharesOfIpc('H01M 4/58');
    const total = [...shares.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 3);
    expect([...shares].sort((a, b) => b[1] - a[1])[0]![0]).toBe('26'); // H01 is led by electronics (semiconductors)
    expect(naceSharesOfIpc('Z99').size).toBe(0);
  });

  it('sums to 1 over the NACE divisions for every IPC class in the file', () => {
    const totals = new Map<string, number>();
    for (const line of csv('nace2-ipc-class.csv')) {
      const [, ipcClass, share] = line.split(',');
      totals.set(ipcClass!, (totals.get(ipcClass!) ?? 0) + Number(share));
    }
    expect(totals.size).toBe(124);
    for (const [ipcClass, total] of totals) expect(total, ipcClass).toBeCloseTo(1, 4);
  });

  it('scores an industry by its share of the IPC class relative to the class’s principal industry', () => {
    const pharma = industryIpcAffinity(['C27'], ['A61K 31/00'])!;
    const chemicals = industryIpcAffinity(['C26'], ['A61K 31/00'])!;
    const farming = industryIpcAffinity(['A01'], ['H01M 4/58'])!;
    expect(pharma.ipcClass).toBe('A61');
    expect(pharma.value).toBeGreaterThan(chemicals.value);
    expect(farming.value).toBeLessThan(0.05);
    expect(industryIpcAffinity(['C39'], ['H01M 4/58'])).toMatchObject({ value: 1, ipcClass: 'H01' });
    // The best pair wins across several codes on either side.
    expect(industryIpcAffinity(['A01', 'C39'], ['A01B 1/00', 'H01M 4/58'])?.value).toBe(1);
    expect(industryIpcAffinity(['Z1'], ['H01M'])).toBeUndefined();
    expect(industryIpcAffinity(['C39'], ['nonsense'])).toBeUndefined();
  });
});
