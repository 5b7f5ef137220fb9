// What a challenge brought: its prize, and the agreements signed at it — through the platform's cases and as reported
// by the organiser — with their amounts; brokers edit the prize and the reported figures (yuan in, integer fen out).
import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, InputNumber, Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../../../shared/i18n';
import type { Challenge } from '../api/transfer';
import { setChallengeFigures } from '../api/challenges';
import { errorText } from './labels';
import { fenToYuan, formatFen, yuanToFen } from './money';

interface FigureValues {
  prize?: string | null;
  agreements?: number | null;
  amount?: string | null;
}

export function ChallengeFigures({ challenge: c, broker, onSaved }: { challenge: Challenge; broker: boolean; onSaved: () => unknown }) {
  const { t, lang: locale } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<FigureValues>();
  const save = useMutation({
    mutationFn: (v: FigureValues) => setChallengeFigures(c.id, {
      prize_amount_fen: yuanToFen(v.prize), agreements_reported: v.agreements ?? null, agreement_amount_reported_fen: yuanToFen(v.amount),
    }),
    onSuccess: () => {
      void message.success(t('transfer.action.done'));
      setEditing(false);
      void onSaved();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const money = (fen: number | null | undefined) => formatFen(fen, locale);
  const open = () => {
    form.setFieldsValue({ prize: fenToYuan(c.prize_amount_fen), agreements: c.agreements_reported ?? null, amount: fenToYuan(c.agreement_amount_reported_fen) });
    setEditing(true);
  };
  const amountRule = [{ pattern: /^\d+(\.\d{1,2})?$/, message: t('transfer.challenge.figures.amountFormat') }];

  return (
    <Card title={t('transfer.challenge.figures.title')} size="small" data-testid="challenge-figures"
      extra={broker ? <Button size="small" onClick={open} data-testid="challenge-figures-edit">{t('transfer.challenge.figures.edit')}</Button> : null}>
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t('transfer.challenge.figures.prize')}><span data-testid="challenge-prize">{money(c.prize_amount_fen)}</span></Descriptions.Item>
        <Descriptions.Item label={t('transfer.challenge.figures.agreements')}>
          <span data-testid="challenge-agreements">{t('transfer.challenge.figures.agreementsValue', { total: c.totals.agreements, cases: c.totals.case_agreements, reported: c.agreements_reported ?? 0 })}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('transfer.challenge.figures.amount')}>
          <span data-testid="challenge-amount">{t('transfer.challenge.figures.amountValue', { total: money(c.totals.amount_fen), cases: money(c.totals.case_amount_fen), reported: money(c.agreement_amount_reported_fen ?? 0) })}</span>
        </Descriptions.Item>
      </Descriptions>
      <Modal open={editing} title={t('transfer.challenge.figures.edit')} onCancel={() => setEditing(false)} onOk={() => form.submit()} confirmLoading={save.isPending}>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="prize" label={t('transfer.challenge.figures.prizeYuan')} rules={amountRule}><InputNumber<string> stringMode min="0" style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="agreements" label={t('transfer.challenge.figures.reported')}><InputNumber min={0} precision={0} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="amount" label={t('transfer.challenge.figures.reportedAmountYuan')} rules={amountRule}><InputNumber<string> stringMode min="0" style={{ width: '100%' }} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
