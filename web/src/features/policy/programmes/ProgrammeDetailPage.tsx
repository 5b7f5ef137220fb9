// One programme: its rules in words, the amount rule, budget used, window and documents; apply or edit from here.
import { Link, useParams } from 'react-router-dom';
import { Button, Card, Descriptions, List, Progress, Space } from 'antd';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { type AmountRule, money, useProgramme } from './api';
import { errorText, pk, ruleText } from './parts';

export function amountText(t: ReturnType<typeof useI18n>['t'], a: AmountRule): string {
  if (a.kind === 'fixed') return t('policy.pg.amountFixedText', { amount: money(a.amount_fen) });
  return t('policy.pg.amountShareText', { rate: a.rate_bp / 100, field: pk(t, 'field', a.field), cap: a.cap_fen ? money(a.cap_fen) : '—' });
}

export function ProgrammeDetailPage() {
  const { t, name, lang } = useI18n();
  const { user } = useAuth();
  const id = Number(useParams().id);
  const p = useProgramme(id);
  if (p.error) return <Card>{errorText(p.error)}</Card>;
  const d = p.data;
  const manager = user?.role === 'admin' || user?.role === 'zone_operator';
  return (
    <Card loading={p.isPending} title={d ? name(d) : ''} data-testid="programme-detail"
      extra={d && (
        <Space>
          {user?.role === 'org_user' && <Link to={`/policy/programmes/${id}/apply`}><Button type="primary" data-testid="programme-apply">{t('policy.pg.apply')}</Button></Link>}
          {manager && <Link to={`/policy/programmes/${id}/edit`}><Button>{t('policy.pg.edit')}</Button></Link>}
          {manager && <Link to={`/policy/applications?programme=${id}`}><Button>{t('policy.pg.reviewQueue')}</Button></Link>}
          {manager && <Link to={`/policy/ledger?programme=${id}`}><Button>{t('policy.tab.ledger')}</Button></Link>}
        </Space>
      )}>
      {d && (
        <>
          <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('policy.pg.code')}>{d.code}</Descriptions.Item>
            <Descriptions.Item label={t('policy.pg.zone')}>{name({ name_zh: d.zone_name_zh, name_en: d.zone_name_en })}</Descriptions.Item>
            <Descriptions.Item label={t('policy.pg.window')}>{d.opens_on} ~ {d.closes_on}</Descriptions.Item>
            <Descriptions.Item label={t('policy.pg.amountRule')}>{amountText(t, d.amount_rule)}</Descriptions.Item>
            <Descriptions.Item label={t('policy.pg.budget')}>{money(d.budget_fen)}</Descriptions.Item>
            <Descriptions.Item label={t('policy.pg.remaining')}>
              <span data-testid="programme-remaining">{money(d.remaining_fen)}</span>
              <Progress percent={Math.round((d.paid_fen * 100) / d.budget_fen)} size="small" />
            </Descriptions.Item>
            <Descriptions.Item label={t('policy.pg.description')} span={2}>{(lang === 'en' ? d.description_en : d.description_zh) || '—'}</Descriptions.Item>
            {d.source_proposal && (
              <Descriptions.Item label={t('policy.pg.sourceProposal')} span={2}>
                <span data-testid="programme-source-proposal">
                  <Link to={`/intelligence/documents/${d.source_proposal.document_id}`}>{d.source_proposal.title || d.source_proposal.file_name}</Link>
                  {`：“${d.source_proposal.quote}”`}
                </span>
              </Descriptions.Item>
            )}
          </Descriptions>
          <List size="small" header={<b>{t('policy.pg.rules')}</b>} bordered style={{ marginBottom: 16 }}
            dataSource={[t('policy.pg.ruleText.zone'), ...d.rules.map((r) => ruleText(t, r))]} renderItem={(s) => <List.Item>{s}</List.Item>} />
          <List size="small" header={<b>{t('policy.pg.requiredDocuments')}</b>} bordered
            dataSource={d.required_documents} renderItem={(doc) => <List.Item>{lang === 'en' ? doc.name_en : doc.name_zh}</List.Item>}
            locale={{ emptyText: t('policy.pg.noDocuments') }} />
        </>
      )}
    </Card>
  );
}
