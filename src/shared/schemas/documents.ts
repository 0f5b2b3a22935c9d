// Document templates (文书模板): the notices a record produces, generated as .docx from the record
// by a Word template the law office may replace. Placeholders are the record's field labels in
// braces ({申请人}, {收到日期}) plus a few every document has.
import { z } from '../zod.ts';

export interface DocumentDef {
  /** Stable code of the document (API, stored templates). */
  key: string;
  /** 受理通知书, 答复书… */
  title: string;
  recordType: string;
  /** Statuses in which the document can be produced (e.g. 受理通知书 once accepted). */
  statuses: readonly string[];
  /** Only records whose column holds one of these values (a 督办单 is printed from a 督办单, not a 通报); `reason` says why not. */
  only?: { column: string; values: readonly string[]; reason: string };
  /** How many closing paragraphs are the signature (organ and date, set right); by default from the first {单位} or {成文日期} paragraph. */
  signature?: number;
  /** The default template's paragraphs, in order; the first is the title. Placeholders in braces. */
  paragraphs: readonly string[];
}

/** Placeholders every document has, besides the record's fields. */
export const COMMON_PLACEHOLDERS: Readonly<Record<string, string>> = {
  案号: '案号或文号（按编号规则）',
  编号: '外部编号',
  单位: '记录所属单位',
  县名: '县（区）名',
  成文日期: '生成文书当天（如 2026年11月30日）',
  标题: '记录标题',
};

export const documentTemplateView = z.object({
  key: z.string(),
  title: z.string(),
  recordType: z.string(),
  recordTitle: z.string(),
  /** Whether the law office replaced the default template. */
  custom: z.boolean(),
  updatedAt: z.string().nullable(),
  placeholders: z.array(z.object({ name: z.string(), note: z.string() })),
  statuses: z.array(z.string()),
});
export type DocumentTemplateView = z.infer<typeof documentTemplateView>;

export const generatedDocument = z.object({ attachmentId: z.string(), filename: z.string(), size: z.number().int() });
export type GeneratedDocument = z.infer<typeof generatedDocument>;
