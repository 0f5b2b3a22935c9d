// zod configured once for the whole code base: Chinese messages, and helpers to find a field's label.
import { z } from 'zod';
import { MAX_DATE, MIN_DATE } from './text-hygiene.ts';

z.config(z.locales.zhCN());

export { z };

/** A string field with a Chinese label (shown in error messages, API docs and forms). */
export function text(label: string, max = 200, min = 1) {
  return z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? `请填写${label}` : `${label}必须是文本`) })
    .trim()
    .min(min, { error: min <= 1 ? `请填写${label}` : `${label}至少需要 ${min} 个字符` })
    .max(max, { error: `${label}不能超过 ${max} 个字符` })
    .meta({ title: label });
}

/**
 * An enum of codes with Chinese labels: a missing choice asks for it (请选择…), an unknown one names
 * the field and the choices; the labels travel in the schema's meta (`options`) so that forms can offer them.
 */
export function labelledEnum<T extends Record<string, string>>(values: T, label: string, field: string) {
  const invalid = `${label}（${field}）无效，可选：${Object.entries(values).map(([k, v]) => `${k}（${v}）`).join('、')}`;
  return z
    .enum(Object.keys(values) as [keyof T & string, ...(keyof T & string)[]], { error: (issue) => (issue.input === undefined || issue.input === null || issue.input === '' ? `请选择${label}` : invalid) })
    .meta({ title: label, options: values });
}

/** A calendar date YYYY-MM-DD between MIN_DATE and MAX_DATE (1949-10-01 … 2100-12-31). */
export const isoDate = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为 YYYY-MM-DD`, abort: true })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      error: `${label}不是有效日期`,
      abort: true,
    })
    .refine((s) => s >= MIN_DATE && s <= MAX_DATE, { error: `${label}超出允许的范围（${MIN_DATE} 至 ${MAX_DATE}）` })
    // `format` lets a form choose a date picker for it (e.g. a transition's 有效期至).
    .meta({ title: label, format: 'date' });

export const version = z.number({ error: '版本号（version）必须是整数' }).int().min(1).meta({ title: '版本号' });

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1).meta({ title: '页码' }),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).meta({ title: '每页条数' }),
};

type AnyZod = z.ZodType;

/** Unwraps optional/nullable/default/pipe wrappers to the schema that carries the field's meta. */
function unwrap(schema: AnyZod): AnyZod {
  let current: any = schema;
  for (let i = 0; i < 10 && current; i++) {
    if (current.meta?.()?.title) return current;
    const def = current._zod?.def;
    const inner = def?.innerType ?? def?.in ?? def?.schema;
    if (!inner) return current;
    current = inner;
  }
  return current;
}

/** The Chinese label of the field at `path` in an object schema, if it has one. */
export function labelAt(schema: AnyZod, path: PropertyKey[]): string | undefined {
  let current: any = schema;
  for (const key of path) {
    current = unwrap(current);
    const def = current?._zod?.def;
    if (def?.type === 'object') current = def.shape[key as string];
    else if (def?.type === 'array') current = def.element;
    else return undefined;
    if (!current) return undefined;
  }
  return unwrap(current)?.meta?.()?.title as string | undefined;
}

export interface FieldError {
  field: string;
  label?: string;
  message: string;
}

/** Turns a zod error into field errors whose messages name the field in Chinese. */
export function fieldErrors(schema: AnyZod, error: z.ZodError): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const field = [...issue.path, key].join('.');
        out.push({ field, message: `不允许的字段「${field}」` });
      }
      continue;
    }
    const field = issue.path.join('.') || '(body)';
    const label = labelAt(schema, issue.path);
    const name = label ? `${label}（${field}）` : `字段「${field}」`;
    // A message that names the field already (调解结果（outcome）无效…) keeps it once.
    const message = !label ? `${name}：${issue.message}` : issue.message.startsWith(name) ? issue.message : issue.message.startsWith(label) ? `${name}${issue.message.slice(label.length)}` : `${name}：${issue.message}`;
    out.push({ field, label, message });
  }
  return out;
}
