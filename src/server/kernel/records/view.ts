// A record's API view from its table row, by its definition: each field from its column, booleans
// as true/false, numbers as numbers, missing values as null. Sealed personal data is the caller's
// (it needs the keys and decides between masked and unmasked).
import { entries, type FieldDef, type RecordDef, type RecordView } from '../../../shared/records.ts';

export function recordView<F extends Record<string, FieldDef<any, any, any, any>>>(def: RecordDef<F>, record: object): RecordView<F> {
  const row = record as Record<string, unknown>;
  const view: Record<string, unknown> = { id: row.id, ref: row.ref ?? null, version: Number(row.version ?? 1) };
  for (const [name, spec] of entries(def)) {
    const value = row[spec.column];
    if (spec.sealed || value === null || value === undefined) view[name] = null;
    else if (spec.kind === 'boolean') view[name] = value === 1 || value === true;
    else if (spec.kind === 'integer' || spec.kind === 'money') view[name] = Number(value);
    else view[name] = value;
  }
  return view as RecordView<F>;
}
