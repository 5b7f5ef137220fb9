// Admin only: the weights of a framework's nodes (dimensions and indicators, as the framework defines its tree),
// saved with the version loaded so a concurrent edit is a 409 (message, then the latest version reloads) rather than a
// silent overwrite. Built-in frameworks are copied first; the evaluation then switches to the copy and reloads.
import { useEffect, useMemo, useState } from 'react';
import { App, Alert, Button, Drawer, InputNumber, Space, Tag, Typography } from 'antd';
import { SlidersOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../../../shared/auth/AuthContext';
import { isApiError } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n';
import { copyFramework, invalidateEvaluation, saveWeights, useFrameworkDetail, type FrameworkDetail, type FrameworkNodeRow } from '../api/evaluation-data';

interface Props { framework: number; onFramework: (id: number) => void }

/** Depth-first order of the tree with each node's depth, children in the framework's order. */
function treeRows(nodes: FrameworkNodeRow[]): { node: FrameworkNodeRow; depth: number }[] {
  const kids = new Map<string | null, FrameworkNodeRow[]>();
  for (const n of [...nodes].sort((a, b) => a.sort - b.sort)) {
    const p = n.parent_code ?? null;
    kids.set(p, [...(kids.get(p) ?? []), n]);
  }
  const out: { node: FrameworkNodeRow; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const n of kids.get(parent) ?? []) { out.push({ node: n, depth }); walk(n.code, depth + 1); }
  };
  walk(null, 0);
  return out;
}

const round = (x: number) => Number(x.toPrecision(10));

export function WeightsEditor({ framework, onFramework }: Props) {
  const { t, name } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const isAdmin = user?.role === 'admin';
  const detail = useFrameworkDetail(framework, isAdmin && open);
  const fw = detail.data;
  const [weights, setWeights] = useState<Record<string, number>>({});
  useEffect(() => setWeights({}), [fw?.id, fw?.version]);
  const rows = useMemo(() => (fw ? treeRows(fw.nodes) : []), [fw]);

  const weightOf = (n: FrameworkNodeRow) => weights[n.code] ?? n.weight;
  const sumOf = (parent: string) => round((fw?.nodes ?? []).filter((n) => n.parent_code === parent).reduce((s, n) => s + weightOf(n), 0));
  const ruleFor = (childLevel: number) => fw?.options.weightRules?.find((r) => r.level === childLevel);

  const save = useMutation({
    mutationFn: (f: FrameworkDetail) => saveWeights(f, weights),
    onSuccess: () => {
      void message.success(t('evaluation.weights.saved'));
      invalidateEvaluation(qc);
      setOpen(false);
    },
    onError: (e) => {
      if (isApiError(e) && e.status === 409) {
        void message.warning(t('evaluation.weights.conflict'));
        setWeights({});
        void qc.invalidateQueries({ queryKey: ['framework', framework] });
      }
    },
  });
  const copy = useMutation({
    mutationFn: (id: number) => copyFramework(id),
    onSuccess: (c) => { invalidateEvaluation(qc); onFramework(c.id); },
  });

  if (!isAdmin) return null;
  const error = save.error && !(isApiError(save.error) && save.error.status === 409) ? save.error : copy.error;
  const errorText = error ? (isApiError(error) ? error.fieldErrors.map((f) => f.message).join('; ') || error.message : String(error)) : null;
  const dirty = Object.keys(weights).length > 0;

  return (
    <>
      <Button size="small" icon={<SlidersOutlined />} onClick={() => { save.reset(); copy.reset(); setOpen(true); }} data-testid="eval-weights">{t('evaluation.weights.open')}</Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        size={Math.min(560, window.innerWidth)}
        destroyOnHidden
        title={fw ? t('evaluation.weights.title', { framework: name(fw) }) : t('evaluation.weights.open')}
        data-testid="eval-weights-drawer"
        extra={fw && !fw.shipped ? (
          <Button type="primary" size="small" disabled={!dirty} loading={save.isPending} onClick={() => save.mutate(fw)} data-testid="eval-weights-save">
            {t('evaluation.weights.save')}
          </Button>
        ) : null}
      >
        {!fw ? null : (
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('evaluation.weights.version', { version: fw.version })}</Typography.Text>
            {fw.shipped && (
              <Alert type="info" showIcon message={t('evaluation.weights.shipped')} action={(
                <Button size="small" type="primary" loading={copy.isPending} onClick={() => copy.mutate(fw.id)} data-testid="eval-weights-copy">{t('evaluation.weights.copy')}</Button>
              )} />
            )}
            {(fw.options.weightRules ?? []).map((r) => (
              <Typography.Text key={r.level} type="secondary" style={{ fontSize: 12 }}>{t('evaluation.weights.rule', { level: r.level, sum: r.sum })}</Typography.Text>
            ))}
            {errorText && <Alert type="error" showIcon message={t('evaluation.weights.failed', { reason: errorText })} data-testid="eval-weights-error" />}
            <div data-testid="eval-weights-list">
              {rows.map(({ node, depth }) => {
                const aggregate = node.level > 1;
                const rule = aggregate ? ruleFor(node.level - 1) : undefined;
                const sum = aggregate ? sumOf(node.code) : null;
                const off = rule && sum !== null && Math.abs(sum - rule.sum) > (rule.tolerance ?? 1e-9);
                return (
                  <div key={node.code} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '4px 0', paddingLeft: depth * 12, borderBottom: '1px solid #f0f0f0' }}>
                    <span style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere', fontWeight: aggregate ? 600 : 400 }}>
                      {name(node)}
                      {sum !== null && <Tag color={off ? 'red' : undefined} style={{ marginLeft: 6 }} data-testid={`eval-weights-sum-${node.code}`}>{t('evaluation.weights.sum', { sum })}</Tag>}
                    </span>
                    {node.parent_code ? (
                      <InputNumber size="small" min={0} step={0.01} style={{ width: 96, flex: 'none' }} disabled={fw.shipped} value={weightOf(node)}
                        onChange={(v) => setWeights((w) => ({ ...w, [node.code]: typeof v === 'number' ? v : 0 }))} data-testid={`eval-weight-${node.code}`} />
                    ) : null}
                  </div>
                );
              })}
            </div>
          </Space>
        )}
      </Drawer>
    </>
  );
}
