// The cooperation modes (transfer, licence, joint R&D, …) a demand asks for or an offer is open to: a multi-select.
import { Form, Select } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { COOPERATION_MODES } from '../api/transfer';
import { tk } from './labels';

export function CooperationModesField() {
  const { t } = useI18n();
  return (
    <Form.Item name="cooperation_modes" label={t('transfer.field.modes')}>
      <Select mode="multiple" allowClear options={COOPERATION_MODES.map((m) => ({ value: m, label: tk(t, 'mode', m) }))} />
    </Form.Item>
  );
}
