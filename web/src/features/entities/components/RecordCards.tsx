// Records as cards, for phones: a wide table would need sideways scrolling on a 390 px screen. Each card shows the
// record's name (opening its details) and its list fields as label–value lines.
import { Card, Empty, List, Pagination, Typography } from 'antd';
import type { FieldMeta, Item } from '../../../shared/api/types';
import { StatusTags } from '../../../shared/components/StatusTags';
import type { I18n } from '../../../shared/i18n';
import { FieldInLanguage } from './fields';

interface Props {
  items: Item[];
  loading: boolean;
  listFields: FieldMeta[];
  /** All the entity's fields: a list field's English translation is among them (fieldInLanguage). */
  allFields?: FieldMeta[];
  titleField: string | undefined;
  i18n: I18n;
  page: number;
  pageSize: number;
  total: number;
  emptyText: string;
  onOpen: (id: number) => void;
  onPage: (page: number, size: number) => void;
}

export function RecordCards({ items, loading, listFields, allFields = listFields, titleField, i18n, page, pageSize, total, emptyText, onOpen, onPage }: Props) {
  const title = listFields.find((f) => f.name === titleField);
  const rest = listFields.filter((f) => f.name !== titleField);
  return (
    <div data-testid="entity-cards">
      <List
        loading={loading}
        dataSource={items}
        locale={{ emptyText: <Empty data-testid="list-empty" description={emptyText} /> }}
        renderItem={(item) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="entity-card">
            <Typography.Link strong onClick={() => onOpen(item.id)}>
              {title ? <FieldInLanguage field={title} fields={allFields} item={item} i18n={i18n} /> : `#${item.id}`}
            </Typography.Link>
            <StatusTags generated={item.generated} retiredAt={item.retired_at} />
            {rest.map((f) => (
              <div key={f.name} style={{ display: 'flex', gap: 8, fontSize: 13, marginTop: 4 }}>
                <Typography.Text type="secondary" style={{ flex: '0 0 38%' }}>{i18n.pick(f.label)}</Typography.Text>
                <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}><FieldInLanguage field={f} fields={allFields} item={item} i18n={i18n} /></span>
              </div>
            ))}
          </Card>
        )}
      />
      <Pagination simple current={page} pageSize={pageSize} total={total} onChange={onPage} style={{ textAlign: 'center', marginTop: 8 }} />
    </div>
  );
}
