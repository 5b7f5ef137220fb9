// The reader: clean text with the facts highlighted (a link ?fact=ID scrolls to its sentence), the original with
// the removed parts marked and their reasons, the facts to review and the policies found.
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Empty, List, Result, Row, Space, Spin, Tabs, Tag, Tooltip, Typography } from 'antd';
import { isApiError } from '../../../shared/api/client';
import { useI18n, type MessageKey } from '../../../shared/i18n';
import { useDocument, useProposalReview, type Fact, type Proposal } from '../api/intelligence';
import { FactCard } from './FactCard';
import { MarkedText, type Mark } from './MarkedText';

const MARK_BG = { proposed: '#fff1b8', confirmed: '#b7eb8f', rejected: '#f0f0f0', merged: '#f0f0f0', superseded: '#f0f0f0' } as const;

export function DocumentReaderPage() {
  const { t, lang } = useI18n();
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const linked = params.get('fact') ? Number(params.get('fact')) : null;
  const doc = useDocument(id);
  const [selected, setSelected] = useState<number | null>(linked);

  // A link from the dashboard names a fact: scroll its sentence into view once the text is there.
  useEffect(() => {
    if (selected === null || !doc.data) return;
    document.querySelector(`[data-fact-mark="${selected}"]`)?.scrollIntoView({ block: 'center' });
  }, [selected, doc.data]);

  const cleanMarks = useMemo<Mark[]>(() => {
    const d = doc.data;
    if (!d?.clean_text) return [];
    // Facts of one sentence share their quote, so the figure is what is marked (the quote where there is none).
    const marks: Mark[] = d.facts.map((f) => ({
      start: f.figure_start ?? f.start_offset, end: f.figure_end ?? f.end_offset, key: `f${f.id}`,
      render: (text) => (
        <Tooltip title={`${f.metric}: ${f.value ?? ''} ${f.unit ?? ''} ${f.period ?? ''}`}>
          <mark data-fact-mark={f.id} data-testid={`intel-mark-${f.id}`} onClick={() => setSelected(f.id)}
            style={{ background: MARK_BG[f.status], outline: selected === f.id ? '2px solid #1677ff' : undefined, cursor: 'pointer', padding: 0 }}>{text}</mark>
        </Tooltip>
      ),
    }));
    // The sentence a dashboard link points to is underlined around its fact.
    const target = d.facts.find((f) => f.id === linked);
    // the cleaner's sentence holding the quote, else the quote itself
    const sentence = target && (d.sentences?.find((s) => s.start <= target.start_offset && s.end >= target.end_offset) ?? { start: target.start_offset, end: target.end_offset });
    if (sentence && target) {
      return [
        ...marks.filter((m) => m.end <= sentence.start || m.start >= sentence.end),
        { start: sentence.start, end: sentence.end, key: 'sentence', render: (text) => (
          <span data-testid="intel-linked-sentence" style={{ borderBottom: '2px solid #1677ff' }}>
            <MarkedText text={text} marks={marks.filter((m) => m.start >= sentence.start && m.end <= sentence.end).map((m) => ({ ...m, start: m.start - sentence.start, end: m.end - sentence.start }))} inline />
          </span>
        ) },
      ];
    }
    return marks;
  }, [doc.data, selected, linked]);

  const removedMarks = useMemo<Mark[]>(() => (doc.data?.removed ?? []).map((r, i) => {
    // a reason the web app has no words for yet is shown as its code
    const key = `intel.reason.${r.reason}` as MessageKey;
    const reason = t(key) === key ? r.reason : t(key);
    return {
    start: r.start, end: r.end, key: `r${i}`,
    render: (text: string) => (
      <Tooltip title={t('intel.reader.removed', { reason })}>
        <del data-testid="intel-removed" data-reason={r.reason} style={{ background: '#fff1f0', color: '#a8071a' }}>
          <Tag color="red" style={{ marginInlineEnd: 4 }}>{reason}</Tag>{text}
        </del>
      </Tooltip>
    ),
    };
  }), [doc.data, t]);

  if (doc.isPending) return <Spin />;
  if (doc.error) return <Result status="warning" title={isApiError(doc.error) ? doc.error.message : String(doc.error)} extra={<Link to="/intelligence">{t('intel.reader.back')}</Link>} />;
  const d = doc.data;
  const reviewable = (f: Fact) => f.status === 'proposed' || f.status === 'confirmed';

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Link to="/intelligence">← {t('intel.reader.back')}</Link>
        <Button size="small" href={`/api/intelligence/documents/${d.id}/original`}>{t('intel.reader.download')}</Button>
      </Space>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="intel-reader-title">{d.title ?? d.file_name}</Typography.Title>
      <Typography.Text type="secondary">{d.file_name} · {lang === 'en' ? d.zone_name_en ?? d.zone_name_zh : d.zone_name_zh} · {d.article_date ?? ''}</Typography.Text>
      {d.status !== 'processed' && <Alert type={d.status === 'failed' ? 'error' : 'info'} showIcon message={d.error ? (lang === 'en' ? d.error.en : d.error.zh) : t('intel.reader.notProcessed')} />}
      {d.status === 'processed' && !d.may_review && <Alert type="info" showIcon message={t('intel.reader.readOnly')} />}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Tabs items={[
              { key: 'clean', label: t('intel.reader.clean'), children: <div data-testid="intel-clean-text"><MarkedText text={d.clean_text ?? ''} marks={cleanMarks} /></div> },
              { key: 'original', label: t('intel.reader.original'), children: <div data-testid="intel-original-text"><MarkedText text={d.original_text ?? ''} marks={removedMarks} /></div> },
            ]} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={`${t('intel.facts')} (${d.facts.length})`} data-testid="intel-facts">
            {d.facts.length === 0 ? <Empty description={t('intel.facts.none')} /> : (
              <Space direction="vertical" style={{ width: '100%' }}>
                {d.facts.map((f) => (
                  <FactCard key={f.id} fact={f} documentId={d.id} mayReview={d.may_review} selected={selected === f.id} onSelect={() => setSelected(f.id)}
                    others={d.facts.filter((o) => o.id !== f.id && reviewable(o))} />
                ))}
              </Space>
            )}
          </Card>
          <ProposalList documentId={d.id} proposals={d.proposals} mayReview={d.may_review} />
        </Col>
      </Row>
    </Space>
  );
}

function ProposalList({ documentId, proposals, mayReview }: { documentId: number; proposals: Proposal[]; mayReview: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const review = useProposalReview(documentId);
  const act = (id: number, status: 'accepted' | 'dismissed') => review.mutateAsync({ id, status }).catch((e: unknown) => message.error(isApiError(e) ? e.message : String(e)));
  return (
    <Card size="small" title={`${t('intel.proposals')} (${proposals.length})`} style={{ marginTop: 16 }} data-testid="intel-proposals">
      {proposals.length === 0 ? <Empty description={t('intel.proposals.none')} /> : (
        <List size="small" dataSource={proposals} renderItem={(p) => (
          <List.Item actions={mayReview && p.status === 'proposed' ? [
            <Button key="a" size="small" type="link" onClick={() => act(p.id, 'accepted')}>{t('intel.proposal.accept')}</Button>,
            <Button key="d" size="small" type="link" onClick={() => act(p.id, 'dismissed')}>{t('intel.proposal.dismiss')}</Button>,
          ] : [
            <Tag key="s">{t(`intel.proposal.status.${p.status}`)}</Tag>,
            // An accepted measure can be put into effect as an incentive programme of the policy module.
            ...(mayReview && p.status === 'accepted' ? [
              <Link key="p" to={`/policy/programmes/new?proposal=${p.id}`} data-testid="proposal-to-programme">{t('intel.proposal.toProgramme')}</Link>,
            ] : []),
          ]}>
            <List.Item.Meta
              title={<Space><Tag color="purple">{t(`intel.proposal.${p.kind}`)}</Tag>{p.name}
                {p.kind === 'rate' && <Typography.Text strong>{p.detail.from}% → {p.detail.to}%</Typography.Text>}
                {p.kind === 'amount' && <Typography.Text strong>{p.detail.value} {p.detail.unit}</Typography.Text>}</Space>}
              description={`“${p.quote}”`} />
          </List.Item>
        )} />
      )}
    </Card>
  );
}
