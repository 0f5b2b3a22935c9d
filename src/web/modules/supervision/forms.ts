// Drawers that ask for part of a record: the definition's own fields (labels, rules, required
// marks), picked and, where the screen says more than the import template, with a note of their own.
import type { FieldDef, RecordDef } from '../../../shared/records.ts';

export function formOf<F extends Record<string, FieldDef<any, any, any, any>>>(def: RecordDef<F>, names: readonly (keyof F & string)[], notes: Partial<Record<keyof F & string, string>> = {}): RecordDef<any> {
  return { ...def, fields: Object.fromEntries(names.map((name) => [name, { ...def.fields[name], note: notes[name] ?? '' }])) };
}
