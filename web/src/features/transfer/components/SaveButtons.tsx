// The buttons under a demand or offer form: save, save and submit for review (where it may be submitted), cancel.
import { useNavigate } from 'react-router-dom';
import { Button, Space } from 'antd';
import { useI18n } from '../../../shared/i18n';
import type { ItemKind } from '../api/listings';

interface Props {
  kind: ItemKind;
  saveLabel: string;
  canSubmit?: boolean;
  saving: boolean;
  onSave: (submit: boolean) => unknown;
  cancelTo: string;
}

export function SaveButtons({ kind, saveLabel, canSubmit = true, saving, onSave, cancelTo }: Props) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Space>
      <Button onClick={() => void onSave(false)} loading={saving} data-testid={`${kind}-save-draft`}>
        {saveLabel}
      </Button>
      {canSubmit && (
        <Button type="primary" onClick={() => void onSave(true)} loading={saving} data-testid={`${kind}-submit`}>
          {t('transfer.form.submit')}
        </Button>
      )}
      <Button onClick={() => navigate(cancelTo)}>{t('common.cancel')}</Button>
    </Space>
  );
}
