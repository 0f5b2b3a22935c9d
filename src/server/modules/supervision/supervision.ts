// Inspections, findings and the rectification loop. Findings carry a rectification clock (their
// deadline), feed the problem pool, and get a supervision notice (督办单) when they escalate.
import { sql } from 'kysely';
import { clockViews, workflowViews } from '../../kernel/records/read.ts';
import './tables.ts';
import type { FindingTable } from './tables.ts';
import type { Db, Executor, Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import type { RequestContext } from '../../kernel/auth/context.ts';
import { assertInScope, countyScope, inScope, scopedWithLinks, type DataScope } from '../../kernel/auth/scope.ts';
import { listPage } from '../../kernel/records/list.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { conflict, fieldError, notFound } from '../../kernel/http/errors.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { applyEffects, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { JOB_ACTOR } from '../../kernel/workflow/daily.ts';
import { moveFixedDue } from '../../kernel/workflow/clocks.ts';
import { closeProblem, openProblem } from '../../kernel/problems/index.ts';
import { numberAtCreation } from '../../kernel/numbering/index.ts';
import {
  FINDING,
  FINDING_RECORD_TYPE,
  FINDING_WORKFLOW,
  INSPECTION,
  NOTICE,
  NOTICE_KINDS,
  NOTICE_RECORD_TYPE,
  type FindingDetail,
  type FindingListQuery,
  type FindingView,
  type InspectionInput,
  type InspectionListQuery,
  type InspectionView,
  type InterviewInput,
  type NoticeListQuery,
  type NoticeView,
  type Severity,
  type UpdateInspectionInput,
} from '../../../shared/schemas/supervision.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { ownerUnit } from '../../kernel/records/plain.ts';
import { moveBelongings } from '../../kernel/workflow/move.ts';

/** The scope a query already applied itself (visibility wider than one unit column: targets, circulars). */
const APPLIED: DataScope = { all: true };

const RECTIFY_CLOCK = { start: 'rectify', label: '整改期限', dueColumn: 'due_date' } as const;

// Inspections

/** Inspections organised by, or aimed at, a unit in scope. */
function visibleInspections(db: Executor, scope: DataScope) {
  return scopedWithLinks(db.selectFrom('inspections as i'), scope, 'i.unit_id', 'i.id', { table: 'inspection_targets', recordColumn: 'inspection_id' });
}

async function checkTargets(tx: Executor, scope: DataScope, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) throw fieldError('targetUnitIds', '督察对象', '至少选择一个');
  const found = new Set((await tx.selectFrom('org_units').select('id').where('id', 'in', [...ids]).execute()).map((u) => u.id).filter((id) => inScope(scope, id)));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw fieldError('targetUnitIds', '督察对象', `单位「${missing.join('、')}」不存在或无权访问`);
}

export async function createInspection(tx: Tx, platform: Platform, actor: Actor & { scope: DataScope }, input: InspectionInput & { ref?: string | null; organiserId: string }): Promise<string> {
  const targets = [...new Set(input.targetUnitIds)];
  await checkTargets(tx, actor.scope, targets);
  const id = newId();
  await tx
    .insertInto('inspections')
    .values({ id, ref: input.ref ?? null, unit_id: input.organiserId, title: input.title, kind: input.kind, date: input.date, inspectors: input.inspectors, checklist: JSON.stringify(input.checklist ?? []), summary: input.summary ?? null, ...newStamps(actor.id) })
    .execute();
  await tx.insertInto('inspection_targets').values(targets.map((unit_id) => ({ inspection_id: id, unit_id }))).execute();
  await platform.audit.record(tx, actor, { action: 'inspection.create', targetType: 'inspection', targetId: id, detail: { title: input.title, kind: input.kind, date: input.date, targets: targets.length } });
  return id;
}

/** An edit of an inspection: the API's, or an import's, which may also name another organising unit. */
export type InspectionEdit = UpdateInspectionInput & { organiserId?: string };

export async function updateInspection(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, input: InspectionEdit): Promise<void> {
  // Changed by its organiser's side only: a unit it is aimed at reads it, and changes nothing.
  const row = await tx.selectFrom('inspections').select(['id', 'unit_id']).where('id', '=', id).executeTakeFirst();
  if (!row || !inScope(scope, row.unit_id)) throw notFound('督察');
  if (input.organiserId) await ownerUnit(tx, scope, input.organiserId, { field: 'organiserId', label: '组织单位' });
  const targets = [...new Set(input.targetUnitIds)];
  await checkTargets(tx, scope, targets);
  const orphan = await tx.selectFrom('findings').select('unit_id').where('inspection_id', '=', id).where('unit_id', 'not in', targets).executeTakeFirst();
  if (orphan) throw fieldError('targetUnitIds', '督察对象', '不能移除已有问题的责任单位');
  const early = await tx.selectFrom('findings').select('due_date').where('inspection_id', '=', id).where('due_date', '<', input.date).executeTakeFirst();
  if (early) throw fieldError('date', '督察日期', `不能晚于已有问题的整改期限 ${early.due_date}`);
  const organiser = input.organiserId ? { unit_id: input.organiserId } : {};
  await updateVersioned(tx, 'inspections', id, input.version, { ...organiser, title: input.title, kind: input.kind, date: input.date, inspectors: input.inspectors, checklist: JSON.stringify(input.checklist ?? []), summary: input.summary ?? null }, actor.id);
  await tx.deleteFrom('inspection_targets').where('inspection_id', '=', id).execute();
  await tx.insertInto('inspection_targets').values(targets.map((unit_id) => ({ inspection_id: id, unit_id }))).execute();
  await platform.audit.record(tx, actor, { action: 'inspection.update', targetType: 'inspection', targetId: id, detail: { title: input.title } });
}

export async function listInspections(platform: Platform, scope: DataScope, query: InspectionListQuery) {
  const base = visibleInspections(platform.db, scope).innerJoin('org_units as o', 'o.id', 'i.unit_id').selectAll('i').select('o.name as organiser_name');
  const page = await listPage<any>(platform.db, base, INSPECTION, { alias: 'i', unitColumn: 'i.unit_id', defaultSort: { field: 'date', order: 'desc' } }, APPLIED, query);
  return { ...page, items: await inspectionViews(platform.db, scope, page.items) };
}

async function inspectionViews(db: Db, scope: DataScope, rows: any[]): Promise<InspectionView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [targets, counts] = await Promise.all([
    db.selectFrom('inspection_targets as t').innerJoin('org_units as u', 'u.id', 't.unit_id').select(['t.inspection_id', 'u.id', 'u.name']).where('t.inspection_id', 'in', ids).orderBy('u.sort_order').orderBy('u.code').execute(),
    // Finding counts within the user's scope only: a unit sees its own findings, not its neighbours'.
    (scope.all ? db.selectFrom('findings') : db.selectFrom('findings').where('unit_id', 'in', scope.unitIds.length ? scope.unitIds : ['']))
      .select(['inspection_id'])
      .select(sql<number>`count(*)`.as('n'))
      .select(sql<number>`sum(case when status <> 'verified' then 1 else 0 end)`.as('open'))
      .where('inspection_id', 'in', ids)
      .groupBy('inspection_id')
      .execute(),
  ]);
  const countOf = new Map(counts.map((c) => [c.inspection_id, c]));
  return rows.map((r) => ({
    ...recordView(INSPECTION, r),
    organiserName: r.organiser_name,
    checklist: JSON.parse(r.checklist),
    targets: targets.filter((t) => t.inspection_id === r.id).map((t) => ({ id: t.id, name: t.name })),
    findingCount: Number(countOf.get(r.id)?.n ?? 0),
    openCount: Number(countOf.get(r.id)?.open ?? 0),
  }));
}

export async function getInspection(platform: Platform, scope: DataScope, id: string): Promise<InspectionView> {
  const row = await visibleInspections(platform.db, scope).innerJoin('org_units as o', 'o.id', 'i.unit_id').selectAll('i').select('o.name as organiser_name').where('i.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('督察');
  return (await inspectionViews(platform.db, scope, [row]))[0]!;
}

// Findings

export interface FindingWrite extends RecordInput<typeof FINDING> {
  ref?: string | null;
  status?: 'open' | 'rectifying' | 'rectified' | 'verified' | 'reopened';
  rectifiedDate?: string | null;
  verifiedDate?: string | null;
}

/** Checks a finding's dates against each other and its inspection. */
function findingDateProblems(f: FindingWrite, inspectionDate: string): { field: string; label: string; message: string } | null {
  const status = f.status ?? 'open';
  if (f.dueDate < inspectionDate) return { field: 'dueDate', label: '整改期限', message: `不能早于督察日期 ${inspectionDate}` };
  if ((status === 'rectified' || status === 'verified') && !f.rectifiedDate) return { field: 'rectifiedDate', label: '整改完成日期', message: '已整改或已核查的问题必须填写' };
  if (status === 'verified' && !f.verifiedDate) return { field: 'verifiedDate', label: '核查日期', message: '已核查的问题必须填写' };
  if (status !== 'verified' && f.verifiedDate) return { field: 'verifiedDate', label: '核查日期', message: '只有已核查的问题才能填写' };
  if (!['rectified', 'verified'].includes(status) && f.rectifiedDate) return { field: 'rectifiedDate', label: '整改完成日期', message: '只有已整改或已核查的问题才能填写' };
  if (f.rectifiedDate && f.rectifiedDate < inspectionDate) return { field: 'rectifiedDate', label: '整改完成日期', message: `不能早于督察日期 ${inspectionDate}` };
  if (f.verifiedDate && f.rectifiedDate && f.verifiedDate < f.rectifiedDate) return { field: 'verifiedDate', label: '核查日期', message: `不能早于整改完成日期 ${f.rectifiedDate}` };
  const today = chinaToday();
  if ((f.rectifiedDate && f.rectifiedDate > today) || (f.verifiedDate && f.verifiedDate > today)) return { field: f.verifiedDate && f.verifiedDate > today ? 'verifiedDate' : 'rectifiedDate', label: '日期', message: '不能晚于今天' };
  return null;
}

const problemOf = (f: { id: string; unit_id: string; description: string; severity: string }, openedOn: string) => ({
  sourceType: FINDING_RECORD_TYPE,
  sourceId: f.id,
  sourceLabel: '督察发现',
  unitId: f.unit_id,
  title: f.description.length > 80 ? `${f.description.slice(0, 80)}…` : f.description,
  severity: f.severity as Severity,
  openedOn,
  link: `/findings/${f.id}`,
});

/** A finding belongs to one of its inspection's target units in the actor's scope, and its dates follow each other. Returns the inspection. */
async function checkFinding(tx: Executor, scope: DataScope, input: FindingWrite) {
  const inspection = await tx.selectFrom('inspections').select(['id', 'date', 'unit_id']).where('id', '=', input.inspectionId).executeTakeFirst();
  if (!inspection || !inScope(scope, inspection.unit_id)) throw fieldError('inspectionId', '所属督察', '不存在或无权访问');
  const target = await tx.selectFrom('inspection_targets').select('unit_id').where('inspection_id', '=', inspection.id).where('unit_id', '=', input.unitId).executeTakeFirst();
  if (!target || !inScope(scope, target.unit_id)) throw fieldError('unitId', '责任单位', '不是该次督察的对象单位');
  const problem = findingDateProblems(input, inspection.date);
  if (problem) throw fieldError(problem.field, problem.label, problem.message);
  return inspection;
}

export async function insertFinding(tx: Tx, platform: Platform, actor: Actor & { scope: DataScope }, input: FindingWrite): Promise<string> {
  const inspection = await checkFinding(tx, actor.scope, input);
  const status = input.status ?? 'open';
  const row = {
    id: newId(),
    ref: input.ref ?? null,
    ...recordRow<FindingTable>(FINDING, input),
    status,
    measures: null,
    rectified_date: input.rectifiedDate ?? null,
    verified_date: input.verifiedDate ?? null,
    followup_result: null,
    interviewed_on: null,
    notice_number: null,
    ...newStamps(actor.id),
  } as FindingTable & WorkflowRecord;
  await tx.insertInto('findings').values(row).execute();
  // Its 整改通知书 is issued as it is recorded, and takes its 文号 then, in the series of the
  // inspection's organiser (who issues it); a ledger's finding already rectified (history) had its
  // notice on paper and takes none.
  if (status !== 'rectified' && status !== 'verified') await numberAtCreation(tx, platform, FINDING_RECORD_TYPE, { id: row.id, unit_id: inspection.unit_id }, chinaToday());
  await addTimeline(tx, actor, { recordType: FINDING_RECORD_TYPE, recordId: row.id, action: 'create', label: '发现问题', toStatus: status, note: `整改期限 ${input.dueDate}` });
  if (status !== 'verified') {
    await applyEffects(tx, platform, actor, FINDING_WORKFLOW, row, [RECTIFY_CLOCK], inspection.date);
    if (status === 'rectified') await applyEffects(tx, platform, actor, FINDING_WORKFLOW, row, [{ pause: 'rectify', reason: '已报送整改结果，待核查' }], input.rectifiedDate!);
  }
  await openProblem(tx, problemOf(row, inspection.date));
  if (status === 'verified') await closeProblem(tx, FINDING_RECORD_TYPE, row.id, input.verifiedDate!);
  await platform.audit.record(tx, actor, { action: 'finding.create', targetType: FINDING_RECORD_TYPE, targetId: row.id, detail: { inspectionId: inspection.id, unitId: input.unitId, severity: input.severity } });
  return row.id;
}

/**
 * Corrects a finding from a ledger (the law office's import of history the app did not see): the
 * same checks as a new finding; its rectification clock follows the due date and unit, and stops
 * when the finding is verified; the problem pool follows its status.
 */
export async function correctFinding(tx: Tx, platform: Platform, actor: Actor & { scope: DataScope }, id: string, version: number, input: FindingWrite): Promise<void> {
  const finding = await tx.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!finding || !inScope(actor.scope, finding.unit_id)) throw notFound('问题');
  await checkFinding(tx, actor.scope, input);
  const status = input.status ?? 'open';
  await updateVersioned(tx, 'findings', id, version, { inspection_id: input.inspectionId, unit_id: input.unitId, description: input.description, severity: input.severity, due_date: input.dueDate, status, rectified_date: input.rectifiedDate ?? null, verified_date: input.verifiedDate ?? null }, actor.id);
  const clock = await tx.selectFrom('clocks').selectAll().where('record_type', '=', FINDING_RECORD_TYPE).where('record_id', '=', id).where('clock_key', '=', 'rectify').where('status', '!=', 'stopped').executeTakeFirst();
  if (clock && (input.dueDate !== finding.due_date || input.unitId !== finding.unit_id)) await moveFixedDue(tx, platform, actor, clock, input.dueDate, input.unitId);
  if (input.unitId !== finding.unit_id) await moveBelongings(tx, FINDING_RECORD_TYPE, [id], input.unitId);
  const corrected = { ...finding, unit_id: input.unitId, status, description: input.description, severity: input.severity };
  if (status === 'verified') await applyEffects(tx, platform, actor, FINDING_WORKFLOW, corrected, [{ stop: 'rectify', reason: '批量导入：已核查销号' }], input.verifiedDate!);
  await syncFindingProblem(tx, corrected, input.verifiedDate ?? chinaToday());
  await addTimeline(tx, actor, { recordType: FINDING_RECORD_TYPE, recordId: id, action: 'import', label: '批量导入更新', fromStatus: finding.status, toStatus: status });
  await platform.audit.record(tx, actor, { action: 'finding.update', targetType: FINDING_RECORD_TYPE, targetId: id, detail: { inspectionId: input.inspectionId, unitId: input.unitId, status } });
}

/** Keeps the problem pool in step with the finding's status after each transition. */
export async function syncFindingProblem(tx: Tx, finding: Record<string, unknown> & { id: string; unit_id: string; status: string }, date: string): Promise<void> {
  if (finding.status === 'verified') await closeProblem(tx, FINDING_RECORD_TYPE, finding.id, date);
  else await openProblem(tx, problemOf(finding as any, String(finding.created_at ?? date).slice(0, 10)));
}

/** Findings with their inspection's title and their unit's name. */
function findingQuery(db: Executor) {
  return db
    .selectFrom('findings as f')
    .innerJoin('inspections as i', 'i.id', 'f.inspection_id')
    .innerJoin('org_units as u', 'u.id', 'f.unit_id')
    .selectAll('f')
    .select(['i.title as inspection_title', 'u.name as unit_name']);
}

const findingViews = (platform: Platform, rows: any[]): Promise<FindingView[]> =>
  workflowViews(platform, FINDING_WORKFLOW, rows, 'rectify', (r, { due, light }) => ({
    ...recordView(FINDING, r),
    inspectionTitle: r.inspection_title,
    unitName: r.unit_name,
    // Overdue by the clock: paused time (waiting for verification) does not count against the unit.
    overdue: light === 'red',
    due: due ?? r.due_date,
    light,
  }));

const findings = recordReader<any, FindingView, Omit<FindingListQuery, 'page' | 'pageSize'>>({
  def: FINDING, what: '问题', alias: 'f', overdue: true, query: findingQuery, views: findingViews,
  defaultSort: { field: 'dueDate', order: 'asc' },
  // Open findings first, by their due date; verified ones after them.
  defaultOrder: (q) => q.orderBy(sql`case when f.status = 'verified' then 1 else 0 end`),
  filter: (q, query) => (query.inspectionId ? q.where('f.inspection_id', '=', query.inspectionId) : q),
});

export const listFindings = (platform: Platform, scope: DataScope, query: FindingListQuery) => findings.list(platform, scope, query);

export async function getFinding(platform: Platform, scope: DataScope, id: string): Promise<FindingDetail> {
  const view = await findings.get(platform, scope, id);
  const [interviews, notices, clocks] = await Promise.all([
    platform.db.selectFrom('interviews').selectAll().where('finding_id', '=', id).orderBy('held_on').execute(),
    noticeQuery(platform.db).where('n.finding_id', '=', id).orderBy('n.issued_date').execute(),
    clockViews(platform, FINDING_RECORD_TYPE, id),
  ]);
  return {
    ...view,
    interviews: interviews.map((i) => ({ id: i.id, heldOn: i.held_on, interviewee: i.interviewee, conductedBy: i.conducted_by, notes: i.notes })),
    notices: notices.map(noticeView),
    clocks,
  };
}

export async function addInterview(platform: Platform, ctx: RequestContext, findingId: string, input: InterviewInput): Promise<void> {
  await platform.db.transaction().execute(async (tx) => {
    const finding = await tx.selectFrom('findings as f').innerJoin('inspections as i', 'i.id', 'f.inspection_id').select(['f.id', 'f.unit_id', 'f.status', 'f.interviewed_on', 'i.date']).where('f.id', '=', findingId).executeTakeFirst();
    if (!finding) throw notFound('问题');
    assertInScope(ctx.scope, finding.unit_id, '问题');
    if (finding.status === 'verified') throw conflict('问题已核查销号，不能再记录约谈');
    if (input.heldOn < finding.date) throw fieldError('heldOn', '约谈日期', `不能早于督察日期 ${finding.date}`);
    if (input.heldOn > chinaToday()) throw fieldError('heldOn', '约谈日期', '不能晚于今天');
    await tx.insertInto('interviews').values({ id: newId(), finding_id: finding.id, unit_id: finding.unit_id, held_on: input.heldOn, interviewee: input.interviewee, conducted_by: input.conductedBy, notes: input.notes, created_by: ctx.id, created_at: nowIso() }).execute();
    const latest = !finding.interviewed_on || input.heldOn > finding.interviewed_on ? input.heldOn : finding.interviewed_on;
    await tx.updateTable('findings').set({ interviewed_on: latest, updated_at: nowIso(), updated_by: ctx.id, version: (eb) => eb('version', '+', 1) }).where('id', '=', finding.id).execute();
    await addTimeline(tx, ctx, { recordType: FINDING_RECORD_TYPE, recordId: finding.id, action: 'interview', label: `约谈 ${input.interviewee}`, note: `${input.heldOn}，${input.conductedBy}：${input.notes}` });
    await platform.audit.record(tx, ctx, { action: 'finding.interview', targetType: FINDING_RECORD_TYPE, targetId: finding.id, detail: { heldOn: input.heldOn } });
  });
}

// Notices: circulars (通报) and supervision notices (督办单)

function noticeQuery(db: Executor) {
  return db
    .selectFrom('notices as n')
    .innerJoin('org_units as u', 'u.id', 'n.unit_id')
    .leftJoin('inspections as ni', 'ni.id', 'n.inspection_id')
    .leftJoin('findings as nf', 'nf.id', 'n.finding_id')
    .selectAll('n')
    .select(['u.name as unit_name', 'ni.title as inspection_title', 'nf.description as finding_title']);
}

const noticeView = (n: any): NoticeView => ({
  ...recordView(NOTICE, n),
  status: n.status,
  unitName: n.unit_name,
  inspectionTitle: n.inspection_title ?? null,
  findingTitle: n.finding_title ?? null,
  createdAt: n.created_at,
});

export async function createNotice(platform: Platform, ctx: RequestContext, input: RecordInput<typeof NOTICE>): Promise<NoticeView> {
  return platform.db.transaction().execute(async (tx) => {
    let unitId = ctx.unitId;
    if (input.kind === 'supervision') {
      if (!input.findingId) throw fieldError('findingId', '相关问题', '督办单必须指向一个问题');
      const finding = await tx.selectFrom('findings').select(['unit_id', 'status']).where('id', '=', input.findingId).executeTakeFirst();
      if (!finding || !inScope(ctx.scope, finding.unit_id)) throw fieldError('findingId', '相关问题', '不存在或无权访问');
      if (finding.status === 'verified') throw conflict('问题已核查销号，无需督办');
      unitId = finding.unit_id;
    } else if (input.findingId) {
      throw fieldError('findingId', '相关问题', '通报不指向单个问题，请用督办单');
    }
    if (input.inspectionId) {
      const inspection = await tx.selectFrom('inspections').select('unit_id').where('id', '=', input.inspectionId).executeTakeFirst();
      if (!inspection || !inScope(ctx.scope, inspection.unit_id)) throw fieldError('inspectionId', '相关督察', '不存在或无权访问');
    }
    if (input.issuedDate > chinaToday()) throw fieldError('issuedDate', '印发日期', '不能晚于今天');
    const id = newId();
    await tx.insertInto('notices').values({ id, ref: null, version: 1, status: 'issued', case_number: null, kind: input.kind, title: input.title, content: input.content, issued_date: input.issuedDate, unit_id: unitId, inspection_id: input.inspectionId ?? null, finding_id: input.findingId ?? null, level: null, created_by: ctx.id, created_at: nowIso() }).execute();
    // A 文号 belongs to the issuer (the law office issuing it), not to the unit it is sent to.
    const number = await numberAtCreation(tx, platform, NOTICE_RECORD_TYPE, { id, unit_id: ctx.unitId }, input.issuedDate);
    await addTimeline(tx, ctx, { recordType: NOTICE_RECORD_TYPE, recordId: id, action: 'create', label: `印发${NOTICE_KINDS[input.kind]}`, toStatus: 'issued', note: number });
    if (input.findingId) await addTimeline(tx, ctx, { recordType: FINDING_RECORD_TYPE, recordId: input.findingId, action: 'notice', label: `印发督办单：${input.title}`, note: number });
    await platform.audit.record(tx, ctx, { action: 'notice.create', targetType: 'notice', targetId: id, detail: { kind: input.kind, title: input.title, caseNumber: number } });
    return noticeView((await noticeQuery(tx).where('n.id', '=', id).executeTakeFirstOrThrow()));
  });
}

export async function listNotices(platform: Platform, scope: DataScope, query: NoticeListQuery) {
  let base = noticeQuery(platform.db);
  // Circulars are published to every unit of the county; a supervision notice is seen by its unit (and the law office).
  const county = countyScope(scope);
  if (!scope.all) {
    base = base.where((eb) => {
      const circular = county.all ? eb('n.kind', '=', 'circular') : eb.and([eb('n.kind', '=', 'circular'), eb('n.unit_id', 'in', county.unitIds)]);
      return eb.or([circular, eb('n.unit_id', 'in', scope.unitIds.length ? scope.unitIds : [''])]);
    });
  }
  const page = await listPage<any>(platform.db, base, NOTICE, { alias: 'n', unitColumn: 'n.unit_id', defaultSort: { field: 'issuedDate', order: 'desc' } }, APPLIED, query);
  return { ...page, items: page.items.map(noticeView) };
}

/** One notice, as its list shows it: a circular to anyone in the county, a supervision notice to its unit's readers. */
export async function getNotice(platform: Platform, scope: DataScope, id: string): Promise<NoticeView> {
  const n = await noticeQuery(platform.db).where('n.id', '=', id).executeTakeFirst();
  if (!n || !inScope(n.kind === 'circular' ? countyScope(scope) : scope, n.unit_id)) throw notFound('通报或督办单');
  return noticeView(n);
}

/** Escalation of a finding's rectification clock issues a supervision notice, stepped by level. */
export async function issueEscalationNotice(tx: Tx, platform: Platform, clock: { record_id: string; unit_id: string; due_date: string }, level: 1 | 2): Promise<void> {
  const finding = await tx.selectFrom('findings as f').innerJoin('inspections as i', 'i.id', 'f.inspection_id').select(['f.description', 'i.unit_id as organiser']).where('f.id', '=', clock.record_id).executeTakeFirst();
  if (!finding) return;
  const today = chinaToday();
  const id = newId();
  await tx
    .insertInto('notices')
    .values({
      id,
      ref: null,
      version: 1,
      status: 'issued',
      case_number: null,
      kind: 'supervision',
      title: level === 1 ? '整改逾期督办单' : '整改逾期督办单（报法治办）',
      content: `你单位应于 ${clock.due_date} 前完成整改的问题「${finding.description}」已逾期。请立即整改并报送整改结果及台账材料。${level === 2 ? '该问题已报县委依法治县办，将纳入年度法治政府建设考评。' : ''}`,
      issued_date: today,
      unit_id: clock.unit_id,
      inspection_id: null,
      finding_id: clock.record_id,
      level,
      created_by: null,
      created_at: nowIso(),
    })
    .execute();
  // Issued in the name of the inspection's organiser, in its series.
  const number = await numberAtCreation(tx, platform, NOTICE_RECORD_TYPE, { id, unit_id: finding.organiser }, today);
  const label = level === 1 ? '印发整改逾期督办单' : '印发整改逾期督办单（报法治办）';
  await addTimeline(tx, JOB_ACTOR, { recordType: NOTICE_RECORD_TYPE, recordId: id, action: 'create', label, toStatus: 'issued', note: number });
  await addTimeline(tx, JOB_ACTOR, { recordType: FINDING_RECORD_TYPE, recordId: clock.record_id, action: 'notice', label, note: number });
  await platform.audit.record(tx, JOB_ACTOR, { action: 'notice.create', targetType: 'notice', targetId: id, detail: { kind: 'supervision', level, findingId: clock.record_id, caseNumber: number } });
}

