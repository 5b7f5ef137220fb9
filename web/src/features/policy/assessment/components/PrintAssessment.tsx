// One saved version of an assessment as a print-friendly page: who, what, when, the rule version, the inputs and
// the full trace. The app's chrome is hidden when printing.
import { useParams } from 'react-router-dom';
import { Alert, Button, Descriptions, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../../shared/i18n';
import { type AssessmentResult, type CaseInput, type Programme, useAssessment } from '../api/assessment';
import { PROGRAMME_LABEL } from './AssessPage';
import { ResultView } from './ResultView';
import { YEAR_FIELDS } from './caseFields';

const PRINT_CSS = `@media print {
  .ant-layout-sider, .ant-layout-header, .ant-layout-footer, .ant-tabs-nav, .no-print { display: none !important; }
  .ant-layout-content { margin: 0 !important; padding: 0 !important; }
  body { background: #fff; }
}`;

export function PrintAssessment() {
  const { t, name } = useI18n();
  const { id, version } = useParams();
  const saved = useAssessment(id ? Number(id) : null);
  if (saved.isPending) return <Spin />;
  if (saved.error) return <Alert type="error" showIcon title={(saved.error as Error).message} />;
  const a = saved.data!;
  const v = a.versions.find((x) => x.version === Number(version)) ?? a.versions[0]!;
  const inputs = v.inputs as CaseInput;
  const result = v.result as AssessmentResult;
  return (
    <div data-testid="assessment-print" style={{ background: '#fff', padding: 24, maxWidth: 1100 }}>
      <style>{PRINT_CSS}</style>
      <Button className="no-print" type="primary" onClick={() => window.print()} style={{ float: 'right' }}>{t('policy.assess.printNow')}</Button>
      <Typography.Title level={3}>{t('policy.assess.printTitle', { programme: t(PROGRAMME_LABEL[a.programme as Programme]) })}</Typography.Title>
      <Descriptions size="small" bordered column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('policy.assess.enterprise')}>{name(a)}</Descriptions.Item>
        <Descriptions.Item label={t('policy.assess.version')}>{v.version} / {a.version}</Descriptions.Item>
        <Descriptions.Item label={t('policy.assess.applicationDate')}>{v.application_date}</Descriptions.Item>
        <Descriptions.Item label={t('policy.assess.rulesVersion')}>{v.rules_version}</Descriptions.Item>
        <Descriptions.Item label={t('policy.assess.savedBy')}>{v.saved_by} · {dayjs(v.saved_at).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
        <Descriptions.Item label={t('policy.assess.note')}>{v.note ?? '—'}</Descriptions.Item>
      </Descriptions>
      <ResultView result={result} printing />
      <Typography.Title level={5}>{t('policy.assess.inputs')} ({t('policy.assess.unit')})</Typography.Title>
      <table style={{ borderCollapse: 'collapse', fontSize: 12, marginBottom: 16 }}>
        <thead><tr><th style={{ textAlign: 'left', padding: 4 }}>{t('policy.assess.figure')}</th>{(inputs.years ?? []).map((y) => <th key={y.year} style={{ padding: 4 }}>{y.year}</th>)}</tr></thead>
        <tbody>
          {YEAR_FIELDS.filter((f) => (inputs.years ?? []).some((y) => y[f.key] !== undefined)).map((f) => (
            <tr key={f.key}><td style={{ padding: 4 }}>{t(f.label)}</td>{(inputs.years ?? []).map((y) => <td key={y.year} style={{ padding: 4, textAlign: 'right' }}>{y[f.key] ?? '—'}</td>)}</tr>
          ))}
        </tbody>
      </table>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('policy.assess.printFooter')}</Typography.Paragraph>
    </div>
  );
}
