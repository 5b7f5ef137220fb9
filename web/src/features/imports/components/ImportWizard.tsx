// Import wizard: choose entity and file → server validation report → import all or valid rows only → job
// progress (polling /api/jobs/:id) → result summary.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Form, Progress, Result, Select, Space, Statistic, Steps, Table, Typography, Upload, Row, Col } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../shared/api/client';
import type { ImportJob, ImportLineError, ValidationReport } from '../../../shared/api/types';
import { useI18n } from '../../../shared/i18n';
import { useAuth } from '../../../shared/auth/AuthContext';
import { ENTITY_ORDER, useEntityMetas } from '../../entities/api/entities';
import { getJob, startImport, validateImport } from '../api/imports';

type Step = 0 | 1 | 2 | 3;

/** The import of indicator values (src/evaluation/indicators/indicator-values.import.ts), listed beside the entities. */
const INDICATOR_VALUES = 'indicator-values';

function ErrorsTable({ errors }: { errors: ImportLineError[] }) {
  const { t } = useI18n();
  return (
    <Table<ImportLineError & { key: number }>
      data-testid="import-errors"
      size="small"
      rowKey="key"
      dataSource={errors.map((e, i) => ({ ...e, key: i }))}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        { title: t('import.line'), dataIndex: 'line', width: 90 },
        { title: t('import.field'), key: 'column', width: 200, render: (_, e) => e.column ?? e.field },
        { title: t('import.message'), dataIndex: 'message' },
      ]}
    />
  );
}

function JobProgress({ jobId, onDone }: { jobId: number | string; onDone: (job: ImportJob) => void }) {
  const { t } = useI18n();
  const job = useQuery({
    queryKey: ['job', jobId],
    queryFn: async () => {
      const j = await getJob(jobId);
      if (j.status === 'succeeded' || j.status === 'failed') onDone(j);
      return j;
    },
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      return s === 'succeeded' || s === 'failed' ? false : 500;
    },
  });
  const j = job.data;
  const percent = j && j.total > 0 ? Math.round((100 * j.progress) / j.total) : j?.status === 'succeeded' ? 100 : 0;
  return (
    <div data-testid="import-progress" style={{ maxWidth: 560 }}>
      <Typography.Paragraph>
        {!j || j.status === 'queued' ? t('import.queued') : t('import.running')}
        {j && j.total > 0 ? ` ${t('import.progress', { progress: j.progress, total: j.total })}` : ''}
      </Typography.Paragraph>
      <Progress percent={percent} status={j?.status === 'failed' ? 'exception' : 'active'} />
      {job.error ? <Alert type="error" showIcon title={(job.error as Error).message} /> : null}
    </div>
  );
}

export function ImportWizard() {
  const { t, pick, lang } = useI18n();
  const qc = useQueryClient();
  const { user } = useAuth();
  const metas = useEntityMetas();
  const [step, setStep] = useState<Step>(0);
  const [entity, setEntity] = useState<string | undefined>('organizations');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [commitErrors, setCommitErrors] = useState<ImportLineError[] | null>(null);
  const [report, setReport] = useState<ValidationReport | null>(null);
  const [jobId, setJobId] = useState<number | string | null>(null);
  const [finished, setFinished] = useState<ImportJob | null>(null);

  const entityOptions = [
    ...(metas.data ?? [])
      .sort((a, b) => ENTITY_ORDER.indexOf(a.name as never) - ENTITY_ORDER.indexOf(b.name as never))
      .map((m) => ({ value: m.name, label: pick(m.label) })),
    // Not a registry entity: values of the evaluation's indicators, with their source (admins and zone operators).
    ...(user && user.role !== 'org_user' ? [{ value: INDICATOR_VALUES, label: t('import.indicatorValues') }] : []),
  ];
  const entityLabel = entity === INDICATOR_VALUES ? t('import.indicatorValues') : pick(metas.data?.find((m) => m.name === entity)?.label);

  const reset = () => {
    setStep(0);
    setFile(null);
    setReport(null);
    setJobId(null);
    setFinished(null);
    setError(null);
    setCommitErrors(null);
  };

  const validate = async () => {
    if (!entity) return setError(t('import.chooseEntity'));
    if (!file) return setError(t('import.chooseFile'));
    setBusy(true);
    setError(null);
    try {
      const r = await validateImport(entity, file);
      setReport({ ...r, errors: r.errors ?? [] });
      setStep(1);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const run = async (mode: 'commit' | 'valid-only') => {
    if (!entity || !file) return;
    setBusy(true);
    setError(null);
    setCommitErrors(null);
    try {
      const { job } = await startImport(entity, file, mode);
      setJobId(job.id);
      setStep(2);
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length > 0) {
        setCommitErrors(e.fieldErrors as unknown as ImportLineError[]);
      }
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const onJobDone = (job: ImportJob) => {
    setFinished(job);
    setStep(3);
    if (entity) void qc.invalidateQueries({ queryKey: ['entity', entity] });
    if (entity === 'zones') void qc.invalidateQueries({ queryKey: ['zones'] });
    if (entity === INDICATOR_VALUES) void qc.invalidateQueries();
  };

  return (
    <Card title={t('import.title')} data-testid="import-wizard">
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('import.stepChoose') },
          { title: t('import.stepValidate') },
          { title: t('import.stepRun') },
          { title: t('import.stepResult') },
        ]}
      />
      {!user ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={<Link to="/login" state={{ from: '/import' }}>{t('import.signInFirst')}</Link>} />
      ) : null}
      {error ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} data-testid="import-error" /> : null}

      {step === 0 ? (
        <Form layout="vertical" style={{ maxWidth: 640 }}>
          <Form.Item label={t('import.entity')} required>
            <Select
              data-testid="import-entity"
              value={entity}
              onChange={setEntity}
              options={entityOptions}
              placeholder={t('import.entityPlaceholder')}
              loading={metas.isPending}
            />
          </Form.Item>
          {entity ? (
            <Form.Item extra={t('import.templateHint')} data-testid="import-template">
              <Space>
                {t('import.template')}
                {(['xlsx', 'csv'] as const).map((format) => (
                  <a key={format} href={`/api/imports/${entity}/template?format=${format}&lang=${lang}`} download data-testid={`import-template-${format}`}>
                    {format.toUpperCase()}
                  </a>
                ))}
              </Space>
            </Form.Item>
          ) : null}
          <Form.Item label={t('import.file')} required extra={t('import.fileTypes')}>
            <Upload.Dragger
              accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              multiple={false}
              beforeUpload={(f) => {
                setFile(f);
                setError(null);
                return false;
              }}
              onRemove={() => setFile(null)}
              fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('import.fileHint')}</p>
            </Upload.Dragger>
          </Form.Item>
          <Button type="primary" onClick={() => void validate()} loading={busy} disabled={!entity || !file} data-testid="import-validate">
            {t('import.validate')}
          </Button>
        </Form>
      ) : null}

      {step === 1 && report ? (
        <div data-testid="import-report">
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={6}>
              <Statistic title={t('import.rows')} value={report.rows} styles={{ content: { fontSize: 22 } }} />
            </Col>
            <Col span={6}>
              <Statistic title={t('import.valid')} value={report.valid} styles={{ content: { fontSize: 22, color: '#389e0d' } }} />
            </Col>
            <Col span={6}>
              <Statistic
                title={t('import.invalid')}
                value={report.errors.length}
                styles={{ content: { fontSize: 22, color: report.errors.length ? '#cf1322' : undefined } }}
              />
            </Col>
          </Row>
          {report.errors.length === 0 ? (
            <Alert type="success" showIcon title={t('import.noErrors')} style={{ marginBottom: 16 }} />
          ) : (
            <>
              <Alert type="warning" showIcon title={t('import.hasErrors', { count: report.errors.length })} style={{ marginBottom: 16 }} />
              <ErrorsTable errors={report.errors} />
            </>
          )}
          {commitErrors && commitErrors.length > 0 ? <ErrorsTable errors={commitErrors} /> : null}
          <Space style={{ marginTop: 16 }} wrap>
            <Button
              type="primary"
              disabled={report.errors.length > 0 || report.valid === 0}
              loading={busy}
              onClick={() => void run('commit')}
              data-testid="import-commit-all"
            >
              {t('import.commitAll')}
            </Button>
            <Button disabled={report.valid === 0} loading={busy} onClick={() => void run('valid-only')} data-testid="import-commit-valid">
              {t('import.commitValid')}
            </Button>
            <Button onClick={reset}>{t('import.startOver')}</Button>
          </Space>
        </div>
      ) : null}

      {step === 2 && jobId !== null ? <JobProgress jobId={jobId} onDone={onJobDone} /> : null}

      {step === 3 && finished ? (
        <Result
          data-testid="import-result"
          status={finished.status === 'succeeded' ? 'success' : 'error'}
          title={finished.status === 'succeeded' ? t('import.succeeded') : t('import.failed')}
          subTitle={finished.error ?? undefined}
          extra={[
            <Link key="list" to={entity === INDICATOR_VALUES ? '/evaluation' : `/entities/${entity}`}>
              <Button type="primary">{entity === INDICATOR_VALUES ? t('import.viewIndicatorValues') : t('import.viewList', { entity: entityLabel })}</Button>
            </Link>,
            <Button key="again" onClick={reset}>
              {t('import.startOver')}
            </Button>,
          ]}
        >
          {finished.result ? (
            <Descriptions bordered size="small" column={3} data-testid="import-summary">
              <Descriptions.Item label={t('import.inserted')}>
                <span data-testid="import-inserted">{finished.result.inserted}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('import.updated')}>
                <span data-testid="import-updated">{finished.result.updated}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('import.skipped')}>{finished.result.skipped}</Descriptions.Item>
            </Descriptions>
          ) : null}
        </Result>
      ) : null}
    </Card>
  );
}
