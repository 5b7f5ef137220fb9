// One innovation challenge (揭榜挂帅): its status and the next step (brokers), the demands on the list (attached
// while open or screening), solver proposals (submitted while published), the panel's scores (0–100 with a comment,
// while scoring) and pairing a proposal with its demand, which opens a brokerage case.
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Result, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useAuth } from '../../../shared/auth/AuthContext';
import { type MessageKey, useI18n } from '../../../shared/i18n';
import { useZones } from '../../entities/api/entities';
import { CHALLENGE_STATUSES, isBroker, setChallengeStatus } from '../api/transfer';
import { useChallenge, useInvalidateChallenge } from '../api/challenges';
import { AttachDemandForm, ProposalForm } from './ChallengeForms';
import { ProposalTable } from './ProposalTable';
import { ChallengeFigures } from './ChallengeFigures';
import { errorText, tk } from './labels';

export function ChallengeDetailPage() {
  const id = Number(useParams().id);
  const { t, name } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const challenge = useChallenge(id);
  const zones = useZones();
  const invalidate = useInvalidateChallenge(id);
  const broker = isBroker(user);
  const advance = useMutation({
    mutationFn: (status: string) => setChallengeStatus(id, status),
    onSuccess: () => {
      void message.success(t('transfer.action.done'));
      void invalidate();
    },
    onError: (e) => void message.error(errorText(e)),
  });

  if (challenge.error) return <Result status="404" title={errorText(challenge.error)} extra={<Link to="/transfer/challenges">{t('transfer.challenge.back')}</Link>} />;
  const c = challenge.data;
  const status = String(c?.status ?? 'open');
  const next = CHALLENGE_STATUSES[CHALLENGE_STATUSES.indexOf(status as never) + 1];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/transfer/challenges')} style={{ paddingInline: 0 }}>
        {t('transfer.challenge.back')}
      </Button>
      <Card
        loading={challenge.isPending}
        title={<Space wrap><span data-testid="challenge-title">{c?.title}</span><Tag color="blue" data-testid="challenge-status">{tk(t, 'cstatus', status)}</Tag></Space>}
        extra={
          broker && next ? (
            <Button type="primary" loading={advance.isPending} onClick={() => advance.mutate(next)} data-testid="challenge-advance">
              {t('transfer.challenges.advance', { status: tk(t, 'cstatus', next) })}
            </Button>
          ) : null
        }
      >
        {c && (
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('transfer.field.zone')}>{name(zones.data?.find((z) => z.id === Number(c.zone_id)) ?? { id: c.zone_id })}</Descriptions.Item>
            <Descriptions.Item label={t('transfer.challenges.opensOn')}>{String(c.opens_on).slice(0, 10)}</Descriptions.Item>
            <Descriptions.Item label={t('transfer.challenges.closesOn')}>{String(c.closes_on).slice(0, 10)}</Descriptions.Item>
            {c.description ? <Descriptions.Item label={t('transfer.challenges.description')} span={3}><div style={{ whiteSpace: 'pre-wrap' }}>{c.description}</div></Descriptions.Item> : null}
          </Descriptions>
        )}
        <Typography.Text type="secondary">{t(`transfer.challenge.stepHint.${status}` as MessageKey)}</Typography.Text>
      </Card>
      {c && <ChallengeFigures challenge={c} broker={broker} onSaved={invalidate} />}

      <Card title={t('transfer.challenge.demands')} size="small" extra={c && ['open', 'screening'].includes(status) ? <AttachDemandForm challengeId={id} /> : null}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={c?.demands ?? []}
          locale={{ emptyText: t('transfer.challenge.noDemands') }}
          data-testid="challenge-demands"
          columns={[
            { title: t('transfer.field.code'), dataIndex: 'code', width: 150 },
            { title: t('transfer.field.title'), dataIndex: 'title', render: (v: string, r: { id: number }) => <Link to={`/listings/demand/${r.id}`}>{v}</Link> },
            { title: t('transfer.field.status'), dataIndex: 'status', width: 110, render: (v: string) => tk(t, 'status', v) },
          ]}
        />
      </Card>

      <Card title={t('transfer.challenge.proposals')} size="small">
        {c && status === 'published' && c.demands.length > 0 && user ? <ProposalForm challenge={c} broker={broker} /> : null}
        {c && status === 'published' && c.demands.length === 0 ? <Alert type="info" showIcon message={t('transfer.challenge.noDemands')} /> : null}
        {c && <ProposalTable challenge={c} broker={broker} />}
      </Card>
    </Space>
  );
}
