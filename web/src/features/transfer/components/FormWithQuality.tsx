// A demand or offer form (its fields, the disclosure tiers, the buttons) beside the draft's live quality score.
import type { ReactNode } from 'react';
import { Card, Col, Form, type FormInstance, type FormProps, Row } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useI18n } from '../../../shared/i18n';
import type { QualityReport } from '../api/transfer';
import type { ItemKind } from '../api/listings';
import { QualityPanel } from './QualityPanel';
import { TiersCollapse } from './TiersCollapse';

interface Props<V> {
  kind: ItemKind;
  title: string;
  loading?: boolean;
  form: FormInstance<V>;
  initialValues: FormProps<V>['initialValues'];
  onValuesChange: (all: V) => void;
  quality: UseQueryResult<QualityReport>;
  buttons: ReactNode;
  children: ReactNode;
}

export function FormWithQuality<V>({ kind, title, loading, form, initialValues, onValuesChange, quality, buttons, children }: Props<V>) {
  const { t } = useI18n();
  return (
    <Row gutter={16}>
      <Col xs={24} lg={16}>
        <Card title={title} loading={loading}>
          <Form<V> form={form} layout="vertical" initialValues={initialValues} onValuesChange={(_, all) => onValuesChange(all)} data-testid={`${kind}-form`}>
            {children}
            <TiersCollapse kind={kind} />
            {buttons}
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title={t('transfer.quality.title')} style={{ position: 'sticky', top: 84 }}>
          <QualityPanel report={quality.data} loading={quality.isFetching} />
        </Card>
      </Col>
    </Row>
  );
}
