// The import type's columns and row schema, derived from a record definition: the `ref` first, then
// every field the import carries, each with its Chinese column name, note and example.
import { z, isoDate } from '../../../shared/zod.ts';
import { enumFromLabels, unitCode } from '../../../shared/schemas/org.ts';
import { dateOrderProblem, entries, type FieldDef, type ImportRowOf, type RecordDef } from '../../../shared/records.ts';
import { isValidIdNumber, isValidPhone } from '../../../shared/validators.ts';
import { booleanCell, refCell, textCell } from './rows.ts';
import type { ImportField } from './types.ts';

const REF_FIELD: ImportField = { name: 'ref', label: '外部编号', required: true, note: '本单位内唯一；再次导入同一编号时更新', example: '' };

function note(spec: FieldDef): string {
  if (spec.note) return spec.note;
  if (spec.kind === 'enum') return `${Object.keys(spec.options!).join('/')} 或 ${Object.values(spec.options!).join('/')}`;
  if (spec.kind === 'date') return 'YYYY-MM-DD';
  if (spec.kind === 'boolean') return 'true/false 或 是/否';
  if (spec.kind === 'unit') return '单位编码';
  if (spec.kind === 'record') return `${spec.label}的外部编号`;
  if (spec.kind === 'money') return '金额（元）';
  return '';
}

const imported = (def: RecordDef<any>) => entries(def).filter(([, spec]) => spec.importName !== false);

/** The file's columns: the ref, then each imported field (a unit as its code, a record as its ref). */
export function importFields(def: RecordDef<any>, refExample: string): ImportField[] {
  return [
    { ...REF_FIELD, example: refExample },
    ...imported(def).map(([, spec]) => ({
      name: spec.importName as string,
      label: spec.kind === 'unit' ? `${spec.label}编码` : spec.kind === 'record' ? `${spec.label}编号` : spec.label,
      required: spec.required,
      note: note(spec),
      example: spec.example,
    })),
  ];
}

function cellSchema(spec: FieldDef, column: string): z.ZodType {
  const label = column;
  switch (spec.kind) {
    case 'text':
    case 'longText':
      return textCell(label, spec.max!);
    case 'date':
      return isoDate(label);
    case 'enum':
      return enumFromLabels(spec.options! as Record<string, string>, label);
    case 'boolean':
      return booleanCell(label);
    case 'integer':
      return z.coerce.number({ error: `${label}应为整数` }).int({ error: `${label}应为整数` }).meta({ title: label });
    case 'money':
      return z.coerce.number({ error: `${label}应为金额（元）` }).min(0, { error: `${label}不能为负数` }).transform((yuan) => Math.round(yuan * 100)).meta({ title: label });
    case 'unit':
      return unitCode.meta({ title: label });
    case 'record':
      return refCell(label);
    case 'idNumber':
      return z.string().trim().toUpperCase().refine(isValidIdNumber, { error: `${label}无效（应为 18 位且校验码正确）` }).meta({ title: label });
    case 'phone':
      return z.string().trim().refine(isValidPhone, { error: `${label}无效` }).meta({ title: label });
  }
}

/** The row schema over string cells, keyed by import column name; `extra` adds columns the definition does not hold. */
export function importRow<F extends Record<string, FieldDef<any, any, any, any, any>>, const E extends z.ZodRawShape = {}>(def: RecordDef<F>, extra: E = {} as E): z.ZodType<Omit<ImportRowOf<F>, keyof E> & z.infer<z.ZodObject<E>>> {
  const fields = importFields(def, '');
  const shape: Record<string, z.ZodType> = { ref: refCell() };
  imported(def).forEach(([, spec], i) => {
    const schema = cellSchema(spec, fields[i + 1]!.label);
    shape[spec.importName as string] = spec.required ? schema : schema.optional();
  });
  const row = z.object({ ...shape, ...extra });
  if (!imported(def).some(([, spec]) => spec.notBefore?.length)) return row as any;
  return row.superRefine((row: Record<string, unknown>, ctx) => {
    const problem = dateOrderProblem(def, (_, spec) => (spec.importName ? row[spec.importName] : undefined));
    if (problem) ctx.addIssue({ code: 'custom', path: [def.fields[problem.field]!.importName as string], message: problem.message });
  }) as any;
}

/**
 * The command input an import row gives: each input field the import carries, from its column, except
 * unit and record references (the importer resolves those within its scope). A plain field added to
 * the definition thus flows from the file to the command without another edit.
 */
export function importInput(def: RecordDef<any>, row: object): Record<string, unknown> {
  const cells = row as Record<string, unknown>;
  const input: Record<string, unknown> = {};
  for (const [name, spec] of imported(def)) {
    if (!spec.input || spec.kind === 'unit' || spec.kind === 'record') continue;
    if (cells[spec.importName as string] !== undefined) input[name] = cells[spec.importName as string];
  }
  return input;
}
