// The import type's columns and row schema, derived from a record definition: the `ref` first, then
// every field the import carries, each with its Chinese column name, note and example.
import { z, isoDate } from '../../../shared/zod.ts';
import { enumFromLabels, unitCode } from '../../../shared/schemas/org.ts';
import { dateOrderProblem, entries, type FieldDef, type ImportRowOf, type RecordDef } from '../../../shared/records.ts';
import { isValidIdNumber, isValidPhone } from '../../../shared/validators.ts';
import { booleanCell, refCell, textCell } from './rows.ts';
import type { ImportField, ImportType, Importer } from './types.ts';
import type { Tx } from '../db/index.ts';
import type { Platform } from '../platform.ts';
import type { DataScope } from '../auth/scope.ts';
import { parentByRef, refImport, type RefImportSpec } from './by-ref.ts';

const REF_FIELD: ImportField = { name: 'ref', label: '外部编号', required: true, note: '本单位内唯一；再次导入同一编号时更新', example: '' };

function note(spec: FieldDef): string {
  // The import's own note (an enum's codes) before the field's note, which the staff app shows too and so names no codes.
  if (spec.importNote) return [spec.importNote, spec.note].filter(Boolean).join('；');
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
      ...(spec.kind === 'unit' ? { unit: true } : {}),
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

/** How row errors name a field's file column: `label（importName）`, by the field's name in the definition. */
export function importColumn(def: RecordDef<any>, name: string): string {
  const spec = def.fields[name];
  if (!spec || spec.importName === false) throw new Error(`${def.type} 的字段 ${name} 不在导入文件中`);
  const label = spec.kind === 'unit' ? `${spec.label}编码` : spec.kind === 'record' ? `${spec.label}编号` : spec.label;
  return `${label}（${spec.importName as string}）`;
}

/**
 * The parent record a row names in `field` (a field of kind 'record', e.g. an officer's `bodyId`),
 * found in `table` by the row's ref cell; its file column and name are the definition's.
 */
export function recordParent<F extends Record<string, FieldDef<any, any, any, any, any>>>(def: RecordDef<F>, field: keyof F & string, table: string) {
  const spec = def.fields[field]!;
  return { field, ...parentByRef(table, (row: object) => (row as Record<string, string>)[spec.importName as string]!, importColumn(def, field), spec.label) };
}

/** An import row of a record type: its definition's cells, with `extra` cells added or replaced. */
export type RecordImportRow<F extends Record<string, FieldDef<any, any, any, any, any>>, E extends z.ZodRawShape = {}> = { ref: string } & Omit<ImportRowOf<F>, keyof E> & z.infer<z.ZodObject<E>>;

/** A record type's create and update commands as they are called for the importer, within its scope. */
export interface ImportCommands {
  create(tx: Tx, platform: Platform, actor: Importer, scope: DataScope, input: any): Promise<string>;
  update(tx: Tx, platform: Platform, actor: Importer, scope: DataScope, id: string, version: number, input: any): Promise<unknown>;
}

type RecordImportSpec<Row extends { ref: string }> = Omit<RefImportSpec<Row>, 'fields' | 'row' | 'table' | 'unitOf' | 'create' | 'update'> & {
  /** The ref's example in the template. */
  example: string;
  /** The derived file columns, adjusted (a note, a column the definition does not hold). */
  fields?: (derived: ImportField[]) => ImportField[];
  unitOf?: RefImportSpec<Row>['unitOf'];
  /** The record the row hangs under (`recordParent`): the row is in its unit, and a command's error on its field is reported under its column. */
  parent?: ReturnType<typeof recordParent>;
  /** The module's commands given the row's fields (`importInput`) and its unit; or `create` and `update` by hand. */
  commands?: ImportCommands;
  create?: RefImportSpec<Row>['create'];
  update?: RefImportSpec<Row>['update'];
};

/**
 * One record type's import on the per-unit runner (`refImport`): its file columns, row schema and
 * table from the definition; `extra` adds or replaces row cells. Without `parent` or `unitOf`, a row belongs to
 * the unit its `unitId` field's code names.
 */
export function recordImport<F extends Record<string, FieldDef<any, any, any, any, any>>, const E extends z.ZodRawShape = {}>(
  def: RecordDef<F>,
  spec: RecordImportSpec<NoInfer<RecordImportRow<F, E>>> & { extra?: E },
): ImportType<RecordImportRow<F, E>> {
  const { example, extra, commands, fields, parent, ...rest } = spec;
  let { unitOf, columns } = spec;
  if (parent) {
    unitOf = parent.unitOf;
    columns = { [parent.field]: importColumn(def, parent.field), ...columns };
  } else if (!unitOf) {
    const code = def.fields.unitId!.importName as string;
    const column = importColumn(def, 'unitId');
    unitOf = (row, run) => run.unit((row as Record<string, string>)[code]!, column);
    columns = { unitId: column, ...columns };
  }
  const create: RefImportSpec<RecordImportRow<F, E>>['create'] = spec.create ?? ((v, unitId, run) => commands!.create(run.tx, run.platform, run.actor, run.actor.scope, { ...importInput(def, v), unitId, ref: v.ref }));
  const update: RefImportSpec<RecordImportRow<F, E>>['update'] = spec.update ?? ((v, existing, run) => commands!.update(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, { ...importInput(def, v), unitId: existing.unit_id }));
  return refImport<RecordImportRow<F, E>>({ ...rest, fields: fields ? fields(importFields(def, example)) : importFields(def, example), row: importRow(def, extra) as z.ZodType<RecordImportRow<F, E>>, table: def.table, columns, unitOf, create, update });
}
