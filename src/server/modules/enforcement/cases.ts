// 行政执法案件 and the three systems (三项制度): a case is opened by a body with at least two of its
// officers holding a certificate valid on that day; a penalty case runs the `enforcement.penalty_decide`
// clock from opening; a major case is decided only after its legal review (法制审核, the workflow's
// guard); the decision is disclosed (公示) within its clock, and withdrawn within three working days
// when changed or revoked; records of every stage (全过程记录) are kept with the case.
import './tables.ts';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import type { RequestContext } from '../../kernel/auth/context.ts';
import { inScope, type DataScope } from '../../kernel/auth/scope.ts';
import { fieldError, notFound } from '../../kernel/http/errors.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { newStamps } from '../../kernel/db/versioned.ts';
import { encryptText } from '../../kernel/crypto/keys.ts';
import { unmaskSealed } from '../../kernel/pii/unmask.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import { workflowViews } from '../../kernel/records/read.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { applyEffects, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import type { DeadlineRuleSeed } from '../../kernel/calendar/default-rules.ts';
import { maskIdNumber } from '../../../shared/validators.ts';
import { decryptText } from '../../kernel/crypto/keys.ts';
import {
  CASE_KINDS,
  CASE_MIN_OFFICERS,
  CASE_RECORD_TYPE,
  CASE_WORKFLOW,
  ENFORCEMENT_CASE,
  type CaseDetail,
  type CaseInput,
  type CaseListQuery,
  type CaseRecordInput,
  type CaseView,
} from '../../../shared/schemas/enforcement.ts';
import { visibleBody } from './bodies.ts';
import { certifiedOn } from './officers.ts';
import type { EnforcementCaseTable } from './tables.ts';

/** A case's clocks: its decision (a penalty case), its decision's disclosure, and the withdrawal of a changed or revoked decision's disclosure. */
export const CASE_RULES: readonly DeadlineRuleSeed[] = [
  { code: 'enforcement.disclosure', name: '行政执法决定公示', period: 20, unit: 'working_days', citation: '《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）', note: '行政执法决定作出之日起20个工作日内公开。' },
  { code: 'enforcement.disclosure_penalty_licence', name: '行政许可、行政处罚决定公示', period: 7, unit: 'working_days', citation: '国办发〔2018〕118号', note: '行政许可、行政处罚的执法决定信息在执法决定作出之日起7个工作日内公开。' },
  { code: 'enforcement.penalty_decide', name: '行政处罚案件办结', period: 90, unit: 'calendar_days', citation: '《中华人民共和国行政处罚法》（2021年修订）第六十条', note: '自立案之日起90日内作出行政处罚决定；法律、法规、规章另有规定的从其规定。' },
  { code: 'enforcement.disclosure_withdraw', name: '行政执法决定公示撤回', period: 3, unit: 'working_days', citation: '国办发〔2018〕118号', note: '已公开的行政执法决定被依法撤销、确认违法或者要求重新作出的，应当在3个工作日内撤下原行政执法决定信息。' },
];

const DECIDE_CLOCK = { start: 'decide', label: '办案期限', rule: 'enforcement.penalty_decide' } as const;

/**
 * The officers of a case: of the case's body, not supervisors, each holding a certificate valid on
 * the day the case was opened; an officer outside the actor's scope answers as one that is not there.
 */
async function checkOfficers(db: Executor, scope: DataScope, body: { id: string; name: string }, ids: readonly string[], openedDate: string): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length < CASE_MIN_OFFICERS) throw fieldError('officerIds', '执法人员', `不得少于 ${CASE_MIN_OFFICERS} 人`);
  const rows = await db.selectFrom('enforcement_officers').selectAll().where('id', 'in', unique).execute();
  for (const id of unique) {
    const o = rows.find((r) => r.id === id);
    if (!o || !inScope(scope, o.unit_id)) throw fieldError('officerIds', '执法人员', '不存在或无权访问');
    if (o.body_id !== body.id) throw fieldError('officerIds', '执法人员', `「${o.name}」不是${body.name}的执法人员`);
    if (o.supervisor === 1) throw fieldError('officerIds', '执法人员', `「${o.name}」是监督人员，不能承办执法案件`);
    if (!certifiedOn(o, openedDate)) throw fieldError('officerIds', '执法人员', `「${o.name}」在立案日期 ${openedDate} 未持有效执法证`);
  }
  return unique;
}

export async function createCase(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: CaseInput & { ref?: string | null }): Promise<string> {
  const body = await visibleBody(tx, scope, input.bodyId);
  if (input.openedDate > chinaToday()) throw fieldError('openedDate', '立案日期', '不能晚于今天');
  const officers = await checkOfficers(tx, scope, body, input.officerIds, input.openedDate);
  if (input.listItemId) {
    const item = await tx.selectFrom('enforcement_list_items').select(['id', 'body_id']).where('id', '=', input.listItemId).executeTakeFirst();
    if (!item || item.body_id !== body.id) throw fieldError('listItemId', '适用清单事项', `不是${body.name}清单中的事项`);
  }
  const { officerIds: _officers, ...fields } = input;
  const row = {
    id: newId(),
    ref: input.ref ?? null,
    ...recordRow<EnforcementCaseTable>(ENFORCEMENT_CASE, fields),
    unit_id: body.unit_id,
    title: input.cause ?? `${input.partyName}${CASE_KINDS[input.kind]}案`,
    // A party whose kind is not known is masked on the portal as a person would be.
    party_kind: input.partyKind ?? 'person',
    party_id_number_enc: input.partyIdNumber ? encryptText(platform.keys, input.partyIdNumber) : null,
    major: input.major ? 1 : 0,
    status: 'open',
    ...newStamps(actor.id),
  } as EnforcementCaseTable;
  await tx.insertInto('enforcement_cases').values(row).execute();
  await tx.insertInto('enforcement_case_officers').values(officers.map((officer_id) => ({ case_id: row.id, officer_id, unit_id: body.unit_id }))).execute();
  await addTimeline(tx, actor, { recordType: CASE_RECORD_TYPE, recordId: row.id, action: 'create', label: '立案', toStatus: 'open', note: `立案 ${input.openedDate}${input.major ? '；重大执法决定，须经法制审核' : ''}` });
  // 行政处罚法 第六十条: a penalty is decided within 90 days of opening.
  if (input.kind === 'penalty') await applyEffects(tx, platform, actor, CASE_WORKFLOW, row as unknown as WorkflowRecord, [DECIDE_CLOCK], input.openedDate);
  await platform.audit.record(tx, actor, { action: 'enforcement.case_create', targetType: CASE_RECORD_TYPE, targetId: row.id, detail: { bodyId: body.id, kind: input.kind } });
  return row.id;
}

/**
 * After a decision (module.ts afterTransition): a penalty on a matter of the body's 不予处罚 list
 * needs its reason recorded; otherwise the whole transition is refused, naming the field.
 */
export async function afterCaseTransition(tx: Tx, record: Record<string, unknown>, transition: string): Promise<void> {
  if (transition !== 'decide') return;
  if (record.outcome !== 'imposed' && record.penalty_amount_fen) throw fieldError('values.penaltyAmount', '罚没金额', '只有“予以处罚”的决定才能填写罚没金额');
  if (record.kind !== 'penalty' || record.outcome !== 'imposed' || !record.list_item_id || record.list_reason) return;
  const item = await tx.selectFrom('enforcement_list_items').select(['list', 'title']).where('id', '=', String(record.list_item_id)).executeTakeFirst();
  if (item?.list === 'no_penalty') throw fieldError('values.listReason', '适用清单说明', `案件适用不予处罚清单事项「${item.title}」，作出处罚的须说明理由`);
}

/** 全过程记录: a document, photo, audio or video record of a stage, by its storage place or archive number. */
export async function addCaseRecord(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, caseId: string, input: CaseRecordInput): Promise<void> {
  const c = await tx.selectFrom('enforcement_cases').select(['id', 'unit_id', 'opened_date']).where('id', '=', caseId).executeTakeFirst();
  if (!c || !inScope(scope, c.unit_id)) throw notFound('执法案件');
  if (input.date > chinaToday()) throw fieldError('date', '记录日期', '不能晚于今天');
  if (input.date < c.opened_date) throw fieldError('date', '记录日期', `不能早于立案日期 ${c.opened_date}`);
  await tx.insertInto('enforcement_case_records').values({ id: newId(), case_id: c.id, unit_id: c.unit_id, stage: input.stage, medium: input.medium, title: input.title, reference: input.reference ?? null, date: input.date, created_at: nowIso(), created_by: actor.id }).execute();
  await tx.updateTable('enforcement_cases').set({ version: (eb) => eb('version', '+', 1), updated_at: nowIso(), updated_by: actor.id }).where('id', '=', c.id).execute();
  await addTimeline(tx, actor, { recordType: CASE_RECORD_TYPE, recordId: c.id, action: 'record', label: '登记全过程记录', note: `${input.date} ${input.title}` });
  await platform.audit.record(tx, actor, { action: 'enforcement.case_record', targetType: CASE_RECORD_TYPE, targetId: c.id, detail: { stage: input.stage, medium: input.medium } });
}

type CaseRow = EnforcementCaseTable & { unit_name: string; body_name: string; list_item_title: string | null };

/** The case's view: its officers' names, its sealed party ID masked, the soonest running clock. */
async function caseViews(platform: Platform, rows: CaseRow[]): Promise<CaseView[]> {
  const officers = await platform.db.selectFrom('enforcement_case_officers as co').innerJoin('enforcement_officers as o', 'o.id', 'co.officer_id').select(['co.case_id', 'o.name']).where('co.case_id', 'in', rows.map((r) => r.id)).orderBy('o.name').execute();
  return workflowViews(platform, CASE_WORKFLOW, rows, undefined, (r, { clock, due, light }) => {
    const running = clock?.status === 'running';
    return {
      ...recordView(ENFORCEMENT_CASE, r),
      // Sealed: masked here; in full only through the audited unmask route.
      partyIdNumber: r.party_id_number_enc ? maskIdNumber(decryptText(platform.keys, r.party_id_number_enc)) : null,
      title: r.title,
      unitName: r.unit_name,
      bodyName: r.body_name,
      listItemTitle: r.list_item_title,
      officerNames: officers.filter((o) => o.case_id === r.id).map((o) => o.name).join('、'),
      due: running ? due : null,
      dueLabel: running ? clock.label : null,
      light: running ? light : null,
    };
  });
}

const cases = recordReader<CaseRow, CaseView, CaseListQuery>({
  def: ENFORCEMENT_CASE, what: '执法案件', alias: 'c', status: true, defaultSort: { field: 'openedDate', order: 'desc' },
  query: (db) =>
    db
      .selectFrom('enforcement_cases as c')
      .innerJoin('org_units as u', 'u.id', 'c.unit_id')
      .innerJoin('enforcement_bodies as b', 'b.id', 'c.body_id')
      .leftJoin('enforcement_list_items as i', 'i.id', 'c.list_item_id')
      .selectAll('c')
      .select(['u.name as unit_name', 'b.name as body_name', 'i.title as list_item_title']),
  filter: (q, query) => (query.bodyId ? q.where('c.body_id', '=', query.bodyId) : q),
  views: caseViews,
});

export const listCases = cases.list;

export async function getCase(platform: Platform, scope: DataScope, id: string): Promise<CaseDetail> {
  const view = await cases.get(platform, scope, id);
  const [officers, records] = await Promise.all([
    platform.db.selectFrom('enforcement_case_officers as co').innerJoin('enforcement_officers as o', 'o.id', 'co.officer_id').select(['o.id', 'o.name', 'o.certificate_number']).where('co.case_id', '=', id).orderBy('o.name').execute(),
    platform.db.selectFrom('enforcement_case_records').selectAll().where('case_id', '=', id).orderBy('date').orderBy('created_at').execute(),
  ]);
  return {
    ...view,
    officers: officers.map((o) => ({ id: o.id, name: o.name, certificateNumber: o.certificate_number })),
    records: records.map((r) => ({ id: r.id, stage: r.stage as CaseDetail['records'][number]['stage'], medium: r.medium as CaseDetail['records'][number]['medium'], title: r.title, reference: r.reference, date: r.date })),
  };
}

export const unmaskParty = (platform: Platform, ctx: RequestContext, id: string) =>
  unmaskSealed(platform, ctx, { table: 'enforcement_cases', recordType: CASE_RECORD_TYPE, what: '执法案件', idNumber: 'party_id_number_enc', phone: 'party_id_number_enc' }, id, 'idNumber');
