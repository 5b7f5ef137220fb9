// Ranked offers for a demand, or demands for an offer (the reverse match): score, confidence, the engine's "why",
// decline with a reason, and (brokers) open a case. Titles open the result's public view (tiers, NDA).
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, App, Button, Empty, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../../../shared/i18n';
import { DECLINE_REASONS, type MatchesResult, type MatchView, openCase } from '../api/transfer';
import { declineResult, type ItemKind } from '../api/listings';
import { errorText, tk } from './labels';
import { GeneratedTag } from './GeneratedTag';
import { ConfidenceTag, formatScore, MatchScore, WhyList } from './MatchParts';
import { textLang } from '../../../shared/i18n/text-lang';

export function MatchList({
  kind,
  itemId,
  result,
  loading,
  broker,
  onChanged,
}: {
  /** The kind of the item the matches are for. */
  kind: ItemKind;
  itemId: number;
  result: MatchesResult | undefined;
  loading: boolean;
  broker: boolean;
  onChanged: () => void;
}) {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [declining, setDeclining] = useState<MatchView | null>(null);
  const [opening, setOpening] = useState<MatchView | null>(null);
  const [declineForm] = Form.useForm<{ reason: string; note?: string }>();
  const [caseForm] = Form.useForm<{ note?: string }>();
  const reason = Form.useWatch('reason', declineForm);

  const decline = useMutation({
    mutationFn: (v: { resultId: number; reason: string; note?: string }) => declineResult(kind, itemId, v.resultId, v.reason, v.note),
    onSuccess: () => {
      void message.success(t('transfer.matches.declineDone'));
      setDeclining(null);
      onChanged();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const open = useMutation({
    mutationFn: (v: { resultId: number; note?: string }) => (kind === 'demand' ? openCase(itemId, v.resultId, v.note) : openCase(v.resultId, itemId, v.note)),
    onSuccess: (c) => {
      void message.success(t('transfer.matches.caseOpened'));
      setOpening(null);
      navigate(`/transfer/cases/${c.id}`);
    },
    onError: (e) => void message.error(errorText(e)),
  });

  const items = result?.items ?? [];
  return (
    <div data-testid="match-list">
      {result?.message && (
        <Alert
          type={result.noMatch ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid={result.noMatch ? 'matches-none' : 'matches-no-confident'}
          message={result.noMatch ? t('transfer.matches.none') : t('transfer.matches.noConfident')}
          description={pick(result.message)}
        />
      )}
      {result && (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          {t('transfer.matches.threshold', { threshold: formatScore(result.threshold) })}
        </Typography.Text>
      )}
      <List<MatchView>
        loading={loading}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('transfer.matches.none')} /> }}
        renderItem={(m) => (
          <List.Item
            data-testid="match-item"
            actions={[
              m.declined ? (
                <Tag key="d" color="default" data-testid="match-declined">
                  {t('transfer.matches.declined', { reason: tk(t, 'reason', m.declined.reason) })}
                </Tag>
              ) : (
                <Button key="d" size="small" onClick={() => { declineForm.resetFields(); setDeclining(m); }} data-testid="match-decline">
                  {t('transfer.matches.decline')}
                </Button>
              ),
              broker ? (
                <Button key="c" size="small" type="primary" onClick={() => { caseForm.resetFields(); setOpening(m); }} data-testid="match-open-case">
                  {t('transfer.matches.openCase')}
                </Button>
              ) : null,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              avatar={<MatchScore score={m.score} />}
              title={
                <Space wrap>
                  <Link to={`/listings/${m.kind}/${m.id}`} data-testid="match-title" lang={textLang(m.title)}>{m.title}</Link>
                  <GeneratedTag generated={m.generated} />
                  <Typography.Text type="secondary">{m.code}</Typography.Text>
                  <ConfidenceTag confident={m.confident} />
                </Space>
              }
              description={<WhyList why={m.why} />}
            />
          </List.Item>
        )}
      />

      <Modal
        open={declining !== null}
        title={t('transfer.matches.declineTitle')}
        onCancel={() => setDeclining(null)}
        confirmLoading={decline.isPending}
        onOk={() => void declineForm.validateFields().then((v) => decline.mutate({ resultId: declining!.id, reason: v.reason, note: v.note?.trim() || undefined }))}
        okButtonProps={{ 'data-testid': 'decline-ok' } as never}
        destroyOnHidden
      >
        <Typography.Paragraph strong>{declining?.title}</Typography.Paragraph>
        <Form form={declineForm} layout="vertical">
          <Form.Item name="reason" label={t('transfer.matches.reason')} rules={[{ required: true, message: t('transfer.form.required', { field: t('transfer.matches.reason') }) }]}>
            <Select data-testid="decline-reason" getPopupContainer={(node: HTMLElement) => node.parentElement ?? document.body} options={DECLINE_REASONS.map((r) => ({ value: r, label: tk(t, 'reason', r) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('transfer.action.note')} rules={reason === 'other' ? [{ required: true, whitespace: true, message: t('transfer.action.noteRequired') }] : []}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={opening !== null}
        title={t('transfer.matches.openCaseTitle')}
        onCancel={() => setOpening(null)}
        confirmLoading={open.isPending}
        onOk={() => void caseForm.validateFields().then((v) => open.mutate({ resultId: opening!.id, note: v.note?.trim() || undefined }))}
        okButtonProps={{ 'data-testid': 'open-case-ok' } as never}
        destroyOnHidden
      >
        <Typography.Paragraph strong>{opening?.title}</Typography.Paragraph>
        <Form form={caseForm} layout="vertical">
          <Form.Item name="note" label={t('transfer.action.note')}>
            <Input.TextArea rows={3} data-testid="open-case-note" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
