// Proposals of a challenge, best average score first: brokers score each (0–100 with a comment) while the challenge
// is scoring, and pair one with its demand, which opens a case. Solvers see their own proposals.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Form, Input, InputNumber, Modal, Space, Table, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../../../shared/i18n';
import { type ChallengeDetail, pairProposal, type Proposal, scoreProposal, useInvalidateChallenge } from '../api/challenges';
import { errorText } from './labels';

export function ProposalTable({ challenge, broker }: { challenge: ChallengeDetail; broker: boolean }) {
  const { t, name } = useI18n();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidateChallenge(challenge.id);
  const [scoring, setScoring] = useState<Proposal | null>(null);
  const [form] = Form.useForm<{ score: number; comment?: string }>();
  const canScore = broker && challenge.status === 'scoring';
  const canPair = broker && ['scoring', 'closed'].includes(challenge.status);
  const demandTitle = (id: number) => challenge.demands.find((d) => d.id === id)?.title ?? `#${id}`;

  const score = useMutation({
    mutationFn: (v: { score: number; comment?: string }) => scoreProposal(scoring!.id, v.score, v.comment?.trim()),
    onSuccess: (r) => {
      void message.success(t('transfer.challenge.scored', { average: r.average }));
      setScoring(null);
      void invalidate();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const pair = useMutation({
    mutationFn: (p: Proposal) => pairProposal(p.id),
    onSuccess: (c) => {
      void message.success(t('transfer.challenge.paired'));
      void invalidate();
      navigate(`/transfer/cases/${c.id}`);
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const confirmPair = (p: Proposal) =>
    modal.confirm({
      title: t('transfer.challenge.pairTitle'),
      content: t('transfer.challenge.pairText', { solver: name(p.organization), demand: demandTitle(p.demand_id) }),
      okButtonProps: { 'data-testid': 'pair-ok' } as never,
      onOk: () => pair.mutateAsync(p),
    });

  return (
    <>
      <Table<Proposal>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={challenge.proposals}
        locale={{ emptyText: t('transfer.challenge.noProposals') }}
        data-testid="proposal-table"
        columns={[
          { title: t('transfer.challenge.solver'), key: 'org', width: 180, render: (_, p) => name(p.organization) },
          { title: t('transfer.cases.demand'), dataIndex: 'demand_id', width: 180, render: (v: number) => demandTitle(v) },
          { title: t('transfer.challenge.proposalText'), dataIndex: 'text', render: (v: string) => <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ marginBottom: 0 }}>{v}</Typography.Paragraph> },
          { title: t('transfer.challenge.average'), dataIndex: 'average', width: 110, render: (v: number | null, p) => <span data-testid="proposal-average">{v == null ? '—' : `${v} (${p.scores})`}</span> },
          ...(broker ? [{ title: t('transfer.challenge.myScore'), key: 'mine', width: 110, render: (_: unknown, p: Proposal) => (p.my_score ? String(p.my_score.score) : '—') }] : []),
          {
            title: t('common.actions'),
            key: 'actions',
            width: 200,
            render: (_, p) => (
              <Space wrap>
                {canScore && (
                  <Button size="small" data-testid="proposal-score" onClick={() => { form.setFieldsValue({ score: p.my_score?.score, comment: p.my_score?.comment ?? undefined }); setScoring(p); }}>
                    {t('transfer.challenge.score')}
                  </Button>
                )}
                {p.case_id ? (
                  <Link to={`/transfer/cases/${p.case_id}`} data-testid="proposal-case">{t('transfer.challenge.openCaseLink')}</Link>
                ) : canPair ? (
                  <Button size="small" type="primary" loading={pair.isPending} onClick={() => confirmPair(p)} data-testid="proposal-pair">
                    {t('transfer.challenge.pair')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={scoring !== null}
        title={t('transfer.challenge.scoreTitle')}
        onCancel={() => setScoring(null)}
        confirmLoading={score.isPending}
        okButtonProps={{ 'data-testid': 'score-ok' } as never}
        onOk={() => void form.validateFields().then((v) => score.mutate(v), () => undefined)}
        forceRender
      >
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }}>{scoring?.text}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="score" label={t('transfer.challenge.scoreLabel')} rules={[{ required: true, message: t('transfer.form.required', { field: t('transfer.challenge.scoreLabel') }) }]}>
            <InputNumber id="proposal_score" min={0} max={100} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="comment" label={t('transfer.challenge.comment')}>
            <Input.TextArea id="proposal_comment" rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
