import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors';
import { organizations, zones } from '../../registry/entities';
import { registerEntities } from './registry-of-entities';
import { demands } from '../../transfer/entities';
import { jobErrorText } from './import-job';
import { presentImportIssues } from './import-messages';
import type { RowIssue } from './import-rows';

describe('import problems as the wizard shows them', () => {
  registerEntities([zones, organizations, demands]);
  it('names columns by their labels and vocabularies by their names, in the reader\'s language', () => {
    const issues: RowIssue[] = [
      { line: 2, field: 'zone_id', key: 'field.unknownRef', params: { entity: 'zones', value: '无此园区' } },
      { line: 3, field: 'kind', key: 'field.enum', params: { options: 'enterprise, university' } },
      { line: 4, field: 'title', key: 'field.type', params: { type: 'text with letters or digits, not only punctuation / 含文字或数字的文本（不能只有标点）' } },
    ];
    const zh = presentImportIssues('zh-CN', organizations, issues.slice(0, 2));
    expect(zh.map((i) => i.message)).toEqual(['所属园区：找不到代码、名称或编号为“无此园区”的园区与区域', expect.stringMatching(/^类型：应为以下之一：企业、高等院校、科研院所/)]);
    expect(presentImportIssues('en', organizations, issues.slice(0, 1))[0]).toEqual({ line: 2, field: 'zone_id', column: 'Zone', message: 'Zone: no Zones with the code, name or id "无此园区"' });
    expect(presentImportIssues('zh-CN', demands, issues.slice(2))[0]!.message).toBe('需求名称：应为含文字或数字的文本（不能只有标点）');
    expect(presentImportIssues('en', demands, issues.slice(2))[0]!.message).toBe('Title: must be text with letters or digits, not only punctuation');
  });

  it('words a failed import job in the language of the person who started it', () => {
    const report = { errors: [{ line: 3, field: 'founded_year', key: 'field.integer' }] };
    const err = new AppError('IMPORT_INVALID', 'problem.import', { count: 1 }, [], { report });
    expect(jobErrorText(err, 'zh-CN', organizations)).toContain('第 3 行：成立年份：应为整数');
    expect(jobErrorText(err, 'en', organizations)).toContain('line 3: Founded: must be a whole number');
  });
});
