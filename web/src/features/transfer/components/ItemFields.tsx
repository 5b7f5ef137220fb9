// The fields of a demand or offer as this viewer may see them: a withheld field shows which tier would reveal it
// (sign in, accept the NDA), and a hidden owner says to contact the zone's broker.
import type { ReactNode } from 'react';
import { Descriptions, Tag, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useI18n } from '../../../shared/i18n';
import { useEntityMeta } from '../../entities/api/entities';
import type { ItemKind, PublicItem } from '../api/listings';
import { fieldName, tk } from './labels';
import { textLang } from '../../../shared/i18n/text-lang';

const WIDE = new Set(['description', 'problem', 'target_indicators', 'acceptance_criteria', 'summary', 'advantages', 'cooperation_modes']);
const FIELDS: Record<ItemKind, string[]> = {
  demand: ['organization_id', 'zone_id', 'hightech_field', 'ipc_code', 'budget', 'deadline', 'decision_owner', 'cooperation_modes', 'description', 'problem', 'target_indicators', 'acceptance_criteria'],
  offer: ['organization_id', 'zone_id', 'hightech_field', 'ipc_code', 'trl', 'ip_status', 'price_expectation', 'achievement_id', 'cooperation_modes', 'summary', 'advantages'],
};

export function ItemFields({ kind, item }: { kind: ItemKind; item: PublicItem }) {
  const { t, pick, name } = useI18n();
  const { meta } = useEntityMeta(`${kind}s`);
  const withheld = new Map(item.withheld.map((w) => [w.field, w.tier]));
  const option = (field: string, value: unknown) => {
    const opt = meta?.fields.find((f) => f.name === field)?.options?.find((o) => o.value === value);
    return opt ? pick(opt.label) : String(value);
  };
  const locked = (field: string) => {
    const tier = withheld.get(field);
    if (!tier) return null;
    return (
      <Tag icon={<LockOutlined />} color={tier === 'nda' ? 'purple' : 'blue'} data-testid={`withheld-${field}`}>
        {field === 'organization_id' ? t('transfer.public.ownerHidden', { zone: name(item.zone) || '—' }) : tk(t, 'withheld', tier)}
      </Tag>
    );
  };
  const value = (field: string): ReactNode => {
    if (field === 'budget') {
      return locked('budget_min') ?? locked('budget_max') ?? (item.budget_min == null && item.budget_max == null ? '—' : `${String(item.budget_min ?? '…')} – ${String(item.budget_max ?? '…')}`);
    }
    const lock = locked(field);
    if (lock) return lock;
    const v = item[field];
    if (field === 'organization_id') return name(item.organization) || '—';
    if (field === 'zone_id') return name(item.zone) || '—';
    if (v == null || v === '') return '—';
    if (field === 'cooperation_modes') return Array.isArray(v) && v.length ? (v as string[]).map((m) => <Tag key={m}>{tk(t, 'mode', m)}</Tag>) : '—';
    if (field === 'hightech_field') return option(field, v);
    if (field === 'ip_status') return tk(t, 'ip', v);
    if (field === 'deadline') return String(v).slice(0, 10);
    if (WIDE.has(field)) return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} lang={textLang(v, item.lang)}>{String(v)}</Typography.Paragraph>;
    return String(v);
  };
  return (
    <Descriptions column={2} size="small" bordered data-testid={`${kind}-fields`}>
      {FIELDS[kind].map((f) => (
        <Descriptions.Item key={f} label={f === 'budget' ? t('transfer.field.budget') : fieldName(t, kind, f)} span={WIDE.has(f) ? 2 : 1}>
          <span data-testid={`field-${f}`}>{value(f)}</span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
