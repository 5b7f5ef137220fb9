import { describe, expect, it } from 'vitest';
import { buildConceptDictionary } from './concept-dictionary';
import { extractIpcCodes } from './ipc-from-text';
import { MatchingEngine } from './match-engine';

describe('IPC codes stated in text', () => {
  it('reads the common labelled forms, normalised', () => {
    expect(extractIpcCodes('IPC分类号: H01M10/54')).toEqual(['H01M 10/54']);
    expect(extractIpcCodes('本发明 Int. Cl. C09D 5/08; C23F 11/00 涉及防腐涂料')).toEqual(['C09D 5/08', 'C23F 11/00']);
    expect(extractIpcCodes('IPC: B01D 53/86, B01J 23/00')).toEqual(['B01D 53/86', 'B01J 23/00']);
    expect(extractIpcCodes('國際專利分類號：H01L 21/02')).toEqual(['H01L 21/02']);
    expect(extractIpcCodes('Int.Cl.(2006.01) G06F 17/30')).toEqual(['G06F 17/30']);
    expect(extractIpcCodes('int. cl.7 H01M 4/58 and H01M 10/0525')).toEqual(['H01M 4/58', 'H01M 10/0525']);
    expect(extractIpcCodes('主分类号 A61K 9/20、A61P 35/00')).toEqual(['A61K 9/20', 'A61P 35/00']);
  });

  it('ignores codes without a label and labels without a code', () => {
    expect(extractIpcCodes('Model A01B with H01M-type cells')).toEqual([]);
    expect(extractIpcCodes('an IPC-free description')).toEqual([]);
  });

  it('uses text codes as the IPC signal when the item has none, and says so', () => {
    const engine = new MatchingEngine(buildConceptDictionary([]));
    engine.bulkLoad({ offers: [
      { id: 'same-group', lang: 'en', title: 'cell recycling process', text: 'Recovery process. IPC: H01M 10/54' },
      { id: 'other', lang: 'en', title: 'cell recycling process', text: 'Recovery process. IPC: C02F 1/44' },
      { id: 'stated', lang: 'en', title: 'cell recycling process', text: 'Recovery process. IPC: H01M 10/54', ipc: ['C02F 1/44'] },
    ] });
    const response = engine.matchOffersForDemand({ id: 'd', lang: 'zh-Hans', title: 'cell recycling process', text: '回收工艺 IPC分类号: H01M10/54' }, { top: 3 });
    const byId = new Map(response.results.map((r) => [r.id, r]));
    expect(response.results[0].id).toBe('same-group');
    expect(byId.get('same-group')?.signals.ipc).toBe(1);
    expect(byId.get('other')?.signals.ipc).toBe(0);
    // Structured IPC wins over codes in the text.
    expect(byId.get('stated')?.signals.ipc).toBe(0);
    expect(byId.get('same-group')?.why.join(' ')).toContain('IPC stated in the text');
  });

  it('does not name text codes when the text is confidential', () => {
    const engine = new MatchingEngine(buildConceptDictionary([]));
    engine.bulkLoad({ offers: [{ id: 'o', lang: 'en', title: 'cell recycling', text: 'IPC: H01M 10/54', explainable: ['title', 'ipc'] }] });
    const result = engine.matchOffersForDemand({ id: 'd', lang: 'en', title: 'cell recycling', text: 'IPC: H01M 10/54' }).results[0];
    expect(result.signals.ipc).toBe(1);
    expect(result.why.join(' ')).not.toContain('IPC');
  });
});
