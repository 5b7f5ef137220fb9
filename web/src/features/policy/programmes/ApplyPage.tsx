// The application form, prefilled from the registry: the organisation, last years' figures, every rule with its
// result, and the computed amount. Creating the application opens it for documents and submission.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Input, Space, Table } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { money, usePrefill, useProgrammeMutations, type YearFigures } from './api';
import { EligibilityTable, errorText, pk } from './parts';

export function ApplyPage() {
  const { t, name, pick } = useI18n();
  const id = Number(useParams().id);
  const pre = usePrefill(id);
  const { apply } = useProgrammeMutations();
  const navigate = useNavigate();
  const [note, setNote] = useState('');
  if (pre.error) return <Card><Alert type="error" showIcon title={errorText(pre.error)} /></Card>;
  const d = pre.data;
  const years = d ? Object.entries(d.statistics).sort(([a], [b]) => Number(b) - Number(a)) : [];
  return (
    <Card loading={pre.isPending} title={d ? `${t('policy.pg.applyFor')} ${name(d.programme)}` : ''} data-testid="apply-page">
      {d && (
        <>
          <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('policy.pg.organization')}>{name(d.organization)}</Descriptions.Item>
            <Descriptions.Item label={t('policy.pg.creditCode')}>{d.organization.credit_code ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('policy.pg.computedAmount')}>
              <b data-testid="apply-amount">{money(d.amount.amount_fen)}</b> <span style={{ color: '#888' }}>{pick(d.amount.explanation)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('policy.pg.assessedOn')}>{d.date}</Descriptions.Item>
          </Descriptions>
          <Table<[string, YearFigures]>
            rowKey={([y]) => y} size="small" pagination={false} style={{ marginBottom: 16 }} dataSource={years}
            title={() => t('policy.pg.registryFigures')}
            columns={[
              { title: t('policy.pg.year'), render: (_, [y]) => y, width: 80 },
              ...(['operating_revenue', 'rd_expense', 'staff', 'rd_staff'] as const).map((f) => ({
                title: pk(t, 'field', f),
                render: (_: unknown, [, v]: [string, YearFigures]) => (v[f] === null ? '—' : f === 'staff' || f === 'rd_staff' ? String(v[f]) : money(v[f])),
              })),
            ]}
          />
          <EligibilityTable results={d.eligibility.results} />
          <div style={{ marginTop: 16 }}>
            {d.existing_application_id ? (
              <Alert type="info" showIcon title={<Link to={`/policy/applications/${d.existing_application_id}`}>{t('policy.pg.alreadyApplied')}</Link>} />
            ) : d.eligibility.eligible ? (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Input.TextArea rows={2} placeholder={t('policy.pg.note')} value={note} onChange={(e) => setNote(e.target.value)} />
                {apply.error && <Alert type="error" showIcon title={errorText(apply.error)} />}
                <Button type="primary" loading={apply.isPending} data-testid="apply-create"
                  onClick={() => apply.mutate({ programmeId: id, note }, { onSuccess: (a) => navigate(`/policy/applications/${a.id}`) })}>
                  {t('policy.pg.createApplication')}
                </Button>
              </Space>
            ) : (
              <Alert type="warning" showIcon title={t('policy.pg.notEligible')} data-testid="apply-not-eligible" />
            )}
          </div>
        </>
      )}
    </Card>
  );
}
