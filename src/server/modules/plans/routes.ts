import type { FastifyInstance } from 'fastify';
import { route } from '../../kernel/http/route.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { RequestContext } from '../../kernel/auth/context.ts';
import { changeRoute, createRoute, deriveRoute, inTransaction, recordRoutes, type ReadRecord } from '../../kernel/records/routes.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import type { ExportColumn } from '../../kernel/exports/xlsx.ts';
import { z } from '../../../shared/zod.ts';
import { pageOf } from '../../../shared/records.ts';
import { TASK, copyPlanInput, planInput, planViewSchema, progressInput, taskDetailSchema, taskInput, taskListQuery, taskViewSchema, updatePlanInput, updateTaskInput, type TaskView } from '../../../shared/schemas/plans.ts';
import { copyPlan, createPlan, getTask, insertTask, listPlans, listTasks, reportProgress, updatePlan, updateTask } from './plans.ts';

/** The definition's columns, with the co-units after the lead unit and the status (逾期 marked) and progress after the due date. */
function taskExportColumns(): ExportColumn<TaskView>[] {
  const columns = exportColumns<TaskView>(TASK);
  const after = (field: string, ...extra: ExportColumn<TaskView>[]) => columns.splice(columns.findIndex((c) => c.header === TASK.fields[field as keyof typeof TASK.fields].label) + 1, 0, ...extra);
  after('leadUnitId', { header: '配合单位', width: 30, value: (t) => t.coUnits.map((c) => c.name).join('、') });
  after('dueDate', { header: '状态', width: 10, value: (t) => (t.overdue ? `${t.statusLabel}（逾期）` : t.statusLabel) }, { header: '进度%', width: 8, value: (t) => t.percent });
  return columns;
}

export async function planRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['分工方案与任务'];
  const inTx = <T>(command: (tx: Tx) => Promise<T>) => platform.db.transaction().execute(command);
  /** A plan as the plan list shows it (with its task counts). */
  const planView = async (ctx: RequestContext, id: string) => (await listPlans(platform.db, ctx.scope, id))[0];

  route(api, { method: 'GET', url: '/plans', permission: 'plan.read', summary: '分工方案（含任务数、完成数）', tags, status: 200, response: z.object({ items: z.array(planViewSchema) }), handler: async ({ ctx }) => ({ items: await listPlans(platform.db, ctx.scope) }) });

  const manage = { permission: 'plan.manage', tags };
  createRoute(api, { url: '/plans', summary: '新建年度分工方案', body: planInput, status: 201, response: planViewSchema, ...manage }, (ctx, body) => inTx((tx) => createPlan(tx, platform, ctx, body)), (ctx, id) => planView(ctx, id));
  changeRoute(api, { method: 'PUT', url: '/plans/:id', summary: '修改分工方案', body: updatePlanInput, status: 200, response: planViewSchema, ...manage }, (ctx, id, body) => inTx((tx) => updatePlan(tx, platform, ctx, id, body)), (ctx, id) => planView(ctx, id));

  deriveRoute(api, { url: '/plans/:id/copy', permission: 'plan.manage', summary: '以本方案为基础新建下一年度方案（复制任务，完成时限顺延到新年度）', tags, body: copyPlanInput, response: planViewSchema }, (ctx, id, body) => copyPlan(platform, ctx, id, body), (ctx, id) => planView(ctx, id));

  const readTask: ReadRecord = (ctx, id) => getTask(platform, ctx, id);
  recordRoutes(api, platform, TASK, {
    url: '/tasks', tags, permissions: { create: 'plan.manage', read: 'plan.read' }, sheet: '任务台账',
    summaries: { list: '任务台账：本人数据范围内牵头或配合的任务，可按方案、年度、单位、状态、逾期筛选', export: '按当前筛选导出任务台账（.xlsx）', create: '下达任务（牵头单位、配合单位、完成时限、时间节点），自方案印发日起计时', read: '任务详情（进展、期限、可否报告进展）' },
    columns: taskExportColumns(),
    list: (ctx, query) => listTasks(platform, ctx.scope, query),
    create: (tx, ctx, body) => insertTask(tx, platform, ctx, body),
    read: readTask,
    query: taskListQuery, body: taskInput, responses: { list: pageOf(taskViewSchema), record: taskDetailSchema },
  });
  const task = { tags, response: taskDetailSchema };
  changeRoute(api, { method: 'PUT', url: '/tasks/:id', permission: 'plan.manage', summary: '修改任务（完成时限变化时期限随之调整）', body: updateTaskInput, status: 200, ...task }, inTransaction(platform, updateTask), readTask);
  changeRoute(api, { method: 'POST', url: '/tasks/:id/progress', permission: 'plan.report', summary: '报告任务进展（牵头或配合单位）', body: progressInput, status: 201, ...task }, (ctx, id, body) => reportProgress(platform, ctx, id, body), readTask);
}
