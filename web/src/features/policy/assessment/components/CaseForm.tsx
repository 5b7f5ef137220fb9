// The case the engine assesses, as a form: the fiscal years before the application year (registry values marked),
// IP as counts, the flags only the enterprise can state, expert-judged points, other facts and dated lists
// (awards, standards, financing). Fields the last run named as missing or wrong are marked.
import { Col, Collapse, DatePicker, InputNumber, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n, type MessageKey } from '../../../../shared/i18n';
import type { CaseInput, Prefill } from '../api/assessment';
import { FLAGS, HNTE_EXPERT, IP_COUNT_FIELDS, ipCounts, ipItems, SECTIONS_BY_PROGRAMME, YEAR_FIELDS, type YearField } from './caseFields';
import { ListEditor } from './ListEditor';

type Year = NonNullable<CaseInput['years']>[number];

export interface CaseFormProps {
  draft: CaseInput;
  onChange: (next: CaseInput) => void;
  applicationYear: number;
  programme: string;
  provenance: Prefill['provenance'];
  /** Field paths the server named (`years[year=2024].hiTechRevenue`, `years[0].staffAvg`, `flags.coreIpOwned` …). */
  errorPaths: string[];
}

/** Does a server field path point at this year's field? Handles both `years[year=Y].f` and `years[i].f`. */
function yearFieldHasError(paths: string[], years: Year[], year: number, field: string): boolean {
  const index = years.findIndex((y) => y.year === year);
  return paths.some((p) => p.endsWith(`years[year=${year}].${field}`) || p.endsWith(`years[${index}].${field}`));
}

export function CaseForm({ draft, onChange, applicationYear, programme, provenance, errorPaths }: CaseFormProps) {
  const { t, pick } = useI18n();
  const years = [...(draft.years ?? [])];
  const shownYears = [...new Set([applicationYear - 3, applicationYear - 2, applicationYear - 1, ...years.map((y) => y.year).filter((y) => y < applicationYear && y >= applicationYear - 5)])].sort();
  const fromRegistry = (path: string) => provenance.find((p) => p.path === path);
  const hasError = (path: string) => errorPaths.some((p) => p === path || p.endsWith(`.${path}`) || p.startsWith(`${path}.`) || p.startsWith(`${path}[`));

  const setYear = (year: number, field: YearField, value: number | null) => {
    const next = years.some((y) => y.year === year) ? years.map((y) => ({ ...y })) : [...years.map((y) => ({ ...y })), { year }];
    const y = next.find((x) => x.year === year)!;
    if (value === null) delete y[field]; else y[field] = value;
    onChange({ ...draft, years: next.sort((a, b) => a.year - b.year) });
  };
  const set = <K extends keyof CaseInput>(key: K, value: CaseInput[K] | null) => {
    const next = { ...draft };
    if (value === null || value === undefined) delete next[key]; else next[key] = value;
    onChange(next);
  };
  const counts = ipCounts(draft.ip);

  const yearsTable = (
    <Table size="small" pagination={false} rowKey="key" data-testid="case-years" scroll={{ x: true }}
      dataSource={YEAR_FIELDS}
      columns={[
        { title: t('policy.assess.figure'), key: 'label', fixed: 'left', render: (_: unknown, f: (typeof YEAR_FIELDS)[number]) => t(f.label) },
        ...shownYears.map((year) => ({
          title: (
            <Space size={4}>
              {year}
              {fromRegistry(`years.${year}`) ? <Tooltip title={pick(fromRegistry(`years.${year}`)!.source)}><Tag color="blue">{t('policy.assess.registry')}</Tag></Tooltip> : null}
            </Space>
          ),
          key: String(year),
          render: (_: unknown, f: (typeof YEAR_FIELDS)[number]) => {
            const value = years.find((y) => y.year === year)?.[f.key];
            return (
              <InputNumber size="small" style={{ width: 120 }} value={typeof value === 'number' ? value : null} min={f.signed ? undefined : 0}
                status={yearFieldHasError(errorPaths, years, year, f.key) ? 'error' : undefined}
                data-testid={`case-${year}-${f.key}`} onChange={(v) => setYear(year, f.key, v === null ? null : Number(v))} />
            );
          },
        })),
      ]} />
  );

  const ip = (
    <Row gutter={[16, 8]} data-testid="case-ip">
      {fromRegistry('ip') ? <Col span={24}><Tag color="blue">{t('policy.assess.registry')}</Tag> <Typography.Text type="secondary">{pick(fromRegistry('ip')!.source)}</Typography.Text></Col> : null}
      {IP_COUNT_FIELDS.map((f) => (
        <Col key={f.key} xs={12} md={8} xl={4}>
          <div>{t(f.label)}</div>
          <InputNumber min={0} max={10000} value={counts[f.key]} data-testid={`case-ip-${f.key}`} onChange={(v) => set('ip', ipItems({ ...counts, [f.key]: Number(v ?? 0) }))} />
        </Col>
      ))}
    </Row>
  );

  const flags = (
    <Row gutter={[16, 8]}>
      {FLAGS.map((f) => {
        const value = draft.flags?.[f.key];
        return (
          <Col key={f.key} xs={24} md={12} xl={8}>
            <Space>
              <Select size="small" style={{ width: 96 }} value={value === undefined ? 'unknown' : value ? 'yes' : 'no'} status={hasError(`flags.${f.key}`) ? 'error' : undefined}
                data-testid={`case-flag-${f.key}`}
                onChange={(v) => {
                  const next = { ...(draft.flags ?? {}) };
                  if (v === 'unknown') delete next[f.key]; else next[f.key] = v === 'yes';
                  set('flags', next);
                }}
                options={[{ value: 'unknown', label: t('policy.assess.unknown') }, { value: 'yes', label: t('common.yes') }, { value: 'no', label: t('common.no') }]} />
              <span>{t(f.label)}</span>
              {fromRegistry(`flags.${f.key}`) ? <Tag color="blue">{t('policy.assess.registry')}</Tag> : null}
            </Space>
          </Col>
        );
      })}
    </Row>
  );

  const hnte = draft.expert?.hnte ?? {};
  const expert = (
    <Row gutter={[16, 8]}>
      <Col span={24}><Typography.Text type="secondary">{t('policy.assess.expertHint')}</Typography.Text></Col>
      {HNTE_EXPERT.map((f) => (
        <Col key={f.key} xs={12} md={8} xl={6}>
          <div>{t(f.label)} <Typography.Text type="secondary">(0–{f.max})</Typography.Text></div>
          <InputNumber min={0} max={f.max} precision={0} value={hnte[f.key] ?? null} status={hasError(`expert.hnte.${f.key}`) ? 'error' : undefined} data-testid={`case-expert-${f.key}`}
            onChange={(v) => {
              const next = { ...hnte };
              if (v === null) delete next[f.key]; else next[f.key] = Number(v);
              set('expert', { ...(draft.expert ?? {}), hnte: next });
            }} />
        </Col>
      ))}
      <Col xs={12} md={8} xl={6}>
        <div>{t('policy.assess.x.localIndicators')} <Typography.Text type="secondary">(0–15)</Typography.Text></div>
        <InputNumber min={0} max={15} precision={0} value={draft.expert?.srdi?.localIndicators ?? null}
          onChange={(v) => set('expert', { ...(draft.expert ?? {}), srdi: v === null ? {} : { localIndicators: Number(v) } })} />
      </Col>
    </Row>
  );

  const num = (key: 'nicheYears' | 'conversionsLast3Years' | 'platformScore' | 'digitalLevel', label: MessageKey, max: number, precision?: number) => (
    <Col xs={12} md={8} xl={6}>
      <div>{t(label)} {fromRegistry(key) ? <Tag color="blue">{t('policy.assess.registry')}</Tag> : null}</div>
      <InputNumber min={0} max={max} precision={precision} value={draft[key] ?? null} status={hasError(key) ? 'error' : undefined} data-testid={`case-${key}`} onChange={(v) => set(key, v === null ? null : Number(v))} />
    </Col>
  );
  const other = (
    <Row gutter={[16, 12]}>
      <Col xs={12} md={8} xl={6}>
        <div>{t('policy.assess.f.registrationDate')} {fromRegistry('registrationDate') ? <Tooltip title={pick(fromRegistry('registrationDate')!.source)}><Tag color="blue">{t('policy.assess.registry')}</Tag></Tooltip> : null}</div>
        <DatePicker value={draft.registrationDate ? dayjs(draft.registrationDate) : null} status={hasError('registrationDate') ? 'error' : undefined} onChange={(d) => set('registrationDate', d ? d.format('YYYY-MM-DD') : null)} />
      </Col>
      {num('nicheYears', 'policy.assess.f.nicheYears', 200)}
      {num('conversionsLast3Years', 'policy.assess.f.conversionsLast3Years', 100000, 0)}
      {num('digitalLevel', 'policy.assess.f.digitalLevel', 4, 0)}
      {num('platformScore', 'policy.assess.f.platformScore', 100)}
      <Col xs={12} md={8} xl={6}>
        <div>{t('policy.assess.f.rdInstitution')} {fromRegistry('rdInstitution') ? <Tag color="blue">{t('policy.assess.registry')}</Tag> : null}</div>
        <Select allowClear style={{ width: 180 }} value={draft.rdInstitution} onChange={(v) => set('rdInstitution', v ?? null)}
          options={(['national', 'provincial', 'municipal', 'below_municipal'] as const).map((v) => ({ value: v, label: t(`policy.assess.level.${v}`) }))} />
      </Col>
      <Col xs={12} md={8} xl={6}>
        <div>{t('policy.assess.f.leadingProductField')}</div>
        <Select allowClear style={{ width: 180 }} value={draft.leadingProductField} onChange={(v) => set('leadingProductField', v ?? null)}
          options={(['key_link', 'six_basics', 'none'] as const).map((v) => ({ value: v, label: t(`policy.assess.lpf.${v}`) }))} />
      </Col>
      <Col xs={12} md={8} xl={6}>
        <div>{t('policy.assess.f.makersChina')}</div>
        <Space.Compact>
          <Select allowClear style={{ width: 150 }} value={draft.makersChina?.tier} onChange={(v) => set('makersChina', v ? { tier: v, date: draft.makersChina?.date ?? `${applicationYear - 1}-12-31` } : null)}
            options={(['national_top50', 'top500'] as const).map((v) => ({ value: v, label: t(`policy.assess.makers.${v}`) }))} />
          <DatePicker disabled={!draft.makersChina} value={draft.makersChina ? dayjs(draft.makersChina.date) : null} onChange={(d) => draft.makersChina && d && set('makersChina', { ...draft.makersChina, date: d.format('YYYY-MM-DD') })} />
        </Space.Compact>
      </Col>
    </Row>
  );

  const lists = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ListEditor title={t('policy.assess.awards')} rows={draft.awards ?? []} onChange={(rows) => set('awards', rows)} testId="case-awards"
        columns={[{ key: 'level', type: 'enum', label: t('policy.assess.level'), options: [['national', t('policy.assess.level.national')], ['provincial', t('policy.assess.level.provincial')]] },
          { key: 'rank', type: 'int', label: t('policy.assess.rank') }, { key: 'date', type: 'date', label: t('policy.assess.date') }]}
        blank={() => ({ level: 'provincial' as const, date: `${applicationYear - 1}-12-31` })} />
      <ListEditor title={t('policy.assess.standards')} rows={draft.standards ?? []} onChange={(rows) => set('standards', rows)}
        columns={[{ key: 'level', type: 'enum', label: t('policy.assess.level'), options: [['international', t('policy.assess.level.international')], ['national', t('policy.assess.level.national')], ['industry', t('policy.assess.level.industry')]] },
          { key: 'rank', type: 'int', label: t('policy.assess.rank') }, { key: 'date', type: 'date', label: t('policy.assess.date') }]}
        blank={() => ({ level: 'industry' as const, date: `${applicationYear - 1}-12-31` })} />
      <ListEditor title={t('policy.assess.financing')} rows={draft.financing ?? []} onChange={(rows) => set('financing', rows)}
        columns={[{ key: 'amount', type: 'amount', label: t('policy.assess.amount10k') }, { key: 'qualifiedInvestor', type: 'bool', label: t('policy.assess.qualifiedInvestor') }, { key: 'date', type: 'date', label: t('policy.assess.date') }]}
        blank={() => ({ amount: 0, qualifiedInvestor: true, date: `${applicationYear - 1}-12-31` })} />
    </Space>
  );

  const open = SECTIONS_BY_PROGRAMME[programme] ?? ['years'];
  return (
    <Collapse defaultActiveKey={open} data-testid="case-form" items={[
      { key: 'years', label: t('policy.assess.section.years'), children: yearsTable },
      { key: 'ip', label: t('policy.assess.section.ip'), children: ip },
      { key: 'flags', label: t('policy.assess.section.flags'), children: flags },
      { key: 'expert', label: t('policy.assess.section.expert'), children: expert },
      { key: 'other', label: t('policy.assess.section.other'), children: other },
      { key: 'lists', label: t('policy.assess.section.lists'), children: lists },
    ]} />
  );
}
