// The audit administrator's view of the log: filter, page, export, verify. No route changes a row.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, auditQuery, type AuditQuery, type AuditRow } from '../../../shared/schemas/audit.ts';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { chinaTime } from '../../../shared/records.ts';
import { route } from '../http/route.ts';
import { likeEscape } from '../db/index.ts';
import { exportRoute } from '../exports/xlsx.ts';
import type { Platform } from '../platform.ts';
import { describeTargets } from './targets.ts';
import { countyScope, scoped, type DataScope } from '../auth/scope.ts';

/** The most rows one export writes (a filter narrows a larger log). */
const EXPORT_LIMIT = 100_000;

/** The log keeps UTC timestamps; a date in a filter is a day in Beijing (UTC+8), as the page shows times. */
const beijingDayStart = (date: string, days = 0) => new Date(Date.parse(`${date.slice(0, 10)}T00:00:00+08:00`) + days * 86_400_000).toISOString();

export async function auditRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const { db } = platform;

  /**
   * One page of the log (newest first) as the viewer shows it, and the count the filters match. In a
   * province a county's audit administrator reads what its county's people did; the province's, all.
   */
  async function auditRows(scope: DataScope, query: AuditQuery, limit: number, offset: number): Promise<{ items: AuditRow[]; total: number }> {
    let q = scoped(db.selectFrom('audit_log as a').leftJoin('org_units as o', 'o.id', 'a.unit_id'), countyScope(scope), 'a.unit_id');
    if (query.from) q = q.where('a.at', '>=', query.from.length === 10 ? beijingDayStart(query.from) : new Date(query.from).toISOString());
    if (query.to) q = q.where('a.at', '<', query.to.length === 10 ? beijingDayStart(query.to, 1) : new Date(query.to).toISOString());
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
      .limit(limit)
      .offset(offset)
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
    return { items, total: Number(total) };
  }

  route(api, {
    method: 'GET',
    url: '/audit',
    permission: 'audit.read',
    summary: '查询审计日志（按时间倒序，可筛选、分页）',
    tags: ['审计'],
    query: auditQuery,
    handler: async ({ ctx, query }) => ({ ...(await auditRows(ctx.scope, query, query.pageSize, (query.page - 1) * query.pageSize)), page: query.page, pageSize: query.pageSize }),
  });

  exportRoute<AuditQuery, AuditRow>(api, platform, {
    url: '/audit/export',
    permission: 'audit.read',
    summary: `导出审计日志（按筛选条件，最多 ${EXPORT_LIMIT} 条）`,
    tags: ['审计'],
    query: auditQuery,
    sheet: '审计日志',
    targetType: 'audit_log',
    columns: [
      { header: '序号', width: 10, value: (r) => r.seq },
      { header: '时间', width: 20, value: (r) => chinaTime(r.at) },
      { header: '操作人', width: 18, value: (r) => r.actorName },
      { header: '角色', width: 18, value: (r) => r.actorRoles.split(',').filter(Boolean).map((x) => ROLES[x as Role] ?? (x === 'system' ? '系统' : x)).join('、') },
      { header: '单位', width: 24, value: (r) => r.unitName },
      { header: 'IP 地址', width: 16, value: (r) => r.ip },
      { header: '操作', width: 20, value: (r) => AUDIT_ACTIONS[r.action] ?? r.action },
      { header: '操作代码', width: 22, value: (r) => r.action },
      { header: '对象', width: 30, value: (r) => (r.targetType ? [r.targetLabel ?? '其他', r.targetName].filter(Boolean).join(' · ') : null) },
      { header: '对象编号', width: 28, value: (r) => r.targetId },
      { header: '结果', width: 8, value: (r) => AUDIT_OUTCOMES[r.outcome] ?? r.outcome },
      { header: '详情', width: 60, value: (r) => (r.detail ? JSON.stringify(r.detail) : null) },
    ],
    rows: async (ctx, query) => (await auditRows(ctx.scope, query, EXPORT_LIMIT, 0)).items,
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
