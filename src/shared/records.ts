// Record definitions: one declaration per record type — its fields with their columns, Chinese
// labels, types and flags — from which the input schemas, the import type's row, the export
// columns, the ledger's columns, filters and sort keys, the detail page and the form derive.
// Migrations stay hand-written (a test holds them to the definitions); workflows, clocks, rules and
// figures stay domain code beside the definition.
import { z, isoDate, labelledEnum, text, version } from './zod.ts';
import { isValidIdNumber, isValidPhone } from './validators.ts';

export type FieldKind = 'text' | 'longText' | 'date' | 'enum' | 'boolean' | 'integer' | 'money' | 'unit' | 'record' | 'idNumber' | 'phone';

export interface FieldDef<K extends FieldKind = FieldKind, V = unknown, R extends boolean = boolean, I extends boolean = boolean, N extends string | false = string | false> {
  kind: K;
  label: string;
  /** Database column; defaults to the field name in snake_case (sealed personal data: `…_enc`). */
  column: string;
  required: R;
  /** Text length limit (characters). */
  max?: number;
  /** Enum codes → Chinese labels. */
  options?: Readonly<Record<string, string>>;
  /** For a unit or record reference: the view property holding its name or title. */
  display?: string;
  /** Dates: not after today (China time). */
  notAfterToday?: boolean;
  /** Dates: the fields (of the same record) this date may not precede, e.g. a reply not before receipt. */
  notBefore?: readonly string[];
  /** Text: common values the form offers (still free text). */
  suggest?: readonly string[];
  /** Part of the create/edit input (false: set by the workflow or computed). */
  input: I;
  /** Import column name (csv/jsonl), or false when the import does not carry the field. */
  importName: string | false;
  example: string;
  note: string;
  /** The legal basis of the rule that governs the field (a deadline, a required procedure): shown on hover beside its label. */
  basis?: string;
  /** What only a file's author needs (the codes an import accepts): in the import's notes, not in the app. */
  importNote?: string;
  list: boolean;
  filter: boolean;
  sort: boolean;
  export: boolean;
  detail: boolean;
  search: boolean;
  /** Personal data (ID number, phone): stored sealed, shown masked; the column holds the ciphertext. */
  sealed: boolean;
  /** Type carriers only (the value's type, the import column's name); never set. */
  readonly __value?: V;
  readonly __import?: N;
}

interface FieldOptions {
  column?: string;
  required?: boolean;
  max?: number;
  display?: string;
  notAfterToday?: boolean;
  notBefore?: readonly string[];
  suggest?: readonly string[];
  input?: boolean;
  importName?: string | false;
  example?: string;
  note?: string;
  basis?: string;
  importNote?: string;
  list?: boolean;
  filter?: boolean;
  sort?: boolean;
  export?: boolean;
  detail?: boolean;
  search?: boolean;
}

type Req<O> = O extends { required: true } ? true : false;
type Inp<O> = O extends { input: false } ? false : true;
/** The import column's name as a type: as given, none, or '' for the name derived from the field's. */
type Imp<O> = O extends { importName: infer N extends string | false } ? N : '';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function field<K extends FieldKind, V, const O extends FieldOptions>(kind: K, label: string, options: O, extra: Partial<FieldDef> = {}): FieldDef<K, V, Req<O>, Inp<O>, Imp<O>> {
  return {
    kind,
    label,
    column: '',
    required: false,
    input: true,
    importName: '',
    example: '',
    note: '',
    list: false,
    filter: false,
    sort: false,
    export: true,
    detail: true,
    search: false,
    sealed: kind === 'idNumber' || kind === 'phone',
    ...extra,
    ...options,
  } as unknown as FieldDef<K, V, Req<O>, Inp<O>, Imp<O>>;
}

/** Field builders: `f.text('申请人', { max: 100, required: true, list: true })`. */
export const f = {
  text: <const O extends FieldOptions = {}>(label: string, options: O = {} as O) => field<'text', string, O>('text', label, options, { max: 200 }),
  longText: <const O extends FieldOptions = {}>(label: string, options: O = {} as O) => field<'longText', string, O>('longText', label, options, { max: 3000 }),
  date: <const O extends FieldOptions = {}>(label: string, options: O = {} as O) => field<'date', string, O>('date', label, options),
  enum: <const E extends Readonly<Record<string, string>>, const O extends FieldOptions = {}>(label: string, values: E, options: O = {} as O) => field<'enum', keyof E & string, O>('enum', label, options, { options: values }),
  boolean: <const O extends FieldOptions = {}>(label: string, options: O = {} as O) => field<'boolean', boolean, O>('boolean', label, options),
  integer: <const O extends FieldOptions = {}>(label: string, options: O = {} as O) => field<'integer', number, O>('integer', label, options),
  /** An amount in fen (integers), shown in yuan. */
  money: <const O extends FieldOptions = {}>(label: string, options: O = {} as O) => field<'money', number, O>('money', label, options),
  unit: <const O extends FieldOptions = {}>(label: string, options: O = {} as O) => field<'unit', string, O>('unit', label, options),
  record: <const O extends FieldOptions = {}>(label: string, options: O = {} as O) => field<'record', string, O>('record', label, options),
  idNumber: <const O extends FieldOptions = {}>(label: string, options: O = {} as O) => field<'idNumber', string, O>('idNumber', label, options, { export: false }),
  phone: <const O extends FieldOptions = {}>(label: string, options: O = {} as O) => field<'phone', string, O>('phone', label, options, { export: false }),
};

type ValueOf<D> = D extends FieldDef<infer K, infer V, any, any> ? (K extends 'unit' | 'record' ? V : V) : never;
type Nullable<D> = D extends FieldDef<'unit' | 'record', any, any, any> ? null : never;

type ImportKey<K extends string, D> =
  D extends FieldDef<infer Kind, any, any, any, infer N>
    ? N extends false
      ? never
      : N extends ''
        ? Kind extends 'unit'
          ? K extends `${infer P}Id` ? `${P}Code` : K
          : Kind extends 'record'
            ? K extends `${infer P}Id` ? `${P}Ref` : K
            : K
        : N
    : never;
type CellValue<D> = D extends FieldDef<infer Kind, infer V, any, any, any> ? (Kind extends 'unit' | 'record' ? string : V) : never;

/** The TypeScript type of an import row (string cells parsed), keyed by import column name. */
export type ImportRowOf<F extends Record<string, FieldDef<any, any, any, any, any>>> = { ref: string } & {
  [K in keyof F as F[K] extends FieldDef<any, any, true, any, any> ? ImportKey<K & string, F[K]> : never]: CellValue<F[K]>;
} & {
  [K in keyof F as F[K] extends FieldDef<any, any, false, any, any> ? ImportKey<K & string, F[K]> : never]?: CellValue<F[K]>;
};

/** The TypeScript type of a record's create input. */
export type InputOf<F extends Record<string, FieldDef<any, any, any, any>>> = {
  [K in keyof F as F[K] extends FieldDef<any, any, true, true> ? K : never]: ValueOf<F[K]>;
} & {
  [K in keyof F as F[K] extends FieldDef<any, any, false, true> ? K : never]?: ValueOf<F[K]> | Nullable<F[K]>;
};

export interface RecordDef<F extends Record<string, FieldDef<any, any, any, any>> = Record<string, FieldDef>> {
  /** Record type code (audit target, timeline, attachments). */
  type: string;
  /** Chinese name of one record (纠纷, 调解组织…). */
  title: string;
  table: string;
  fields: F;
  /** The column an import finds a record by: `ref` (unique per unit) unless the record has a natural key (a unit's code, a user's username). */
  key?: string;
  /** The column that places a record in a unit's data scope: `unit_id`, or `id` for the units themselves. */
  unitColumn?: string;
}

/** A record as the API shows it: id, ref and version, then every field (optional ones may be null). */
export type RecordView<F extends Record<string, FieldDef<any, any, any, any>>> = { id: string; ref: string | null; version: number } & {
  -readonly [K in keyof F]: F[K] extends FieldDef<any, infer V, infer R, any> ? (R extends true ? V : V | null) : never;
};

/**
 * What a workflow transition writes from a required text the actor gives (整改措施, 办理情况): its
 * input (at most `max` characters, named by `label` in messages), the record column it goes to, and
 * the guard that the column is filled.
 */
export const writesText = (field: string, column: string, label: string, max: number) => ({
  ...writes({ [field]: text(label, max) }, { [field]: column }),
  requiredFields: [{ column, label }],
});

/**
 * What a workflow transition writes from the values the actor gives: their input (a strict object of
 * `shape`) and the record column each field goes to — the field's name in snake_case unless
 * `columns` names another (`processingFee` → `processing_fee_fen`).
 */
export const writes = (shape: z.ZodRawShape, columns: Readonly<Record<string, string>> = {}) => ({
  input: z.strictObject(shape),
  inputColumns: Object.fromEntries(Object.keys(shape).map((field) => [field, columns[field] ?? snake(field)])),
});

/** What a workflow record's view adds: its status and the status's label. */
export type StatusView = {
  status: string;
  statusLabel: string;
};

/** A record's deadline as its clock counts it, with the clock's light while it runs. */
export type DueView = {
  due: string | null;
  light: 'green' | 'yellow' | 'red' | null;
};

/**
 * A defined record with the inputs every field gives: `create` (createInput) and `update` (the same
 * with the version read). Both are built on first use and are not enumerable (a spread copy of the
 * definition does not carry them). Inputs with extra or fewer fields are written with createInput.
 */
export type DefinedRecord<F extends Record<string, FieldDef<any, any, any, any>>> = RecordDef<F> & {
  readonly create: z.ZodType<InputOf<F>>;
  readonly update: z.ZodType<InputOf<F> & { version: number }>;
};

/** The create input's type of a defined record: `RecordInput<typeof PUFA_DUTY>`. */
export type RecordInput<D extends RecordDef<any>> = D extends RecordDef<infer F> ? InputOf<F> : never;

/** Fills the defaults that depend on the field's name (column, import name, display property). */
export function defineRecord<const F extends Record<string, FieldDef<any, any, any, any>>>(def: RecordDef<F>): DefinedRecord<F> {
  for (const [name, spec] of Object.entries(def.fields) as [string, FieldDef][]) {
    for (const other of spec.notBefore ?? []) if (def.fields[other]?.kind !== 'date') throw new Error(`${def.type}.${name}: notBefore names ${other}, not a date field`);
    if (!spec.column) spec.column = spec.sealed ? `${snake(name)}_enc` : snake(name);
    if (spec.importName === '') spec.importName = spec.kind === 'unit' ? name.replace(/Id$/, 'Code') : spec.kind === 'record' ? name.replace(/Id$/, 'Ref') : name;
    if (!spec.display && (spec.kind === 'unit' || spec.kind === 'record')) spec.display = name.replace(/Id$/, spec.kind === 'unit' ? 'Name' : 'Title');
  }
  const once = (key: 'create' | 'update', make: () => z.ZodType) =>
    Object.defineProperty(def, key, {
      configurable: true,
      get: () => {
        const schema = make();
        Object.defineProperty(def, key, { value: schema });
        return schema;
      },
    });
  once('create', () => createInput(def));
  once('update', () => updateInput(def));
  return def as DefinedRecord<F>;
}

export const entries = <F extends Record<string, FieldDef<any, any, any, any>>>(def: RecordDef<F>) => Object.entries(def.fields) as [keyof F & string, FieldDef][];

/** Today in China (UTC+8), for "not after today" checks made on either side. */
export const chinaDate = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** A moment (ISO) as Beijing time reads it, 2026-12-02 01:43:10, whatever the reader's time zone (the audit log, its export). */
export const chinaTime = (at: string) => new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

/** The zod schema of one field's input value, with messages that read as Chinese sentences naming the field. */
export function fieldSchema(name: string, spec: FieldDef): z.ZodType {
  const { label } = spec;
  let schema: z.ZodType;
  switch (spec.kind) {
    case 'text':
    case 'longText':
      schema = z
        .string({ error: `请填写${label}` })
        .trim()
        .min(1, { error: `请填写${label}` })
        .max(spec.max!, { error: `${label}不能超过 ${spec.max} 字` });
      break;
    case 'date':
      schema = isoDate(label);
      if (spec.notAfterToday) schema = (schema as z.ZodString).refine((d) => d <= chinaDate(), { error: `${label}不能晚于今天` });
      break;
    case 'enum':
      schema = labelledEnum(spec.options!, label, name);
      break;
    case 'boolean':
      schema = z.boolean({ error: `${label}应为“是”或“否”` });
      break;
    case 'integer':
      schema = z.number({ error: `${label}应为整数` }).int({ error: `${label}应为整数` });
      break;
    case 'money':
      schema = z.number({ error: `${label}应为金额（分）` }).int({ error: `${label}应为整数（分）` }).min(0, { error: `${label}不能为负数` });
      break;
    case 'unit':
    case 'record':
      schema = z.string({ error: `请选择${label}` }).min(1, { error: `请选择${label}` }).max(64, { error: `${label}无效` });
      break;
    case 'idNumber':
      schema = z.string().trim().toUpperCase().refine(isValidIdNumber, { error: `${label}无效（应为 18 位且校验码正确）` });
      break;
    case 'phone':
      schema = z.string().trim().refine(isValidPhone, { error: `${label}无效` });
      break;
  }
  schema = schema.meta({ title: label, ...(spec.options ? { options: spec.options } : {}) });
  return spec.required ? schema : spec.kind === 'unit' || spec.kind === 'record' ? schema.nullable().optional() : schema.optional();
}

/**
 * The first pair of dates out of order (a later date before the one it may not precede), by the
 * definition's `notBefore`; `valueOf` reads a field's value (from an input, or a row by its column);
 * `changed`, when given, limits the check to the pairs a write touches.
 */
export function dateOrderProblem(def: RecordDef<any>, valueOf: (name: string, spec: FieldDef) => unknown, changed?: (name: string) => boolean): { field: string; message: string } | null {
  for (const [name, spec] of entries(def)) {
    const date = valueOf(name, spec);
    if (typeof date !== 'string' || !date) continue;
    for (const other of spec.notBefore ?? []) {
      if (changed && !changed(name) && !changed(other)) continue;
      const before = valueOf(other, def.fields[other]!);
      if (typeof before === 'string' && before && date < before) return { field: name, message: `${spec.label}（${date}）不能早于${def.fields[other]!.label}（${before}）` };
    }
  }
  return null;
}

/** The create input: every input field (or those in `only`), required as the definition says; `extra` adds hand-written fields. */
export function createInput<F extends Record<string, FieldDef<any, any, any, any>>, const E extends z.ZodRawShape = {}, const K extends keyof F & string = keyof F & string>(
  def: RecordDef<F>,
  extra: E = {} as E,
  only?: readonly K[],
): z.ZodType<keyof E extends never ? Pick<InputOf<F>, K & keyof InputOf<F>> : Pick<InputOf<F>, K & keyof InputOf<F>> & z.infer<z.ZodObject<E>>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of entries(def)) if (spec.input && (!only || (only as readonly string[]).includes(name))) shape[name] = fieldSchema(name, spec);
  const input = z.strictObject({ ...shape, ...extra });
  const ordered = entries(def).some(([name, spec]) => name in shape && spec.notBefore?.some((other) => other in shape));
  if (!ordered) return input as any;
  return input.superRefine((value: Record<string, unknown>, ctx) => {
    const problem = dateOrderProblem(def, (name) => (name in shape ? value[name] : undefined));
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  }) as any;
}

/** The edit input: the create input's fields (or those in `only`) plus the version read (optimistic concurrency). */
export function updateInput<F extends Record<string, FieldDef<any, any, any, any>>, const E extends z.ZodRawShape = {}, const K extends keyof F & string = keyof F & string>(def: RecordDef<F>, extra: E = {} as E, only?: readonly K[]) {
  return createInput(def, { ...extra, version }, only);
}

/** A ledger query as the server receives it: paging, sort, search, year, and a value per filterable field. */
type ListKeys = 'page' | 'pageSize' | 'sort' | 'order' | 'q' | 'year';
export type ListQueryOf<F> = { page: number; pageSize: number; sort?: string; order?: 'asc' | 'desc'; q?: string; year?: number } & { [K in Exclude<keyof F, ListKeys>]?: F[K] extends FieldDef<'integer', any, any, any> ? number : string };

export function listQuery<F extends Record<string, FieldDef<any, any, any, any>>, const E extends z.ZodRawShape = {}>(def: RecordDef<F>, extra: E = {} as E): z.ZodType<keyof E extends never ? ListQueryOf<F> : Omit<ListQueryOf<F>, keyof E> & z.infer<z.ZodObject<E>>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of entries(def)) {
    if (!spec.filter) continue;
    if (spec.kind === 'enum') shape[name] = z.enum(Object.keys(spec.options!) as [string, ...string[]], { error: `${spec.label}（${name}）无效` }).optional().meta({ title: spec.label });
    else if (spec.kind === 'boolean') shape[name] = z.enum(['true', 'false'], { error: `${spec.label}（${name}）应为 true 或 false` }).optional().meta({ title: spec.label });
    else if (spec.kind === 'integer') shape[name] = z.coerce.number({ error: `${spec.label}（${name}）应为整数` }).int({ error: `${spec.label}（${name}）应为整数` }).optional().meta({ title: spec.label });
    else if (spec.kind === 'date') shape.year = z.coerce.number({ error: '年度（year）应为整数' }).int().min(1949, { error: '年度（year）不能早于 1949' }).max(2100, { error: '年度（year）不能晚于 2100' }).optional().meta({ title: `年度（按${spec.label}）` });
    else shape[name] = z.string().trim().max(64).optional().meta({ title: spec.label });
  }
  const sortable = sortKeys(def);
  return z.strictObject({
    ...shape,
    ...(entries(def).some(([, s]) => s.search) ? { q: z.string().trim().max(100, { error: '关键词不能超过 100 字' }).optional().meta({ title: '关键词' }) } : {}),
    ...(sortable.length ? { sort: z.enum(sortable as [string, ...string[]], { error: `排序字段（sort）无效，可选：${sortable.join('、')}` }).optional().meta({ title: '排序字段' }), order: z.enum(['asc', 'desc'], { error: '排序方向（order）应为 asc 或 desc' }).optional().meta({ title: '排序方向' }) } : {}),
    page: z.coerce.number().int().min(1).max(100000).default(1).meta({ title: '页码' }),
    pageSize: z.coerce.number().int().min(1).max(200).default(20).meta({ title: '每页条数' }),
    ...extra,
  }) as any;
}

export const sortKeys = (def: RecordDef) => entries(def).filter(([, s]) => s.sort).map(([name]) => name);

/** The API view's schema (documentation of the answers): id, ref, version and every field; `extra` adds joined names, status… */
export function viewSchema(def: RecordDef<any>, extra: z.ZodRawShape = {}) {
  const shape: Record<string, z.ZodType> = { id: z.string(), ref: z.string().nullable(), version: z.number().int() };
  for (const [name, spec] of entries(def)) {
    let value: z.ZodType;
    if (spec.kind === 'boolean') value = z.boolean();
    else if (spec.kind === 'integer' || spec.kind === 'money') value = z.number().int();
    else if (spec.kind === 'enum') value = z.enum(Object.keys(spec.options!) as [string, ...string[]]);
    else value = z.string();
    shape[name] = (spec.required && !spec.sealed ? value : value.nullable()).meta({ title: spec.label });
  }
  return z.object({ ...shape, ...extra });
}

/** A ledger's answer: one page of records and the total. */
export const pageOf = (item: z.ZodType) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** A value as a person reads it: enum label, 是/否, yuan, the referenced record's name. */
export function displayValue(spec: FieldDef, name: string, view: Record<string, unknown>): string | number | null {
  const value = spec.display ? view[spec.display] : view[name];
  if (value === null || value === undefined || value === '') return null;
  if (spec.kind === 'enum') return spec.options![String(value)] ?? String(value);
  if (spec.kind === 'boolean') return value ? '是' : '否';
  if (spec.kind === 'money') return Number(value) / 100;
  return value as string | number;
}

/** Where each department and town stands with a record it owes once a year (kernel/records/progress.ts): by status, and 'none' for 未起草. */
export interface YearlyProgress {
  year: number;
  due: string;
  counts: Record<string, number>;
  units: { unitId: string; unitCode: string; unitName: string; kind: string; reportId: string | null; status: string | null; statusLabel: string; publishedDate: string | null }[];
}

export const yearlyProgressQuery = z.strictObject({
  year: z.coerce.number({ error: '年度（year）必须是整数' }).int({ error: '年度（year）必须是整数' }).min(2000, { error: '年度（year）不能早于 2000' }).max(2100, { error: '年度（year）不能晚于 2100' }).meta({ title: '报告年度' }),
});
