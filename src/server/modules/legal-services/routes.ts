import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../kernel/platform.ts';
import { plainRoutes } from '../../kernel/records/plain.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import {
  CONSULTATION, LEGAL_AID_CASE, NOTARIZATION, SERVICE_STATION, consultationListQuery, legalAidListQuery, legalAidUpdate, notarizationListQuery, stationListQuery, type LegalAidView, type StationView,
} from '../../../shared/schemas/legal-services.ts';
import { aidCases, consultations, notarizations, stations } from './services.ts';

export async function legalServicesRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['公共法律服务'];
  const permissions = { create: 'legal_services.manage', read: 'legal_services.read' };
  const status = { header: '状态', width: 10, value: (r: { statusLabel: string }) => r.statusLabel };
  plainRoutes(api, platform, aidCases, {
    url: '/legal-aid-cases', tags, permissions, sheet: '法律援助案件',
    summaries: { list: '法律援助案件', export: '按当前筛选导出法律援助案件台账（.xlsx）', create: '受理法律援助申请', read: '法律援助案件详情', update: '更正法律援助案件受理信息' },
    query: legalAidListQuery, body: LEGAL_AID_CASE.create, update: legalAidUpdate,
    columns: exportColumns<LegalAidView>(LEGAL_AID_CASE, [status]),
  });
  plainRoutes(api, platform, notarizations, {
    url: '/notarizations', tags, permissions, sheet: '公证办理统计',
    summaries: { list: '公证办理件数（按月、类别）', export: '按当前筛选导出公证办理统计（.xlsx）', create: '登记某月公证办理件数', read: '公证办理统计详情', update: '更正公证办理件数' },
    query: notarizationListQuery, body: NOTARIZATION.create, update: NOTARIZATION.update,
  });
  plainRoutes(api, platform, consultations, {
    url: '/legal-consultations', tags, permissions, sheet: '法律咨询统计',
    summaries: { list: '法律咨询人次（按月、渠道）', export: '按当前筛选导出法律咨询统计（.xlsx）', create: '登记某月某渠道法律咨询人次', read: '法律咨询统计详情', update: '更正法律咨询人次' },
    query: consultationListQuery, body: CONSULTATION.create, update: CONSULTATION.update,
  });
  plainRoutes(api, platform, stations, {
    url: '/legal-service-stations', tags, permissions, sheet: '公共法律服务站点',
    summaries: { list: '公共法律服务站点（含老年人法律服务站）', export: '按当前筛选导出公共法律服务站点（.xlsx）', create: '登记公共法律服务站点', read: '公共法律服务站点详情', update: '更正公共法律服务站点' },
    query: stationListQuery, body: SERVICE_STATION.create, update: SERVICE_STATION.update,
    columns: exportColumns<StationView>(SERVICE_STATION, [status]),
  });
}
