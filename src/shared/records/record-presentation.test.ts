import { describe, expect, it } from 'vitest';
import { presentRefs } from './record-repository';
import { jobErrorText } from './import-job';
import { AppError } from '../http/errors';

describe('reference summaries', () => {
  const row = {
    id: 1,
    refs: {
      organization_id: { id: 7, code: 'ORG-7', name_zh: '未公开机构', name_en: null, _v: [false, 3, 7] },
      zone_id: { id: 3, code: 'ZJ', name_zh: '张江', name_en: 'Zhangjiang', _v: [true, 3, null] },
      lead_organization_id: null,
    },
  };

  it('hide the content of targets the caller may not see, and show the rest without the visibility data', () => {
    const anon = presentRefs(row, {}).refs as Record<string, unknown>;
    expect(anon.organization_id).toEqual({ id: 7, code: null, name_zh: null, name_en: null, hidden: true });
    expect(anon.zone_id).toEqual({ id: 3, code: 'ZJ', name_zh: '张江', name_en: 'Zhangjiang' });
    expect(anon.lead_organization_id).toBeNull();
    expect((presentRefs(row, { zoneIds: [3] }).refs as Record<string, { name_zh: string }>).organization_id!.name_zh).toBe('未公开机构');
    expect((presentRefs(row, { organizationId: 7 }).refs as Record<string, { name_zh: string }>).organization_id!.name_zh).toBe('未公开机构');
    expect((presentRefs(row, { zoneIds: [4] }).refs as Record<string, { hidden: boolean }>).organization_id!.hidden).toBe(true);
    expect((presentRefs(row, { all: true }).refs as Record<string, { name_zh: string }>).organization_id!.name_zh).toBe('未公开机构');
  });
});

describe('import job errors', () => {
  it('name fields instead of passing on raw database messages', () => {
    const text = jobErrorText({ code: '22003', message: 'value "3000000000" is out of range for type integer' });
    expect(text).not.toMatch(/out of range for type integer/);
    expect(text).toMatch(/\(value\)/);
    const report = { errors: [{ line: 3, field: 'staff', key: 'field.max', params: { max: 2147483647 } }] };
    expect(jobErrorText(new AppError('IMPORT_INVALID', 'problem.import', { count: 1 }, [], { report }))).toMatch(/line 3: staff: must be at most 2147483647/);
    expect(jobErrorText(new Error('disk full'))).toBe('disk full');
  });
});
