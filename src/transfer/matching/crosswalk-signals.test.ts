import { describe, expect, it } from 'vitest';
import { fieldsWithIpcSubFields } from './high-tech-fields';
import { MatchingEngine, MatchItemError, parseMatchItem } from './index';

// The classification crosswalks (src/shared/classification) in matching: an enterprise's GB/T 4754 industry meets an
// offer's IPC, and IPC codes refine a top-level field to the sub-field the crosswalk gives.
const text = 'electrode material for energy storage devices';
const offers = [
  { id: 'battery', lang: 'en', title: 'Cathode for lithium cells', text, fields: ['6'], ipc: ['H01M 4/58'] },
  { id: 'solar', lang: 'en', title: 'Cathode coating for solar cells', text, fields: ['6'], ipc: ['H02S 40/00'] },
  { id: 'plough', lang: 'en', title: 'Cathode plough blade', text, ipc: ['A01B 15/00'] },
];

function engine() {
  const e = new MatchingEngine();
  e.bulkLoad({ offers });
  return e;
}

const byId = (results: { id: string }[], id: string) => results.find((r) => r.id === id) as { id: string; signals: Record<string, number>; why: string[]; score: number };

describe('industry ↔ IPC signal', () => {
  const demand = { id: 'd', lang: 'en', title: 'Cathode material', text, industries: ['C3971'] };

  it('credits an industry that holds a large share of the offer’s IPC class, and explains it in both languages', () => {
    const { results } = engine().matchOffersForDemand(demand, { top: 10 });
    const battery = byId(results, 'battery');
    expect(battery.signals.industry).toBe(1); // C39 ↔ NACE 26, the principal industry of IPC class H01
    expect(battery.why.some((w) => w.startsWith('需求方所属行业 C39 计算机、通信和其他电子设备制造业 持有 IPC H01 类约 41% 的专利')
      && w.includes("/ the demand's industry C39 (Manufacture of computer, electronic and optical products) holds ~41% of IPC class H01 patents"))).toBe(true);
    const plough = byId(results, 'plough');
    expect(plough.signals.industry).toBeLessThan(0.5); // C39 (NACE 26) holds ~3% of IPC class A01 patents, its principal industry ~28%
    expect(plough.why.some((w) => w.includes('行业'))).toBe(false); // too weak to name
    expect(battery.score).toBeGreaterThan(plough.score);
  });

  it('works the other way round: the offer’s industry against the demand’s IPC', () => {
    const e = new MatchingEngine();
    e.bulkLoad({ demands: [{ id: 'need', lang: 'en', title: 'Cathode material', text, ipc: ['H01M 4/58'] }] });
    const [result] = e.matchDemandsForOffer({ id: 'o', lang: 'en', title: 'Cathode material', text, industries: ['39'] }).results;
    expect(result!.signals.industry).toBe(1);
    expect(result!.why.some((w) => w.startsWith('供给方所属行业 C39'))).toBe(true);
  });

  it('is left out when a side has no industry or the other no IPC, and kept out of explanations when not explainable', () => {
    const plain = engine().matchOffersForDemand({ ...demand, industries: [] }, { top: 10 });
    expect(byId(plain.results, 'battery').signals.industry).toBeUndefined();
    const hidden = engine().matchOffersForDemand({ ...demand, explainable: ['title', 'text'] }, { top: 10 });
    expect(byId(hidden.results, 'battery').signals.industry).toBe(1);
    expect(byId(hidden.results, 'battery').why.some((w) => w.includes('行业'))).toBe(false);
    const unmatched = engine().matchOffersForDemand({ ...demand, matchable: ['title', 'text'] }, { top: 10 });
    expect(byId(unmatched.results, 'battery').signals.industry).toBeUndefined();
  });

  it('rejects an unknown industry code naming the field', () => {
    expect(() => parseMatchItem({ ...demand, industries: ['C99'] })).toThrow(MatchItemError);
    try {
      parseMatchItem({ ...demand, industries: ['C3841', 'Q'] });
    } catch (err) {
      expect((err as MatchItemError).field).toBe('industries.1');
    }
  });
});

describe('field match at sub-field level through the IPC crosswalk', () => {
  it('refines stated top-level fields with the sub-fields of the item’s IPC, under those fields only', () => {
    expect(fieldsWithIpcSubFields(['6'], ['H01M 4/58'])).toEqual(['6', '6.3']);
    expect(fieldsWithIpcSubFields(['6'], ['H01M 4/58', 'H01L 21/00'])).toEqual(['6', '6.3']); // 1.2 is not under 6
    expect(fieldsWithIpcSubFields([], ['H01M 10/54'])).toEqual(['7.3']);
    const stated = ['7.3'];
    expect(fieldsWithIpcSubFields(stated, ['H01M 4/58'])).toBe(stated); // a stated sub-field is kept as it is
    const none: string[] = [];
    expect(fieldsWithIpcSubFields(none, [])).toBe(none);
  });

  it('scores a shared sub-field found through IPC above a shared top-level field, and says where it came from', () => {
    const demand = { id: 'd', lang: 'en', title: 'Cathode material', text, fields: ['6'], ipc: ['H01G 11/32'] }; // supercapacitor → 6.3
    const { results } = engine().matchOffersForDemand(demand, { top: 10 });
    const battery = byId(results, 'battery');
    const solar = byId(results, 'solar');
    expect(battery.signals.field).toBe(1);
    expect(solar.signals.field).toBe(0.6); // 6.1 against 6.3: same field only
    expect(battery.why).toContain('同属高新技术领域 6.3 新型高效能量转换与储存技术（据 IPC 对照） / same high-tech field 6.3 Energy conversion and storage (via the IPC crosswalk)');
    expect(solar.why).toContain('同属高新技术领域 6 新能源与节能 / same high-tech field 6 New energy and energy saving');
  });

  it('gives items that state no field a field signal from their IPC alone', () => {
    const { results } = engine().matchOffersForDemand({ id: 'd', lang: 'en', title: 'Cathode material', text, ipc: ['H01G 11/32'] }, { top: 10 });
    expect(byId(results, 'battery').signals.field).toBe(1); // 6.3 through both sides' IPC
    expect(byId(results, 'solar').signals.field).toBe(0.6); // 6.3 against 6 / 6.1: the same field only
    expect(byId(results, 'plough').signals.field).toBeUndefined(); // A01B is not in the crosswalk, and the offer states no field
    const recycling = engine().matchOffersForDemand({ id: 'd2', lang: 'en', title: 'Cathode material', text, ipc: ['H01M 10/54'] }, { top: 10 });
    expect(byId(recycling.results, 'battery').signals.field).toBe(0); // 7.3 (reclaiming waste batteries) is another field than 6.3
  });
});
