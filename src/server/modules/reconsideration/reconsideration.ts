// 行政复议 cases: intake with the applicant's personal data sealed, the statutory clocks (acceptance,
// supplement, copy, reply, decision), deemed acceptance when the acceptance review lapses, and
// corrections fed to the respondent unit's problem pool.
import './tables.ts';
import { rowInScope, clockViews, maskedSealed, statusOf } from '../../kernel/records/read.ts';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import { exportRows } from '../../kernel/records/routes.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import type { RequestContext } from '../../kernel/auth/context.ts';
import { assertInScope, countyOfUnit, inScope, type DataScope } from '../../kernel/auth/scope.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import { conflict, fieldError, notFound } from '../../kernel/http/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { encryptText, lookupHash } from '../../kernel/crypto/keys.ts';
import { unmaskSealed } from '../../kernel/pii/unmask.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { applyEffects, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { clocksWithLights } from '../../kernel/workflow/clocks.ts';
import { openProblem } from '../../kernel/problems/index.ts';
import { jobActor } from '../../kernel/workflow/daily.ts';
import {
  CORRECTIONS,
  REVIEW_CASE,
  REVIEW_RECORD_TYPE,
  REVIEW_WORKFLOW,
  type ReviewCaseDetail,
  type ReviewCaseView,
  type ReviewListQuery,
  type ReviewOutcome,
} from '../../../shared/schemas/reconsideration.ts';
import type { RecordInput } from '../../../shared/records.ts';
import type { ReviewCaseTable } from './tables.ts';

export const caseTitle = (applicant: string, respondent: string) => `${applicant}不服${respondent}行政行为申请复议`;

async function checkUnits(tx: Executor, scope: DataScope, unitId: string, respondentUnitId: string | null | undefined): Promise<void> {
  const unit = await tx.selectFrom('org_units').select(['id', 'active']).where('id', '=', unitId).executeTakeFirst();
  if (!unit || (!scope.all && !scope.unitIds.includes(unit.id))) throw fieldError('unitId', '复议机关', '不存在或无权访问');
  if (!unit.active) throw fieldError('unitId', '复议机关', '已停用');
  // The respondent may be any unit of the review body's county (it decides on other units' acts).
  if (respondentUnitId && !(await tx.selectFrom('org_units').select('id').where('id', '=', respondentUnitId).executeTakeFirst() && inScope(await countyOfUnit(tx, unitId), respondentUnitId))) {
    throw fieldError('respondentUnitId', '被申请人（本级单位）', '不存在或不属于本县');
  }
}

/** Columns of a new case from its intake input (personal data sealed, the ID number with its lookup hash). */
export function intakeColumns(platform: Platform, input: RecordInput<typeof REVIEW_CASE>) {
  return {
    ...recordRow<ReviewCaseTable>(REVIEW_CASE, input),
    title: caseTitle(input.applicantName, input.respondent),
    applicant_id_enc: input.applicantIdNumber ? encryptText(platform.keys, input.applicantIdNumber) : null,
    applicant_id_hash: input.applicantIdNumber ? lookupHash(platform.keys, input.applicantIdNumber) : null,
    applicant_phone_enc: input.applicantPhone ? encryptText(platform.keys, input.applicantPhone) : null,
    respondent_unit_id: input.respondentUnitId ?? null,
  };
}

export async function createCase(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof REVIEW_CASE> & { ref?: string | null }): Promise<string> {
  await checkUnits(tx, scope, input.unitId, input.respondentUnitId);
  if (input.receivedDate > chinaToday()) throw fieldError('receivedDate', '收到申请日期', '不能晚于今天');
  const row = {
    id: newId(),
    ref: input.ref ?? null,
    ...intakeColumns(platform, input),
    status: 'received',
    ...newStamps(actor.id),
  } as ReviewCaseTable;
  await tx.insertInto('review_cases').values(row).execute();
  await addTimeline(tx, actor, { recordType: REVIEW_RECORD_TYPE, recordId: row.id, action: 'create', label: '收到复议申请', toStatus: 'received', note: `${input.receivedDate}，${row.title}` });
  await applyEffects(tx, platform, actor, REVIEW_WORKFLOW, row as unknown as WorkflowRecord, [{ start: 'accept', label: '受理审查期限', rule: 'review.accept' }], input.receivedDate);
  await platform.audit.record(tx, actor, { action: 'review.create', targetType: REVIEW_RECORD_TYPE, targetId: row.id, detail: { receivedDate: input.receivedDate } });
  return row.id;
}

/** Corrects a case's applicant, respondent and act; the receipt date runs the acceptance clock and stays. */
export async function correctCase(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, input: Pick<RecordInput<typeof REVIEW_CASE>, 'applicantName' | 'respondent' | 'act' | 'receivedDate' | 'channel'> & Partial<RecordInput<typeof REVIEW_CASE>>): Promise<void> {
  const c = await tx.selectFrom('review_cases').select(['unit_id', 'received_date']).where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound('复议案件');
  assertInScope(scope, c.unit_id, '复议案件');
  if (input.receivedDate !== c.received_date) throw fieldError('receivedDate', '收到申请日期', `已登记为 ${c.received_date}，受理审查期限据此计算，不能直接修改`);
  // Not its unit, nor its applicant's kind or sealed data (corrected only at the window, with the person present).
  const { unitId: _unit, applicantKind: _kind, ...corrected } = input;
  await updateVersioned(tx, 'review_cases', id, version, { ...recordRow<ReviewCaseTable>(REVIEW_CASE, corrected), title: caseTitle(input.applicantName, input.respondent) }, actor.id);
  await addTimeline(tx, actor, { recordType: REVIEW_RECORD_TYPE, recordId: id, action: 'update', label: '更正案件信息' });
  await platform.audit.record(tx, actor, { action: 'review.update', targetType: REVIEW_RECORD_TYPE, targetId: id });
}

type CaseRow = ReviewCaseTable & { unit_name: string; respondent_unit_name: string | null };

async function toViews(platform: Platform, rows: CaseRow[]): Promise<ReviewCaseView[]> {
  const ids = rows.map((r) => r.id);
  const [soonest, decide] = await Promise.all([clocksWithLights(platform, REVIEW_RECORD_TYPE, ids), clocksWithLights(platform, REVIEW_RECORD_TYPE, ids, 'decide')]);
  return rows.map((r) => {
    const next = soonest.get(r.id);
    return {
      ...recordView(REVIEW_CASE, r),
      // Sealed personal data: masked here (110***********1234); in full only through the audited unmask route.
      ...maskedSealed(platform, REVIEW_CASE, r),
      title: r.title,
      unitName: r.unit_name,
      respondentUnitName: r.respondent_unit_name,
      ...statusOf(REVIEW_WORKFLOW, r.status),
      corrected: CORRECTIONS.includes(r.outcome as ReviewOutcome),
      nextDue: next?.light ? { label: next.clock.label, due: next.clock.due_date, light: next.light } : null,
      extended: decide.get(r.id)?.clock.extended === 1,
    };
  });
}

type ListParams = Omit<ReviewListQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };

const cases = recordReader<CaseRow, ReviewCaseView, Omit<ReviewListQuery, 'page' | 'pageSize'>>({
  def: REVIEW_CASE, what: '复议案件', alias: 'r', status: true, overdue: true, defaultSort: { field: 'receivedDate', order: 'desc' },
  query: (db) => db.selectFrom('review_cases as r').innerJoin('org_units as u', 'u.id', 'r.unit_id').leftJoin('org_units as ru', 'ru.id', 'r.respondent_unit_id').selectAll('r').select(['u.name as unit_name', 'ru.name as respondent_unit_name']),
  views: toViews,
});

/** The ledger; `keyword` is the older name of its search (`q`). */
export const listCases = (platform: Platform, scope: DataScope, query: ListParams) => cases.list(platform, scope, { ...query, q: query.q || query.keyword });

export async function allCases(platform: Platform, scope: DataScope, query: Omit<ListParams, 'page' | 'pageSize'>) {
  return exportRows((page) => listCases(platform, scope, { ...query, ...page }));
}

export async function getCase(platform: Platform, scope: DataScope, id: string): Promise<ReviewCaseDetail> {
  return { ...(await cases.get(platform, scope, id)), clocks: await clockViews(platform, REVIEW_RECORD_TYPE, id) };
}

export const unmaskApplicant = (platform: Platform, ctx: RequestContext, id: string, field: 'idNumber' | 'phone') =>
  unmaskSealed(platform, ctx, { table: 'review_cases', recordType: REVIEW_RECORD_TYPE, what: '复议案件', idNumber: 'applicant_id_enc', phone: 'applicant_phone_enc' }, id, field);

export async function setCommitteeOpinion(platform: Platform, ctx: RequestContext, id: string, input: { version: number; committeeOpinion: string }): Promise<void> {
  await platform.db.transaction().execute(async (tx) => {
    const row = rowInScope(await tx.selectFrom('review_cases').select(['unit_id', 'status']).where('id', '=', id).executeTakeFirst(), ctx.scope, '复议案件');
    if (!['accepted', 'mediating'].includes(row.status)) throw conflict('只有审理中的案件才能记录咨询委员会意见');
    await updateVersioned(tx, 'review_cases', id, input.version, { committee_opinion: input.committeeOpinion }, ctx.id);
    await addTimeline(tx, ctx, { recordType: REVIEW_RECORD_TYPE, recordId: id, action: 'committee', label: '记录咨询委员会意见', note: input.committeeOpinion });
    await platform.audit.record(tx, ctx, { action: 'review.committee', targetType: REVIEW_RECORD_TYPE, targetId: id });
  });
}

/** A correction (撤销/变更/确认违法/责令履行/确认无效) opens a problem for the respondent unit. */
export async function feedCorrection(tx: Tx, record: Record<string, unknown>, date: string): Promise<void> {
  if (record.status !== 'decided' || !CORRECTIONS.includes(record.outcome as ReviewOutcome) || !record.respondent_unit_id) return;
  await openProblem(tx, {
    sourceType: REVIEW_RECORD_TYPE,
    sourceId: String(record.id),
    sourceLabel: '复议纠错',
    unitId: String(record.respondent_unit_id),
    title: `行政行为被复议纠错：${String(record.act)}`,
    severity: 'general',
    openedOn: date,
    link: `/review/${String(record.id)}`,
    closesWithSource: false,
  });
}

/**
 * 行政复议法 art. 30: an application not refused within the acceptance review is deemed accepted.
 * The daily job accepts such cases (normal procedure) as of the day the review lapsed.
 */
export async function deemAccepted(platform: Platform, date: string): Promise<number> {
  const lapsed = await platform.db
    .selectFrom('review_cases as r')
    .innerJoin('clocks as c', (j) => j.onRef('c.record_id', '=', 'r.id').on('c.record_type', '=', REVIEW_RECORD_TYPE).on('c.clock_key', '=', 'accept'))
    .select(['r.id', 'r.version', 'c.due_date'])
    .where('r.status', '=', 'received')
    .where('c.status', '=', 'running')
    .where('c.due_date', '<', date)
    .execute();
  const actor = jobActor('系统（期满视为受理）');
  for (const c of lapsed) {
    await platform.db.transaction().execute(async (tx) => {
      await updateVersioned(tx, 'review_cases', c.id, c.version, { status: 'accepted', procedure: 'normal', accepted_date: c.due_date }, null);
      const record = (await tx.selectFrom('review_cases').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow()) as unknown as ReviewCaseTable;
      await addTimeline(tx, actor, { recordType: REVIEW_RECORD_TYPE, recordId: c.id, action: 'deemed_accepted', label: '审查期限届满，视为受理', fromStatus: 'received', toStatus: 'accepted', note: `依据《行政复议法》第三十条，自 ${c.due_date} 起视为受理` });
      await applyEffects(tx, platform, actor, REVIEW_WORKFLOW, record as unknown as WorkflowRecord, [
        { stop: 'accept', reason: '期满视为受理' },
        { start: 'notify', label: '发送副本期限', rule: 'review.notify_respondent' },
        { start: 'decide', label: '复议决定期限', rule: 'review.decide' },
      ], c.due_date);
      await platform.audit.record(tx, actor, { action: 'review.deemed_accepted', targetType: REVIEW_RECORD_TYPE, targetId: c.id, detail: { acceptedDate: c.due_date } });
    });
  }
  return lapsed.length;
}
