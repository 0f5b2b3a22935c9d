// The public forms' routes: open ones for the portal (the form, a proof-of-work challenge, the
// submission, tracking, the supplement and the released documents — the last three opened by code
// and secret in the body, never in an address), and the staff's on a record's page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from '../../../shared/zod.ts';
import type { Platform } from '../platform.ts';
import { route } from '../http/route.ts';
import { notFound } from '../http/errors.ts';
import { sendDownload } from '../attachments/store.ts';
import { LIMITS, spend } from './limits.ts';
import { issueChallenge } from './pow.ts';
import { SUPPLEMENT_MAX_FILES, formView, publicForms, publicMaxBytes } from './forms.ts';
import { readPublicBody } from './body.ts';
import { answerSupplement, applicantActor, blobs, credentialsInput, openSubmission, submitForm } from './submissions.ts';
import { trackView } from './track.ts';
import { applicantFile, releaseDocument, submissionCard } from './staff.ts';
import type { PublicFormDef } from './types.ts';

const tags = ['公开'];
const keyParams = z.strictObject({ key: z.string().min(1).max(64).meta({ title: '表单' }) });
const idParams = z.strictObject({ id: z.string().min(1).max(64).meta({ title: '编号' }) });
const cardQuery = z.strictObject({ recordType: z.string().min(1).max(64).meta({ title: '记录类型' }), recordId: z.string().min(1).max(64).meta({ title: '记录编号' }) });
const releaseInput = z.strictObject({ attachmentId: z.string({ error: '请选择要发送的文书' }).min(1, { error: '请选择要发送的文书' }).max(64).meta({ title: '文书' }) });

/** The address the visitor used, for the QR code of the tracking page. */
const originOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

function sendFile(platform: Platform, reply: FastifyReply, file: { content_hash: string; filename: string; mime: string }) {
  const store = blobs(platform);
  if (!store.has(file.content_hash)) throw notFound('文件');
  return sendDownload(reply, file.mime, file.filename, store.read(file.content_hash));
}

export async function publicRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const forms = publicForms(platform.modules);
  const formOf = (key: string): PublicFormDef => {
    const form = forms.get(key);
    if (!form) throw notFound('表单');
    return form;
  };
  const uploadLimits = (label: string, maxFiles: number) => ({ label, maxFiles, maxBytes: publicMaxBytes(platform) });

  route(api, { method: 'GET', url: '/public/forms/:key', permission: 'public', summary: '网上申请表单（字段、受理单位、个人信息处理规则、今天提交的法定期限）', tags, params: keyParams, handler: async ({ params }) => formView(platform, formOf(params.key)) });

  route(api, {
    method: 'GET',
    url: '/public/challenge',
    permission: 'public',
    summary: '安全校验题（工作量证明：SHA-256 前导零位）',
    tags,
    handler: async ({ req, reply }) => {
      await spend(platform.db, `challenge:${req.ip}`, LIMITS.writes, '获取安全校验');
      reply.header('cache-control', 'no-store');
      return issueChallenge(platform);
    },
  });

  route(api, {
    method: 'POST',
    url: '/public/forms/:key/submissions',
    permission: 'public',
    summary: '提交网上申请（JSON，或 multipart：data 为 JSON，files 为附件）；答复查询码和查询密码（仅此一次）',
    tags,
    params: keyParams,
    consumes: ['application/json', 'multipart/form-data'],
    status: 201,
    handler: async ({ params, req, reply }) => {
      const form = formOf(params.key);
      const body = await readPublicBody(req, uploadLimits(form.attachments.label, form.attachments.max));
      const submitted = await submitForm(platform, form, body, req.ip, originOf(req));
      reply.code(201).header('cache-control', 'no-store');
      return submitted;
    },
  });

  route(api, {
    method: 'POST',
    url: '/public/track',
    permission: 'public',
    summary: '凭查询码和查询密码查询办理进度',
    tags,
    body: credentialsInput,
    handler: async ({ body, req }) => {
      const submission = await openSubmission(platform, body, req.ip);
      return trackView(platform, formOf(submission.form), submission);
    },
  });

  route(api, {
    method: 'POST',
    url: '/public/track/supplement',
    permission: 'public',
    summary: '提交补正材料（JSON，或 multipart：data 为 JSON，files 为附件）',
    tags,
    consumes: ['application/json', 'multipart/form-data'],
    handler: async ({ req }) => {
      const submission = await answerSupplement(platform, forms, await readPublicBody(req, uploadLimits('补正材料', SUPPLEMENT_MAX_FILES)), req.ip);
      return trackView(platform, formOf(submission.form), submission);
    },
  });

  route(api, {
    method: 'POST',
    url: '/public/track/replies/:id',
    permission: 'public',
    summary: '下载工作人员发送给申请人的文书（凭查询码和查询密码）',
    tags,
    params: idParams,
    body: credentialsInput,
    handler: async ({ params, body, req, reply }) => {
      await spend(platform.db, `writes:${req.ip}`, LIMITS.writes, '下载');
      const submission = await openSubmission(platform, body, req.ip);
      const file = await platform.db
        .selectFrom('public_releases as r')
        .innerJoin('attachments as a', 'a.id', 'r.attachment_id')
        .select(['a.id', 'a.content_hash', 'a.filename', 'a.mime'])
        .where('r.id', '=', params.id)
        .where('r.submission_id', '=', submission.id)
        .executeTakeFirst();
      if (!file) throw notFound('文书');
      await platform.audit.record(platform.db, applicantActor(submission.code, req.ip), { action: 'public.download', targetType: submission.record_type, targetId: submission.record_id, detail: { attachmentId: file.id, filename: file.filename } });
      return sendFile(platform, reply, file);
    },
  });

  route(api, { method: 'GET', url: '/public-submissions', permission: 'session', summary: '记录的网上申请（查询码、申请人材料、补正、可发送的文书）；非网上申请为 null', tags, query: cardQuery, handler: async ({ ctx, query }) => ({ submission: await submissionCard(platform, forms, ctx, query.recordType, query.recordId) }) });

  route(api, {
    method: 'GET',
    url: '/public-submissions/files/:id/download',
    permission: 'session',
    summary: '下载申请人网上提交的材料',
    tags,
    params: idParams,
    handler: async ({ ctx, params, reply }) => {
      const file = await applicantFile(platform, ctx, params.id);
      await platform.audit.record(platform.db, ctx, { action: 'public.file.download', targetType: 'public_file', targetId: file.id, detail: { filename: file.filename } });
      return sendFile(platform, reply, file);
    },
  });

  route(api, {
    method: 'POST',
    url: '/public-submissions/:id/releases',
    permission: 'session',
    summary: '将本案的一份台账材料（答复书、决定书等）发送给申请人，供其凭查询码下载',
    tags,
    params: idParams,
    body: releaseInput,
    handler: async ({ ctx, params, body }) => {
      await releaseDocument(platform, forms, ctx, params.id, body.attachmentId);
    },
  });
}
