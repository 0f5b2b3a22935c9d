// Workflow, clocks, 我的待办 and the daily job over HTTP. Module pages show a record's workflow panel
// through these routes; the record's own data stays with its module.
import type { FastifyInstance } from 'fastify';
import { z } from '../../../shared/zod.ts';
import { route, paramsWithId } from '../http/route.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { assertInScope, countyScope, inScope } from '../auth/scope.ts';
import { can, type RequestContext } from '../auth/context.ts';
import type { Platform } from '../platform.ts';
import { chinaToday } from '../calendar/days.ts';
import { applyTransition, loadRecord, workflowOf, workflowPanel } from './engine.ts';
import { changeClock, clockView, type ClockOperation, type ClockRow } from './clocks.ts';
import { todoFor } from './todo.ts';
import { runDailyJob } from './daily.ts';
import { lightsByUnit } from './lights.ts';
import { transitionInput } from '../../../shared/workflow.ts';
import { extendClockInput, pauseClockInput, restartClockInput, resumeClockInput, stopClockInput } from '../../../shared/schemas/calendar.ts';

const recordParams = z.strictObject({
  recordType: z.string().min(1).max(64).meta({ title: '业务类型' }),
  id: z.string().min(1).max(64).meta({ title: '编号' }),
});

export async function workflowRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['流程与期限'];

  async function followedByScope(ctx: RequestContext, recordType: string, id: string): Promise<boolean> {
    for (const mod of platform.modules) {
      const units = await mod.alsoReadBy?.[recordType]?.(platform.db, id);
      if (units?.some((unit) => inScope(ctx.scope, unit))) return true;
    }
    return false;
  }

  async function readableRecord(ctx: RequestContext, recordType: string, id: string) {
    const def = workflowOf(platform, recordType);
    if (!can(ctx, def.readPermission)) throw forbidden();
    const record = await loadRecord(platform.db, def, id);
    if (!record) throw notFound(def.title);
    // A shared record (a circular, a published scheme) is shared within its county; a module may name
    // other units that follow a record (a task's co-units).
    if (def.sharedWhen?.(record)) assertInScope(countyScope(ctx.scope), record.unit_id, def.title);
    else if (!inScope(ctx.scope, record.unit_id) && !(await followedByScope(ctx, recordType, id))) assertInScope(ctx.scope, record.unit_id, def.title);
    return { def, record, readOnly: !inScope(ctx.scope, record.unit_id) };
  }

  route(api, {
    method: 'GET',
    url: '/workflow/:recordType/:id',
    permission: 'session',
    summary: '记录的流程面板：当前状态、本人可执行的操作、期限（含计算说明）、时间线',
    tags,
    params: recordParams,
    handler: async ({ ctx, params }) => {
      const { def, record, readOnly } = await readableRecord(ctx, params.recordType, params.id);
      return workflowPanel(platform, ctx, def, record, readOnly);
    },
  });

  route(api, {
    method: 'POST',
    url: '/workflow/:recordType/:id/transitions/:key',
    permission: 'session',
    summary: '执行流程操作（状态转换）；非法转换返回 409 并说明原因',
    tags,
    params: recordParams.extend({ key: z.string().min(1).max(64).meta({ title: '操作' }) }),
    body: transitionInput,
    handler: async ({ ctx, params, body }) => {
      const { def, record, readOnly } = await readableRecord(ctx, params.recordType, params.id);
      // A shared record is read by every unit and handled by its own.
      if (readOnly) throw forbidden(`${def.title}由其所属单位办理，其他单位只能查看`);
      // The record as the transaction left it: what it committed, without reading it again.
      return workflowPanel(platform, ctx, def, await applyTransition(platform, ctx, def, params.id, params.key, body, record), readOnly);
    },
  });

  async function clockInScope(ctx: RequestContext, id: string): Promise<ClockRow> {
    const clock = await platform.db.selectFrom('clocks').selectAll().where('id', '=', id).executeTakeFirst();
    if (!clock) throw notFound('期限');
    const def = platform.workflows.get(clock.record_type);
    if (def && !can(ctx, def.readPermission)) throw notFound('期限');
    assertInScope(ctx.scope, clock.unit_id, '期限');
    return clock;
  }

  route(api, {
    method: 'GET',
    url: '/clocks/:id',
    permission: 'calendar.read',
    summary: '期限详情及计算说明',
    tags,
    params: paramsWithId,
    handler: async ({ ctx, params }) => clockView(await clockInScope(ctx, params.id), await platform.deadlines.load(), chinaToday()),
  });

  const operations = [
    { op: 'pause', schema: pauseClockInput, permission: 'clock.manage', summary: '暂停计时（暂停期间不计入期限）' },
    { op: 'resume', schema: resumeClockInput, permission: 'clock.manage', summary: '恢复计时' },
    { op: 'restart', schema: restartClockInput, permission: 'clock.manage', summary: '重新计算期限（如收到补正材料）' },
    { op: 'extend', schema: extendClockInput, permission: 'clock.extend', summary: '经批准延长期限（仅一次，按规则的可延长期限）' },
    { op: 'stop', schema: stopClockInput, permission: 'clock.manage', summary: '停止计时' },
  ] as const;
  for (const { op, schema, permission, summary } of operations) {
    route(api, {
      method: 'POST',
      url: `/clocks/:id/${op}`,
      permission,
      summary,
      tags,
      params: paramsWithId,
      body: schema as z.ZodType<{ version: number; date?: string; reason?: string; approval?: string }>,
      handler: async ({ ctx, params, body }) => {
        const clock = await clockInScope(ctx, params.id);
        const change = { op, date: body.date ?? chinaToday(), reason: body.reason, approval: body.approval } as ClockOperation;
        const updated = await platform.db.transaction().execute((tx) => changeClock(tx, platform, ctx, clock, change, body.version));
        return clockView(updated, await platform.deadlines.load(), chinaToday());
      },
    });
  }

  route(api, {
    method: 'GET',
    url: '/todo',
    permission: 'session',
    summary: '我的待办：各业务中等待本人办理的事项，按最近期限排序，附红黄牌与期限说明',
    tags,
    handler: async ({ ctx }) => {
      const items = await todoFor(platform, ctx);
      return {
        items,
        total: items.length,
        red: items.filter((i) => i.clock?.light === 'red').length,
        yellow: items.filter((i) => i.clock?.light === 'yellow').length,
        today: chinaToday(),
      };
    },
  });

  route(api, {
    method: 'GET',
    url: '/dashboard/lights',
    permission: 'indicator.read',
    summary: '红黄牌：本人数据范围内各单位未结期限的红（逾期）、黄（临期）、绿数量；指定单位时列出其期限',
    tags,
    query: z.strictObject({ unitId: z.string().min(1).max(64).optional().meta({ title: '单位' }) }),
    handler: async ({ ctx, query }) => lightsByUnit(platform, ctx.scope, query.unitId),
  });

  route(api, {
    method: 'POST',
    url: '/jobs/daily',
    permission: 'jobs.run',
    // It runs for every county at once.
    platformSetting: true,
    summary: '执行每日任务（逾期督办与待办摘要）；当日已执行的不再重复',
    tags,
    handler: async ({ ctx }) => {
      const summary = await runDailyJob(platform, chinaToday());
      await platform.audit.record(platform.db, ctx, { action: 'job.run', detail: { ...summary } });
      return summary;
    },
  });
}
