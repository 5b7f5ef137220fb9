import { describe, expect, it } from 'vitest';
import { fieldInLanguage, titleFieldNames } from '../../web/src/features/entities/components/fields';
import type { FieldMeta, Item } from '../../web/src/shared/api/types';
import { entityMeta } from '../../src/shared/records/meta.routes';
import { zoneFacts } from '../../src/registry/entities';

// Zone facts keep each text once per language (metric / metric_en…): lists show the reader's language, else the other.
const fields = entityMeta(zoneFacts).fields as FieldMeta[];
const field = (name: string) => fields.find((f) => f.name === name)!;
const item = (values: Record<string, unknown>) => ({ id: 1, version: 1, ...values }) as Item;

describe('a field and its English translation in lists', () => {
  it('pairs each English field with its Chinese field in the entity description', () => {
    expect(fields.filter((f) => f.translationOf).map((f) => [f.name, f.translationOf])).toEqual([
      ['metric_en', 'metric'], ['unit_en', 'unit'], ['period_en', 'period'], ['source_en', 'source'],
    ]);
  });

  it('shows the field of the reader\'s language, falling back to the other when it is empty', () => {
    const both = item({ metric: '科技型企业新增数', metric_en: 'New sci-tech enterprises' });
    expect(fieldInLanguage(field('metric'), fields, both, 'zh-CN').name).toBe('metric');
    expect(fieldInLanguage(field('metric'), fields, both, 'en').name).toBe('metric_en');
    expect(fieldInLanguage(field('metric'), fields, item({ metric: '科技型企业新增数', metric_en: null }), 'en').name).toBe('metric');
    expect(fieldInLanguage(field('source'), fields, item({ source: '', source_en: 'Gansu Daily' }), 'zh-CN').name).toBe('source_en');
    expect(fieldInLanguage(field('value'), fields, both, 'en').name).toBe('value');
  });

  it('titles a fact by its metric in the reader\'s language', () => {
    expect(titleFieldNames(fields, 'en').slice(0, 2)).toEqual(['metric_en', 'metric']);
    expect(titleFieldNames(fields, 'zh-CN').slice(0, 2)).toEqual(['metric', 'metric_en']);
  });
});
