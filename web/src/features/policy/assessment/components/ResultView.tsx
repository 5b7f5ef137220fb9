// An assessment as the engine traced it: the verdict with the rule version it rests on, every hard condition with
// its arithmetic, threshold and source, every scored item with its band, the routes, the advice, and every rule
// the verdict rests on that the reference marks unverified. Used on the page and on the printable page.
import { Alert, Descriptions, List, Space, Table, Tag, Typography } from 'antd';
import { useI18n, type MessageKey } from '../../../../shared/i18n';
import type { AssessmentResult } from '../api/assessment';

const VERDICT_COLOR: Record<AssessmentResult['verdict'], string> = { qualifies: 'success', qualifies_unverified: 'warning', fails: 'error', incomplete: 'default' };
const VERDICT_KEY: Record<AssessmentResult['verdict'], MessageKey> = {
  qualifies: 'policy.assess.verdict.qualifies', qualifies_unverified: 'policy.assess.verdict.qualifies_unverified', fails: 'policy.assess.verdict.fails', incomplete: 'policy.assess.verdict.incomplete',
};
const STATUS_KEY: Record<string, MessageKey> = { in_force: 'policy.assess.status.in_force', superseded: 'policy.assess.status.superseded', reported: 'policy.assess.status.reported' };

/** V1 read in a transcription, V2 corroborated; V3 and "reported" must be verified (policy-rules.md §0.1). */
export function ConfidenceTag({ confidence }: { confidence: string }) {
  const { t } = useI18n();
  const unverified = confidence === 'V3' || confidence === 'reported';
  return (
    <Tag color={confidence === 'V1' ? 'green' : confidence === 'V2' ? 'blue' : 'orange'} data-testid={unverified ? 'rule-unverified' : undefined}>
      {/* V1–V3 are the rule sources' own grades; "reported" is a code and gets its label (which says "unverified"). */}
      {confidence === 'reported' ? t('policy.assess.status.reported') : `${confidence}${unverified ? ` · ${t('policy.assess.unverified')}` : ''}`}
    </Tag>
  );
}

export function VersionStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  const key = STATUS_KEY[status];
  return <Tag color={status === 'in_force' ? 'green' : status === 'reported' ? 'orange' : 'default'}>{key ? t(key) : status}</Tag>;
}

const PassTag = ({ pass }: { pass: boolean | null }) => {
  const { t } = useI18n();
  return pass === null ? <Tag>{t('policy.assess.unknown')}</Tag> : pass ? <Tag color="success">✓ {t('policy.assess.pass')}</Tag> : <Tag color="error">✗ {t('policy.assess.fail')}</Tag>;
};

export function VerdictTag({ verdict }: { verdict: AssessmentResult['verdict'] }) {
  const { t } = useI18n();
  return <Tag color={VERDICT_COLOR[verdict]} style={{ fontSize: 15, padding: '2px 10px' }} data-testid="assessment-verdict">{t(VERDICT_KEY[verdict])}</Tag>;
}

export function ResultView({ result, printing = false }: { result: AssessmentResult; printing?: boolean }) {
  const { t, pick } = useI18n();
  const scoreMax = result.items.length ? result.groups.length ? result.groups.reduce((n, g) => n + (g.cap ?? 0), 0) || result.items.reduce((n, i) => n + i.max, 0) : result.items.reduce((n, i) => n + i.max, 0) : null;
  return (
    <div data-testid="assessment-result">
      <Descriptions size="small" bordered column={printing ? 2 : { xs: 1, md: 2, xl: 4 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('policy.assess.verdict')}><VerdictTag verdict={result.verdict} /></Descriptions.Item>
        <Descriptions.Item label={t('policy.assess.score')}><span data-testid="assessment-score">{result.score ?? '—'}</span>{scoreMax && result.score !== null ? ` / ${scoreMax}` : ''}</Descriptions.Item>
        <Descriptions.Item label={t('policy.assess.rulesVersion')}><span data-testid="assessment-rules-version">{result.rulesVersion}</span> <ConfidenceTag confidence={result.versionConfidence} /> <VersionStatusTag status={result.versionStatus} /></Descriptions.Item>
        <Descriptions.Item label={t('policy.assess.applicationDate')}>{result.date}</Descriptions.Item>
      </Descriptions>
      {result.uncertainRules.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="assessment-uncertain" title={t('policy.assess.uncertainTitle')}
          description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{result.uncertainRules.map((u) => <li key={u.id}><b>{u.id}</b>: {pick(u.reason)}</li>)}</ul>} />
      )}
      {result.advice.length > 0 && (
        <Alert type={result.qualifies ? 'info' : 'error'} showIcon style={{ marginBottom: 12 }} title={t('policy.assess.advice')} data-testid="assessment-advice"
          description={<List size="small" dataSource={result.advice} renderItem={(a) => <List.Item style={{ padding: '2px 0' }}>{pick(a.text)}</List.Item>} />} />
      )}
      <Typography.Title level={5}>{t('policy.assess.conditions')}</Typography.Title>
      <Table size="small" rowKey="id" pagination={false} dataSource={result.conditions} data-testid="assessment-conditions" style={{ marginBottom: 12 }}
        columns={[
          { title: t('policy.assess.condition'), key: 'title', width: '28%', render: (_: unknown, c: AssessmentResult['conditions'][number]) => <span><b>{c.id}</b> {pick(c.title)}</span> },
          { title: t('policy.assess.result.col'), key: 'pass', render: (_: unknown, c: AssessmentResult['conditions'][number]) => <PassTag pass={c.pass} /> },
          { title: t('policy.assess.arithmetic'), key: 'arith', render: (_: unknown, c: AssessmentResult['conditions'][number]) => pick(c.arithmetic) },
          { title: t('policy.assess.threshold'), dataIndex: 'threshold', render: (v: number | null) => (v === null ? '—' : String(v)) },
          { title: t('policy.assess.source'), key: 'source', render: (_: unknown, c: AssessmentResult['conditions'][number]) => <Space size={4} wrap><span>{c.source}</span><ConfidenceTag confidence={c.confidence} /></Space> },
        ]} />
      {result.items.length > 0 && (
        <>
          <Typography.Title level={5}>{t('policy.assess.items')}</Typography.Title>
          <Table size="small" rowKey="id" pagination={false} dataSource={result.items} data-testid="assessment-items" style={{ marginBottom: 12 }}
            columns={[
              { title: t('policy.assess.item'), key: 'title', render: (_: unknown, i: AssessmentResult['items'][number]) => <span>{pick(i.title)}{i.group ? <Typography.Text type="secondary"> · {pick(result.groups.find((g) => g.id === i.group)?.title)}</Typography.Text> : null}</span> },
              { title: t('policy.assess.band'), dataIndex: 'band', render: (v: string | null) => v ?? '—' },
              { title: t('policy.assess.points'), key: 'points', align: 'right', render: (_: unknown, i: AssessmentResult['items'][number]) => <span>{i.points ?? '—'} / {i.max}{i.assumed ? <Tag style={{ marginInlineStart: 6 }}>{t('policy.assess.assumed')}</Tag> : null}</span> },
              { title: t('policy.assess.source'), key: 'source', render: (_: unknown, i: AssessmentResult['items'][number]) => <Space size={4} wrap><span>{i.source}</span><ConfidenceTag confidence={i.confidence} /></Space> },
            ]} />
        </>
      )}
      {result.routes.length > 0 && (
        <>
          <Typography.Title level={5}>{t('policy.assess.routes')}</Typography.Title>
          <Table size="small" rowKey="id" pagination={false} dataSource={result.routes} style={{ marginBottom: 12 }}
            columns={[
              { title: t('policy.assess.route'), key: 'title', render: (_: unknown, r: AssessmentResult['routes'][number]) => pick(r.title) },
              { title: t('policy.assess.result.col'), key: 'pass', render: (_: unknown, r: AssessmentResult['routes'][number]) => <PassTag pass={r.pass} /> },
              { title: t('policy.assess.source'), key: 'source', render: (_: unknown, r: AssessmentResult['routes'][number]) => <Space size={4} wrap><span>{r.source}</span><ConfidenceTag confidence={r.confidence} /></Space> },
            ]} />
        </>
      )}
      {result.missing.length > 0 && <Alert type="info" showIcon title={t('policy.assess.missing')} description={result.missing.join(', ')} />}
    </div>
  );
}
