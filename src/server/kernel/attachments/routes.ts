// Upload, list and download evidence files, within the user's data scope (a record shared with every
// unit, such as a circular, shares its evidence for reading); every upload and download audited.
import type { FastifyInstance } from 'fastify';
import { attachmentListQuery, attachmentUploadFields, type AttachmentView } from '../../../shared/schemas/attachments.ts';
import { parseWith, paramsWithId, route } from '../http/route.ts';
import { readUpload } from '../http/upload.ts';
import { fieldError, notFound } from '../http/errors.ts';
import { assertInScope, countyScope, inScope, scoped } from '../auth/scope.ts';
import { BlobStore, checkFileType, sendDownload } from './store.ts';
import { newId, nowIso } from '../ids.ts';
import type { Platform } from '../platform.ts';
import type { AttachmentTable } from '../db/tables.ts';
import { loadRecord } from '../workflow/engine.ts';
import { can, type RequestContext } from '../auth/context.ts';

const toView = (r: AttachmentTable & { uploader_name: string | null }): AttachmentView => ({
  id: r.id,
  filename: r.filename,
  size: r.size,
  mime: r.mime,
  contentHash: r.content_hash,
  recordType: r.record_type,
  recordId: r.record_id,
  unitId: r.unit_id,
  uploadedBy: r.uploaded_by,
  uploadedByName: r.uploader_name,
  uploadedAt: r.uploaded_at,
});

export async function attachmentRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const { db, audit } = platform;
  const store = new BlobStore(platform.config.attachmentsDir);

  const attachments = () => db.selectFrom('attachments as a').leftJoin('users as u', 'u.id', 'a.uploaded_by').selectAll('a').select('u.name as uploader_name');
  const visible = (scope: Parameters<typeof scoped>[1]) => scoped(attachments(), scope, 'a.unit_id');

  /** A record its type shares with every unit of its county, evidence and all (WorkflowDef.evidenceShared: a circular): whoever there may read it reads its evidence too. */
  async function sharedRecord(ctx: RequestContext, recordType: string | null, recordId: string | null): Promise<boolean> {
    const def = recordType ? platform.workflows.get(recordType) : undefined;
    if (!def?.sharedWhen || !def.evidenceShared || !recordId || !can(ctx, def.readPermission)) return false;
    const record = await loadRecord(db, def, recordId);
    return !!record && def.sharedWhen(record) && inScope(countyScope(ctx.scope), record.unit_id);
  }

  /** One attachment its reader may see: in their scope, or on a shared record. */
  async function readable(ctx: RequestContext, id: string) {
    const row = await visible(ctx.scope).where('a.id', '=', id).executeTakeFirst();
    if (row) return row;
    const outside = await attachments().where('a.id', '=', id).executeTakeFirst();
    return outside && (await sharedRecord(ctx, outside.record_type, outside.record_id)) ? outside : undefined;
  }

  route(api, {
    method: 'POST',
    url: '/attachments',
    permission: 'attachment.upload',
    summary: '上传台账材料（multipart：file，可选 recordType、recordId、unitId）',
    tags: ['台账材料'],
    consumes: ['multipart/form-data'],
    handler: async ({ ctx, req, reply }) => {
      const upload = await readUpload(req);
      const fields = parseWith(attachmentUploadFields, upload.fields, 'body');
      let unitId = fields.unitId ?? ctx.unitId;
      // Evidence on a workflow record belongs to the record's unit, and only someone who can see the record may add it.
      // Only the platform's record types: an unknown type must not let a file name any record.
      const def = fields.recordType ? platform.workflows.get(fields.recordType) : undefined;
      if (fields.recordType && !def) throw fieldError('recordType', '记录类型', `「${fields.recordType}」不是可上传台账材料的记录类型`);
      if (fields.recordId && !def) throw fieldError('recordType', '记录类型', '指定记录编号时须同时指定记录类型');
      if (def) {
        if (!fields.recordId) throw notFound(def.title);
        const record = await loadRecord(db, def, fields.recordId);
        if (!record || !can(ctx, def.readPermission)) throw notFound(def.title);
        assertInScope(ctx.scope, record.unit_id, def.title);
        unitId = record.unit_id;
      }
      assertInScope(ctx.scope, unitId, '单位');
      const mime = await checkFileType(upload.filename, upload.buffer);
      const contentHash = store.put(upload.buffer);
      const row = {
        id: newId(),
        content_hash: contentHash,
        size: upload.buffer.length,
        mime,
        filename: upload.filename,
        record_type: fields.recordType ?? null,
        record_id: fields.recordId ?? null,
        unit_id: unitId,
        uploaded_by: ctx.id,
        uploaded_at: nowIso(),
      };
      await db.transaction().execute(async (tx) => {
        await tx.insertInto('attachments').values(row).execute();
        await audit.record(tx, ctx, { action: 'attachment.upload', targetType: 'attachment', targetId: row.id, detail: { filename: row.filename, size: row.size, contentHash } });
      });
      reply.code(201);
      return toView({ ...row, uploader_name: ctx.displayName });
    },
  });

  route(api, {
    method: 'GET',
    url: '/attachments',
    permission: 'attachment.read',
    summary: '列出某条记录的台账材料',
    tags: ['台账材料'],
    query: attachmentListQuery,
    handler: async ({ ctx, query }) => {
      const shared = await sharedRecord(ctx, query.recordType, query.recordId);
      const rows = await (shared ? attachments() : visible(ctx.scope))
        .where('a.record_type', '=', query.recordType)
        .where('a.record_id', '=', query.recordId)
        .orderBy('a.uploaded_at')
        .execute();
      return { items: rows.map(toView) };
    },
  });

  route(api, {
    method: 'GET',
    url: '/attachments/:id',
    permission: 'attachment.read',
    summary: '台账材料信息',
    tags: ['台账材料'],
    params: paramsWithId,
    handler: async ({ ctx, params }) => {
      const row = await readable(ctx, params.id);
      if (!row) throw notFound('材料');
      return toView(row);
    },
  });

  route(api, {
    method: 'GET',
    url: '/attachments/:id/download',
    permission: 'attachment.read',
    summary: '下载台账材料（以附件方式）',
    tags: ['台账材料'],
    params: paramsWithId,
    handler: async ({ ctx, params, reply }) => {
      const row = await readable(ctx, params.id);
      if (!row || !store.has(row.content_hash)) throw notFound('材料');
      await audit.record(db, ctx, { action: 'attachment.download', targetType: 'attachment', targetId: row.id, detail: { filename: row.filename } });
      return sendDownload(reply, row.mime, row.filename, store.read(row.content_hash));
    },
  });
}
