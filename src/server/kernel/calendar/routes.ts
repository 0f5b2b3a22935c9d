// Calendar and deadline rules over HTTP. Computing a deadline and asking whether a day is a working
// day are public (the portal explains a citizen's deadline too); changing either is audited and
// recomputes every open clock in the same transaction.
import type { FastifyInstance } from 'fastify';
import { z, isoDate } from '../../../shared/zod.ts';
import { route } from '../http/route.ts';
import { conflict, notFound, HttpError } from '../http/errors.ts';
import { updateVersioned } from '../db/versioned.ts';
import { nowIso } from '../ids.ts';
import type { Platform } from '../platform.ts';
import type { Tx } from '../db/index.ts';
import type { RequestContext } from '../auth/context.ts';
import { computeDeadline } from './deadline.ts';
import { chinaToday } from './days.ts';
import { DEFAULT_WARN_DAYS, recomputeOpenClocks, ruleColumns, ruleView } from './store.ts';
import {
  announceYearInput,
  createRuleInput,
  deadlineQuery,
  monthQuery,
  overrideInput,
  ruleCode,
  updateRuleInput,
  yearParam,
  type CalendarYearView,
  type OverrideKind,
} from '../../../shared/schemas/calendar.ts';

const dateParams = z.strictObject({ date: isoDate('日期（date）') });
const codeParams = z.strictObject({ code: ruleCode });

export async function calendarRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const { db } = platform;
  const tags = ['工作日历与期限规则'];

  /** Runs a calendar or rule change and recomputes open clocks inside it (caches follow the tables' generations). */
  async function change<T>(ctx: RequestContext, action: string, detail: Record<string, unknown>, fn: (tx: Tx) => Promise<T>, ruleCodeChanged?: string): Promise<T & { clocksRecomputed: number }> {
    return db.transaction().execute(async (tx) => {
      await platform.facts.lockForBulkWrite(tx);
      const value = await fn(tx);
      const clocksRecomputed = await recomputeOpenClocks(tx, await platform.deadlines.loadUncommitted(tx), chinaToday(), ruleCodeChanged);
      await platform.audit.record(tx, ctx, { action, targetType: action.split('.')[0], targetId: String(detail.target ?? ''), detail: { ...detail, clocksRecomputed } });
      return { ...value, clocksRecomputed };
    });
  }

  route(api, {
    method: 'GET',
    url: '/calendar/deadline',
    permission: 'public',
    summary: '按法定期限规则计算届满日，并说明计算过程（规则、依据、跳过的节假日、计入的调休上班日）',
    tags,
    query: deadlineQuery,
    handler: async ({ query }) => {
      const deadlines = await platform.deadlines.load();
      const rule = await platform.deadlines.rule(query.rule);
      const result = computeDeadline(deadlines.calendar, rule, { start: query.from, extended: query.extended === 'true' });
      return { due: result.due, provisional: result.provisional, explanation: result.explanation };
    },
  });

  route(api, {
    method: 'GET',
    url: '/calendar/day',
    permission: 'public',
    summary: '某日是否为工作日（含节假日与调休）',
    tags,
    query: dateParams,
    handler: async ({ query }) => (await platform.deadlines.load()).calendar.info(query.date),
  });

  route(api, {
    method: 'GET',
    url: '/calendar/month',
    permission: 'calendar.read',
    summary: '月历：每天的工作日/休息日、节假日与调休',
    tags,
    query: monthQuery,
    handler: async ({ query }) => {
      const { calendar } = await platform.deadlines.load();
      return { year: query.year, month: query.month, known: calendar.isKnownYear(query.year), days: calendar.month(query.year, query.month) };
    },
  });

  route(api, {
    method: 'GET',
    url: '/calendar/years/:year',
    permission: 'calendar.read',
    summary: '某年的节假日安排状态与人工录入的调整',
    tags,
    params: yearParam,
    handler: async ({ params }) => yearView(params.year),
  });

  async function yearView(year: number): Promise<CalendarYearView> {
    const { calendar } = await platform.deadlines.load();
    const announced = await db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
    const overrides = await db
      .selectFrom('calendar_overrides as o')
      .leftJoin('users as u', 'u.id', 'o.updated_by')
      .select(['o.date', 'o.kind', 'o.name', 'o.updated_at', 'u.name as updated_by_name'])
      .where('o.date', '>=', `${year}-01-01`)
      .where('o.date', '<=', `${year}-12-31`)
      .orderBy('o.date')
      .execute();
    return {
      year,
      known: calendar.isKnownYear(year),
      source: announced ? 'announced' : calendar.isKnownYear(year) ? 'shipped' : null,
      notice: announced?.notice ?? null,
      overrides: overrides.map((o) => ({ date: o.date, kind: o.kind as OverrideKind, name: o.name, updatedAt: o.updated_at, updatedBy: o.updated_by_name })),
    };
  }

  route(api, {
    method: 'PUT',
    url: '/calendar/overrides/:date',
    permission: 'calendar.manage',
    platformSetting: true,
    summary: '录入或修改某日的放假/调休安排（审计；自动重算未结期限）',
    tags,
    params: dateParams,
    body: overrideInput.omit({ date: true }),
    handler: async ({ ctx, params, body }) => {
      const now = nowIso();
      return change(ctx, 'calendar.override', { target: params.date, ...body }, async (tx) => {
        await tx
          .insertInto('calendar_overrides')
          .values({ date: params.date, kind: body.kind, name: body.name, updated_at: now, updated_by: ctx.id })
          .onConflict((oc) => oc.column('date').doUpdateSet({ kind: body.kind, name: body.name, updated_at: now, updated_by: ctx.id }))
          .execute();
        return { date: params.date, kind: body.kind, name: body.name };
      });
    },
  });

  route(api, {
    method: 'DELETE',
    url: '/calendar/overrides/:date',
    permission: 'calendar.manage',
    platformSetting: true,
    summary: '删除某日的人工调整（恢复为内置数据或常规星期）',
    tags,
    params: dateParams,
    handler: async ({ ctx, params }) =>
      change(ctx, 'calendar.override_delete', { target: params.date }, async (tx) => {
        const result = await tx.deleteFrom('calendar_overrides').where('date', '=', params.date).executeTakeFirst();
        if (Number(result.numDeletedRows) === 0) throw notFound('该日的调整');
        return { date: params.date };
      }),
  });

  route(api, {
    method: 'POST',
    url: '/calendar/years/:year/announce',
    permission: 'calendar.manage',
    platformSetting: true,
    summary: '录入国务院当年放假安排：标记该年为已公布，并可一次替换该年的全部调整',
    tags,
    params: yearParam,
    body: announceYearInput,
    handler: async ({ ctx, params, body }) => {
      const { year } = params;
      for (const [i, d] of (body.days ?? []).entries()) {
        if (!d.date.startsWith(`${year}-`)) throw new HttpError(400, `第 ${i + 1} 天的日期（days.${i}.date）不在 ${year} 年`, [{ field: `days.${i}.date`, message: `不在 ${year} 年` }]);
      }
      const now = nowIso();
      await change(ctx, 'calendar.announce', { target: String(year), notice: body.notice, days: body.days?.length ?? null }, async (tx) => {
        await tx
          .insertInto('calendar_years')
          .values({ year, notice: body.notice, updated_at: now, updated_by: ctx.id })
          .onConflict((oc) => oc.column('year').doUpdateSet({ notice: body.notice, updated_at: now, updated_by: ctx.id }))
          .execute();
        if (body.days) {
          await tx.deleteFrom('calendar_overrides').where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`).execute();
          if (body.days.length) {
            const unique = new Map(body.days.map((d) => [d.date, d]));
            await tx.insertInto('calendar_overrides').values([...unique.values()].map((d) => ({ ...d, updated_at: now, updated_by: ctx.id }))).execute();
          }
        }
        return {};
      });
      return yearView(year);
    },
  });

  route(api, {
    method: 'DELETE',
    url: '/calendar/years/:year/announce',
    permission: 'calendar.manage',
    platformSetting: true,
    summary: '撤销某年的“已公布”标记（该年重新按周末和元旦、劳动节、国庆节推算并标为暂定）',
    tags,
    params: yearParam,
    handler: async ({ ctx, params }) => {
      await change(ctx, 'calendar.unannounce', { target: String(params.year) }, async (tx) => {
        const result = await tx.deleteFrom('calendar_years').where('year', '=', params.year).executeTakeFirst();
        if (Number(result.numDeletedRows) === 0) throw notFound('该年的放假安排');
        return {};
      });
      return yearView(params.year);
    },
  });

  route(api, {
    method: 'GET',
    url: '/deadline-rules',
    permission: 'calendar.read',
    summary: '法定期限规则（含法律依据）',
    tags,
    handler: async () => {
      const rows = await db.selectFrom('deadline_rules').selectAll().orderBy('code').execute();
      return { items: rows.map(ruleView) };
    },
  });

  route(api, {
    method: 'POST',
    url: '/deadline-rules',
    permission: 'deadline_rule.manage',
    platformSetting: true,
    summary: '新增期限规则（审计）',
    tags,
    body: createRuleInput,
    handler: async ({ ctx, body, reply }) => {
      const exists = await db.selectFrom('deadline_rules').select('code').where('code', '=', body.code).executeTakeFirst();
      if (exists) throw conflict(`规则编码「${body.code}」已存在`);
      await change(ctx, 'deadline_rule.create', { target: body.code, ...body }, async (tx) => {
        await tx
          .insertInto('deadline_rules')
          .values({ code: body.code, ...ruleColumns(body, DEFAULT_WARN_DAYS), builtin: 0, version: 1, updated_at: nowIso(), updated_by: ctx.id })
          .execute();
        return {};
      }, body.code);
      reply.code(201);
      return ruleView((await db.selectFrom('deadline_rules').selectAll().where('code', '=', body.code).executeTakeFirstOrThrow()));
    },
  });

  route(api, {
    method: 'PUT',
    url: '/deadline-rules/:code',
    permission: 'deadline_rule.manage',
    platformSetting: true,
    summary: '修改期限规则的期限、依据等（审计；自动重算使用该规则的未结期限）',
    tags,
    params: codeParams,
    body: updateRuleInput,
    handler: async ({ ctx, params, body }) => {
      const before = await db.selectFrom('deadline_rules').selectAll().where('code', '=', params.code).executeTakeFirst();
      if (!before) throw notFound('期限规则');
      const result = await change(ctx, 'deadline_rule.update', { target: params.code, before: ruleView(before), after: body }, async (tx) => {
        await updateVersioned(tx, 'deadline_rules', params.code, body.version, ruleColumns(body, before.warn_days), ctx.id, 'code');
        return {};
      }, params.code);
      const row = await db.selectFrom('deadline_rules').selectAll().where('code', '=', params.code).executeTakeFirstOrThrow();
      return { ...ruleView(row), clocksRecomputed: result.clocksRecomputed };
    },
  });
}
