// Small shared pieces of the programme pages: status tags, the rule-by-rule eligibility table, error text, labels.
import { Table, Tag } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { isApiError } from '../../../shared/api/client';
import { useI18n, type MessageKey, type TFunction } from '../../../shared/i18n';
import type { Rule, RuleResult } from './api';

export const pk = (t: TFunction, prefix: string, value: unknown) => {
  const key = `policy.pg.${prefix}.${String(value)}` as MessageKey;
  const text = t(key);
  return text === key ? String(value ?? '') : text;
};

const COLOR: Record<string, string> = { draft: 'default', submitted: 'processing', approved: 'success', rejected: 'error', open: 'warning', upheld: 'error', dismissed: 'default' };

export function StatusTag({ status, paid }: { status: string; paid?: boolean }) {
  const { t } = useI18n();
  if (paid) return <Tag color="green" data-testid="application-status">{t('policy.pg.paid')}</Tag>;
  return <Tag color={COLOR[status]} data-testid="application-status">{pk(t, 'status', status)}</Tag>;
}

export function errorText(e: unknown): string {
  if (isApiError(e)) {
    const fields = e.fieldErrors.map((f) => f.message).filter(Boolean);
    return fields.length ? `${e.problem.title ?? ''} ${fields.join('；')}`.trim() : e.message;
  }
  return String(e instanceof Error ? e.message : e);
}

export function EligibilityTable({ results }: { results: RuleResult[] }) {
  const { t, pick } = useI18n();
  return (
    <Table<RuleResult>
      rowKey="index" size="small" pagination={false} dataSource={results} data-testid="eligibility-table"
      columns={[
        { title: t('policy.pg.rule'), render: (_, r) => pick(r.label) },
        { title: t('policy.pg.registryValue'), dataIndex: 'value', width: 160, render: (v) => (v === null ? '—' : String(v)) },
        { title: t('policy.pg.result'), dataIndex: 'pass', width: 100,
          render: (pass: boolean) => (pass ? <span><CheckCircleTwoTone twoToneColor="#52c41a" /> {t('policy.pg.pass')}</span> : <span><CloseCircleTwoTone twoToneColor="#ff4d4f" /> {t('policy.pg.fail')}</span>) },
      ]}
    />
  );
}

/** A rule as a sentence, in the UI language (for the programme page). */
export function ruleText(t: TFunction, r: Rule): string {
  switch (r.kind) {
    case 'org_kind': return t('policy.pg.ruleText.orgKind', { kinds: r.in.map((k) => pk(t, 'orgKind', k)).join(' / ') });
    case 'qualification': return t('policy.pg.ruleText.qualification', { type: pk(t, 'qual', r.type), on: r.on ?? t('policy.pg.applicationDate') });
    case 'statistic': return t('policy.pg.ruleText.statistic', { field: pk(t, 'field', r.field), op: r.op, value: r.value, year: String(r.year ?? -1) });
    case 'founded_before': return t('policy.pg.ruleText.founded', { date: r.date });
  }
}

export const fmtTime = (v: unknown) => (v ? String(v).replace('T', ' ').slice(0, 16) : '—');
