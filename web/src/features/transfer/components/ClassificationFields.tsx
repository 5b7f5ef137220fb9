// The high-tech field and IPC class of a demand or offer form, as two half-width columns of the surrounding Row.
import { useMemo } from 'react';
import { Col, Form, Input, Select } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { useEntityMeta } from '../../entities/api/entities';
import type { ItemKind } from '../api/listings';

export function ClassificationFields({ kind }: { kind: ItemKind }) {
  const { t, pick } = useI18n();
  const { meta } = useEntityMeta(`${kind}s`);
  const fieldOptions = useMemo(
    () => (meta?.fields.find((f) => f.name === 'hightech_field')?.options ?? []).map((o) => ({ value: o.value, label: pick(o.label) })),
    [meta, pick],
  );
  return (
    <>
      <Col span={12}>
        <Form.Item name="hightech_field" label={t('transfer.field.hightechField')}>
          <Select allowClear options={fieldOptions} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="ipc_code" label={t('transfer.field.ipc')}>
          <Input placeholder="H05K 1/09" maxLength={20} />
        </Form.Item>
      </Col>
    </>
  );
}
