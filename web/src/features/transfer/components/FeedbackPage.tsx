// For brokers: declined matches in their zones with the party's reason and note, newest first.
import { Link } from 'react-router-dom';
import { Card, Table, Tag } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { type FeedbackRow, useFeedback } from '../api/challenges';
import { errorText, fmtDate, tk } from './labels';

export function FeedbackPage() {
  const { t } = useI18n();
  const feedback = useFeedback();
  const other = (k: 'demand' | 'offer') => (k === 'demand' ? 'offer' : 'demand');
  return (
    <Card title={t('transfer.feedback.title')}>
      <Table<FeedbackRow>
        rowKey="id"
        size="middle"
        loading={feedback.isPending}
        dataSource={feedback.data ?? []}
        locale={{ emptyText: feedback.error ? errorText(feedback.error) : t('transfer.feedback.empty') }}
        data-testid="feedback-table"
        columns={[
          { title: t('transfer.feedback.at'), dataIndex: 'at', width: 150, render: fmtDate },
          { title: t('transfer.feedback.by'), dataIndex: 'username', width: 110 },
          { title: t('transfer.feedback.item'), key: 'q', render: (_, r) => <Link to={`/transfer/${r.query_kind}s/${r.query_id}`}>{`${tk(t, 'kind', r.query_kind)} #${r.query_id}`}</Link> },
          { title: t('transfer.feedback.declined'), key: 'r', render: (_, r) => <Link to={`/listings/${other(r.query_kind)}/${r.result_id}`}>{`${tk(t, 'kind', other(r.query_kind))} #${r.result_id}`}</Link> },
          { title: t('transfer.matches.reason'), dataIndex: 'reason', width: 130, render: (v) => <Tag data-testid="feedback-reason">{tk(t, 'reason', v)}</Tag> },
          { title: t('transfer.action.note'), dataIndex: 'note', render: (v) => v ?? '—' },
        ]}
      />
    </Card>
  );
}
