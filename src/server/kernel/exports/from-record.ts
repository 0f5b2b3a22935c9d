// A ledger's export columns, derived from its record definition (the fields flagged `export`).
import { displayValue, entries, type RecordDef } from '../../../shared/records.ts';
import type { ExportColumn } from './xlsx.ts';

export function exportColumns<T extends object>(def: RecordDef, extra: readonly ExportColumn<T>[] = []): ExportColumn<T>[] {
  const widths: Record<string, number> = { date: 12, boolean: 8, enum: 12, longText: 40, unit: 18, record: 24 };
  return [
    ...entries(def)
      .filter(([, spec]) => spec.export && !spec.sealed)
      .map(([name, spec]) => ({ header: spec.label, width: widths[spec.kind] ?? Math.min(30, Math.max(10, (spec.max ?? 20) / 5)), value: (row: T) => displayValue(spec, name, row as Record<string, unknown>) })),
    ...extra,
  ];
}
