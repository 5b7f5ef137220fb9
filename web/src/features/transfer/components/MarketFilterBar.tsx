// Filters of the public market: high-tech field, zone (with its sub-zones), cooperation mode and a budget range
// (a demand's budget, an offer's price expectation; in 10k yuan). Fields behind a disclosure tier do not count.
import { InputNumber, Select, Space } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { ZoneTreeSelect } from '../../../shared/components/ZoneTreeSelect';
import { useEntityMeta } from '../../entities/api/entities';
import { COOPERATION_MODES } from '../api/transfer';
import type { ItemKind, MarketFilters } from '../api/listings';
import { tk } from './labels';

export function MarketFilterBar({ kind, filters, onChange }: { kind: ItemKind; filters: MarketFilters; onChange: (f: MarketFilters) => void }) {
  const { t, pick } = useI18n();
  const { meta } = useEntityMeta(`${kind}s`);
  const fields = meta?.fields.find((f) => f.name === 'hightech_field')?.options ?? [];
  const set = (patch: Partial<MarketFilters>) => onChange({ ...filters, ...patch });
  const money = (v: number | string | null) => (v === null || v === '' ? undefined : Number(v));
  return (
    <Space wrap data-testid="market-filters">
      <Select
        allowClear style={{ width: 200 }} id="market-field" placeholder={t('transfer.market.field')} value={filters.field} data-testid="market-field"
        onChange={(v?: MarketFilters['field']) => set({ field: v })} options={fields.map((o) => ({ value: o.value, label: pick(o.label) }))}
      />
      <ZoneTreeSelect testId="market-zone" placeholder={t('transfer.market.zone')} value={filters.zone} onChange={(v) => set({ zone: v ?? undefined })} style={{ width: 220 }} />
      <Select
        allowClear style={{ width: 170 }} id="market-mode" placeholder={t('transfer.market.mode')} value={filters.mode} data-testid="market-mode"
        onChange={(v?: MarketFilters['mode']) => set({ mode: v })} options={COOPERATION_MODES.map((m) => ({ value: m, label: tk(t, 'mode', m) }))}
      />
      <Space.Compact>
        <InputNumber min={0} style={{ width: 130 }} placeholder={t(kind === 'demand' ? 'transfer.market.budgetFrom' : 'transfer.market.priceFrom')} value={filters.budget_min}
          onChange={(v) => set({ budget_min: money(v) })} data-testid="market-budget-min" />
        <InputNumber min={0} style={{ width: 130 }} placeholder={t('transfer.market.budgetTo')} value={filters.budget_max}
          onChange={(v) => set({ budget_max: money(v) })} data-testid="market-budget-max" />
      </Space.Compact>
    </Space>
  );
}
