// Editing a demand or offer: once the item has loaded, its values and disclosure tiers go into the form and its
// quality is scored; only drafts and items sent back can be submitted again.
import { useEffect } from 'react';
import type { FormInstance } from 'antd';
import type { Item } from '../../../shared/api/types';
import { type ItemKind, type Tier, useDisclosure } from '../api/listings';

export function useFormForEdit<V extends { tiers?: Record<string, Tier> }>(
  kind: ItemKind,
  editId: number | null,
  item: Item | undefined,
  form: FormInstance<V>,
  /** Module-level functions (stable): the form values of an item, and the draft the quality score reads. */
  convert: { fromItem: (item: Item) => V; toDraft: (values: V) => Record<string, unknown> },
  rescore: (draft: Record<string, unknown>) => void,
) {
  const tiers = useDisclosure(kind, editId ?? 0, editId !== null);
  const { fromItem, toDraft } = convert;
  useEffect(() => {
    if (!item) return;
    const values = fromItem(item);
    form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
    rescore(toDraft(values));
  }, [item, form, rescore, fromItem, toDraft]);
  useEffect(() => {
    if (tiers.data) form.setFieldsValue({ tiers: tiers.data.tiers } as Parameters<typeof form.setFieldsValue>[0]);
  }, [tiers.data, form]);
  return { canSubmit: !editId || ['draft', 'sent_back'].includes(String(item?.status ?? 'draft')) };
}
