// The two small forms of a challenge: attaching a demand to the list, and a solver's proposal (揭榜).
import { useState } from 'react';
import { App, Button, Form, Input, Select, Space } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../../../shared/i18n';
import { RefSelect } from '../../entities/components/RefSelect';
import { useDemandList } from '../api/transfer';
import { useOfferList } from '../api/listings';
import { attachDemand, type ChallengeDetail, submitProposal, useInvalidateChallenge } from '../api/challenges';
import { errorText } from './labels';

export function AttachDemandForm({ challengeId }: { challengeId: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [demandId, setDemandId] = useState<number | null>(null);
  const demands = useDemandList({ q, limit: 30 });
  const invalidate = useInvalidateChallenge(challengeId);
  const attach = useMutation({
    mutationFn: () => attachDemand(challengeId, demandId!),
    onSuccess: () => {
      void message.success(t('transfer.challenge.attached'));
      setDemandId(null);
      void invalidate();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  return (
    <Space.Compact>
      <Select
        id="attach_demand"
        showSearch
        filterOption={false}
        onSearch={setQ}
        value={demandId ?? undefined}
        onChange={setDemandId}
        placeholder={t('transfer.challenge.pickDemand')}
        style={{ width: 280 }}
        loading={demands.isFetching}
        options={(demands.data?.items ?? []).map((d) => ({ value: d.id, label: `${String(d.title)} (${String(d.code)})` }))}
      />
      <Button type="primary" disabled={!demandId} loading={attach.isPending} onClick={() => attach.mutate()} data-testid="challenge-attach">
        {t('transfer.challenge.attach')}
      </Button>
    </Space.Compact>
  );
}

interface ProposalValues {
  demand_id: number;
  organization_id?: number | null;
  offer_id?: number | null;
  text: string;
}

/** Solvers propose for their own organisation; a broker may enter a proposal on a solver's behalf. */
export function ProposalForm({ challenge, broker }: { challenge: ChallengeDetail; broker: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProposalValues>();
  const invalidate = useInvalidateChallenge(challenge.id);
  const offers = useOfferList({ limit: 50 });
  const submit = useMutation({
    mutationFn: (v: ProposalValues) => submitProposal(challenge.id, { ...v, text: v.text.trim(), offer_id: v.offer_id ?? null, organization_id: v.organization_id ?? null }),
    onSuccess: () => {
      void message.success(t('transfer.challenge.proposed'));
      form.resetFields();
      void invalidate();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const required = (label: string) => [{ required: true, whitespace: true, message: t('transfer.form.required', { field: label }) }];
  return (
    <Form<ProposalValues> form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} style={{ marginBottom: 16, maxWidth: 720 }} data-testid="proposal-form">
      <Form.Item name="demand_id" label={t('transfer.cases.demand')} rules={[{ required: true, message: t('transfer.form.required', { field: t('transfer.cases.demand') }) }]}>
        <Select id="proposal_demand" options={challenge.demands.map((d) => ({ value: d.id, label: d.title }))} />
      </Form.Item>
      {broker && (
        <Form.Item name="organization_id" label={t('transfer.challenge.solver')} rules={[{ required: true, message: t('transfer.form.required', { field: t('transfer.challenge.solver') }) }]}>
          <RefSelect entity="organizations" id="proposal_org" />
        </Form.Item>
      )}
      {!broker && (
        <Form.Item name="offer_id" label={t('transfer.challenge.offer')}>
          <Select allowClear options={(offers.data?.items ?? []).map((o) => ({ value: o.id, label: String(o.title) }))} />
        </Form.Item>
      )}
      <Form.Item name="text" label={t('transfer.challenge.proposalText')} rules={required(t('transfer.challenge.proposalText'))}>
        <Input.TextArea rows={4} data-testid="proposal-text" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="proposal-submit">
        {t('transfer.challenge.propose')}
      </Button>
    </Form>
  );
}
