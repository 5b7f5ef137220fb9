// A small editor for a dated list of the case (awards, standards, financing): one row per entry, add and remove.
import { Button, Checkbox, DatePicker, InputNumber, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../../shared/i18n';

export interface ListColumn {
  key: string;
  label: string;
  type: 'enum' | 'int' | 'amount' | 'date' | 'bool';
  options?: [string, string][];
}

export function ListEditor<T extends object>({ title, rows, onChange, columns, blank, testId }: {
  title: string; rows: T[]; onChange: (rows: T[]) => void; columns: ListColumn[]; blank: () => T; testId?: string;
}) {
  const { t } = useI18n();
  const update = (i: number, key: string, value: unknown) => onChange(rows.map((r, j) => {
    if (j !== i) return r;
    const next = { ...r } as Record<string, unknown>;
    if (value === null || value === undefined) delete next[key]; else next[key] = value;
    return next as T;
  }));
  const cell = (c: ListColumn, row: Record<string, unknown>, i: number) => {
    const v = row[c.key];
    switch (c.type) {
      case 'enum': return <Select size="small" style={{ width: 130 }} value={v as string} onChange={(x) => update(i, c.key, x)} options={c.options!.map(([value, label]) => ({ value, label }))} />;
      case 'int': return <InputNumber size="small" min={1} precision={0} value={(v as number | undefined) ?? null} onChange={(x) => update(i, c.key, x)} />;
      case 'amount': return <InputNumber size="small" min={0} value={(v as number | undefined) ?? null} onChange={(x) => update(i, c.key, x ?? 0)} />;
      case 'date': return <DatePicker size="small" allowClear={false} value={v ? dayjs(String(v)) : null} onChange={(d) => d && update(i, c.key, d.format('YYYY-MM-DD'))} />;
      case 'bool': return <Checkbox checked={Boolean(v)} onChange={(e) => update(i, c.key, e.target.checked)} />;
    }
  };
  return (
    <div data-testid={testId}>
      <Space style={{ marginBottom: 4 }}>
        <Typography.Text strong>{title}</Typography.Text>
        <Button size="small" onClick={() => onChange([...rows, blank()])}>{t('policy.assess.addRow')}</Button>
      </Space>
      {rows.length > 0 && (
        <Table size="small" pagination={false} rowKey={(_, i) => String(i)} dataSource={rows as Record<string, unknown>[]}
          columns={[
            ...columns.map((c) => ({ title: c.label, key: c.key, render: (_: unknown, row: Record<string, unknown>, i: number) => cell(c, row, i) })),
            { title: '', key: 'remove', render: (_: unknown, __: unknown, i: number) => <Button size="small" danger type="link" onClick={() => onChange(rows.filter((_, j) => j !== i))}>{t('policy.assess.remove')}</Button> },
          ]} />
      )}
    </div>
  );
}
