import type { FastifyInstance } from 'fastify';
import { z } from '../../../shared/zod.ts';
import { route } from '../http/route.ts';
import { notFound, HttpError } from '../http/errors.ts';
import { readUpload } from '../http/upload.ts';
import { can } from '../auth/context.ts';
import { BlobStore, attachmentDisposition, checkFileType } from '../attachments/store.ts';
import { nowIso } from '../ids.ts';
import type { Platform } from '../platform.ts';
import type { RequestContext } from '../auth/context.ts';
import { DOCX_MIME, documentsOf, fillTemplate, generateDocument, placeholdersOf, templateOf } from './index.ts';
import { documentTemplateView, generatedDocument, type DocumentTemplateView } from '../../../shared/schemas/documents.ts';

const keyParams = z.strictObject({ key: z.string().max(64) });
const recordParams = z.strictObject({ recordType: z.string().max(64), id: z.string().max(64) });

export async function documentRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const { db } = platform;
  const tags = ['文书'];
  /** A document of a record type the reader may read, or a 404. */
  const docFor = (ctx: RequestContext, key: string) => {
    const doc = platform.documents.get(key);
    const flow = doc && platform.workflows.get(doc.recordType);
    if (!doc || !flow || !can(ctx, flow.readPermission)) throw notFound('文书模板');
    return { doc, flow };
  };

  route(api, {
    method: 'GET',
    url: '/document-templates',
    permission: 'session',
    summary: '文书模板：本人可查看的各类记录可生成的文书、所用模板（默认或已替换）及可用占位符',
    tags,
    response: z.object({ items: z.array(documentTemplateView) }),
    handler: async ({ ctx }) => {
      const replaced = new Map((await db.selectFrom('document_templates').select(['key', 'updated_at']).execute()).map((r) => [r.key, r.updated_at]));
      const items: DocumentTemplateView[] = [];
      for (const doc of platform.documents.values()) {
        const flow = platform.workflows.get(doc.recordType);
        if (!flow || !can(ctx, flow.readPermission)) continue;
        items.push({ key: doc.key, title: doc.title, recordType: doc.recordType, recordTitle: flow.title, custom: replaced.has(doc.key), updatedAt: replaced.get(doc.key) ?? null, placeholders: placeholdersOf(platform, doc), statuses: doc.statuses.map((s) => flow.states[s]?.label ?? s) });
      }
      return { items };
    },
  });

  route(api, {
    method: 'GET',
    url: '/document-templates/:key/file',
    permission: 'session',
    summary: '下载文书模板（Word 文件，修改后可上传替换）',
    tags,
    params: keyParams,
    handler: async ({ ctx, params, reply }) => {
      const { doc } = docFor(ctx, params.key);
      const { buffer } = await templateOf(platform, doc);
      return reply.header('content-type', DOCX_MIME).header('content-disposition', attachmentDisposition(`${doc.title}模板.docx`)).send(buffer);
    },
  });

  route(api, {
    method: 'PUT',
    url: '/document-templates/:key',
    permission: 'document_template.manage',
    platformSetting: true,
    summary: '上传 Word 模板替换文书的默认模板（multipart：file）；占位符须为该文书可用的占位符',
    tags,
    params: keyParams,
    consumes: ['multipart/form-data'],
    response: documentTemplateView.pick({ key: true, custom: true, updatedAt: true }),
    handler: async ({ ctx, params, req }) => {
      const { doc } = docFor(ctx, params.key);
      const upload = await readUpload(req);
      if ((await checkFileType(upload.filename, upload.buffer)) !== DOCX_MIME) throw new HttpError(400, '文书模板（file）须为 Word 文件（.docx）', [{ field: 'file', message: '须为 .docx 文件' }]);
      const names = placeholdersOf(platform, doc).map((p) => p.name);
      const { unknown } = fillTemplate(upload.buffer, Object.fromEntries(names.map((n) => [n, n])));
      if (unknown.length) throw new HttpError(400, `文书模板（file）含不可用的占位符：${unknown.map((u) => `{${u}}`).join('、')}；可用：${names.map((n) => `{${n}}`).join('、')}`, [{ field: 'file', message: '含不可用的占位符' }]);
      const contentHash = new BlobStore(platform.config.attachmentsDir).put(upload.buffer);
      const at = nowIso();
      await db.transaction().execute(async (tx) => {
        const values = { content_hash: contentHash, filename: upload.filename, size: upload.buffer.length, updated_at: at, updated_by: ctx.id };
        await tx.insertInto('document_templates').values({ key: doc.key, ...values }).onConflict((oc) => oc.column('key').doUpdateSet(values)).execute();
        await platform.audit.record(tx, ctx, { action: 'document_template.replace', targetType: 'document_template', targetId: doc.key, detail: { document: doc.title, filename: upload.filename, contentHash } });
      });
      return { key: doc.key, custom: true, updatedAt: at };
    },
  });

  route(api, {
    method: 'DELETE',
    url: '/document-templates/:key',
    permission: 'document_template.manage',
    platformSetting: true,
    summary: '恢复文书的默认模板',
    tags,
    params: keyParams,
    response: documentTemplateView.pick({ key: true, custom: true, updatedAt: true }),
    handler: async ({ ctx, params }) => {
      const { doc } = docFor(ctx, params.key);
      await db.transaction().execute(async (tx) => {
        const removed = await tx.deleteFrom('document_templates').where('key', '=', doc.key).executeTakeFirst();
        if (Number(removed.numDeletedRows)) await platform.audit.record(tx, ctx, { action: 'document_template.reset', targetType: 'document_template', targetId: doc.key, detail: { document: doc.title } });
      });
      return { key: doc.key, custom: false, updatedAt: null };
    },
  });

  route(api, {
    method: 'GET',
    url: '/documents/:recordType/:id',
    permission: 'session',
    summary: '某条记录可生成的文书（当前状态不能生成的附原因）',
    tags,
    params: recordParams,
    response: z.object({ items: z.array(z.object({ key: z.string(), title: z.string(), available: z.boolean(), reason: z.string().nullable() })) }),
    handler: async ({ ctx, params }) => ({ items: await documentsOf(platform, ctx, params.recordType, params.id) }),
  });

  route(api, {
    method: 'POST',
    url: '/documents/:recordType/:id/:key',
    permission: 'attachment.upload',
    summary: '从记录生成文书（Word），存为该记录的台账材料',
    tags,
    params: recordParams.extend({ key: z.string().max(64) }),
    status: 201,
    response: generatedDocument,
    handler: async ({ ctx, params, reply }) => {
      reply.code(201);
      return generateDocument(platform, ctx, params.key, params.recordType, params.id);
    },
  });
}
