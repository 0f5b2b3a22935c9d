import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../kernel/platform.ts';
import { plainRoutes } from '../../kernel/records/plain.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import { AUDIT_FINDING, AUDIT_PROJECT, auditFindingListQuery, auditFindingUpdate, auditProjectListQuery, auditProjectUpdate, type AuditFindingView, type AuditProjectView } from '../../../shared/schemas/audits.ts';
import { findings, projects } from './audits.ts';

export async function auditRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['审计监督'];
  const permissions = { create: 'audits.manage', read: 'audits.read' };
  plainRoutes(api, platform, projects, {
    url: '/audit-projects', tags, permissions, sheet: '审计项目',
    summaries: { list: '审计项目（经济责任、政策跟踪、预算执行、投资、专项）', export: '按当前筛选导出审计项目台账（.xlsx）', create: '登记审计项目', read: '审计项目详情（含发现问题数、金额）', update: '更正审计项目' },
    query: auditProjectListQuery, body: AUDIT_PROJECT.create, update: auditProjectUpdate,
    columns: exportColumns<AuditProjectView>(AUDIT_PROJECT, [
      { header: '发现问题（个）', width: 12, value: (p) => p.findings },
      { header: '涉及金额（元）', width: 14, value: (p) => p.amountFen / 100 },
      { header: '未销号问题（个）', width: 12, value: (p) => p.open },
    ]),
  });
  plainRoutes(api, platform, findings, {
    url: '/audit-findings', tags, permissions, sheet: '审计发现问题',
    summaries: { list: '审计发现问题及整改', export: '按当前筛选导出审计发现问题整改台账（.xlsx）', create: '登记审计发现问题（进入被审计单位问题池）', read: '审计发现问题详情', update: '更正审计发现问题（描述、类别、金额）' },
    query: auditFindingListQuery, body: AUDIT_FINDING.create, update: auditFindingUpdate,
    columns: exportColumns<AuditFindingView>(AUDIT_FINDING, [{ header: '状态', width: 12, value: (f) => f.statusLabel }]),
  });
}
