// R&D super-deduction calculator (研发费用加计扣除): tax year, enterprise kind, the expense categories (or a base),
// entrusted R&D, scrap income, the excluded-industry test and intangible assets; the engine's answer line by line,
// each with its formula and source.
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Descriptions, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { isApiError } from '../../../../shared/api/client';
import { useI18n, type MessageKey } from '../../../../shared/i18n';
import { type SuperDeduction, useSuperDeduction } from '../api/assessment';
import { ListEditor } from './ListEditor';

const KINDS = ['general', 'tech_sme', 'manufacturing', 'ic', 'machine_tool'] as const;
const EXPENSES: { key: string; label: MessageKey }[] = [
  { key: 'personnel', label: 'policy.assess.sd.personnel' }, { key: 'directInputs', label: 'policy.assess.sd.directInputs' },
  { key: 'depreciation', label: 'policy.assess.sd.depreciation' }, { key: 'amortisation', label: 'policy.assess.sd.amortisation' },
  { key: 'design', label: 'policy.assess.sd.design' }, { key: 'otherRelated', label: 'policy.assess.sd.otherRelated' },
];
const EXTRAS: { key: string; label: MessageKey }[] = [
  { key: 'entrustedDomestic', label: 'policy.assess.sd.entrustedDomestic' }, { key: 'entrustedOverseas', label: 'policy.assess.sd.entrustedOverseas' },
  { key: 'scrapIncome', label: 'policy.assess.sd.scrapIncome' }, { key: 'governmentFunded', label: 'policy.assess.sd.governmentFunded' },
];
const INDUSTRY: { key: string; label: MessageKey }[] = [
  { key: 'excludedIndustryRevenue', label: 'policy.assess.sd.excludedIndustryRevenue' }, { key: 'totalIncome', label: 'policy.assess.f.totalIncome' },
  { key: 'nonTaxableIncome', label: 'policy.assess.f.nonTaxableIncome' }, { key: 'investmentIncome', label: 'policy.assess.f.investmentIncome' },
];
type Nums = Record<string, number | null>;
const KIND_KEY: Record<(typeof KINDS)[number], MessageKey> = {
  general: 'policy.assess.sd.kind.general', tech_sme: 'policy.assess.sd.kind.tech_sme', manufacturing: 'policy.assess.sd.kind.manufacturing', ic: 'policy.assess.sd.kind.ic', machine_tool: 'policy.assess.sd.kind.machine_tool',
};

const defined = (o: Nums) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

export function SuperDeductionPage() {
  const { t, pick } = useI18n();
  const calc = useSuperDeduction();
  const [taxYear, setTaxYear] = useState(new Date().getFullYear() - 1);
  const [kind, setKind] = useState<(typeof KINDS)[number]>('general');
  const [expenses, setExpenses] = useState<Nums>({ personnel: null, directInputs: null, depreciation: null, amortisation: null, design: null, otherRelated: null });
  const [extras, setExtras] = useState<Nums>({});
  const [industryOn, setIndustryOn] = useState(false);
  const [industry, setIndustry] = useState<Nums>({});
  const [intangibles, setIntangibles] = useState<{ cost: number; usefulLifeYears: number; formed: string }[]>([]);
  const errors = calc.error && isApiError(calc.error) ? calc.error.fieldErrors : [];
  const r: SuperDeduction | undefined = calc.data;

  const submit = () => calc.mutate({
    taxYear, enterpriseKind: kind, unit: '万元', expenses: defined(expenses), ...defined(extras),
    ...(industryOn ? { industry: defined(industry) } : {}), intangibles,
  });
  const numbers = (fields: { key: string; label: MessageKey }[], values: Nums, set: (n: Nums) => void, prefix: string) => fields.map((f) => (
    <Col key={f.key} xs={12} md={8} xl={6}>
      <div>{t(f.label)}</div>
      <InputNumber min={0} style={{ width: '100%' }} value={values[f.key] ?? null} data-testid={`sd-${prefix}${f.key}`}
        status={errors.some((e) => e.field.endsWith(f.key)) ? 'error' : undefined} onChange={(v) => set({ ...values, [f.key]: v === null ? null : Number(v) })} />
    </Col>
  ));

  return (
    <div data-testid="policy-super-deduction">
      <Card size="small" title={t('policy.assess.sd.title')} extra={<Typography.Text type="secondary">{t('policy.assess.sd.unit')}</Typography.Text>} style={{ marginBottom: 16 }}>
        <Space wrap style={{ marginBottom: 12 }}>
          <span>{t('policy.assess.sd.taxYear')}</span>
          <InputNumber min={2008} max={2100} precision={0} value={taxYear} onChange={(v) => v && setTaxYear(Number(v))} data-testid="sd-taxYear" />
          <span>{t('policy.assess.sd.kind')}</span>
          <Select style={{ width: 240 }} value={kind} onChange={setKind} options={KINDS.map((k) => ({ value: k, label: t(KIND_KEY[k]) }))} />
        </Space>
        <Typography.Text strong>{t('policy.assess.sd.expenses')}</Typography.Text>
        <Row gutter={[16, 8]} style={{ marginBottom: 12 }}>{numbers(EXPENSES, expenses, setExpenses, '')}</Row>
        <Row gutter={[16, 8]} style={{ marginBottom: 12 }}>{numbers(EXTRAS, extras, setExtras, '')}</Row>
        <Checkbox checked={industryOn} onChange={(e) => setIndustryOn(e.target.checked)}>{t('policy.assess.sd.industryTest')}</Checkbox>
        {industryOn ? <Row gutter={[16, 8]} style={{ margin: '8px 0 12px' }}>{numbers(INDUSTRY, industry, setIndustry, 'industry-')}</Row> : null}
        <div style={{ marginTop: 12 }}>
          <ListEditor title={t('policy.assess.sd.intangibles')} rows={intangibles} onChange={setIntangibles}
            columns={[{ key: 'cost', type: 'amount', label: t('policy.assess.sd.cost') }, { key: 'usefulLifeYears', type: 'int', label: t('policy.assess.sd.life') }, { key: 'formed', type: 'date', label: t('policy.assess.sd.formed') }]}
            blank={() => ({ cost: 0, usefulLifeYears: 10, formed: `${taxYear}-01-01` })} />
        </div>
        <Button type="primary" style={{ marginTop: 12 }} onClick={submit} loading={calc.isPending} data-testid="sd-run">{t('policy.assess.sd.calculate')}</Button>
        {calc.error ? (
          <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('policy.assess.fixInputs')}
            description={errors.length ? <ul style={{ margin: 0, paddingInlineStart: 18 }}>{errors.map((e, i) => <li key={i}>{e.message}</li>)}</ul> : (calc.error as Error).message} />
        ) : null}
      </Card>
      {r ? (
        <Card size="small" title={t('policy.assess.result')} data-testid="sd-result">
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('policy.assess.sd.rate')}>{(r.rate * 100).toFixed(2)} %</Descriptions.Item>
            <Descriptions.Item label={t('policy.assess.sd.base')}>{r.base}</Descriptions.Item>
            <Descriptions.Item label={t('policy.assess.sd.extra')}><b data-testid="sd-extra">{r.extraDeduction}</b></Descriptions.Item>
            <Descriptions.Item label={t('policy.assess.sd.excluded')}>{r.excluded ? <Tag color="error">{t('common.yes')}</Tag> : t('common.no')}</Descriptions.Item>
            <Descriptions.Item label={t('policy.assess.sd.amortisationResult')}>{r.amortisation ?? '—'}</Descriptions.Item>
          </Descriptions>
          {r.uncertain.length ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('policy.assess.uncertainTitle')} description={r.uncertain.map((u) => `${u.id}: ${pick(u.reason)}`).join('; ')} /> : null}
          <Table size="small" rowKey="id" pagination={false} dataSource={r.lines}
            columns={[
              { title: t('policy.assess.sd.line'), key: 'l', render: (_: unknown, l: SuperDeduction['lines'][number]) => pick(l.label) },
              { title: t('policy.assess.sd.amount'), dataIndex: 'amount', align: 'right', render: (v: number | null) => v ?? '—' },
              { title: t('policy.assess.arithmetic'), dataIndex: 'formula' },
              { title: t('policy.assess.source'), dataIndex: 'source' },
            ]} />
          <Table size="small" rowKey={(s) => `${s.rowId}-${s.months}`} pagination={false} dataSource={r.rateSegments} style={{ marginTop: 12 }}
            columns={[
              { title: t('policy.assess.sd.rateRow'), dataIndex: 'rowId' }, { title: t('policy.assess.sd.months'), dataIndex: 'months' },
              { title: t('policy.assess.sd.rate'), dataIndex: 'rate', render: (v: number) => `${(v * 100).toFixed(0)} %` },
              { title: t('policy.assess.source'), dataIndex: 'source' }, { title: t('policy.assess.rules.confidence'), dataIndex: 'confidence' },
            ]} />
        </Card>
      ) : null}
    </div>
  );
}
