// The workflow history of a demand or offer: status changes with who, when, notes and quality overrides.
import { Alert, Card, Empty, Space, Tag, Timeline } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { type ItemKind, useHistory } from '../api/listings';
import { errorText, fmtDate, tk } from './labels';

export function StatusHistory({ kind, id }: { kind: ItemKind; id: number }) {
  const { t } = useI18n();
  const history = useHistory(kind, id);
  return (
    <Card title={t('transfer.detail.history')} size="small" loading={history.isPending}>
      {history.error ? (
        <Alert type="error" showIcon message={errorText(history.error)} />
      ) : history.data?.length ? (
        <Timeline
          data-testid={`${kind}-history`}
          items={history.data.map((h) => ({
            children: (
              <div>
                <Space size={4} wrap>
                  {h.from_status ? <>{tk(t, 'status', h.from_status)} →</> : null}
                  <strong>{tk(t, 'status', h.to_status)}</strong>
                  {h.override ? <Tag color="red">{t('transfer.detail.override')}</Tag> : null}
                  {h.via === 'import' ? <Tag>{t('transfer.detail.viaImport')}</Tag> : null}
                </Space>
                <div style={{ color: '#888', fontSize: 12 }}>
                  {fmtDate(h.at)} {h.username ?? ''}
                </div>
                {h.note ? <div>{h.note}</div> : null}
              </div>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('transfer.detail.noHistory')} />
      )}
    </Card>
  );
}
