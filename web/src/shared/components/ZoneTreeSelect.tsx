// A tree select of all zones, nested by their parent zone.
import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useEntityMeta, useZones } from '../../features/entities/api/entities';
import type { Item } from '../api/types';
import { useI18n } from '../i18n';

interface ZoneNode {
  value: number;
  title: string;
  children: ZoneNode[];
}

/** The name of the zones field that points at the parent zone, if any. */
export function useZoneParentField(): string | undefined {
  const { meta } = useEntityMeta('zones');
  return meta?.fields.find((f) => f.type === 'ref' && f.ref === 'zones')?.name ?? 'parent_id';
}

export function buildZoneTree(zones: Item[], parentField: string | undefined, label: (z: Item) => string): ZoneNode[] {
  const nodes = new Map<number, ZoneNode>();
  for (const z of zones) nodes.set(z.id, { value: z.id, title: label(z), children: [] });
  const roots: ZoneNode[] = [];
  for (const z of zones) {
    const node = nodes.get(z.id)!;
    const parentId = parentField ? (z[parentField] as number | null | undefined) : null;
    const parent = parentId !== null && parentId !== undefined && parentId !== z.id ? nodes.get(Number(parentId)) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Top-level zones (no parent) in list order. */
export function topLevelZones(zones: Item[], parentField: string | undefined): Item[] {
  const ids = new Set(zones.map((z) => z.id));
  return zones.filter((z) => {
    const p = parentField ? z[parentField] : null;
    return p === null || p === undefined || !ids.has(Number(p));
  });
}

export function ZoneTreeSelect({
  value,
  onChange,
  placeholder,
  allowClear = true,
  style,
  testId,
}: {
  value: number | null | undefined;
  onChange: (v: number | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  testId?: string;
}) {
  const { name, t } = useI18n();
  const zones = useZones();
  const parentField = useZoneParentField();
  const treeData = useMemo(
    () => buildZoneTree(zones.data ?? [], parentField, (z) => name(z) + (z.generated ? ` (${t('common.generated')})` : '')),
    [zones.data, parentField, name, t],
  );
  return (
    <TreeSelect<number>
      data-testid={testId}
      style={{ minWidth: 220, ...style }}
      value={value ?? undefined}
      onChange={(v) => onChange(v === undefined || v === null ? null : Number(v))}
      treeData={treeData}
      treeDefaultExpandAll
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={placeholder ?? t('list.zonePlaceholder')}
      loading={zones.isPending}
      popupMatchSelectWidth={false}
    />
  );
}
