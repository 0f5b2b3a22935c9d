// Submitting without an account: a public form's input becomes a record of its module through the
// module's own create command (its clock starts on the day of receipt, as at the window), with the
// applicant's files, a tracking code and a hashed secret, in one transaction; then the applicant,
// holding code and secret, answers a supplement request (the module's own transition) and downloads
// what staff released. Every write is audited; nothing is half-saved.
import QRCode from 'qrcode';
import type { Tx } from '../db/index.ts';
import type { Platform } from '../platform.ts';
import type { Actor } from '../audit/index.ts';
import { z, text } from '../../../shared/zod.ts';
import { parseWith } from '../http/route.ts';
import { conflict, fieldError, HttpError } from '../http/errors.ts';
import { newId, nowIso } from '../ids.ts';
import { chinaToday } from '../calendar/days.ts';
import { BlobStore } from '../attachments/store.ts';
import { loadRecord, transitionWithin } from '../workflow/engine.ts';
import { LIMITS, assertUnder, noteFailure, spend } from './limits.ts';
import { spendChallenge } from './pow.ts';
import { consentText, formSchema } from './forms.ts';
import { checkPublicFiles, type PublicBody, type PublicFile } from './body.ts';
import { CODE_LENGTH, SECRET_LENGTH, grouped, isWellFormed, newCode, newSecret, normalise, secretHash, secretMatches } from './credentials.ts';
import type { PublicFormDef, SubmittedView } from './types.ts';
import type { PublicSubmissionTable } from './tables.ts';

/** Who acts for an applicant: named by the tracking code in the audit log, 网上申请人 on timelines. */
export const applicantActor = (code: string, ip: string | null): Actor & { displayName: string } => ({ id: null, name: `public:${code}`, displayName: '网上申请人', roles: [], unitId: null, ip });

export const blobs = (platform: Platform) => new BlobStore(platform.config.attachmentsDir);

async function insertFiles(tx: Tx, submissionId: string, supplementId: string | null, files: PublicFile[], mimes: string[], hashes: string[]): Promise<void> {
  for (const [i, f] of files.entries()) {
    await tx
      .insertInto('public_files')
      .values({ id: newId(), submission_id: submissionId, supplement_id: supplementId, content_hash: hashes[i]!, filename: f.filename, mime: mimes[i]!, size: f.buffer.length, uploaded_at: nowIso() })
      .execute();
  }
}

/** The unit chosen, if the form offers it. */
async function chosenUnit(platform: Platform, form: PublicFormDef, unitId: string) {
  const unit = (await form.unit.choices(platform.db)).find((u) => u.id === unitId);
  if (!unit) throw fieldError(form.unit.field, form.record.fields[form.unit.field]!.label, '不在可选范围内，请重新选择');
  return unit;
}

/** The answer to a submission, shown once: code, secret and a QR code of the tracking page with both. */
async function receipt(form: PublicFormDef, code: string, secret: string, origin: string, receivedDate: string, unitName: string): Promise<SubmittedView> {
  const trackPath = `/public/track#code=${grouped(code)}&secret=${grouped(secret)}`;
  const qrSvg = await QRCode.toString(`${origin}${trackPath}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { code: grouped(code), secret: grouped(secret), trackPath, qrSvg, receivedDate, unitName, title: form.title };
}

/**
 * One submission: validated (fields, unit, files), the proof of work spent, the address's limits
 * counted, then record, submission and files in one transaction.
 */
export async function submitForm(platform: Platform, form: PublicFormDef, body: PublicBody, ip: string, origin: string): Promise<SubmittedView> {
  await spend(platform.db, `writes:${ip}`, LIMITS.writes, '提交');
  const { consent: _consent, pow, ...input } = parseWith(formSchema(form), body.data, 'body') as Record<string, unknown> & { pow: { challenge: string; nonce: string } };
  const unitId = String(input[form.unit.field]);
  const unit = await chosenUnit(platform, form, unitId);
  const mimes = await checkPublicFiles(body.files, form.attachments.label);
  await spendChallenge(platform, pow);
  await spend(platform.db, `form:${form.key}:${ip}`, LIMITS.perForm, `提交${form.title}`);
  await spend(platform.db, `address:${ip}`, LIMITS.perAddress, '网上申请');
  const [code, secret, receivedDate] = [newCode(), newSecret(), chinaToday()];
  // Stored by content hash before the transaction: a rollback leaves at most an unreferenced blob.
  const hashes = body.files.map((f) => blobs(platform).put(f.buffer));
  await platform.db.transaction().execute(async (tx) => {
    const actor = applicantActor(code, ip);
    const recordId = await form.create(tx, platform, actor, { all: false, unitIds: [unitId] }, { ...input, unitId, receivedDate });
    // The submission belongs to the record's owner unit (the unit chosen, or the unit of the record chosen).
    const owner = await (tx as any).selectFrom(form.record.table).select('unit_id').where('id', '=', recordId).executeTakeFirstOrThrow();
    const submission: PublicSubmissionTable = { id: newId(), form: form.key, record_type: form.record.type, record_id: recordId, unit_id: owner.unit_id as string, code, secret_hash: secretHash(platform.keys, code, secret), created_at: nowIso() };
    await tx.insertInto('public_submissions').values(submission).execute();
    await insertFiles(tx, submission.id, null, body.files, mimes, hashes);
    await platform.audit.record(tx, actor, { action: 'public.submit', targetType: form.record.type, targetId: recordId, detail: { form: form.key, code, files: body.files.length, consent: consentText(form) } });
  });
  return receipt(form, code, secret, origin, receivedDate, unit.name);
}

export const credentialsInput = z.strictObject({ code: text('查询码', 40), secret: text('查询密码', 40) });
export const supplementInput = credentialsInput.extend({ text: text('补正内容', 3000) });

/** The submission a code and secret open; a wrong secret answers exactly as an unknown code. */
export async function openSubmission(platform: Platform, credentials: { code: string; secret: string }, ip: string): Promise<PublicSubmissionTable> {
  await assertUnder(platform.db, `track:${ip}`, LIMITS.trackFailures, '查询');
  const [code, secret] = [normalise(credentials.code), normalise(credentials.secret)];
  const row = isWellFormed(code, CODE_LENGTH) ? await platform.db.selectFrom('public_submissions').selectAll().where('code', '=', code).executeTakeFirst() : undefined;
  if (!secretMatches(platform.keys, code, secret, isWellFormed(secret, SECRET_LENGTH) ? (row?.secret_hash ?? null) : null)) {
    await noteFailure(platform.db, `track:${ip}`, LIMITS.trackFailures);
    throw new HttpError(404, '查询码或查询密码不正确，请核对后重新输入', [{ field: 'secret', label: '查询密码', message: '查询码或查询密码不正确' }]);
  }
  return row!;
}

/** 补正 by the applicant: text and files, then the module's own answer transition (its clock rule). */
export async function answerSupplement(platform: Platform, forms: ReadonlyMap<string, PublicFormDef>, body: PublicBody, ip: string): Promise<PublicSubmissionTable> {
  await spend(platform.db, `writes:${ip}`, LIMITS.writes, '提交');
  const input = parseWith(supplementInput, body.data, 'body');
  const submission = await openSubmission(platform, input, ip);
  const form = forms.get(submission.form)!;
  const mimes = await checkPublicFiles(body.files, '补正材料');
  const record = await loadRecord(platform.db, form.workflow, submission.record_id);
  const { supplement } = form;
  if (!supplement || record?.status !== supplement.state) throw conflict(`当前不需要补正（办理状态：${form.workflow.states[record?.status ?? '']?.label ?? '未知'}）`);
  const hashes = body.files.map((f) => blobs(platform).put(f.buffer));
  await platform.db.transaction().execute(async (tx) => {
    const actor = { ...applicantActor(submission.code, ip), roles: ['system'], scope: { all: false as const, unitIds: [submission.unit_id] } };
    const supplementId = newId();
    await tx.insertInto('public_supplements').values({ id: supplementId, submission_id: submission.id, answered_on: chinaToday(), text: input.text, created_at: nowIso() }).execute();
    await insertFiles(tx, submission.id, supplementId, body.files, mimes, hashes);
    const note = `申请人网上补正：${input.text.length > 900 ? `${input.text.slice(0, 900)}…` : input.text}${body.files.length ? `（附 ${body.files.length} 个文件）` : ''}`;
    await transitionWithin(tx, platform, actor, form.workflow, record.id, supplement.answer, { version: record.version, note });
    await platform.audit.record(tx, actor, { action: 'public.supplement', targetType: form.record.type, targetId: record.id, detail: { code: submission.code, files: body.files.length } });
  });
  return submission;
}
