// The policy calculator (政策计算器): an enterprise and a programme; the case prefilled from the registry (marked),
// the rest asked for; the engine's verdict with every condition, item, source and piece of advice; saved versions
// with a printable page.
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { isApiError } from '../../../../shared/api/client';
import { useAuth } from '../../../../shared/auth/AuthContext';
import { useI18n, type MessageKey } from '../../../../shared/i18n';
import { RefSelect } from '../../../entities/components/RefSelect';
import { type AssessmentResult, type CaseInput, PROGRAMMES, type Programme, useAssessment, useAssessments, usePrefill, useRun, useSave } from '../api/assessment';
import { CaseForm } from './CaseForm';
import { ResultView, VerdictTag, ConfidenceTag } from './ResultView';
import { inputLabel } from './caseFields';

export const PROGRAMME_LABEL: Record<Programme, MessageKey> = {
  'tech-sme': 'policy.assess.programme.tech-sme', 'innovative-sme': 'policy.assess.programme.innovative-sme', hnte: 'policy.assess.programme.hnte',
  srdi: 'policy.assess.programme.srdi', 'little-giant': 'policy.assess.programme.little-giant',
};

export function AssessPage() {
  const { t, pick, lang } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const orgParam = params.get('org');
  const organization = user?.role === 'org_user' ? user.organization_id : orgParam ? Number(orgParam) : null;
  const programme = (PROGRAMMES.includes(params.get('programme') as Programme) ? params.get('programme') : 'hnte') as Programme;
  const date = params.get('date') ?? dayjs().format('YYYY-MM-DD');
  const savedId = params.get('saved') ? Number(params.get('saved')) : null;
  const setParam = (key: string, value: string | null) => setParams((p) => { if (value === null) p.delete(key); else p.set(key, value); if (key !== 'saved') p.delete('saved'); return p; }, { replace: true });

  const prefill = usePrefill(organization, programme, date);
  const saved = useAssessment(savedId);
  const savedList = useAssessments(organization);
  const run = useRun();
  const save = useSave();
  const [draft, setDraft] = useState<CaseInput>({});
  const [result, setResult] = useState<AssessmentResult | null>(null);
  const [note, setNote] = useState('');

  // A new enterprise, programme or date starts from the registry again; a saved assessment from its latest inputs.
  useEffect(() => {
    if (savedId && saved.data) {
      const latest = saved.data.versions[0];
      if (latest) { setDraft(latest.inputs as CaseInput); setResult(latest.result as AssessmentResult); }
      return;
    }
    if (prefill.data) { setDraft(prefill.data.case as CaseInput); setResult(null); run.reset(); }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [prefill.data, saved.data, savedId]);

  const error = run.error ?? save.error;
  const fieldErrors = error && isApiError(error) ? error.fieldErrors : [];
  const errorPaths = useMemo(() => fieldErrors.map((e) => e.field.replace(/^case\./, '')), [fieldErrors]);
  const appYear = Number(date.slice(0, 4));
  const shown = result ?? (run.data?.result as AssessmentResult | undefined) ?? null;

  const body = () => ({ organization_id: organization!, programme, date, case: draft, note: note || null });
  const doRun = async () => {
    try {
      const r = await run.mutateAsync(body());
      setResult(r.result);
    } catch { setResult(null); }
  };
  const doSave = async () => {
    const current = saved.data && saved.data.programme === programme ? saved.data : null;
    try {
      const s = await save.mutateAsync({ ...body(), id: current?.id, version: current?.version });
      void message.success(t('policy.assess.saved', { version: s.version }));
      setParams((p) => { p.set('saved', String(s.id)); return p; }, { replace: true });
      setResult(s.versions[0]!.result as AssessmentResult);
    } catch { /* shown below */ }
  };

  return (
    <div data-testid="policy-assess">
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Typography.Title level={5} style={{ margin: 0 }}>{t('policy.assess.title')}</Typography.Title>
          {user?.role === 'org_user' ? (
            <Tag color="blue" data-testid="assess-own-org">{prefill.data ? pick({ zh: prefill.data.organization.name_zh, en: prefill.data.organization.name_en ?? '' }) : '…'}</Tag>
          ) : (
            <RefSelect entity="organizations" value={organization} onChange={(v) => setParam('org', v === null ? null : String(v))} placeholder={t('policy.assess.chooseEnterprise')} style={{ minWidth: 300 }} id="assess-org" />
          )}
          <Select value={programme} style={{ width: 220 }} data-testid="assess-programme" onChange={(v) => setParam('programme', v)}
            options={PROGRAMMES.map((p) => ({ value: p, label: t(PROGRAMME_LABEL[p]) }))} />
          <span>{t('policy.assess.applicationDate')}</span>
          <DatePicker value={dayjs(date)} allowClear={false} onChange={(d) => d && setParam('date', d.format('YYYY-MM-DD'))} />
        </Space>
        {prefill.data ? (
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('policy.assess.versionInForce')}: </Typography.Text>
            <b data-testid="assess-version">{prefill.data.rulesVersion.id}</b> {pick(prefill.data.rulesVersion.title)} <ConfidenceTag confidence={prefill.data.rulesVersion.confidence} />
          </div>
        ) : null}
      </Card>

      {organization === null ? <Empty description={t('policy.assess.chooseEnterprise')} /> : null}
      {prefill.error ? <Alert type="error" showIcon title={(prefill.error as Error).message} style={{ marginBottom: 16 }} /> : null}

      {prefill.data ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={13}>
            <Card size="small" title={t('policy.assess.inputs')} extra={<Typography.Text type="secondary">{t('policy.assess.unit')}</Typography.Text>}>
              {prefill.data.preview.missing.length > 0 && !shown ? (
                <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('policy.assess.stillNeeded')} description={prefill.data.preview.missing.map((path) => inputLabel(path, t)).join(lang === 'zh-CN' ? '、' : ', ')} data-testid="assess-needed" />
              ) : null}
              <CaseForm draft={draft} onChange={setDraft} applicationYear={appYear} programme={programme} provenance={prefill.data.provenance} errorPaths={errorPaths} />
              {fieldErrors.length > 0 ? (
                <Alert type="error" showIcon style={{ marginTop: 12 }} data-testid="assess-errors" title={t('policy.assess.fixInputs')}
                  description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{fieldErrors.map((e, i) => <li key={i}>{e.message}</li>)}</ul>} />
              ) : error ? <Alert type="error" showIcon style={{ marginTop: 12 }} title={(error as Error).message} /> : null}
              <Space style={{ marginTop: 12 }} wrap>
                <Button type="primary" onClick={doRun} loading={run.isPending} data-testid="assess-run">{t('policy.assess.run')}</Button>
                <Input style={{ width: 240 }} placeholder={t('policy.assess.note')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
                <Button onClick={doSave} loading={save.isPending} data-testid="assess-save">{saved.data && saved.data.programme === programme ? t('policy.assess.saveVersion', { version: saved.data.version + 1 }) : t('policy.assess.save')}</Button>
              </Space>
            </Card>
          </Col>
          <Col xs={24} xxl={11}>
            <Card size="small" title={shown ? t('policy.assess.result') : t('policy.assess.preview')}>
              <ResultView result={shown ?? (prefill.data.preview as AssessmentResult)} />
            </Card>
            <SavedVersions organization={organization!} savedId={savedId} list={savedList.data?.items ?? []} onOpen={(id) => setParams((p) => { p.set('saved', String(id)); return p; }, { replace: true })} versions={saved.data?.versions ?? []} />
          </Col>
        </Row>
      ) : null}
    </div>
  );
}

function SavedVersions({ savedId, list, onOpen, versions }: {
  organization: number; savedId: number | null; list: { id: number; programme: string; version: number; qualifies: boolean; uncertain: boolean; score: number | null; application_date: string; updated_at: string }[];
  onOpen: (id: number) => void; versions: { version: number; application_date: string; rules_version: string; qualifies: boolean; uncertain: boolean; score: number | null; saved_by: string | null; saved_at: string; note: string | null }[];
}) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('policy.assess.savedTitle')} style={{ marginTop: 16 }} data-testid="assess-saved">
      <Table size="small" rowKey="id" pagination={false} dataSource={list}
        rowClassName={(r) => (r.id === savedId ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('policy.assess.programme'), key: 'p', render: (_: unknown, r: (typeof list)[number]) => t(PROGRAMME_LABEL[r.programme as Programme] ?? 'policy.assess.programme.hnte') },
          { title: t('policy.assess.applicationDate'), dataIndex: 'application_date' },
          { title: t('policy.assess.versions'), dataIndex: 'version' },
          { title: t('policy.assess.verdict'), key: 'v', render: (_: unknown, r: (typeof list)[number]) => <VerdictTag verdict={r.qualifies ? (r.uncertain ? 'qualifies_unverified' : 'qualifies') : 'fails'} /> },
          { title: '', key: 'open', render: (_: unknown, r: (typeof list)[number]) => <Button size="small" type="link" onClick={() => onOpen(r.id)}>{t('policy.assess.open')}</Button> },
        ]} />
      {savedId && versions.length > 0 ? (
        <Table size="small" rowKey="version" pagination={false} dataSource={versions} style={{ marginTop: 12 }} data-testid="assess-versions"
          columns={[
            { title: t('policy.assess.version'), dataIndex: 'version' },
            { title: t('policy.assess.applicationDate'), dataIndex: 'application_date' },
            { title: t('policy.assess.rulesVersion'), dataIndex: 'rules_version' },
            { title: t('policy.assess.score'), dataIndex: 'score', render: (v: number | null) => v ?? '—' },
            { title: t('policy.assess.savedBy'), key: 'by', render: (_: unknown, v: (typeof versions)[number]) => `${v.saved_by ?? ''} ${dayjs(v.saved_at).format('YYYY-MM-DD HH:mm')}` },
            { title: '', key: 'print', render: (_: unknown, v: (typeof versions)[number]) => <Link to={`/policy/assess/print/${savedId}/${v.version}`} data-testid={`assess-print-${v.version}`}>{t('policy.assess.print')}</Link> },
          ]} />
      ) : null}
    </Card>
  );
}
