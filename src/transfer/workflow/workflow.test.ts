import { describe, expect, it } from 'vitest';
import { demandQuality, offerQuality, PUBLISH_THRESHOLD, quantifiedIndicators } from './quality';
import { checkTransition, NEXT_STAGES } from './cases.service';
import { explainableFields, viewItem, type Viewer } from './disclosure';
import { median } from './funnel';
import { toMatchItem } from './matching.service';
import { parseMatchItem } from '../matching';

const complete = {
  title: '高导热铜箔连续化制备技术', hightech_field: 'new_materials',
  description: '我公司为锂电池负极集流体供应商，现有电解铜箔产线厚度均匀性差、抗拉强度偏低，导致下游电芯良率下降。需要引进连续化电解铜箔制备及表面处理技术，提升产品一致性和强度。',
  target_indicators: '厚度 6 μm，抗拉强度 ≥ 400 MPa，延伸率 ≥ 5%', acceptance_criteria: '第三方检测机构抽检三批次全部达标',
  budget_min: 100, budget_max: 500, decision_owner: '王工', cooperation_modes: ['transfer'],
};

describe('quality gate', () => {
  it('finds numbers with units', () => {
    expect(quantifiedIndicators('抗拉强度 ≥ 400 MPa，能耗降低 20%，寿命 5000 小时')).toEqual(['400 MPa', '20%', '5000 小时']);
    expect(quantifiedIndicators('越高越好')).toEqual([]);
  });

  it('passes a complete demand and explains what a thin one lacks, in both languages', () => {
    expect(demandQuality(complete)).toMatchObject({ score: 100, passes: true, suggestions: [] });
    const thin = demandQuality({ title: '需要铜箔技术', description: '想要更好的铜箔。' });
    expect(thin.score).toBeLessThan(PUBLISH_THRESHOLD);
    const fields = thin.suggestions.map((s) => s.field);
    expect(fields).toEqual(expect.arrayContaining(['target_indicators', 'acceptance_criteria', 'budget', 'decision_owner', 'hightech_field', 'description']));
    expect(thin.suggestions.every((s) => s.zh && s.en)).toBe(true);
    // Targets without units are not quantified.
    expect(demandQuality({ ...complete, target_indicators: '强度高、寿命长' }).suggestions[0]!.field).toBe('target_indicators');
  });

  it('scores offers on summary, advantages, TRL and IP status', () => {
    const r = offerQuality({ title: '超薄铜箔制备技术' });
    expect(r.suggestions.map((s) => s.field)).toEqual(expect.arrayContaining(['summary', 'advantages', 'trl', 'ip_status']));
    expect(offerQuality({ title: '超薄铜箔制备技术', summary: '字'.repeat(90), advantages: '厚度偏差由 5% 降至 2%，能耗降低 15%。', trl: 7, ip_status: 'granted_patent', hightech_field: 'new_materials', cooperation_modes: ['licence'], price_expectation: 10 }).score).toBe(100);
  });
});

describe('case stages', () => {
  it('allows only the next stage or failure, with required data', () => {
    expect(() => checkTransition('introduced', { stage: 'registered' })).toThrow(/negotiating/);
    expect(checkTransition('introduced', { stage: 'negotiating' })).toEqual({});
    expect(() => checkTransition('negotiating', { stage: 'contract_signed', contract_type: 'transfer', contract_amount: 10 })).toThrow(/date/);
    expect(() => checkTransition('negotiating', { stage: 'contract_signed', contract_type: 'barter', contract_amount: 10, contract_date: '2025-01-01' })).toThrow(/type/);
    expect(checkTransition('negotiating', { stage: 'contract_signed', contract_type: 'transfer', contract_amount: 10, contract_date: '2025-01-01' }, '2025-06-01'))
      .toEqual({ contract_type: 'transfer', contract_amount: 10, contract_date: '2025-01-01' });
    expect(() => checkTransition('contract_signed', { stage: 'registered', registration_no: '  ' })).toThrow(/registration/);
    expect(() => checkTransition('implementing', { stage: 'failed' })).toThrow(/reason/);
    expect(() => checkTransition('closed', { stage: 'failed', failure_reason: 'x' })).toThrow(/ended/);
    expect(NEXT_STAGES.failed).toEqual([]);
  });
});

describe('disclosure', () => {
  const row = { id: 1, code: 'TD-1', organization_id: 7, zone_id: 3, status: 'published', title: 'T', description: 'secret', budget_max: 9, disclosure: { description: 'nda', budget_max: 'signed_in' } };
  const anon: Viewer = { actor: null, allZones: false, brokerZones: new Set() };
  const user: Viewer = { actor: { userId: 5, username: 'u', role: 'org_user', zoneId: null, organizationId: 8 }, allZones: false, brokerZones: new Set() };
  const owner: Viewer = { actor: { userId: 6, username: 'o', role: 'org_user', zoneId: null, organizationId: 7 }, allZones: false, brokerZones: new Set() };

  it('withholds fields by tier and reveals NDA fields after acceptance', () => {
    expect(viewItem(anon, 'demand', row, false).item).toMatchObject({ description: null, budget_max: null });
    expect(viewItem(user, 'demand', row, false).item).toMatchObject({ description: null, budget_max: 9 });
    const after = viewItem(user, 'demand', row, true);
    expect(after.item.description).toBe('secret');
    expect(after.revealed).toEqual(['description']);
    expect(viewItem(owner, 'demand', row, false).item.description).toBe('secret');
  });

  it('keeps non-public fields out of the engine\'s explanations', () => {
    expect(explainableFields('demand', row)).not.toContain('text');
    expect(explainableFields('demand', row)).not.toContain('budget');
    const item = parseMatchItem(toMatchItem('demand', { ...row, title: '铜箔', hightech_field: 'new_materials', lang: 'zh-Hans' }));
    expect(item.fields).toEqual(['4']);
    expect(item.explainable).not.toContain('text');
  });
});

describe('funnel helpers', () => {
  it('computes medians', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});
