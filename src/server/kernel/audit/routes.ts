// The audit administrator's view of the log: filter, page, verify. No route changes a row.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { auditQuery, type AuditRow } from '../../../shared/schemas/audit.ts';
import { route } from '../http/route.ts';
import { likeEscape } from '../db/index.ts';
import type { Platform } from '../platform.ts';
import { describeTargets } from './targets.ts';

export async function auditRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const { db } = platform;

  route(api, {
    method: 'GET',
    url: '/audit',
    permission: 'audit.read',
    summary: '查询审计日志（按时间倒序，可筛选、分页）',
    tags: ['审计'],
    query: auditQuery,
    handler: async ({ query }) => {
      let q = db.selectFrom('audit_log as a').leftJoin('org_units as o', 'o.id', 'a.unit_id');
      if (query.from) q = q.where('a.at', '>=', query.from);
      if (query.to) q = q.where('a.at', '<', query.to.length === 10 ? `${query.to}T99` : query.to);
      if (query.actor) q = q.where(sql<boolean>`a.actor_name like ${'%' + likeEscape(query.actor) + '%'} escape '\\'`);
      if (query.action) q = q.where(sql<boolean>`a.action like ${likeEscape(query.action) + '%'} escape '\\'`);
      if (query.outcome) q = q.where('a.outcome', '=', query.outcome);
      if (query.targetType) q = q.where('a.target_type', '=', query.targetType);
      if (query.targetId) q = q.where('a.target_id', '=', query.targetId);
      if (query.ip) q = q.where('a.ip', '=', query.ip);
      const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await q
        .selectAll('a')
        .select('o.name as unit_name')
        .orderBy('a.seq', 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute();
      const targets = await describeTargets(platform, rows.map((r) => ({ targetType: r.target_type, targetId: r.target_id })));
      const items: AuditRow[] = rows.map((r) => ({
        seq: r.seq,
        at: r.at,
        actorId: r.actor_id,
        actorName: r.actor_name,
        actorRoles: r.actor_roles,
        unitId: r.unit_id,
        unitName: r.unit_name,
        ip: r.ip,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        targetLabel: r.target_type ? (targets.get(r.target_type)?.label ?? null) : null,
        targetName: r.target_type && r.target_id ? (targets.get(`${r.target_type}:${r.target_id}`)?.name ?? null) : null,
        outcome: r.outcome,
        detail: r.detail ? JSON.parse(r.detail) : null,
      }));
      return { items, total: Number(total), page: query.page, pageSize: query.pageSize };
    },
  });

  route(api, {
    method: 'POST',
    url: '/audit/verify',
    permission: 'audit.read',
    summary: '校验审计日志哈希链的完整性',
    tags: ['审计'],
    handler: async ({ ctx }) => {
      const result = await platform.audit.verify(db);
      await platform.audit.record(db, ctx, { action: 'audit.verify', targetType: 'audit_log', outcome: result.ok ? 'success' : 'failure', detail: result });
      return result;
    },
  });
}
