import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../kernel/platform.ts';
import { changeRoute, recordRoutes } from '../../kernel/records/routes.ts';
import { LITIGATION_CASE, LITIGATION_HEARING, litigationListQuery, lossAnalysisInput, type LitigationCaseView } from '../../../shared/schemas/litigation.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import { addHearing, createLitigationCase, getLitigationCase, listLitigationCases, setLossAnalysis } from './litigation.ts';

export async function litigationRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['行政应诉'];
  const url = '/litigation-cases';
  const read = recordRoutes(api, platform, LITIGATION_CASE, {
    url, tags, permissions: { create: 'litigation.manage', read: 'litigation.read' }, sheet: '行政应诉案件',
    summaries: { list: '行政应诉案件', export: '按当前筛选导出应诉案件台账（.xlsx）', create: '登记应诉案件（自收到起诉状副本之日起15日内答辩）', read: '应诉案件详情' },
    columns: exportColumns<LitigationCaseView>(LITIGATION_CASE, [
      { header: '答辩期限', width: 12, value: (c) => c.defenceDue },
      { header: '开庭/负责人出庭', width: 14, value: (c) => `${c.hearings}/${c.headAppearances}` },
      { header: '状态', width: 12, value: (c) => c.statusLabel },
    ]),
    query: litigationListQuery, body: LITIGATION_CASE.create, records: { list: listLitigationCases, create: createLitigationCase, get: getLitigationCase },
  });

  const manage = { permission: 'litigation.manage', tags };
  changeRoute(api, { method: 'POST', url: `${url}/:id/hearings`, summary: '登记开庭（负责人是否出庭）', body: LITIGATION_HEARING.create, ...manage }, (ctx, id, body) => addHearing(platform, ctx, id, body), read);
  changeRoute(api, { method: 'PUT', url: `${url}/:id/analysis`, summary: '填写败诉原因剖析', body: lossAnalysisInput, ...manage }, (ctx, id, body) => setLossAnalysis(platform, ctx, id, body), read);
}
