// What an applicant sees with their code and secret: the status, the dates that matter, the clocks
// the form shows, what a supplement request asked for, their own answers, and the documents staff
// released. Nothing else about the case (no staff names, no internal steps, no other clocks).
import type { Executor } from '../db/index.ts';
import type { Platform } from '../platform.ts';
import { chinaToday } from '../calendar/days.ts';
import { clocksOf, clockView } from '../workflow/clocks.ts';
import { loadRecord, type WorkflowRecord } from '../workflow/engine.ts';
import type { PublicFormDef, TrackView } from './types.ts';
import type { PublicSubmissionTable } from './tables.ts';
import { grouped } from './credentials.ts';
import { PUBLIC_EXTENSIONS, SUPPLEMENT_MAX_FILES, publicMaxBytes } from './forms.ts';

/** The China date of a stored instant. */
const chinaDateOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The last supplement request: the staff's note and the day it took effect. The engine appends
 * "；办理日期 YYYY-MM-DD" to a transition's note when it was recorded for another day.
 */
async function supplementRequest(db: Executor, form: PublicFormDef, record: WorkflowRecord): Promise<TrackView['supplement']> {
  const { supplement } = form;
  if (!supplement) return null;
  const entry = await db
    .selectFrom('timeline_entries')
    .select(['at', 'note'])
    .where('record_type', '=', form.record.type)
    .where('record_id', '=', record.id)
    .where('action', '=', `transition.${supplement.request}`)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!entry) return null;
  const dated = /(?:^|；)办理日期 (\d{4}-\d{2}-\d{2})$/.exec(entry.note ?? '');
  return {
    requestedOn: dated ? dated[1]! : chinaDateOf(entry.at),
    note: (dated ? entry.note!.slice(0, dated.index) : entry.note) || null,
    open: record.status === supplement.state,
  };
}

async function shownClocks(platform: Platform, form: PublicFormDef, recordId: string): Promise<TrackView['clocks']> {
  const deadlines = await platform.deadlines.load();
  const today = chinaToday();
  return (await clocksOf(platform.db, form.record.type, recordId))
    .filter((c) => c.clock_key in form.clocks)
    .map((c) => ({ label: form.clocks[c.clock_key]!, due: clockView(c, deadlines, today).due, state: c.status as 'running' | 'paused' | 'stopped', stoppedOn: c.stopped_on }));
}

async function answers(db: Executor, submissionId: string): Promise<TrackView['answers']> {
  const [rows, files] = await Promise.all([
    db.selectFrom('public_supplements').selectAll().where('submission_id', '=', submissionId).orderBy('created_at').execute(),
    db.selectFrom('public_files').select(['supplement_id', 'filename']).where('submission_id', '=', submissionId).where('supplement_id', 'is not', null).orderBy('uploaded_at').execute(),
  ]);
  return rows.map((s) => ({ answeredOn: s.answered_on, text: s.text, files: files.filter((f) => f.supplement_id === s.id).map((f) => f.filename) }));
}

async function replies(db: Executor, submissionId: string): Promise<TrackView['replies']> {
  const rows = await db
    .selectFrom('public_releases as r')
    .innerJoin('attachments as a', 'a.id', 'r.attachment_id')
    .select(['r.id', 'r.released_at', 'a.filename', 'a.size'])
    .where('r.submission_id', '=', submissionId)
    .orderBy('r.released_at')
    .execute();
  return rows.map((r) => ({ id: r.id, filename: r.filename, size: Number(r.size), releasedOn: chinaDateOf(r.released_at) }));
}

export async function trackView(platform: Platform, form: PublicFormDef, submission: PublicSubmissionTable): Promise<TrackView> {
  const record = (await loadRecord(platform.db, form.workflow, submission.record_id))!;
  const unit = await platform.db.selectFrom('org_units').select('name').where('id', '=', record.unit_id).executeTakeFirstOrThrow();
  const state = form.workflow.states[record.status];
  const received = form.record.fields.receivedDate!.column;
  const dates = [{ column: received, label: '收到申请' }, ...form.dates].filter((d) => record[d.column]).map((d) => ({ label: d.label, date: String(record[d.column]) }));
  return {
    code: grouped(submission.code),
    title: form.title,
    unitName: unit.name,
    status: state?.label ?? record.status,
    final: state?.final ?? false,
    dates,
    clocks: await shownClocks(platform, form, record.id),
    supplement: await supplementRequest(platform.db, form, record),
    answers: await answers(platform.db, submission.id),
    replies: await replies(platform.db, submission.id),
    upload: { max: SUPPLEMENT_MAX_FILES, maxBytes: publicMaxBytes(platform), accept: PUBLIC_EXTENSIONS },
  };
}
