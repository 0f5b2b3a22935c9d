// Documents from records (文书): a module declares the notices a record type produces and the
// default wording; the law office may replace any of them with its own Word template. A document is
// the template filled from the record (its fields by their Chinese labels, its case number), kept as
// evidence on the record and audited. Sealed personal data never goes into a document.
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import { readFileSync } from 'node:fs';
import type { Platform } from '../platform.ts';
import type { RequestContext } from '../auth/context.ts';
import { can } from '../auth/context.ts';
import { assertInScope } from '../auth/scope.ts';
import { conflict, HttpError, notFound } from '../http/errors.ts';
import { loadRecord } from '../workflow/engine.ts';
import { BlobStore } from '../attachments/store.ts';
import { chinaToday } from '../calendar/days.ts';
import { newId, nowIso } from '../ids.ts';
import { countyName } from '../numbering/index.ts';
import { entries } from '../../../shared/records.ts';
import { chineseDate } from '../../../shared/schemas/reports.ts';
import { COMMON_PLACEHOLDERS, type DocumentDef, type GeneratedDocument } from '../../../shared/schemas/documents.ts';

declare module '../db/tables.ts' {
  interface Database {
    document_templates: { key: string; content_hash: string; filename: string; size: number; updated_at: string; updated_by: string | null };
  }
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The placeholders a document may use: the common ones, then the record's fields by label (never sealed data or references). */
export function placeholdersOf(platform: Platform, doc: DocumentDef): { name: string; note: string }[] {
  const out = Object.entries(COMMON_PLACEHOLDERS).map(([name, note]) => ({ name, note }));
  const record = platform.records.get(doc.recordType);
  for (const [, field] of record ? entries(record) : []) {
    if (field.sealed || field.kind === 'record' || out.some((p) => p.name === field.label)) continue;
    out.push({ name: field.label, note: field.note || '' });
  }
  return out;
}

const FANGSONG = { ascii: '仿宋_GB2312', eastAsia: '仿宋_GB2312', hAnsi: '仿宋_GB2312', cs: '仿宋_GB2312' };
const TITLE_FONT = { ascii: '方正小标宋简体', eastAsia: '方正小标宋简体', hAnsi: '方正小标宋简体', cs: '方正小标宋简体' };

/** The default template: the module's wording as an official-looking Word file (title 2号, body 3号 仿宋, 28-point lines). */
export async function defaultTemplate(doc: DocumentDef): Promise<Buffer> {
  const [title, ...body] = doc.paragraphs;
  const signatureFrom = doc.signature ? body.length - doc.signature : body.findIndex((p) => p.startsWith('{单位}') || p.startsWith('{成文日期}'));
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text: title ?? doc.title, font: TITLE_FONT, size: 44 })] }),
          ...body.map(
            (text, i) =>
              new Paragraph({
                alignment: signatureFrom >= 0 && i >= signatureFrom ? AlignmentType.RIGHT : AlignmentType.LEFT,
                indent: signatureFrom >= 0 && i >= signatureFrom ? undefined : { firstLine: 640 },
                spacing: { line: 560, lineRule: LineRuleType.EXACT },
                children: [new TextRun({ text, font: FANGSONG, size: 32 })],
              }),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

type TemplateProblem = { properties?: { id?: string; xtag?: string; context?: string } };

/** docxtemplater's template errors in words a clerk editing the Word file can act on. */
function problemText(e: TemplateProblem): string {
  const tag = e.properties?.xtag ?? e.properties?.context ?? '';
  switch (e.properties?.id) {
    case 'unclosed_tag':
      return `占位符「{${tag}」缺少右花括号 }`;
    case 'unopened_tag':
      return `「${tag}}」缺少左花括号 {`;
    case 'duplicate_open_tag':
      return `占位符「${tag}」有重复的 {`;
    case 'duplicate_close_tag':
      return `占位符「${tag}」有重复的 }`;
    default:
      return `占位符「${tag}」无法识别`;
  }
}

/**
 * Fills a template. Returns the document and the placeholders it used that are not known (a
 * template is refused with them when it is uploaded). Unknown or empty values print as blanks.
 */
export function fillTemplate(template: Buffer, data: Readonly<Record<string, string>>): { buffer: Buffer; unknown: string[] } {
  const used = new Set<string>();
  let doc: Docxtemplater;
  try {
    doc = new Docxtemplater(new PizZip(template), {
      paragraphLoop: true,
      linebreaks: true,
      parser: (tag: string) => ({ get: (scope: Record<string, unknown>) => (tag === '.' ? scope : (used.add(tag.trim()), scope[tag.trim()])) }),
      nullGetter: () => '',
      errorLogging: false,
    });
    doc.render(data);
  } catch (error) {
    const problems = ((error as { properties?: { errors?: TemplateProblem[] } }).properties?.errors ?? []).map(problemText);
    throw new HttpError(400, `文书模板有误：${problems.length ? problems.slice(0, 5).join('；') : '不是可用的 Word（.docx）文件'}`, [{ field: 'file', message: '文书模板有误' }]);
  }
  const buffer = doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer;
  return { buffer, unknown: [...used].filter((tag) => !(tag in data)) };
}

/** The template in use: the law office's, or the default. */
export async function templateOf(platform: Platform, doc: DocumentDef): Promise<{ buffer: Buffer; custom: boolean }> {
  const row = await platform.db.selectFrom('document_templates').select('content_hash').where('key', '=', doc.key).executeTakeFirst();
  if (!row) return { buffer: await defaultTemplate(doc), custom: false };
  return { buffer: readFileSync(new BlobStore(platform.config.attachmentsDir).filePath(row.content_hash)), custom: true };
}

const yuan = (fen: number) => `${(fen / 100).toFixed(2)}元`;

/** The values of a record's placeholders, as a person would write them (dates 2026年3月2日, labels not codes). */
async function documentData(platform: Platform, doc: DocumentDef, row: Record<string, unknown> & { unit_id: string }): Promise<Record<string, string>> {
  const flow = platform.workflows.get(doc.recordType)!;
  const record = platform.records.get(doc.recordType);
  // Only the units the record names: the record's own and its unit fields'.
  const fields = record ? entries(record) : [];
  const unitIds = [row.unit_id, ...fields.filter(([, f]) => f.kind === 'unit').map(([, f]) => row[f.column])].filter((id): id is string => typeof id === 'string');
  const names = new Map((await platform.db.selectFrom('org_units').select(['id', 'name']).where('id', 'in', unitIds).execute()).map((u) => [u.id, u.name]));
  const unitName = (id: unknown) => names.get(String(id)) ?? '';
  const data: Record<string, string> = {
    // The number the record type takes (案号/文号 by the law office's pattern), else its external ref.
    案号: String(row[platform.caseNumbers.get(doc.recordType)?.column ?? 'case_number'] ?? row.ref ?? ''),
    编号: String(row.ref ?? ''),
    单位: unitName(row.unit_id),
    县名: await countyName(platform.db, row.unit_id),
    成文日期: chineseDate(chinaToday()),
    标题: String(row[flow.titleColumn] ?? ''),
  };
  for (const [, field] of fields) {
    if (field.sealed || field.kind === 'record' || field.label in data) continue;
    const value = row[field.column];
    if (value === null || value === undefined || value === '') data[field.label] = '';
    else if (field.kind === 'date') data[field.label] = chineseDate(String(value));
    else if (field.kind === 'enum') data[field.label] = field.options?.[String(value)] ?? String(value);
    else if (field.kind === 'boolean') data[field.label] = Number(value) ? '是' : '否';
    else if (field.kind === 'money') data[field.label] = yuan(Number(value));
    else if (field.kind === 'unit') data[field.label] = unitName(value);
    else data[field.label] = String(value);
  }
  return data;
}

/** The record as its reader may see it, or a 404 (no existence oracle). */
async function readableRecord(platform: Platform, ctx: RequestContext, recordType: string, id: string) {
  const flow = platform.workflows.get(recordType);
  if (!flow || !can(ctx, flow.readPermission)) throw notFound('记录');
  const row = await loadRecord(platform.db, flow, id);
  if (!row) throw notFound(flow.title);
  assertInScope(ctx.scope, row.unit_id, flow.title);
  return { flow, row };
}

/** The documents a record can produce now (its status allows them), with the reason for those it cannot. */
export async function documentsOf(platform: Platform, ctx: RequestContext, recordType: string, id: string) {
  const { flow, row } = await readableRecord(platform, ctx, recordType, id);
  return [...platform.documents.values()]
    .filter((d) => d.recordType === recordType && applies(d, row))
    .map((d) => ({ key: d.key, title: d.title, available: d.statuses.includes(row.status), reason: d.statuses.includes(row.status) ? null : `${flow.states[row.status]?.label ?? row.status}时不能生成，须处于：${d.statuses.map((s) => flow.states[s]?.label ?? s).join('、')}` }));
}

/** Whether the document is one this record produces at all (DocumentDef.only). */
const applies = (doc: DocumentDef, row: Record<string, unknown>) => !doc.only || doc.only.values.includes(String(row[doc.only.column]));

/** Produces a document from a record: filled from the template in use, kept as the record's evidence, audited. */
export async function generateDocument(platform: Platform, ctx: RequestContext, key: string, recordType: string, id: string): Promise<GeneratedDocument> {
  const doc = platform.documents.get(key);
  if (!doc || doc.recordType !== recordType) throw notFound('文书');
  const { flow, row } = await readableRecord(platform, ctx, recordType, id);
  if (!applies(doc, row)) throw conflict(doc.only!.reason);
  if (!doc.statuses.includes(row.status)) throw conflict(`当前状态为「${flow.states[row.status]?.label ?? row.status}」，不能生成${doc.title}`);
  const data = await documentData(platform, doc, row);
  const { buffer } = fillTemplate((await templateOf(platform, doc)).buffer, data);
  const filename = `${doc.title}（${data.案号 || data.标题}）.docx`.replace(/[\\/:*?"<>|]/g, '_');
  const contentHash = new BlobStore(platform.config.attachmentsDir).put(buffer);
  const attachmentId = newId();
  await platform.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('attachments')
      .values({ id: attachmentId, content_hash: contentHash, size: buffer.length, mime: DOCX_MIME, filename, record_type: recordType, record_id: id, unit_id: row.unit_id, uploaded_by: ctx.id, uploaded_at: nowIso() })
      .execute();
    await platform.audit.record(tx, ctx, { action: 'document.generate', targetType: recordType, targetId: id, detail: { document: doc.title, attachmentId, filename } });
  });
  return { attachmentId, filename, size: buffer.length };
}
