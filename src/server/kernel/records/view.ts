// A record's API view from its table row, and its columns from an input, by its definition: each
// field from or to its column, booleans as true/false (1/0 stored), numbers as numbers, missing values
// as null. Sealed personal data is the caller's (it needs the keys and decides between masked and
// unmasked, and seals with a lookup hash where the record is searched by it).
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

/**
 * The columns of the input fields an input gives (a field left undefined is not touched): a command
 * spreads them into its insert or update, so a plain field added to the definition is stored without
 * another edit. Sealed fields are left to the caller.
 */
export function recordRow<Row = Record<string, unknown>>(def: RecordDef<any>, input: object): Partial<Row> {
  const given = input as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const [name, spec] of entries(def)) {
    if (!spec.input || spec.sealed || given[name] === undefined) continue;
    row[spec.column] = spec.kind === 'boolean' ? (given[name] ? 1 : 0) : given[name];
  }
  return row as Partial<Row>;
}
