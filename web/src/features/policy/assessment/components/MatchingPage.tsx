// Policy matching (政策精准推送): for an enterprise, the open programmes and qualifications it meets or nearly meets,
// with the estimated amount; for an operator, the enterprises of the zone that qualify for a programme and have not
// applied, as a list to contact (CSV or XLSX).
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Empty, List, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { client, unwrap } from '../../../../shared/api/client';
import { StatusTags } from '../../../../shared/components/StatusTags';
import { useAuth } from '../../../../shared/auth/AuthContext';
import { useI18n, type MessageKey } from '../../../../shared/i18n';
import { RefSelect } from '../../../entities/components/RefSelect';
import { candidatesExportUrl, type EnterpriseMatches, type ZoneMatches, useEnterpriseMatches, useProgrammeCandidates } from '../api/assessment';
import { useZoneChoice } from './useZoneChoice';

const STATUS: Record<string, { key: MessageKey; color: string }> = {
  held: { key: 'policy.assess.match.held', color: 'green' }, meets: { key: 'policy.assess.match.meets', color: 'success' },
  nearly: { key: 'policy.assess.match.nearly', color: 'gold' }, needs_inputs: { key: 'policy.assess.match.needs_inputs', color: 'blue' }, far: { key: 'policy.assess.match.far', color: 'default' },
};
const yuan = (fen: number, lang: string) => `¥${(fen / 100).toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  const s = STATUS[status] ?? STATUS.far!;
  return <Tag color={s.color}>{t(s.key)}</Tag>;
}

export function MatchingPage() {
  const { user } = useAuth();
  const operator = user?.role === 'admin' || user?.role === 'zone_operator';
  return (
    <div data-testid="policy-matching">
      <EnterpriseMatching />
      {operator ? <ZoneCandidates /> : null}
    </div>
  );
}

function EnterpriseMatching() {
  const { t, pick, lang } = useI18n();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const [date, setDate] = useState(dayjs().format('YYYY-MM-DD'));
  const [all, setAll] = useState(false);
  const organization = user?.role === 'org_user' ? user.organization_id : params.get('org') ? Number(params.get('org')) : null;
  const m = useEnterpriseMatches(organization, date);
  const visible = (s: string) => all || ['meets', 'nearly', 'needs_inputs'].includes(s);
  return (
    <Card size="small" title={t('policy.assess.match.enterprise')} style={{ marginBottom: 16 }}
      extra={<Space wrap>
        {user?.role !== 'org_user' ? <RefSelect entity="organizations" value={organization} onChange={(v) => setParams((p) => { if (v === null) p.delete('org'); else p.set('org', String(v)); return p; })} style={{ minWidth: 280 }} /> : null}
        <DatePicker value={dayjs(date)} allowClear={false} onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))} />
        <Switch checked={all} onChange={setAll} /> {t('policy.assess.match.showAll')}
      </Space>}>
      {organization === null ? <Empty description={t('policy.assess.chooseEnterprise')} /> : null}
      {m.error ? <Alert type="error" showIcon title={(m.error as Error).message} /> : null}
      {m.data ? (
        <>
          <Typography.Title level={5}>{t('policy.assess.match.programmes')}</Typography.Title>
          <Table size="small" rowKey="id" pagination={false} data-testid="match-programmes" locale={{ emptyText: t('policy.assess.match.noProgrammes') }}
            dataSource={m.data.programmes.filter((p) => visible(p.status) || p.status === 'far' && all)}
            columns={[
              { title: t('policy.assess.match.programme'), key: 'n', render: (_: unknown, p: EnterpriseMatches['programmes'][number]) => pick({ zh: p.name_zh, en: p.name_en }) },
              { title: t('policy.assess.match.status'), key: 's', render: (_: unknown, p: EnterpriseMatches['programmes'][number]) => <span><StatusTag status={p.status} />{p.applied ? <Tag>{t('policy.assess.match.applied')}</Tag> : null}</span> },
              { title: t('policy.assess.match.amount'), key: 'a', align: 'right', render: (_: unknown, p: EnterpriseMatches['programmes'][number]) => <span title={pick(p.amount_explanation)}>{yuan(p.amount_fen, lang)}</span> },
              { title: t('policy.assess.match.why'), key: 'w', render: (_: unknown, p: EnterpriseMatches['programmes'][number]) => p.failed.length ? p.failed.map((f, i) => <div key={i}>✗ {pick(f.label)} ({String(f.value ?? '—')})</div>) : pick(p.amount_explanation) },
              { title: t('policy.assess.match.closes'), dataIndex: 'closes_on' },
            ]} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('policy.assess.match.qualifications')}</Typography.Title>
          <List size="small" data-testid="match-qualifications" dataSource={m.data.qualifications.filter((q) => visible(q.status) || q.status === 'held')}
            locale={{ emptyText: t('policy.assess.match.noQualifications') }}
            renderItem={(q) => (
              <List.Item actions={[<Link key="go" to={`/policy/assess?programme=${q.programme}${organization ? `&org=${organization}` : ''}`}>{t('policy.assess.open')}</Link>]}>
                <List.Item.Meta
                  title={<Space><b>{pick(q.label)}</b><StatusTag status={q.status} />{q.score !== null ? <Tag>{t('policy.assess.score')} {q.score}</Tag> : null}<Typography.Text type="secondary">{q.rules_version}</Typography.Text>{q.uncertain.length ? <Tag color="orange">{t('policy.assess.unverified')}</Tag> : null}</Space>}
                  description={<div>
                    {q.failed.map((f) => <div key={f.id}>✗ {f.id} {pick(f.arithmetic)}</div>)}
                    {q.unknown.length ? <div>? {q.unknown.map((u) => pick(u.title)).join('; ')}</div> : null}
                    {q.advice.slice(0, 3).map((a, i) => <div key={i}>→ {pick(a)}</div>)}
                    <Typography.Text type="secondary">{t('policy.assess.match.qualificationAmount')}</Typography.Text>
                  </div>} />
              </List.Item>
            )} />
        </>
      ) : null}
    </Card>
  );
}

function ZoneCandidates() {
  const { t, pick, name, lang } = useI18n();
  const [zoneId] = useZoneChoice();
  const [programme, setProgramme] = useState<number | null>(null);
  const [date, setDate] = useState(dayjs().format('YYYY-MM-DD'));
  const [page, setPage] = useState(1);
  const programmes = useQuery({
    queryKey: ['policy', 'programmes', 'open'],
    queryFn: ({ signal }) => unwrap<{ items: { id: number; name_zh: string; name_en: string; closes_on: string }[] }>(client.GET('/api/policy/programmes', { params: { query: { open: 'true' } }, signal })),
  });
  const list = useProgrammeCandidates(programme, zoneId, date, page);
  return (
    <Card size="small" title={t('policy.assess.match.zone')} data-testid="match-zone"
      extra={<Space wrap>
        <Select style={{ minWidth: 260 }} placeholder={t('policy.assess.match.chooseProgramme')} value={programme ?? undefined} onChange={(v) => { setProgramme(v); setPage(1); }} data-testid="match-programme-select"
          options={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: pick({ zh: p.name_zh, en: p.name_en }) }))} />
        <DatePicker value={dayjs(date)} allowClear={false} onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))} />
        {programme ? <>
          <Button href={candidatesExportUrl(programme, zoneId, date, 'xlsx')} data-testid="match-export-xlsx">XLSX</Button>
          <Button href={candidatesExportUrl(programme, zoneId, date, 'csv')}>CSV</Button>
        </> : null}
      </Space>}>
      {programme === null ? <Empty description={t('policy.assess.match.chooseProgramme')} /> : null}
      {list.error ? <Alert type="error" showIcon title={(list.error as Error).message} /> : null}
      {list.data ? (
        <Table size="small" rowKey="id" dataSource={list.data.items} data-testid="match-candidates"
          pagination={{ current: page, pageSize: 20, total: list.data.total, onChange: setPage, showSizeChanger: false }}
          title={() => t('policy.assess.match.candidatesTotal', { total: list.data.total })}
          columns={[
            { title: t('policy.assess.enterprise'), key: 'n', render: (_: unknown, r: ZoneMatches['items'][number]) => <span>{name(r)} <StatusTags generated={r.generated} /></span> },
            { title: t('policy.assess.match.creditCode'), dataIndex: 'credit_code' },
            { title: t('policy.assess.match.zoneName'), dataIndex: 'zone_name_zh' },
            { title: t('policy.assess.match.amount'), key: 'a', align: 'right', render: (_: unknown, r: ZoneMatches['items'][number]) => <span title={r.amount_explanation ? pick(r.amount_explanation) : ''}>{yuan(r.amount_fen, lang)}</span> },
          ]} />
      ) : null}
    </Card>
  );
}
