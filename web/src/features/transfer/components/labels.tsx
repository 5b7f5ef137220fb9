// Small shared pieces of the transfer pages: translated enum labels, status and stage tags, error text.
import { Tag } from 'antd';
import { isApiError } from '../../../shared/api/client';
import type { MessageKey, TFunction } from '../../../shared/i18n';

export const tk = (t: TFunction, prefix: string, value: unknown) => {
  const key = `transfer.${prefix}.${String(value)}` as MessageKey;
  const text = t(key);
  return text === key ? String(value ?? '') : text;
};

const STATUS_COLOR: Record<string, string> = {
  draft: 'default', submitted: 'processing', screened: 'cyan', published: 'success', sent_back: 'warning', closed: 'default',
};
const STAGE_COLOR: Record<string, string> = {
  introduced: 'blue', negotiating: 'geekblue', contract_signed: 'purple', registered: 'cyan', implementing: 'orange', closed: 'success', failed: 'error',
};

export function StatusTag({ t, status }: { t: TFunction; status: unknown }) {
  const s = String(status ?? 'draft');
  return <Tag color={STATUS_COLOR[s]} data-testid="demand-status">{tk(t, 'status', s)}</Tag>;
}

export function StageTag({ t, stage }: { t: TFunction; stage: unknown }) {
  const s = String(stage);
  return <Tag color={STAGE_COLOR[s]} data-testid="case-stage">{tk(t, 'stage', s)}</Tag>;
}

/** The server's message (already in the UI language), with field errors joined. */
export function errorText(e: unknown): string {
  if (isApiError(e)) {
    const fields = e.fieldErrors.map((f) => f.message).filter(Boolean);
    return fields.length ? fields.join('；') : e.message;
  }
  return String(e instanceof Error ? e.message : e);
}

export const fmtDate = (v: unknown) => (v ? String(v).replace('T', ' ').slice(0, 16) : '—');

const FIELD_KEY: Record<string, MessageKey> = {
  title: 'transfer.field.title',
  organization_id: 'transfer.field.organization',
  zone_id: 'transfer.field.zone',
  description: 'transfer.field.description',
  hightech_field: 'transfer.field.hightechField',
  ipc_code: 'transfer.field.ipc',
  problem: 'transfer.field.problem',
  target_indicators: 'transfer.field.targetIndicators',
  acceptance_criteria: 'transfer.field.acceptance',
  budget_min: 'transfer.field.budgetFrom',
  budget_max: 'transfer.field.budgetUpTo',
  deadline: 'transfer.field.deadline',
  cooperation_modes: 'transfer.field.modes',
  decision_owner: 'transfer.field.decisionOwner',
  summary: 'transfer.field.summary',
  achievement_id: 'transfer.field.achievement',
  trl: 'transfer.field.trl',
  ip_status: 'transfer.field.ipStatus',
  advantages: 'transfer.field.advantages',
  price_expectation: 'transfer.field.price',
};

/** The label of a demand or offer field in the UI language. */
export const fieldName = (t: TFunction, _kind: 'demand' | 'offer', field: string) => (FIELD_KEY[field] ? t(FIELD_KEY[field]) : field);
