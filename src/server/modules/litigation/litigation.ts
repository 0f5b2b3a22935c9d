// 行政应诉: cases against the county's bodies with the 15-day defence clock, hearings with the
// agency head's appearance, judgment, appeal; a lost case needs an analysis and feeds the problem pool.
import './tables.ts';
import { clockViews, workflowViews } from '../../kernel/records/read.ts';
import type { Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import type { RequestContext } from '../../kernel/auth/context.ts';
import { assertInScope, type DataScope } from '../../kernel/auth/scope.ts';
import { conflict, fieldError, notFound } from '../../kernel/http/errors.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { applyEffects, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { openProblem } from '../../kernel/problems/index.ts';
import { LITIGATION_CASE, LITIGATION_HEARING, LITIGATION_RECORD_TYPE, LITIGATION_WORKFLOW, type LitigationCaseDetail, type LitigationCaseView, type LitigationListQuery } from '../../../shared/schemas/litigation.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import type { LitigationCaseTable } from './tables.ts';

export const DEFENCE_CLOCK = { start: 'defence', label: '答辩期限', rule: 'litigation.defence' } as const;
export const litigationTitle = (plaintiff: string, cause: string) => `${plaintiff}诉：${cause}`;

/** Dates of a case must follow each other (also checked by the import). */
export function caseDateProblem(c: { filedDate: string; complaintReceivedDate: string; judgmentDate?: string | null }): [field: string, label: string, message: string] | null {
  const today = chinaToday();
  if (c.filedDate > today) return ['filedDate', '立案日期', '不能晚于今天'];
  if (c.complaintReceivedDate < c.filedDate) return ['complaintReceivedDate', '收到起诉状副本日期', '不能早于立案日期'];
  if (c.complaintReceivedDate > today) return ['complaintReceivedDate', '收到起诉状副本日期', '不能晚于今天'];
  if (c.judgmentDate && c.judgmentDate < c.filedDate) return ['judgmentDate', '裁判日期', '不能早于立案日期'];
  if (c.judgmentDate && c.judgmentDate > today) return ['judgmentDate', '裁判日期', '不能晚于今天'];
  return null;
}

export async function createLitigationCase(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof LITIGATION_CASE> & { ref?: string | null }): Promise<string> {
  const unit = await tx.selectFrom('org_units').select(['id', 'active']).where('id', '=', input.unitId).executeTakeFirst();
  if (!unit || (!scope.all && !scope.unitIds.includes(unit.id))) throw fieldError('unitId', '被告单位', '不存在或无权访问');
  const problem = caseDateProblem(input);
  if (problem) throw fieldError(...problem);
  const row = {
    id: newId(),
    ref: input.ref ?? null,
    ...recordRow<LitigationCaseTable>(LITIGATION_CASE, input),
    title: litigationTitle(input.plaintiff, input.cause),
    status: 'filed',
    ...newStamps(actor.id),
  } as LitigationCaseTable;
  await tx.insertInto('litigation_cases').values(row).execute();
  await addTimeline(tx, actor, { recordType: LITIGATION_RECORD_TYPE, recordId: row.id, action: 'create', label: '登记应诉案件', toStatus: 'filed', note: `${input.court}，收到起诉状副本 ${input.complaintReceivedDate}` });
  await applyEffects(tx, platform, actor, LITIGATION_WORKFLOW, row as unknown as WorkflowRecord, [DEFENCE_CLOCK], input.complaintReceivedDate);
  await platform.audit.record(tx, actor, { action: 'litigation.create', targetType: LITIGATION_RECORD_TYPE, targetId: row.id, detail: { court: input.court } });
  return row.id;
}

type Row = LitigationCaseTable & { unit_name: string };

/** The definition's view, the defence clock's deadline and light, and the hearings with the head present. */
async function toViews(platform: Platform, rows: Row[]): Promise<LitigationCaseView[]> {
  const hearings = await platform.db.selectFrom('litigation_hearings').select(['case_id', 'head_appeared']).where('case_id', 'in', rows.map((r) => r.id)).execute();
  return workflowViews(platform, LITIGATION_WORKFLOW, rows, 'defence', (r, { due, light }) => {
    const own = hearings.filter((h) => h.case_id === r.id);
    return {
      ...recordView(LITIGATION_CASE, r),
      title: r.title,
      unitName: r.unit_name,
      defenceDue: due,
      light,
      hearings: own.length,
      headAppearances: own.filter((h) => h.head_appeared === 1).length,
    };
  });
}

const cases = recordReader<Row, LitigationCaseView, LitigationListQuery>({
  def: LITIGATION_CASE, what: '应诉案件', alias: 'l', status: true, defaultSort: { field: 'filedDate', order: 'desc' },
  query: (db) => db.selectFrom('litigation_cases as l').innerJoin('org_units as u', 'u.id', 'l.unit_id').selectAll('l').select('u.name as unit_name'),
  filter: (q, query) => (!query.result ? q : query.result === 'pending' ? q.where('l.result', 'is', null) : q.where('l.result', '=', query.result)),
  views: toViews,
});

export const listLitigationCases = cases.list;

export async function getLitigationCase(platform: Platform, scope: DataScope, id: string): Promise<LitigationCaseDetail> {
  const view = await cases.get(platform, scope, id);
  const [hearings, clocks] = await Promise.all([
    platform.db.selectFrom('litigation_hearings').selectAll().where('case_id', '=', id).orderBy('date').execute(),
    clockViews(platform, LITIGATION_RECORD_TYPE, id),
  ]);
  return { ...view, hearingList: hearings.map((h) => ({ ...recordView(LITIGATION_HEARING, h), caseTitle: view.title })), clocks };
}

export async function addHearing(platform: Platform, ctx: RequestContext, caseId: string, input: RecordInput<typeof LITIGATION_HEARING>): Promise<void> {
  await platform.db.transaction().execute((tx) => recordHearing(tx, platform, ctx, ctx.scope, caseId, input));
}

/** A hearing of a case the user may see, dated between filing and judgment (it may be recorded late). */
export async function recordHearing(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, caseId: string, input: RecordInput<typeof LITIGATION_HEARING> & { ref?: string | null }, hearingId?: string): Promise<void> {
  const c = await tx.selectFrom('litigation_cases').select(['id', 'unit_id', 'filed_date', 'judgment_date']).where('id', '=', caseId).executeTakeFirst();
  if (!c) throw notFound('应诉案件');
  assertInScope(scope, c.unit_id, '应诉案件');
  if (input.date < c.filed_date) throw fieldError('date', '开庭日期', `不能早于立案日期 ${c.filed_date}`);
  if (c.judgment_date && input.date > c.judgment_date) throw fieldError('date', '开庭日期', `不能晚于裁判日期 ${c.judgment_date}`);
  if (input.date > chinaToday()) throw fieldError('date', '开庭日期', '不能晚于今天（开庭后登记）');
  if (input.headAppeared && !input.headName) throw fieldError('headName', '出庭负责人', '负责人出庭时必须填写');
  const values = { case_id: c.id, unit_id: c.unit_id, date: input.date, head_appeared: input.headAppeared ? 1 : 0, head_name: input.headName ?? null };
  if (hearingId) {
    // A correction keeps what it does not name (the 庭审情况 written in the app), and stays with its case.
    const hearing = await tx.selectFrom('litigation_hearings').select(['case_id', 'note']).where('id', '=', hearingId).executeTakeFirst();
    if (!hearing) throw notFound('开庭记录');
    if (hearing.case_id !== c.id) throw fieldError('caseId', '应诉案件', '与该开庭记录所属的案件不同，开庭记录不能改属其他案件');
    await tx.updateTable('litigation_hearings').set({ ...values, note: input.note ?? hearing.note, version: (eb) => eb('version', '+', 1) }).where('id', '=', hearingId).execute();
  } else await tx.insertInto('litigation_hearings').values({ id: newId(), ref: input.ref ?? null, ...values, note: input.note ?? null, version: 1, created_by: actor.id, created_at: nowIso() }).execute();
  await tx.updateTable('litigation_cases').set({ version: (eb) => eb('version', '+', 1), updated_at: nowIso(), updated_by: actor.id }).where('id', '=', c.id).execute();
  await addTimeline(tx, actor, { recordType: LITIGATION_RECORD_TYPE, recordId: c.id, action: 'hearing', label: `${hearingId ? '更正开庭记录' : '开庭'}${input.headAppeared ? `（负责人 ${input.headName} 出庭）` : '（负责人未出庭）'}`, note: input.note ?? null });
  await platform.audit.record(tx, actor, { action: 'litigation.hearing', targetType: LITIGATION_RECORD_TYPE, targetId: c.id, detail: { date: input.date, headAppeared: input.headAppeared } });
}

/** Corrects a case's court, parties and cause; its dates run the defence clock and the workflow. */
export async function correctCase(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, input: Pick<RecordInput<typeof LITIGATION_CASE>, 'court' | 'plaintiff' | 'cause' | 'filedDate' | 'complaintReceivedDate'> & Partial<RecordInput<typeof LITIGATION_CASE>>): Promise<void> {
  const c = await tx.selectFrom('litigation_cases').select(['unit_id', 'filed_date', 'complaint_received_date']).where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound('应诉案件');
  assertInScope(scope, c.unit_id, '应诉案件');
  if (input.filedDate !== c.filed_date) throw fieldError('filedDate', '立案日期', `已登记为 ${c.filed_date}，不能直接修改`);
  if (input.complaintReceivedDate !== c.complaint_received_date) throw fieldError('complaintReceivedDate', '收到起诉状副本日期', `已登记为 ${c.complaint_received_date}，答辩期限据此计算，不能直接修改`);
  const { unitId: _unit, ...corrected } = input;
  await updateVersioned(tx, 'litigation_cases', id, version, { ...recordRow<LitigationCaseTable>(LITIGATION_CASE, corrected), title: litigationTitle(input.plaintiff, input.cause) }, actor.id);
  await addTimeline(tx, actor, { recordType: LITIGATION_RECORD_TYPE, recordId: id, action: 'update', label: '更正案件信息' });
  await platform.audit.record(tx, actor, { action: 'litigation.update', targetType: LITIGATION_RECORD_TYPE, targetId: id });
}

export async function setLossAnalysis(platform: Platform, ctx: RequestContext, id: string, input: { version: number; lossAnalysis: string }): Promise<void> {
  await platform.db.transaction().execute(async (tx) => {
    const c = await tx.selectFrom('litigation_cases').select(['unit_id', 'result']).where('id', '=', id).executeTakeFirst();
    if (!c) throw notFound('应诉案件');
    assertInScope(ctx.scope, c.unit_id, '应诉案件');
    if (c.result !== 'lost') throw conflict('只有败诉案件需要填写败诉原因剖析');
    await updateVersioned(tx, 'litigation_cases', id, input.version, { loss_analysis: input.lossAnalysis }, ctx.id);
    await addTimeline(tx, ctx, { recordType: LITIGATION_RECORD_TYPE, recordId: id, action: 'analysis', label: '填写败诉原因剖析', note: input.lossAnalysis });
    await platform.audit.record(tx, ctx, { action: 'litigation.analysis', targetType: LITIGATION_RECORD_TYPE, targetId: id });
  });
}

/** A lost case is a problem of the defendant unit until the law office closes it. */
export async function feedLoss(tx: Tx, record: Record<string, unknown>, date: string): Promise<void> {
  if (record.status !== 'judged' || record.result !== 'lost') return;
  await openProblem(tx, {
    sourceType: LITIGATION_RECORD_TYPE,
    sourceId: String(record.id),
    sourceLabel: '行政诉讼败诉',
    unitId: String(record.unit_id),
    title: `行政诉讼败诉：${String(record.title)}`,
    severity: 'major',
    openedOn: date,
    link: `/litigation/${String(record.id)}`,
    closesWithSource: false,
  });
}
