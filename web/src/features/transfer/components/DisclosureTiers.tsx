// Per-field disclosure tiers (public / after sign-in / after NDA) as a form control: value and onChange carry the
// whole map, one row per field that can sit behind a tier.
import { Segmented, Space, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { type ItemKind, type Tier, TIERABLE, TIERS } from '../api/listings';
import { fieldName, tk } from './labels';

/** The server's defaults: a demand's decision owner is shown after sign-in. */
export const defaultTiers = (kind: ItemKind): Record<string, Tier> =>
  Object.fromEntries(TIERABLE[kind].map((f) => [f, kind === 'demand' && f === 'decision_owner' ? 'signed_in' : 'public']));

export function DisclosureTiers({ kind, value, onChange }: { kind: ItemKind; value?: Record<string, Tier>; onChange?: (v: Record<string, Tier>) => void }) {
  const { t } = useI18n();
  const tiers = { ...defaultTiers(kind), ...value };
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid={`${kind}-tiers`}>
      <Typography.Text type="secondary">{t('transfer.disclosure.hint')}</Typography.Text>
      {TIERABLE[kind].map((f) => (
        <div key={f} style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
          <span>{fieldName(t, kind, f)}</span>
          <Segmented<Tier>
            size="small"
            value={tiers[f]}
            onChange={(tier) => onChange?.({ ...tiers, [f]: tier })}
            options={TIERS.map((tier) => ({ value: tier, label: <span data-testid={`tier-${f}-${tier}`}>{tk(t, 'tier', tier)}</span> }))}
          />
        </div>
      ))}
    </Space>
  );
}
