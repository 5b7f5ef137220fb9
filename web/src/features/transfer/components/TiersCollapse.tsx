// The collapsed "disclosure tiers" section of a demand or offer form (the form field `tiers`).
import { Collapse, Form } from 'antd';
import { useI18n } from '../../../shared/i18n';
import type { ItemKind } from '../api/listings';
import { DisclosureTiers } from './DisclosureTiers';

export function TiersCollapse({ kind }: { kind: ItemKind }) {
  const { t } = useI18n();
  return (
    <Collapse
      size="small"
      style={{ marginBottom: 16 }}
      items={[{ key: 'tiers', label: <span data-testid={`${kind}-tiers-toggle`}>{t('transfer.disclosure.title')}</span>, children: <Form.Item name="tiers" noStyle><DisclosureTiers kind={kind} /></Form.Item> }]}
    />
  );
}
