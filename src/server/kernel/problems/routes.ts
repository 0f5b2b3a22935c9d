import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { route, paramsWithId } from '../http/route.ts';
import { conflict, notFound } from '../http/errors.ts';
import { nowIso } from '../ids.ts';
import { chinaToday } from '../calendar/days.ts';
import { assertInScope, scoped, subtreeOfUnitId } from '../auth/scope.ts';
import type { Platform } from '../platform.ts';
import { closeProblemInput, problemQuery, type ProblemUnitSummary, type ProblemView } from '../../../shared/schemas/problems.ts';

export async function problemRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const { db } = platform;
  const tags = ['问题池'];

  async function filtered(scope: Parameters<typeof scoped>[1], query: { unitId?: string; status?: string; source?: string }) {
    let q = scoped(db.selectFrom('problems as p').innerJoin('org_units as u', 'u.id', 'p.unit_id'), scope, 'p.unit_id');
    if (query.unitId) {
      q = q.where('p.unit_id', 'in', await subtreeOfUnitId(db, query.unitId));
    }
    if (query.status) q = q.where('p.status', '=', query.status);
    if (query.source) q = q.where('p.source_type', '=', query.source);
    return q;
  }

  route(api, {
    method: 'GET',
    url: '/problems',
    permission: 'problem.read',
    summary: '问题池：本人数据范围内各来源的问题（未整改的在前）',
    tags,
    query: problemQuery,
    handler: async ({ ctx, query }) => {
      const q = await filtered(ctx.scope, query);
      const [{ total }, rows] = await Promise.all([
        q.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow(),
        q.selectAll('p').select('u.name as unit_name').orderBy(sql`case when p.status = 'open' then 0 else 1 end`).orderBy(sql`case when p.severity = 'major' then 0 else 1 end`).orderBy('p.opened_on').orderBy('p.id').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
      ]);
      const items: ProblemView[] = rows.map((r) => ({ id: r.id, sourceType: r.source_type, sourceLabel: r.source_label, unitId: r.unit_id, unitName: r.unit_name, title: r.title, severity: r.severity as ProblemView['severity'], status: r.status as ProblemView['status'], openedOn: r.opened_on, closedOn: r.closed_on, link: r.link, closableByHand: r.closes_with_source === 0 && r.status === 'open', closeNote: r.close_note }));
      return { items, total: Number(total), page: query.page, pageSize: query.pageSize };
    },
  });

  route(api, {
    method: 'POST',
    url: '/problems/:id/close',
    permission: 'problem.manage',
    summary: '销号：单位已整改的问题（仅限不随来源记录自动销号的问题，如复议纠错）',
    tags,
    params: paramsWithId,
    body: closeProblemInput,
    handler: async ({ ctx, params, body }) => {
      const problem = await db.selectFrom('problems').selectAll().where('id', '=', params.id).executeTakeFirst();
      if (!problem) throw notFound('问题');
      assertInScope(ctx.scope, problem.unit_id, '问题');
      if (problem.closes_with_source === 1) throw conflict('该问题随来源记录的整改流程销号，不能直接销号');
      if (problem.status === 'closed') throw conflict('问题已销号');
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('problems').set({ status: 'closed', closed_on: chinaToday(), close_note: body.note, updated_at: nowIso() }).where('id', '=', params.id).execute();
        await platform.audit.record(tx, ctx, { action: 'problem.close', targetType: 'problem', targetId: params.id, detail: { note: body.note } });
      });
      return { ok: true };
    },
  });

  route(api, {
    method: 'GET',
    url: '/problems/by-unit',
    permission: 'problem.read',
    summary: '问题池按单位汇总（未整改、其中重大、已整改）',
    tags,
    handler: async ({ ctx }) => {
      const rows = await scoped(db.selectFrom('problems as p').innerJoin('org_units as u', 'u.id', 'p.unit_id'), ctx.scope, 'p.unit_id')
        .select(['p.unit_id', 'u.name as unit_name'])
        .select(sql<number>`sum(case when p.status = 'open' then 1 else 0 end)`.as('open'))
        .select(sql<number>`sum(case when p.status = 'open' and p.severity = 'major' then 1 else 0 end)`.as('major'))
        .select(sql<number>`sum(case when p.status = 'closed' then 1 else 0 end)`.as('closed'))
        .groupBy(['p.unit_id', 'u.name'])
        .execute();
      const items: ProblemUnitSummary[] = rows
        .map((r) => ({ unitId: r.unit_id, unitName: r.unit_name, open: Number(r.open), major: Number(r.major), closed: Number(r.closed) }))
        .sort((a, b) => b.open - a.open || b.major - a.major || a.unitName.localeCompare(b.unitName, 'zh-CN'));
      return { items };
    },
  });
}
