// Plans (分工方案) and their tasks: the law office writes them, lead and co-units see and report on
// their tasks, completion needs evidence and the law office's confirmation (TASK_WORKFLOW).
import { workflowViews } from '../../kernel/records/read.ts';
import { sql } from 'kysely';
import './tables.ts';
import type { TaskTable } from './tables.ts';
import type { Db, Executor, Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import type { RequestContext } from '../../kernel/auth/context.ts';
import { countyScope, inScope, scoped, scopedWithLinks, subtreeOfUnitId, type DataScope } from '../../kernel/auth/scope.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { listPage } from '../../kernel/records/list.ts';
import { conflict, fieldError, forbidden, notFound } from '../../kernel/http/errors.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { addMonths, chinaToday } from '../../kernel/calendar/days.ts';
import { applyEffects, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { clocksOf, clockView, moveFixedDue } from '../../kernel/workflow/clocks.ts';
import { can } from '../../kernel/auth/context.ts';
import {
  IMPORT_TASK_STATUSES,
  PLAN,
  TASK,
  TASK_RECORD_TYPE,
  TASK_WORKFLOW,
  type PlanInput,
  type PlanView,
  type ProgressInput,
  type TaskDetail,
  type TaskInput,
  type TaskListQuery,
  type TaskView,
  type UpdateTaskInput,
} from '../../../shared/schemas/plans.ts';
import { moveBelongings } from '../../kernel/workflow/move.ts';

const OPEN = ['not_started', 'in_progress', 'pending'];
const DUE_CLOCK = { start: 'due', label: '完成时限', dueColumn: 'due_date' } as const;

// Plans

/** The plans of the user's county (a plan is issued to all its units); one of them, when `id` is given. */
export async function listPlans(db: Db, scope: DataScope, id?: string): Promise<PlanView[]> {
  let base = scoped(db.selectFrom('plans as p'), countyScope(scope), 'p.unit_id');
  if (id) base = base.where('p.id', '=', id);
  const rows = await base
    .leftJoin('tasks as t', 't.plan_id', 'p.id')
    .select(['p.id', 'p.ref', 'p.year', 'p.title', 'p.source', 'p.issued_date', 'p.version'])
    .select(sql<number>`count(t.id)`.as('task_count'))
    .select(sql<number>`sum(case when t.status = 'completed' then 1 else 0 end)`.as('completed_count'))
    .groupBy(['p.id', 'p.ref', 'p.year', 'p.title', 'p.source', 'p.issued_date', 'p.version'])
    .orderBy('p.year', 'desc')
    .orderBy('p.issued_date', 'desc')
    .execute();
  return rows.map((r) => ({ ...recordView(PLAN, r), taskCount: Number(r.task_count), completedCount: Number(r.completed_count ?? 0) }));
}

/** What a plan is written from: the input (the source may be null), and the ref of an import. */
export type PlanWrite = Omit<PlanInput, 'source'> & { source?: string | null; ref?: string | null };

/** A plan is issued within its year (a plan of 2026 issued in 2027 is a typing error). */
function checkIssued(input: PlanWrite): void {
  if (Number(input.issuedDate.slice(0, 4)) > input.year) throw fieldError('issuedDate', '印发日期', `不能晚于方案年度 ${input.year} 年`);
}

type ScopedActor = Actor & { scope: DataScope };

/** A plan the actor may change or add tasks to: one of their county's. */
async function plannedBy(tx: Executor, actor: ScopedActor, id: string, field?: string) {
  const plan = await tx.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
  // A plan without a unit (one imported on the server's command line) is everyone's who sees every unit.
  if (!plan || !(plan.unit_id ? inScope(actor.scope, plan.unit_id) : actor.scope.all)) throw field ? fieldError(field, '所属方案', '不存在或无权访问') : notFound('方案');
  return plan;
}

export async function createPlan(tx: Tx, platform: Platform, actor: Actor, input: PlanWrite): Promise<string> {
  checkIssued(input);
  const id = newId();
  await tx
    .insertInto('plans')
    .values({ id, ref: input.ref ?? null, year: input.year, title: input.title, source: input.source ?? null, issued_date: input.issuedDate, unit_id: actor.unitId, ...newStamps(actor.id) })
    .execute();
  await platform.audit.record(tx, actor, { action: 'plan.create', targetType: 'plan', targetId: id, detail: { year: input.year, title: input.title } });
  return id;
}

export async function updatePlan(tx: Tx, platform: Platform, actor: ScopedActor, id: string, input: PlanWrite & { version: number }): Promise<void> {
  await plannedBy(tx, actor, id);
  checkIssued(input);
  const completedEarlier = await tx.selectFrom('tasks').select('completed_date').where('plan_id', '=', id).where('completed_date', '<', input.issuedDate).executeTakeFirst();
  if (completedEarlier) throw fieldError('issuedDate', '印发日期', `不能晚于已完成任务的完成日期 ${completedEarlier.completed_date}`);
  await updateVersioned(tx, 'plans', id, input.version, { year: input.year, title: input.title, source: input.source ?? null, issued_date: input.issuedDate }, actor.id);
  await platform.audit.record(tx, actor, { action: 'plan.update', targetType: 'plan', targetId: id, detail: { title: input.title } });
}

/** Starts next year's plan from this one: the same tasks, due dates moved to the new year, not started. */
export async function copyPlan(platform: Platform, actor: ScopedActor, fromId: string, input: { year: number; issuedDate: string; title?: string }): Promise<string> {
  return platform.db.transaction().execute(async (tx) => {
    const from = await plannedBy(tx, actor, fromId);
    const years = input.year - from.year;
    const id = await createPlan(tx, platform, actor, { year: input.year, issuedDate: input.issuedDate, title: input.title ?? from.title.replaceAll(String(from.year), String(input.year)), source: from.source });
    const tasks = await tx.selectFrom('tasks').selectAll().where('plan_id', '=', fromId).where('status', '!=', 'cancelled').orderBy('code').execute();
    for (const t of tasks) {
      const coUnits = (await tx.selectFrom('task_co_units').select('unit_id').where('task_id', '=', t.id).execute()).map((c) => c.unit_id);
      const dueDate = addMonths(t.due_date, years * 12);
      await insertTask(tx, platform, actor, {
        planId: id,
        code: t.code,
        title: t.title,
        content: t.content,
        leadUnitId: t.unit_id,
        coUnitIds: coUnits,
        dueDate: dueDate < input.issuedDate ? input.issuedDate : dueDate,
        milestones: (JSON.parse(t.milestones) as { title: string; dueDate: string }[]).map((m) => ({ title: m.title, dueDate: addMonths(m.dueDate, years * 12) })),
      });
    }
    await platform.audit.record(tx, actor, { action: 'plan.copy', targetType: 'plan', targetId: id, detail: { from: fromId, tasks: tasks.length } });
    return id;
  });
}

// Tasks

export type TaskStatus = keyof typeof IMPORT_TASK_STATUSES;

export interface TaskWrite extends TaskInput {
  ref?: string | null;
  status?: TaskStatus;
  completedDate?: string | null;
}

async function checkUnits(tx: Executor, scope: DataScope, leadUnitId: string, coUnitIds: readonly string[]): Promise<void> {
  const ids = [...new Set([leadUnitId, ...coUnitIds])];
  const units = (await tx.selectFrom('org_units').select(['id', 'active']).where('id', 'in', ids).execute()).filter((u) => inScope(scope, u.id));
  const found = new Map(units.map((u) => [u.id, u]));
  if (!found.get(leadUnitId)) throw fieldError('leadUnitId', '牵头单位', '不存在或无权访问');
  if (!found.get(leadUnitId)!.active) throw fieldError('leadUnitId', '牵头单位', '已停用');
  for (const id of coUnitIds) if (!found.get(id)) throw fieldError('coUnitIds', '配合单位', `「${id}」不存在或无权访问`);
  if (coUnitIds.includes(leadUnitId)) throw fieldError('coUnitIds', '配合单位', '不能包含牵头单位');
}

/**
 * Where a task sits: its plan, its lead and co-units, its due date (not before the plan was issued)
 * and its number (unique in the plan; `self` is the task being edited). Returns the plan.
 */
async function checkPlacement(tx: Executor, actor: ScopedActor, input: Pick<TaskInput, 'planId' | 'code' | 'leadUnitId' | 'coUnitIds' | 'dueDate'>, self?: string) {
  const plan = await plannedBy(tx, actor, input.planId, 'planId');
  await checkUnits(tx, actor.scope, input.leadUnitId, coUnitsOf(input));
  if (input.dueDate < plan.issued_date) throw fieldError('dueDate', '完成时限', `不能早于方案印发日期 ${plan.issued_date}`);
  let clash = tx.selectFrom('tasks').select('id').where('plan_id', '=', plan.id).where('code', '=', input.code);
  if (self) clash = clash.where('id', '!=', self);
  if (await clash.executeTakeFirst()) throw fieldError('code', '任务编号', `「${input.code}」在本方案中已存在`);
  return plan;
}

const coUnitsOf = (input: { coUnitIds?: readonly string[] }) => [...new Set(input.coUnitIds ?? [])];

/** Only a completed task has a completion date, on or after the plan's issue and not in the future. */
function checkCompletion(status: string, completedDate: string | null | undefined, issuedDate: string): void {
  if (status === 'completed' && !completedDate) throw fieldError('completedDate', '完成日期', '已完成的任务必须填写');
  if (status !== 'completed' && completedDate) throw fieldError('completedDate', '完成日期', '只有已完成的任务才能填写');
  if (completedDate && completedDate < issuedDate) throw fieldError('completedDate', '完成日期', `不能早于方案印发日期 ${issuedDate}`);
  if (completedDate && completedDate > chinaToday()) throw fieldError('completedDate', '完成日期', '不能晚于今天');
}

/** A completed or cancelled task is closed for good. */
function assertOpen(task: { status: string }): void {
  if (TASK_WORKFLOW.states[task.status]?.final) throw conflict(`任务${TASK_WORKFLOW.states[task.status]!.label}，不能修改`);
}

/** Inserts a task (validated), its co-units, its timeline and, while it is open, its due-date clock. */
export async function insertTask(tx: Tx, platform: Platform, actor: ScopedActor, input: TaskWrite): Promise<string> {
  const plan = await checkPlacement(tx, actor, input);
  const status = input.status ?? 'not_started';
  checkCompletion(status, input.completedDate, plan.issued_date);
  const coUnitIds = coUnitsOf(input);
  const row = {
    id: newId(),
    ref: input.ref ?? null,
    ...recordRow<TaskTable>(TASK, input),
    status,
    percent: status === 'completed' ? 100 : 0,
    completion_note: null,
    completed_date: input.completedDate ?? null,
    milestones: JSON.stringify(input.milestones ?? []),
    ...newStamps(actor.id),
  } as TaskTable & WorkflowRecord;
  await tx.insertInto('tasks').values(row).execute();
  if (coUnitIds.length) await tx.insertInto('task_co_units').values(coUnitIds.map((unit_id) => ({ task_id: row.id, unit_id }))).execute();
  await addTimeline(tx, actor, { recordType: TASK_RECORD_TYPE, recordId: row.id, action: 'create', label: '下达任务', toStatus: status, note: `完成时限 ${input.dueDate}` });
  if (OPEN.includes(status)) await applyEffects(tx, platform, actor, TASK_WORKFLOW, row, [DUE_CLOCK], plan.issued_date);
  await platform.audit.record(tx, actor, { action: 'task.create', targetType: TASK_RECORD_TYPE, targetId: row.id, detail: { planId: plan.id, code: input.code, leadUnitId: input.leadUnitId } });
  return row.id;
}

/** Moves an open task's due-date clock with the task's due date and lead unit. */
export async function moveTaskClock(tx: Tx, platform: Platform, actor: Actor, taskId: string, dueDate: string, unitId: string): Promise<void> {
  const clock = await tx.selectFrom('clocks').selectAll().where('record_type', '=', TASK_RECORD_TYPE).where('record_id', '=', taskId).where('clock_key', '=', 'due').where('status', '!=', 'stopped').executeTakeFirst();
  if (clock) await moveFixedDue(tx, platform, actor, clock, dueDate, unitId);
}

/** The task's due-date clock is running and past its due date. */
export function runningPastDue(eb: any, taskIdColumn: string) {
  return eb
    .selectFrom('clocks as oc')
    .select('oc.id')
    .where('oc.record_type', '=', TASK_RECORD_TYPE)
    .whereRef('oc.record_id', '=', taskIdColumn)
    .where('oc.status', '=', 'running')
    .where('oc.due_date', '<', chinaToday());
}

/** Tasks whose lead unit or one of whose co-units is in scope. */
function visibleTasks(db: Executor, scope: DataScope) {
  return scopedWithLinks(db.selectFrom('tasks as t'), scope, 't.unit_id', 't.id', { table: 'task_co_units', recordColumn: 'task_id' });
}

type TaskRow = TaskTable & { plan_title: string; unit_name: string };

/** A task with its plan's title and its lead unit's name (aliases t, p, u). */
function tasksWithNames(db: Executor, scope: DataScope) {
  return visibleTasks(db, scope).innerJoin('plans as p', 'p.id', 't.plan_id').innerJoin('org_units as u', 'u.id', 't.unit_id').selectAll('t').select(['p.title as plan_title', 'u.name as unit_name']);
}

async function toViews(platform: Platform, rows: TaskRow[]): Promise<TaskView[]> {
  if (rows.length === 0) return [];
  const coUnits = await platform.db.selectFrom('task_co_units as c').innerJoin('org_units as u', 'u.id', 'c.unit_id').select(['c.task_id', 'u.id', 'u.name']).where('c.task_id', 'in', rows.map((r) => r.id)).orderBy('u.sort_order').orderBy('u.code').execute();
  return workflowViews(platform, TASK_WORKFLOW, rows, 'due', (r, { due, light }) => ({
    ...recordView(TASK, r),
    planTitle: r.plan_title,
    leadUnitName: r.unit_name,
    coUnits: coUnits.filter((c) => c.task_id === r.id).map((c) => ({ id: c.id, name: c.name })),
    // Overdue by the clock: time waiting for the law office's confirmation does not count.
    overdue: light === 'red',
    milestones: JSON.parse(r.milestones),
    due: due ?? r.due_date,
    light,
  }));
}

/**
 * The ledger: the definition's keyword, sort and paging (listPage) over the tasks whose lead unit or
 * a co-unit is in scope; the plan, its year, a unit (lead or co-unit, with its subunits), status,
 * overdue and due date filter beside it. Without a chosen sort: newest plan first, tasks by number.
 */
export async function listTasks(platform: Platform, scope: DataScope, query: TaskListQuery) {
  let base = tasksWithNames(platform.db, scope);
  if (query.planId) base = base.where('t.plan_id', '=', query.planId);
  if (query.year) base = base.where('p.year', '=', query.year);
  if (query.unitId) {
    const ids = await subtreeOfUnitId(platform.db, query.unitId);
    base = base.where((eb) => eb.or([eb('t.unit_id', 'in', ids), eb('t.id', 'in', eb.selectFrom('task_co_units').select('task_id').where('unit_id', 'in', ids))]));
  }
  if (query.status) base = base.where('t.status', '=', query.status);
  if (query.overdue === 'true') base = base.where((eb) => eb.exists(runningPastDue(eb, 't.id')));
  if (query.dueBefore) base = base.where('t.due_date', '<=', query.dueBefore);
  // The scope is in the base already (lead or co-unit), which one unit column cannot say.
  const page = await listPage<TaskRow>(platform.db, base, TASK, {
    alias: 't',
    unitColumn: 't.unit_id',
    defaultSort: { field: 'dueDate', order: 'asc' },
    defaultOrder: (q) => q.orderBy('p.year', 'desc').orderBy(sql`length(t.code)`).orderBy('t.code'),
  }, { all: true }, { ...query, q: query.q ?? query.keyword });
  return { ...page, items: await toViews(platform, page.items) };
}

async function taskRow(db: Executor, scope: DataScope, id: string): Promise<TaskRow> {
  const row = await tasksWithNames(db, scope).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('任务');
  return row as TaskRow;
}

/** A task's 配合单位: they follow it (its workflow panel, read-only) and report their part. */
export const taskCoUnits = async (db: Executor, taskId: string): Promise<string[]> =>
  (await db.selectFrom('task_co_units').select('unit_id').where('task_id', '=', taskId).execute()).map((c) => c.unit_id);

/** The reader speaks for the task's lead unit (the task's progress is theirs to state). */
const isLead = (ctx: RequestContext, task: { unit_id: string }) => inScope(ctx.scope, task.unit_id);

/** Lead unit or a co-unit in the user's scope, with a reporting role. */
async function mayReport(db: Executor, ctx: RequestContext, task: { id: string; unit_id: string }): Promise<boolean> {
  if (!can(ctx, 'plan.report')) return false;
  if (isLead(ctx, task)) return true;
  return (await taskCoUnits(db, task.id)).some((unit) => inScope(ctx.scope, unit));
}

export async function getTask(platform: Platform, ctx: RequestContext, id: string): Promise<TaskDetail> {
  const row = await taskRow(platform.db, ctx.scope, id);
  const [view] = await toViews(platform, [row]);
  const [progress, clocks, deadlines] = await Promise.all([
    platform.db
      .selectFrom('task_progress as g')
      .innerJoin('org_units as u', 'u.id', 'g.unit_id')
      .leftJoin('users as us', 'us.id', 'g.created_by')
      .select(['g.id', 'u.name as unit_name', 'g.reported_on', 'g.text', 'g.percent', 'us.name as reporter', 'g.created_at'])
      .where('g.task_id', '=', id)
      .orderBy('g.reported_on', 'desc')
      .orderBy('g.created_at', 'desc')
      .execute(),
    clocksOf(platform.db, TASK_RECORD_TYPE, id),
    platform.deadlines.load(),
  ]);
  return {
    ...view!,
    progress: progress.map((g) => ({ id: g.id, unitName: g.unit_name, reportedOn: g.reported_on, text: g.text, percent: g.percent, reporter: g.reporter, createdAt: g.created_at })),
    clocks: clocks.map((c) => clockView(c, deadlines, chinaToday())),
    canReport: OPEN.includes(row.status) && (await mayReport(platform.db, ctx, row)) && !ctx.roles.includes('law_office'),
    reportsAsCoUnit: !isLead(ctx, row),
  };
}

/** An edit of a task: the API's (everything but the plan), or an import's, which may move it to another plan. */
export type TaskEdit = UpdateTaskInput & { planId?: string };

export async function updateTask(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, input: TaskEdit): Promise<void> {
  const row = await taskRow(tx, scope, id);
  assertOpen(row);
  const planId = input.planId ?? row.plan_id;
  await checkPlacement(tx, { ...actor, scope }, { ...input, planId }, id);
  const coUnitIds = coUnitsOf(input);
  await updateVersioned(tx, 'tasks', id, input.version, { plan_id: planId, code: input.code, title: input.title, content: input.content, unit_id: input.leadUnitId, due_date: input.dueDate, milestones: JSON.stringify(input.milestones ?? []) }, actor.id);
  await tx.deleteFrom('task_co_units').where('task_id', '=', id).execute();
  if (coUnitIds.length) await tx.insertInto('task_co_units').values(coUnitIds.map((unit_id) => ({ task_id: id, unit_id }))).execute();
  if (input.dueDate !== row.due_date || input.leadUnitId !== row.unit_id) {
    // The due-date clock follows the task: new due date, new owner unit for escalation.
    await moveTaskClock(tx, platform, actor, id, input.dueDate, input.leadUnitId);
    await addTimeline(tx, actor, { recordType: TASK_RECORD_TYPE, recordId: id, action: 'update', label: '调整任务', note: `完成时限 ${row.due_date} → ${input.dueDate}` });
  } else {
    await addTimeline(tx, actor, { recordType: TASK_RECORD_TYPE, recordId: id, action: 'update', label: '修改任务' });
  }
  if (input.leadUnitId !== row.unit_id) await moveBelongings(tx, TASK_RECORD_TYPE, [id], input.leadUnitId);
  await platform.audit.record(tx, actor, { action: 'task.update', targetType: TASK_RECORD_TYPE, targetId: id, detail: { code: input.code, dueDate: input.dueDate } });
}

/**
 * The status a ledger records for a task (an import loads history the app did not see): not
 * started, in progress, completed on a date or cancelled. A closed task stops its due-date clock;
 * a task already closed is not changed (as by the edit).
 */
export async function recordTaskStatus(tx: Tx, platform: Platform, actor: Actor, id: string, outcome: { status: TaskStatus; completedDate: string | null }): Promise<void> {
  const row = await tx.selectFrom('tasks as t').innerJoin('plans as p', 'p.id', 't.plan_id').selectAll('t').select('p.issued_date').where('t.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('任务');
  if (row.status === outcome.status && row.completed_date === outcome.completedDate) return;
  assertOpen(row);
  checkCompletion(outcome.status, outcome.completedDate, row.issued_date);
  const completed = outcome.status === 'completed';
  await updateVersioned(tx, 'tasks', id, row.version, { status: outcome.status, completed_date: outcome.completedDate, ...(completed ? { percent: 100 } : {}) }, actor.id);
  if (completed || outcome.status === 'cancelled') {
    await applyEffects(tx, platform, actor, TASK_WORKFLOW, { ...row, status: outcome.status }, [{ stop: 'due', reason: '批量导入：已完成或取消' }], outcome.completedDate ?? chinaToday());
  }
  await addTimeline(tx, actor, { recordType: TASK_RECORD_TYPE, recordId: id, action: 'import', label: '批量导入更新', fromStatus: row.status, toStatus: outcome.status });
  await platform.audit.record(tx, actor, { action: 'task.status', targetType: TASK_RECORD_TYPE, targetId: id, detail: { from: row.status, to: outcome.status, completedDate: outcome.completedDate } });
}

export async function reportProgress(platform: Platform, ctx: RequestContext, id: string, input: ProgressInput): Promise<void> {
  await platform.db.transaction().execute(async (tx) => {
    const row = await taskRow(tx, ctx.scope, id);
    if (!(await mayReport(tx, ctx, row))) throw forbidden('只有牵头单位和配合单位可以报告进展');
    if (!OPEN.includes(row.status)) throw conflict(`任务${TASK_WORKFLOW.states[row.status]?.label ?? row.status}，不能再报告进展`);
    const reportedOn = input.reportedOn ?? chinaToday();
    if (reportedOn > chinaToday()) throw fieldError('reportedOn', '报告日期', '不能晚于今天');
    const lead = isLead(ctx, row);
    const unitId = lead ? row.unit_id : ctx.unitId;
    await tx.insertInto('task_progress').values({ id: newId(), task_id: id, unit_id: unitId, reported_on: reportedOn, text: input.text, percent: input.percent, created_by: ctx.id, created_at: nowIso() }).execute();
    const becomesStarted = row.status === 'not_started';
    // The task's progress is the lead unit's to state; a co-unit's percentage is its own part's.
    await tx
      .updateTable('tasks')
      .set({ ...(lead ? { percent: input.percent } : {}), ...(becomesStarted ? { status: 'in_progress' } : {}), version: row.version + 1, updated_at: nowIso(), updated_by: ctx.id })
      .where('id', '=', id)
      .execute();
    await addTimeline(tx, ctx, { recordType: TASK_RECORD_TYPE, recordId: id, action: 'progress', label: lead ? `报告进展（${input.percent}%）` : `配合单位报告承担部分进展（${input.percent}%）`, fromStatus: becomesStarted ? 'not_started' : null, toStatus: becomesStarted ? 'in_progress' : null, note: input.text });
    await platform.audit.record(tx, ctx, { action: 'task.progress', targetType: TASK_RECORD_TYPE, targetId: id, detail: { percent: input.percent, reportedOn } });
  });
}
