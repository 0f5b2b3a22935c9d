import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { get } from '../api.ts';
import type { UnitView } from '../../shared/schemas/org.ts';

export interface UnitNode {
  key: string;
  value: string;
  title: string;
  unit: UnitView;
  children: UnitNode[];
}

/** Builds the organisation tree from the flat list the API returns. */
export function buildTree(units: UnitView[]): UnitNode[] {
  const nodes = new Map(units.map((u) => [u.id, { key: u.id, value: u.id, title: u.name, unit: u, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export function useUnits(includeInactive = false) {
  return useQuery({
    queryKey: ['units', includeInactive],
    queryFn: () => get<{ items: UnitView[] }>(`/org/units${includeInactive ? '?includeInactive=true' : ''}`).then((r) => r.items),
  });
}

/** The unit tree with unit codes as values (the figures' unit picker). */
export const codeTree = (units: UnitView[]): UnitNode[] => buildTree(units).map(function toCode(n): UnitNode { return { ...n, value: n.unit.code, children: n.children.map(toCode) }; });

/** What the figures' unit picker shows before a unit is chosen: the unit the answer counted (a county's law office: its county; a department: itself), or every unit. */
export const figuresUnitLabel = (units: readonly UnitView[] | undefined, code: string | null | undefined): string =>
  code ? `${units?.find((u) => u.code === code)?.name ?? '本单位'}（含下级）` : '全县（全部单位）';

/** The unit tree of the units the user may see, for tree selects. */
export function useUnitTree() {
  const units = useUnits();
  return useMemo(() => buildTree(units.data ?? []), [units.data]);
}
