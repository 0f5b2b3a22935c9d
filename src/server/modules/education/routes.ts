import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../kernel/platform.ts';
import { route } from '../../kernel/http/route.ts';
import { plainRoutes } from '../../kernel/records/plain.ts';
import { unmaskRoute } from '../../kernel/records/routes.ts';
import { exportColumns } from '../../kernel/exports/from-record.ts';
import {
  LEGAL_LITERATE, MODEL_VILLAGE, PUFA_ACTIVITY, PUFA_DUTY, STUDY_SESSION, coverageQuery, educationSettingsInput, legalLiterateListQuery, modelVillageListQuery, modelVillageUpdate, pufaActivityListQuery, pufaDutyListQuery, pufaDutyUpdate,
  studySessionListQuery, type LegalLiterateView, type ModelVillageView, type PufaDutyView,
} from '../../../shared/schemas/education.ts';
import { activities, coverage, duties, literates, modelVillages, educationSettings, sessions, unmaskLiterate } from './education.ts';

export async function educationRoutes(api: FastifyInstance, platform: Platform): Promise<void> {
  const tags = ['普法学法'];
  const permissions = { create: 'education.manage', read: 'education.read' };
  const status = (label: string) => ({ header: label, width: 10, value: (r: { statusLabel: string }) => r.statusLabel });
  plainRoutes(api, platform, duties, {
    url: '/pufa-duties', tags, permissions, sheet: '普法责任清单',
    summaries: { list: '普法责任清单（谁执法谁普法）', export: '按当前筛选导出普法责任清单（.xlsx）', create: '制定本单位年度普法责任清单', read: '普法责任清单详情', update: '修改普法责任清单' },
    query: pufaDutyListQuery, body: PUFA_DUTY.create, update: pufaDutyUpdate,
    columns: exportColumns<PufaDutyView>(PUFA_DUTY, [status('状态')]),
  });
  plainRoutes(api, platform, activities, {
    url: '/pufa-activities', tags, permissions, sheet: '普法活动',
    summaries: { list: '普法活动', export: '按当前筛选导出普法活动台账（.xlsx）', create: '登记普法活动', read: '普法活动详情', update: '更正普法活动' },
    query: pufaActivityListQuery, body: PUFA_ACTIVITY.create, update: PUFA_ACTIVITY.update,
  });
  route(api, { method: 'GET', url: '/legal-literates/coverage', permission: 'education.read', summary: '法律明白人村（社区）覆盖情况（年末在册人数对照每村目标数）', tags, query: coverageQuery, handler: async ({ ctx, query }) => coverage(platform, ctx.scope, query) });
  plainRoutes(api, platform, literates, {
    url: '/legal-literates', tags, permissions, sheet: '法律明白人',
    summaries: { list: '法律明白人名册（手机号码脱敏）', export: '按当前筛选导出法律明白人名册（.xlsx，不含手机号码）', create: '登记法律明白人', read: '法律明白人详情', update: '更正法律明白人信息' },
    query: legalLiterateListQuery, body: LEGAL_LITERATE.create, update: LEGAL_LITERATE.update,
    columns: exportColumns<LegalLiterateView>(LEGAL_LITERATE, [{ header: '所属乡镇（街道）', width: 16, value: (l) => l.townName }, status('状态')]),
  });
  unmaskRoute(api, { url: '/legal-literates', tags, summary: '查看法律明白人完整手机号码（记入审计日志）' }, (ctx, id, field) => unmaskLiterate(platform, ctx, id, field));
  plainRoutes(api, platform, modelVillages, {
    url: '/model-villages', tags, permissions: { create: 'education.villages', read: 'education.read' }, sheet: '民主法治示范村',
    summaries: { list: '民主法治示范村（社区）及复核期限', export: '按当前筛选导出民主法治示范村（社区）名录（.xlsx）', create: '登记民主法治示范村（社区）（开始两年一次的复核期限）', read: '民主法治示范村（社区）详情', update: '更正命名级别、年度' },
    query: modelVillageListQuery, body: MODEL_VILLAGE.create, update: modelVillageUpdate,
    columns: exportColumns<ModelVillageView>(MODEL_VILLAGE, [{ header: '下次复核期限', width: 14, value: (v) => v.due }, status('状态')]),
  });
  plainRoutes(api, platform, sessions, {
    url: '/study-sessions', tags, permissions, sheet: '学法活动',
    summaries: { list: '学法活动（常务会议学法、中心组学法、领导干部法治培训、法治理论考试）', export: '按当前筛选导出学法台账（.xlsx）', create: '登记学法活动', read: '学法活动详情', update: '更正学法活动' },
    query: studySessionListQuery, body: STUDY_SESSION.create, update: STUDY_SESSION.update,
  });
  educationSettings.routes(api, platform, { url: '/education-settings', tags, permissions: { read: 'education.read', update: 'education.settings' }, summaries: { read: '普法设置（每村法律明白人目标数）', update: '修改普法设置' }, body: educationSettingsInput });
}
