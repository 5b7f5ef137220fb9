// Quality score (0–100) against the publishing threshold, with the server's suggestions in the UI language.
import { Alert, Empty, List, Progress, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n';
import type { QualityReport } from '../api/transfer';

export function QualityPanel({ report, loading }: { report: QualityReport | undefined; loading?: boolean }) {
  const { t, pick } = useI18n();
  if (!report) return loading ? <Progress type="circle" percent={0} status="active" size={90} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <div data-testid="quality-panel">
      <Space align="center" size="large" style={{ marginBottom: 12 }}>
        <Progress
          type="circle"
          size={90}
          percent={report.score}
          format={(p) => <span data-testid="quality-score">{p}</span>}
          status={report.passes ? 'success' : 'exception'}
        />
        <Space direction="vertical" size={2}>
          <Typography.Text strong>{t('transfer.quality.score')}</Typography.Text>
          <Tag color={report.passes ? 'success' : 'warning'} data-testid="quality-passes">
            {report.passes ? t('transfer.quality.passes') : t('transfer.quality.below')}
          </Tag>
          <Typography.Text type="secondary">{t('transfer.quality.threshold', { threshold: report.threshold })}</Typography.Text>
        </Space>
      </Space>
      {report.suggestions.length === 0 ? (
        <Alert type="success" showIcon message={t('transfer.quality.none')} />
      ) : (
        <List
          size="small"
          header={<Typography.Text strong>{t('transfer.quality.suggestions')}</Typography.Text>}
          dataSource={report.suggestions}
          data-testid="quality-suggestions"
          renderItem={(s) => (
            <List.Item>
              <Space align="start">
                <Tag color="orange">{t('transfer.quality.points', { points: s.points })}</Tag>
                <span>{pick({ zh: s.zh, en: s.en })}</span>
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
