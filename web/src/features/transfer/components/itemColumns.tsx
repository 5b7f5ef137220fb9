// The table columns that demand and offer lists have in common; each list adds its own and picks the order.
import { Link } from 'react-router-dom';
import type { TableColumnsType } from 'antd';
import type { Item } from '../../../shared/api/types';
import { useI18n } from '../../../shared/i18n';
import type { ItemKind } from '../api/listings';
import { fmtDate, StatusTag } from './labels';
import { GeneratedTag } from './GeneratedTag';
import { textLang } from '../../../shared/i18n/text-lang';

export type ItemColumn = TableColumnsType<Item>[number];

export function useItemColumns(kind: ItemKind) {
  const { t, name } = useI18n();
  return {
    code: { title: t('transfer.field.code'), dataIndex: 'code', width: 150 },
    title: { title: t('transfer.field.title'), dataIndex: 'title', render: (v: string, r) => <><Link to={`/transfer/${kind}s/${r.id}`} lang={textLang(v, r.lang)}>{v}</Link><GeneratedTag generated={r.generated} /></> },
    organization: { title: t('transfer.field.organization'), key: 'org', render: (_, r) => name(r.refs?.organization_id ?? null) },
    status: { title: t('transfer.field.status'), dataIndex: 'status', width: 110, render: (v) => <StatusTag t={t} status={v} /> },
    createdAt: { title: t('transfer.field.createdAt'), dataIndex: 'created_at', width: 150, render: fmtDate },
  } satisfies Record<string, ItemColumn>;
}
