// Admin only: recompute the registry-based indicator values of the zone (with its sub-zones) for a range of years,
// then show how many values were stored; the evaluation reloads. The server refuses anyone else as well.
import { useState } from 'react';
import { Alert, Button, InputNumber, Modal, Space, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../../../shared/auth/AuthContext';
import { isApiError } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n';
import { invalidateEvaluation, recompute } from '../api/evaluation-data';

interface Props { zone: { id: number; code?: string; name_zh?: string; name_en?: string | null }; year: number }

export function RecomputeControl({ zone, year }: Props) {
  const { t, name } = useI18n();
  const { user } = useAuth();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState(year - 4);
  const [to, setTo] = useState(year);
  const run = useMutation({
    mutationFn: () => recompute(zone.id, Math.min(from, to), Math.max(from, to)),
    onSuccess: () => invalidateEvaluation(qc),
  });
  if (user?.role !== 'admin') return null;
  const start = () => { setFrom(year - 4); setTo(year); run.reset(); setOpen(true); };
  return (
    <>
      <Button size="small" icon={<ReloadOutlined />} onClick={start} data-testid="eval-recompute">{t('evaluation.recompute.open')}</Button>
      <Modal
        open={open}
        title={t('evaluation.recompute.title', { zone: name(zone) })}
        onCancel={() => setOpen(false)}
        footer={(
          <Space wrap>
            <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
            <Button type="primary" loading={run.isPending} onClick={() => run.mutate()} data-testid="eval-recompute-run">
              {run.isPending ? t('evaluation.recompute.running') : t('evaluation.recompute.run')}
            </Button>
          </Space>
        )}
        width="min(480px, calc(100vw - 24px))"
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('evaluation.recompute.intro')}</Typography.Paragraph>
        <Space wrap size={12} style={{ marginBottom: 12 }}>
          <label>{t('evaluation.recompute.from')}{' '}
            <InputNumber min={1949} max={2100} precision={0} value={from} onChange={(v) => setFrom(v ?? year)} data-testid="eval-recompute-from" />
          </label>
          <label>{t('evaluation.recompute.to')}{' '}
            <InputNumber min={1949} max={2100} precision={0} value={to} onChange={(v) => setTo(v ?? year)} data-testid="eval-recompute-to" />
          </label>
        </Space>
        {run.isSuccess && (
          <Alert type="success" showIcon data-testid="eval-recompute-result" message={t('evaluation.recompute.done', {
            indicators: run.data.indicators.length, values: run.data.values, undefined: run.data.undefinedValues, ms: run.data.ms,
          })} />
        )}
        {run.isError && (
          <Alert type="error" showIcon data-testid="eval-recompute-error"
            message={t('evaluation.recompute.failed', { reason: isApiError(run.error) ? run.error.fieldErrors.map((f) => f.message).join('; ') || run.error.message : String(run.error) })} />
        )}
      </Modal>
    </>
  );
}
