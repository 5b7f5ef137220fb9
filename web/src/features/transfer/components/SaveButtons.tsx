// The buttons under a demand or offer form: save, save and submit for review (where it may be submitted), cancel.
import { useNavigate } from 'react-router-dom';
import { Button, Space } from 'antd';
import { useI18n } from '../../../shared/i18n';
import type { ItemKind } from '../api/listings';

interface Props {
  kind: ItemKind;
  /** The item being edited; null for a new one. */
  editId: number | null;
  canSubmit?: boolean;
  saving: boolean;
  onSave: (submit: boolean) => unknown;
}

export function SaveButtons({ kind, editId, canSubmit = true, saving, onSave }: Props) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const saveLabel = editId ? t('common.save') : t('transfer.form.saveDraft');
  const cancelTo = editId ? `/transfer/${kind}s/${editId}` : `/transfer/${kind}s`;
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
