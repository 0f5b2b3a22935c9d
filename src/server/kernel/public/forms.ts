// A public form from its record definition: the fields a module lists, with the definition's
// labels, limits and Chinese messages (the same fieldSchema staff forms use), the unit the
// application goes to, the PIPL consent, and the statutory periods computed for today.
import { z } from '../../../shared/zod.ts';
import { fieldSchema, type FieldDef } from '../../../shared/records.ts';
import type { Platform } from '../platform.ts';
import type { ModuleManifest } from '../modules.ts';
import { chinaToday } from '../calendar/days.ts';
import { computeDeadline } from '../calendar/deadline.ts';
import { POW_BITS } from './pow.ts';
import type { PublicFieldView, PublicFormDef, PublicFormView, PublicPeriodView } from './types.ts';

/** Field kinds a citizen can fill in. */
const PUBLIC_KINDS = new Set(['text', 'longText', 'enum', 'idNumber', 'phone', 'date']);

/** File types a citizen may attach: documents and pictures (checked by content like staff uploads). */
export const PUBLIC_EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'doc', 'docx', 'ofd'];
const PUBLIC_MAX_BYTES = 10 * 1024 * 1024;
export const publicMaxBytes = (platform: Platform) => Math.min(platform.config.uploadMaxBytes, PUBLIC_MAX_BYTES);
/** Files a supplement may carry. */
export const SUPPLEMENT_MAX_FILES = 5;

export const consentText = (form: PublicFormDef) =>
  `本人已阅读并同意：为办理本${form.title}，受理机关依照《中华人民共和国个人信息保护法》处理本人填写的姓名、身份证件号码、联系电话等个人信息，仅用于本申请的受理、办理、送达和依法归档，不作他用；身份证件号码和联系电话加密保存，工作人员查看须经授权并留有记录。`;

const specOf = (form: PublicFormDef, name: string): FieldDef => form.record.fields[name]!;

/** Every module's public forms by key; a form that names a field its definition lacks stops the start. */
export function publicForms(modules: readonly ModuleManifest[]): Map<string, PublicFormDef> {
  const forms = new Map<string, PublicFormDef>();
  for (const form of modules.flatMap((m) => m.publicForms ?? [])) {
    if (forms.has(form.key)) throw new Error(`公开表单重复声明：${form.key}`);
    if (specOf(form, 'receivedDate')?.kind !== 'date') throw new Error(`公开表单 ${form.key} 的记录没有收到日期（receivedDate）字段`);
    // The choice is the unit applied to, or the record commented on (a draft decision): a unit or record field.
    if (!['unit', 'record'].includes(specOf(form, form.unit.field)?.kind ?? '')) throw new Error(`公开表单 ${form.key} 的受理单位字段 ${form.unit.field} 不是单位或记录字段`);
    for (const { name } of form.fields) {
      const spec = specOf(form, name);
      if (!spec || !spec.input || !PUBLIC_KINDS.has(spec.kind)) throw new Error(`公开表单 ${form.key} 的字段 ${name} 不是可由公众填写的输入字段`);
    }
    forms.set(form.key, form);
  }
  return forms;
}

const withRequired = (spec: FieldDef, required: boolean | undefined): FieldDef => (required ? { ...spec, required: true } : spec);

/** The submission's body: the unit, the listed fields, consent and the proof of work. */
export function formSchema(form: PublicFormDef) {
  const shape: Record<string, z.ZodType> = { [form.unit.field]: fieldSchema(form.unit.field, withRequired(specOf(form, form.unit.field), true)) };
  for (const f of form.fields) shape[f.name] = fieldSchema(f.name, withRequired(specOf(form, f.name), f.required));
  shape.consent = z.literal(true, { error: '请阅读并勾选同意个人信息处理规则' }).meta({ title: '个人信息处理同意' });
  shape.pow = z
    .strictObject({ challenge: z.string().max(200), nonce: z.string().max(20) }, { error: '缺少安全校验，请刷新页面后重新提交' })
    .meta({ title: '安全校验' });
  return z.strictObject(shape);
}

function fieldView(form: PublicFormDef, f: PublicFormDef['fields'][number]): PublicFieldView {
  const spec = withRequired(specOf(form, f.name), f.required);
  return {
    name: f.name,
    kind: spec.kind as PublicFieldView['kind'],
    label: spec.label,
    required: spec.required,
    max: spec.kind === 'text' || spec.kind === 'longText' ? (spec.max ?? null) : null,
    options: spec.options ? Object.entries(spec.options) : null,
    hint: f.hint ?? null,
  };
}

/** The form's statutory periods if it were submitted today, each from today or from an earlier one. */
export async function guidePeriods(platform: Platform, form: PublicFormDef): Promise<PublicPeriodView[]> {
  const { calendar, rules } = await platform.deadlines.load();
  const out: PublicPeriodView[] = [];
  for (const period of form.periods) {
    const rule = rules.get(period.rule);
    if (!rule) continue;
    const start = period.after === undefined ? chinaToday() : out[period.after]!.due;
    const { due, provisional } = computeDeadline(calendar, rule, { start });
    out.push({ action: period.action, due, provisional, ruleName: rule.name, citation: rule.citation });
  }
  return out;
}

export async function formView(platform: Platform, form: PublicFormDef): Promise<PublicFormView> {
  const unit = specOf(form, form.unit.field);
  return {
    key: form.key,
    title: form.title,
    unit: { name: form.unit.field, label: unit.label, hint: form.unit.hint ?? null, choices: await form.unit.choices(platform.db) },
    fields: form.fields.map((f) => fieldView(form, f)),
    attachments: { label: form.attachments.label, max: form.attachments.max, maxBytes: publicMaxBytes(platform), accept: PUBLIC_EXTENSIONS, hint: form.attachments.hint ?? null },
    consent: consentText(form),
    what: form.what ?? '申请',
    periods: await guidePeriods(platform, form),
    powBits: POW_BITS,
  };
}
