// One demand: its fields, quality, workflow actions (owner: submit / close / reopen; broker: screen / publish /
// send back), history, and the matching offers with explanations, decline and "open a case".
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Button, Card, Descriptions, Result, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { useEntityMeta } from '../../entities/api/entities';
import { isBroker, useDemand } from '../api/transfer';
import { useQuality } from '../api/listings';
import { DisclosurePanel } from './DisclosurePanel';
import { ItemDetailLayout } from './ItemDetailLayout';
import { MatchesCard } from './MatchesCard';
import { QualityPanel } from './QualityPanel';
import { StatusActions } from './StatusActions';
import { StatusHistory } from './StatusHistory';
import { errorText, StatusTag, tk } from './labels';
import { GeneratedTag } from './GeneratedTag';
import { textLang } from '../../../shared/i18n/text-lang';

export function DemandDetailPage() {
  const id = Number(useParams().id);
  const { t, pick, name } = useI18n();
  const { user } = useAuth();
  const demand = useDemand(id);
  const quality = useQuality('demand', id);
  const { meta } = useEntityMeta('demands');
  const broker = isBroker(user);
  const navigate = useNavigate();

  if (demand.error) return <Result status="404" title={errorText(demand.error)} extra={<Link to="/transfer/demands">{t('transfer.detail.back')}</Link>} />;
  const d = demand.data;
  const status = String(d?.status ?? 'draft');
  // The server decides (owners edit their own, brokers those of their zones); this only hides a button that would fail.
  const canEdit = !!d && status !== 'closed' && (broker || (user?.organization_id != null && user.organization_id === d.organization_id));
  const fieldLabel = (field: string, value: unknown) => {
    const opt = meta?.fields.find((f) => f.name === field)?.options?.find((o) => o.value === value);
    return opt ? pick(opt.label) : value == null || value === '' ? '—' : String(value);
  };
  const text = (v: unknown) => (v == null || v === '' ? '—' : <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} lang={textLang(v, d?.lang)}>{String(v)}</Typography.Paragraph>);

  return (
    <ItemDetailLayout
      back={{ to: '/transfer/demands', label: t('transfer.detail.back') }}
      loading={demand.isPending}
      title={
        <Space>
          <span data-testid="demand-title" lang={textLang(d?.title, d?.lang)}>{String(d?.title ?? '')}</span>
          <GeneratedTag generated={d?.generated} />
          <StatusTag t={t} status={status} />
        </Space>
      }
      extra={
        <Space>
          <Typography.Text type="secondary">{String(d?.code ?? '')}</Typography.Text>
          {canEdit && (
            <Button size="small" icon={<EditOutlined />} onClick={() => navigate(`/transfer/demands/${id}/edit`)} data-testid="demand-edit">
              {t('transfer.demands.edit')}
            </Button>
          )}
        </Space>
      }
      side={
        <>
          <Card title={t('transfer.quality.title')} size="small">
            <QualityPanel report={quality.data} loading={quality.isPending} />
          </Card>
          <StatusHistory kind="demand" id={id} />
          {d && <DisclosurePanel kind="demand" id={id} />}
        </>
      }
      below={<MatchesCard kind="demand" id={id} title={t('transfer.matches.title')} broker={broker} enabled={demand.isSuccess} />}
    >
      {d && (
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label={t('transfer.field.organization')}>{name(d.refs?.organization_id ?? null) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('transfer.field.zone')}>{name(d.refs?.zone_id ?? null) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('transfer.field.hightechField')}>{fieldLabel('hightech_field', d.hightech_field)}</Descriptions.Item>
          <Descriptions.Item label={t('transfer.field.ipc')}>{String(d.ipc_code ?? '—')}</Descriptions.Item>
          <Descriptions.Item label={t('transfer.field.budget')}>
            {d.budget_min == null && d.budget_max == null ? '—' : `${String(d.budget_min ?? '…')} – ${String(d.budget_max ?? '…')}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('transfer.field.deadline')}>{d.deadline ? String(d.deadline).slice(0, 10) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('transfer.field.modes')} span={2}>
            {Array.isArray(d.cooperation_modes) && d.cooperation_modes.length
              ? (d.cooperation_modes as string[]).map((m) => <Tag key={m}>{tk(t, 'mode', m)}</Tag>)
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('transfer.field.confidentiality')}>{tk(t, 'conf', d.confidentiality ?? 'public')}</Descriptions.Item>
          <Descriptions.Item label={t('transfer.field.decisionOwner')}>{String(d.decision_owner ?? '—')}</Descriptions.Item>
          <Descriptions.Item label={t('transfer.field.description')} span={2}>{text(d.description)}</Descriptions.Item>
          <Descriptions.Item label={t('transfer.field.problem')} span={2}>{text(d.problem)}</Descriptions.Item>
          <Descriptions.Item label={t('transfer.field.targetIndicators')} span={2}>{text(d.target_indicators)}</Descriptions.Item>
          <Descriptions.Item label={t('transfer.field.acceptance')} span={2}>{text(d.acceptance_criteria)}</Descriptions.Item>
        </Descriptions>
      )}
      <StatusActions kind="demand" id={id} status={status} broker={broker} quality={quality.data} />
    </ItemDetailLayout>
  );
}
