// Talent evaluation: the people of a zone ranked with a scheme (composite engine), each row opening onto every
// indicator's value, normalised score, weight and provenance — never a bare number. For admins and zone operators.
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../shared/api/client';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { ZoneTreeSelect } from '../../../shared/components/ZoneTreeSelect';
import { talentApi, type TalentEvaluation, type TalentIndicator } from './api';
import { useProblemToast } from './useProblemToast';

type Row = TalentEvaluation['results'][number];
const fmt = (x: number | null | undefined, d = 2) => (x === null || x === undefined ? '—' : Number(x).toFixed(d));

export function TalentPage() {
  const { t, name, pick } = useI18n();
  const { user } = useAuth();
  const [zone, setZone] = useState<number | null>(user?.zone_id ?? null);
  const [scheme, setScheme] = useState('talent-default');
  const [programme, setProgramme] = useState<number | undefined>();
  const [experts, setExperts] = useState(false);
  const [uncertainty, setUncertainty] = useState(false);
  const [entering, setEntering] = useState<{ row: Row; code: string } | null>(null);
  const manager = user?.role === 'admin' || user?.role === 'zone_operator';
  const schemes = useQuery({ queryKey: ['talent', 'schemes'], queryFn: talentApi.schemes, enabled: manager });
  const programmes = useQuery({ queryKey: ['talent', 'programmes'], queryFn: talentApi.programmes, enabled: manager });
  const ev = useQuery({
    queryKey: ['talent', 'evaluation', scheme, zone, programme, experts, uncertainty],
    queryFn: () => talentApi.evaluation({ scheme, zone: zone!, programme, experts, uncertainty }),
    enabled: manager && zone !== null,
  });
  if (!user) return <Card><Alert type="info" message={t('talent.signIn')} /></Card>;
  if (!manager) return <Card><Alert type="warning" message={t('talent.forbidden')} data-testid="talent-forbidden" /></Card>;
  const data = ev.data;
  const indicators = data?.scheme.groups.flatMap((g) => g.indicators.map((i) => ({ ...i, group: g }))) ?? [];
  return (
    <Card title={t('talent.title')} data-testid="talent-page">
      <Typography.Paragraph type="secondary">{t('talent.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('talent.zone')}</span>
        <ZoneTreeSelect value={zone} onChange={setZone} allowClear={false} placeholder={t('talent.pickZone')} testId="talent-zone" />
        <span>{t('talent.scheme')}</span>
        <Select value={scheme} onChange={setScheme} style={{ minWidth: 260 }} data-testid="talent-scheme"
          options={(schemes.data?.items ?? [{ code: 'talent-default', name_zh: 'talent-default', name_en: 'talent-default', shipped: true }]).map((s) => ({ value: s.code, label: name(s) }))} />
        <Select allowClear value={programme} onChange={setProgramme} placeholder={t('talent.allPeople')} style={{ minWidth: 160 }}
          options={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: name(p) }))} />
        <Checkbox checked={experts} onChange={(e) => setExperts(e.target.checked)}>{t('talent.expertsOnly')}</Checkbox>
        <Checkbox checked={uncertainty} onChange={(e) => setUncertainty(e.target.checked)} data-testid="talent-uncertainty">{t('talent.uncertainty')}</Checkbox>
      </Space>
      {zone === null && <Alert type="info" message={t('talent.pickZone')} />}
      {ev.error && <Alert type="error" message={isApiError(ev.error) ? ev.error.message : String(ev.error)} data-testid="talent-error" />}
      {data && (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <Tag>{t('talent.people', { count: data.people })}</Tag>
            {data.scheme.groups.map((g) => <Tag key={g.code} color={g.used ? 'blue' : 'default'}>{name(g)} × {g.weight}</Tag>)}
            {data.uncertainty && <Tag color="purple">{t('talent.uncertaintyNote', { runs: data.uncertainty.runs })}</Tag>}
          </Space>
          {data.excluded.length > 0 && (
            <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('talent.excluded')}
              description={data.excluded.map((e) => `${name(indicators.find((i) => i.code === e.indicator) ?? { name_zh: e.indicator })}: ${pick(e.reason)}`).join('；')} />
          )}
          <Table<Row>
            rowKey={(r) => r.person.id} size="small" dataSource={data.results} pagination={{ pageSize: 50, hideOnSinglePage: true }} data-testid="talent-results"
            expandable={{ expandedRowRender: (r) => <Inputs row={r} indicators={indicators} onEnter={(code) => setEntering({ row: r, code })} />, rowExpandable: () => true }}
            columns={[
              { title: t('talent.rank'), width: 70, render: (_, r) => <b data-testid="talent-rank">{r.rank ?? '—'}</b> },
              { title: t('talent.person'), render: (_, r) => <span data-testid="talent-person">{name(r.person)}{r.person.title ? ` · ${r.person.title}` : ''}</span> },
              { title: t('talent.organization'), render: (_, r) => (r.person.organization ? name(r.person.organization) : '—') },
              { title: t('talent.score'), align: 'right', render: (_, r) => <b>{fmt(r.score)}</b> },
              ...data.scheme.groups.filter((g) => g.used).map((g) => ({ key: g.code, title: name(g), align: 'right' as const, render: (_: unknown, r: Row) => fmt(r.groups[g.code]?.score) })),
              ...(data.uncertainty ? [{ key: 'u', title: t('talent.rankInterval'), render: (_: unknown, r: Row) => (r.uncertainty ? `${fmt(r.uncertainty.q5, 0)} – ${fmt(r.uncertainty.q95, 0)} (${fmt(r.uncertainty.median, 0)})` : '—') }] : []),
            ]}
          />
        </>
      )}
      {ev.isFetching && !data && <Card loading />}
      {entering && data && (
        <EnterValue scheme={data.scheme.code} row={entering.row} indicator={indicators.find((i) => i.code === entering.code)!} onClose={() => setEntering(null)} />
      )}
    </Card>
  );
}

function Inputs({ row, indicators, onEnter }: { row: Row; indicators: (TalentIndicator & { group: { name_zh: string; name_en: string } })[]; onEnter: (code: string) => void }) {
  const { t, name, pick } = useI18n();
  return (
    <div data-testid="talent-inputs">
      <Typography.Text strong>{t('talent.inputs')}</Typography.Text>
      <Table
        rowKey="code" size="small" pagination={false} dataSource={indicators}
        columns={[
          { title: t('talent.indicator'), width: 280, render: (_, i) => <span>{name(i.group)} / {name(i)}{i.unit ? ` (${i.unit})` : ''}</span> },
          { title: t('talent.value'), align: 'right', width: 90, render: (_, i) => { const v = row.inputs[i.code]; return v?.value === null || v === undefined ? <Typography.Text type="secondary">{t('talent.noValue')}</Typography.Text> : fmt(v.value, 2); } },
          { title: t('talent.normalised'), align: 'right', width: 100, render: (_, i) => (row.inputs[i.code]?.used ? fmt(row.inputs[i.code]!.normalised) : <Tag>{t('talent.notUsed')}</Tag>) },
          { title: t('talent.weight'), align: 'right', width: 70, dataIndex: 'weight' },
          {
            title: t('talent.provenance'),
            render: (_, i) => {
              const v = row.inputs[i.code];
              if (!v) return '—';
              if (v.origin === 'manual') {
                return (
                  <Space size={6}>
                    {v.source ? t('talent.manual', { source: v.source, by: v.entered_by ?? '—', at: (v.entered_at ?? '').slice(0, 10) }) : '—'}
                    <Button size="small" type="link" onClick={() => onEnter(i.code)}>{t('talent.enter')}</Button>
                  </Space>
                );
              }
              const shown = v.evidence.slice(0, 8).map((e) => `${e.label}${e.amount !== null && e.amount !== undefined ? ` (${e.amount})` : ''}`);
              return (
                <Typography.Text>
                  {t('talent.computed', { source: pick(i.source_label) })}
                  {shown.length > 0 && <Typography.Text type="secondary">{' — '}{shown.join('；')}{v.evidence.length > shown.length ? ` … +${v.evidence.length - shown.length}` : ''}</Typography.Text>}
                </Typography.Text>
              );
            },
          },
        ]}
      />
    </div>
  );
}

/** Enters a manual indicator's value for one person, with its source (shown next to the value from then on). */
function EnterValue({ scheme, row, indicator, onClose }: { scheme: string; row: Row; indicator: TalentIndicator; onClose: () => void }) {
  const { t, name } = useI18n();
  const qc = useQueryClient();
  const toast = useProblemToast();
  const [form] = Form.useForm();
  const current = row.inputs[indicator.code];
  const save = useMutation({
    mutationFn: (v: { value: number; source: string }) => talentApi.setValue({ scheme, person_id: row.person.id, indicator: indicator.code, value: v.value, source: v.source }),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: ['talent', 'evaluation'] }); onClose(); },
    onError: toast,
  });
  return (
    <Modal open title={t('talent.enterTitle', { indicator: name(indicator), person: name(row.person) })} onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={save.isPending} okText={t('common.save')} cancelText={t('common.cancel')}>
      <Form form={form} layout="vertical" initialValues={{ value: current?.value ?? undefined, source: current?.source ?? '' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="value" label={`${t('talent.value')}${indicator.unit ? ` (${indicator.unit})` : ''}`} rules={[{ required: true }]}><InputNumber min={0} /></Form.Item>
        <Form.Item name="source" label={t('talent.source')} rules={[{ required: true, min: 2 }]}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}
