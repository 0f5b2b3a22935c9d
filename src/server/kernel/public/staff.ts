// The staff side of an online submission, on the record's page: the applicant's files and
// supplements, and the record's evidence files, any of which staff release to the applicant (the
// reply letter, a decision). Data scope and the record type's read permission as for the record.
import type { Platform } from '../platform.ts';
import type { RequestContext } from '../auth/context.ts';
import { can } from '../auth/context.ts';
import { assertInScope } from '../auth/scope.ts';
import { conflict, fieldError, forbidden, notFound } from '../http/errors.ts';
import { newId, nowIso } from '../ids.ts';
import { addTimeline } from '../workflow/timeline.ts';
import { loadRecord } from '../workflow/engine.ts';
import { grouped } from './credentials.ts';
import type { PublicFormDef, SubmissionCardView } from './types.ts';
import type { PublicSubmissionTable } from './tables.ts';

/** A submission as its record's reader may see it; another unit's answers as one that is not there. */
async function readable(platform: Platform, ctx: RequestContext, submission: PublicSubmissionTable | undefined): Promise<PublicSubmissionTable> {
  const def = submission && platform.workflows.get(submission.record_type);
  if (!submission || !def || !can(ctx, def.readPermission)) throw notFound('网上申请');
  assertInScope(ctx.scope, submission.unit_id, '网上申请');
  return submission;
}

const submissionOf = (platform: Platform, recordType: string, recordId: string) =>
  platform.db.selectFrom('public_submissions').selectAll().where('record_type', '=', recordType).where('record_id', '=', recordId).executeTakeFirst();

async function documents(platform: Platform, submission: PublicSubmissionTable): Promise<SubmissionCardView['documents']> {
  const rows = await platform.db
    .selectFrom('attachments as a')
    .leftJoin('public_releases as r', (j) => j.onRef('r.attachment_id', '=', 'a.id').on('r.submission_id', '=', submission.id))
    .select(['a.id', 'a.filename', 'a.uploaded_at', 'r.released_at'])
    .where('a.record_type', '=', submission.record_type)
    .where('a.record_id', '=', submission.record_id)
    .orderBy('a.uploaded_at')
    .execute();
  return rows.map((r) => ({ attachmentId: r.id, filename: r.filename, uploadedAt: r.uploaded_at, releasedAt: r.released_at ?? null }));
}

/** The record's online submission, or null when it came another way. */
export async function submissionCard(platform: Platform, forms: ReadonlyMap<string, PublicFormDef>, ctx: RequestContext, recordType: string, recordId: string): Promise<SubmissionCardView | null> {
  const def = platform.workflows.get(recordType);
  const record = def && can(ctx, def.readPermission) ? await loadRecord(platform.db, def, recordId) : undefined;
  if (!record) throw notFound('记录');
  assertInScope(ctx.scope, record.unit_id, def!.title);
  const submission = await submissionOf(platform, recordType, recordId);
  if (!submission) return null;
  const [files, supplements] = await Promise.all([
    platform.db.selectFrom('public_files').select(['id', 'filename', 'size', 'supplement_id']).where('submission_id', '=', submission.id).orderBy('uploaded_at').execute(),
    platform.db.selectFrom('public_supplements').selectAll().where('submission_id', '=', submission.id).orderBy('created_at').execute(),
  ]);
  const form = forms.get(submission.form);
  return {
    id: submission.id,
    code: grouped(submission.code),
    form: form?.title ?? submission.form,
    submittedAt: submission.created_at,
    canRelease: !!form && can(ctx, form.managePermission),
    files: files.map((f) => ({ id: f.id, filename: f.filename, size: Number(f.size), stage: f.supplement_id ? 'supplement' : 'application' })),
    answers: supplements.map((s) => ({ answeredOn: s.answered_on, text: s.text, files: files.filter((f) => f.supplement_id === s.id).map((f) => ({ id: f.id, filename: f.filename })) })),
    documents: await documents(platform, submission),
  };
}

/** An applicant's file, for a reader of its record. */
export async function applicantFile(platform: Platform, ctx: RequestContext, fileId: string) {
  const file = await platform.db.selectFrom('public_files').selectAll().where('id', '=', fileId).executeTakeFirst();
  const submission = file && (await platform.db.selectFrom('public_submissions').selectAll().where('id', '=', file.submission_id).executeTakeFirst());
  await readable(platform, ctx, submission);
  return file!;
}

/** Releases one of the record's evidence files to the applicant: from now on they can download it. */
export async function releaseDocument(platform: Platform, forms: ReadonlyMap<string, PublicFormDef>, ctx: RequestContext, submissionId: string, attachmentId: string): Promise<void> {
  const submission = await readable(platform, ctx, await platform.db.selectFrom('public_submissions').selectAll().where('id', '=', submissionId).executeTakeFirst());
  const form = forms.get(submission.form);
  if (!form || !can(ctx, form.managePermission)) throw forbidden(`没有向申请人发送文书的权限（需要「${platform.permissionLabels[form?.managePermission ?? ''] ?? '办理'}」）`);
  const file = await platform.db.selectFrom('attachments').select(['id', 'filename']).where('id', '=', attachmentId).where('record_type', '=', submission.record_type).where('record_id', '=', submission.record_id).executeTakeFirst();
  if (!file) throw fieldError('attachmentId', '文书', '不是本案的台账材料');
  await platform.db.transaction().execute(async (tx) => {
    const done = await tx.selectFrom('public_releases').select('id').where('submission_id', '=', submission.id).where('attachment_id', '=', file.id).executeTakeFirst();
    if (done) throw conflict(`「${file.filename}」已发送给申请人`);
    await tx.insertInto('public_releases').values({ id: newId(), submission_id: submission.id, attachment_id: file.id, released_at: nowIso(), released_by: ctx.id }).execute();
    await addTimeline(tx, ctx, { recordType: submission.record_type, recordId: submission.record_id, action: 'public.release', label: `向申请人发送文书：${file.filename}`, note: '申请人可凭查询码下载' });
    await platform.audit.record(tx, ctx, { action: 'public.release', targetType: submission.record_type, targetId: submission.record_id, detail: { attachmentId: file.id, filename: file.filename, code: submission.code } });
  });
}
