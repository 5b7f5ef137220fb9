// Upload of several documents at once: zone, optional article date, files; then the processing job's progress and
// each file's outcome (refused at upload with the reason, or processed / failed with the reader's message).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, DatePicker, Form, List, Progress, Space, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { isApiError } from '../../../shared/api/client';
import { useAuth } from '../../../shared/auth/AuthContext';
import { ZoneTreeSelect } from '../../../shared/components/ZoneTreeSelect';
import { useI18n } from '../../../shared/i18n';
import { useDocuments, useJob, useUpload, type FileReport, type UploadResult } from '../api/intelligence';

export function UploadPanel() {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const [zone, setZone] = useState<number | null>(user?.zone_id ?? null);
  const [date, setDate] = useState<Dayjs | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [result, setResult] = useState<UploadResult | null>(null);
  const [refused, setRefused] = useState<FileReport[] | null>(null);
  const upload = useUpload();

  const submit = async () => {
    setResult(null);
    setRefused(null);
    try {
      const r = await upload.mutateAsync({ files, zone, articleDate: date ? date.format('YYYY-MM-DD') : null });
      setResult(r);
      setFiles([]);
    } catch (e) {
      // every file refused: the problem carries each file's reason
      if (isApiError(e) && Array.isArray((e.problem as unknown as { files?: FileReport[] }).files)) setRefused((e.problem as unknown as { files: FileReport[] }).files);
    }
  };

  return (
    <Card title={t('intel.upload')} size="small" data-testid="intel-upload">
      <Form layout="inline" style={{ rowGap: 8 }}>
        <Form.Item label={t('intel.upload.zone')}>
          <ZoneTreeSelect value={zone} onChange={setZone} testId="intel-upload-zone" style={{ minWidth: 240 }} />
        </Form.Item>
        <Form.Item label={t('intel.upload.date')}>
          <DatePicker value={date} onChange={setDate} data-testid="intel-upload-date" />
        </Form.Item>
        <Form.Item>
          <Upload multiple fileList={files.map((f, i) => ({ uid: `${i}-${f.name}`, name: f.name, status: 'done' as const }))}
            beforeUpload={(_f, list) => { setFiles((prev) => [...prev, ...list.filter((x) => !prev.includes(x))]); return false; }}
            onRemove={(item) => setFiles((prev) => prev.filter((f, i) => `${i}-${f.name}` !== item.uid))}>
            <Button icon={<UploadOutlined />} data-testid="intel-choose">{t('intel.upload.choose')}</Button>
          </Upload>
        </Form.Item>
        <Form.Item>
          <Button type="primary" onClick={submit} disabled={!files.length} loading={upload.isPending} data-testid="intel-upload-submit">{t('intel.upload.submit')}</Button>
        </Form.Item>
      </Form>
      {upload.error && !refused && <Alert type="error" showIcon style={{ marginTop: 12 }} message={upload.error.message} />}
      {refused && <FileReports files={refused} lang={lang} t={t} />}
      {result && <JobProgress result={result} />}
    </Card>
  );
}

function FileReports({ files, lang, t }: { files: FileReport[]; lang: string; t: ReturnType<typeof useI18n>['t'] }) {
  return (
    <List size="small" style={{ marginTop: 12 }} dataSource={files} data-testid="intel-file-reports"
      renderItem={(f) => (
        <List.Item>
          <Space>
            <Tag color={f.status === 'queued' ? 'blue' : 'red'}>{t(f.status === 'queued' ? 'intel.upload.queued' : 'intel.upload.rejected')}</Tag>
            <Typography.Text>{f.file_name}</Typography.Text>
            {f.error && <Typography.Text type="danger">{lang === 'en' ? f.error.en : f.error.zh}</Typography.Text>}
          </Space>
        </List.Item>
      )} />
  );
}

function JobProgress({ result }: { result: UploadResult }) {
  const { t, lang } = useI18n();
  const job = useJob(result.job.id);
  const finished = job.data?.status === 'succeeded' || job.data?.status === 'failed';
  // once the job has run, each document's own status and error say how its file went
  const docs = useDocuments({ job: result.job.id, limit: 50 });
  const byId = new Map((finished ? docs.data?.items ?? [] : []).map((d) => [d.id, d]));
  const done = job.data?.progress ?? 0;
  const total = job.data?.total || result.files.filter((f) => f.document_id !== null).length;
  return (
    <div style={{ marginTop: 12 }} data-testid="intel-job">
      <Progress percent={total ? Math.round((100 * done) / total) : 0} status={job.data?.status === 'failed' ? 'exception' : finished ? 'success' : 'active'} />
      <Typography.Text type="secondary">{finished ? t('intel.upload.done') : t('intel.upload.progress', { done, total })}</Typography.Text>
      {job.data?.status === 'failed' && <Alert type="error" showIcon message={t('intel.upload.jobFailed', { error: job.data.error ?? '' })} />}
      <List size="small" dataSource={result.files} data-testid="intel-file-reports"
        renderItem={(f) => {
          const doc = f.document_id !== null ? byId.get(f.document_id) : undefined;
          const status = doc?.status ?? (f.status === 'queued' ? 'queued' : 'rejected');
          const error = doc?.error ?? f.error;
          return (
            <List.Item data-testid={`intel-file-${f.file_name}`}>
              <Space wrap>
                <Tag color={status === 'processed' ? 'green' : status === 'queued' ? 'blue' : 'red'}>
                  {status === 'rejected' ? t('intel.upload.rejected') : t(`intel.status.${status}` as 'intel.status.queued')}
                </Tag>
                {doc?.status === 'processed' ? <Link to={`/intelligence/documents/${doc.id}`}>{f.file_name}</Link> : <Typography.Text>{f.file_name}</Typography.Text>}
                {error && <Typography.Text type="danger">{lang === 'en' ? error.en : error.zh}</Typography.Text>}
              </Space>
            </List.Item>
          );
        }} />
    </div>
  );
}
