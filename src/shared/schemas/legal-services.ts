// Public legal services — 公共法律服务 (domain.md §2.14): legal-aid cases (received, approved or
// refused, closed; wages recovered in fen), notarisations and consultations counted by month, and the
// service stations (e.g. for the elderly) with their staff.
import { z } from '../zod.ts';
import { defineRecord, f, listQuery, updateInput, writes, type RecordView, type StatusView } from '../records.ts';
import { stateLabels, statusFilter, steplessWorkflow, workflowOf } from '../workflow.ts';
import { OFFICE_AND_UNIT } from '../roles.ts';

export const LEGAL_AID_RECORD_TYPE = 'legal_aid_case';
export const NOTARIZATION_RECORD_TYPE = 'notarization';
export const CONSULTATION_RECORD_TYPE = 'legal_consultation';
export const STATION_RECORD_TYPE = 'legal_service_station';

export const AID_DECISIONS = { approved: '给予法律援助', refused: '不予法律援助' } as const;
export const AID_MATTERS = ['劳动争议（追索劳动报酬）', '婚姻家庭', '人身损害赔偿', '交通事故', '医疗纠纷', '刑事辩护', '刑事代理', '其他'] as const;
export const NOTARY_KINDS = { civil: '民事', economic: '经济', foreign: '涉外', other: '其他' } as const;
export const CONSULT_CHANNELS = { hotline: '12348热线', online: '网络平台', walk_in: '窗口来访', station: '村（社区）工作站' } as const;
export const STATION_KINDS = { center: '公共法律服务中心', station: '公共法律服务工作站', room: '村（社区）公共法律服务室', elderly: '老年人法律服务站' } as const;

const fen = (label: string) => z.number({ error: `${label}应为整数（分）` }).int({ error: `${label}应为整数（分）` }).min(0, { error: `${label}不能为负数` }).meta({ title: label });

export const LEGAL_AID_CASE = defineRecord({
  type: LEGAL_AID_RECORD_TYPE,
  title: '法律援助案件',
  table: 'legal_aid_cases',
  fields: {
    receivedDate: f.date('受理日期', { required: true, notAfterToday: true, list: true, filter: true, sort: true, example: '2025-03-02' }),
    unitId: f.unit('承办单位', { required: true, list: true, filter: true, note: '法律援助中心或工作站所在单位编码', example: 'SFX-D01' }),
    matter: f.text('案由', { max: 100, suggest: AID_MATTERS, list: true, sort: true, search: true, importName: false }),
    applicant: f.text('受援人', { max: 50, search: true, importName: false }),
    decision: f.enum('审查结果', AID_DECISIONS, { input: false, importName: false, list: true, filter: true }),
    decidedDate: f.date('审查决定日期', { input: false, importName: false, notBefore: ['receivedDate'] }),
    closedDate: f.date('结案日期', { input: false, notBefore: ['receivedDate'], list: true, sort: true, note: '可空（未结案）；不能早于受理日期', example: '2025-06-30' }),
    wagesRecoveredFen: f.money('挽回（追回）工资', { input: false, list: true, sort: true, note: '单位：分（整数）；结案时填写', example: '3600000' }),
  },
});

/** What a correction of an aid case's intake may change (not the unit that handles it; the rest moves through its workflow). */
export const LEGAL_AID_CORRECTABLE = ['receivedDate', 'matter', 'applicant'] as const;
export const legalAidUpdate = updateInput(LEGAL_AID_CASE, {}, LEGAL_AID_CORRECTABLE);

/** 法律援助: received → approved (援助中) → closed, or refused. */
export const LEGAL_AID_WORKFLOW = workflowOf(LEGAL_AID_CASE, {
  readPermission: 'legal_services.read',
  linkPrefix: '/legal-aid/',
  states: {
    received: { label: '已受理待审查', tone: 'processing' },
    approved: { label: '援助中', tone: 'processing' },
    refused: { label: '不予援助', tone: 'default', final: true },
    closed: { label: '已结案', tone: 'success', final: true },
  },
  transitions: [
    { key: 'approve', label: '决定给予法律援助', from: ['received'], to: 'approved', roles: OFFICE_AND_UNIT, dateColumn: 'decided_date' },
    { key: 'refuse', label: '决定不予法律援助', from: ['received'], to: 'refused', roles: OFFICE_AND_UNIT, noteRequired: true, danger: true, dateColumn: 'decided_date' },
    { key: 'close', label: '结案', from: ['approved'], to: 'closed', roles: OFFICE_AND_UNIT, ...writes({ wagesRecoveredFen: fen('挽回（追回）工资').optional() }), dateColumn: 'closed_date' },
  ],
});
export const LEGAL_AID_STATUSES = stateLabels(LEGAL_AID_WORKFLOW);

export const NOTARIZATION = defineRecord({
  type: NOTARIZATION_RECORD_TYPE,
  title: '公证办理统计',
  table: 'notarizations',
  fields: {
    unitId: f.unit('公证机构所在单位', { required: true, list: true, filter: true, example: 'SFX-D01' }),
    month: f.text('月份', { max: 7, required: true, list: true, sort: true, note: 'YYYY-MM，不晚于本月', example: '2025-03' }),
    kind: f.enum('公证类别', NOTARY_KINDS, { importName: false, list: true, filter: true, note: '可空（不分类别的合计）' }),
    count: f.integer('办理件数', { required: true, list: true, sort: true, note: '非负整数', example: '168' }),
  },
});
export const NOTARIZATION_WORKFLOW = steplessWorkflow(NOTARIZATION, { readPermission: 'legal_services.read', linkPrefix: '/notarizations/' }, { key: 'recorded', label: '已统计' });

export const CONSULTATION = defineRecord({
  type: CONSULTATION_RECORD_TYPE,
  title: '法律咨询统计',
  table: 'legal_consultations',
  fields: {
    unitId: f.unit('服务单位', { required: true, list: true, filter: true }),
    month: f.text('月份', { max: 7, required: true, list: true, sort: true, note: 'YYYY-MM，不晚于本月' }),
    channel: f.enum('咨询渠道', CONSULT_CHANNELS, { required: true, list: true, filter: true, sort: true }),
    count: f.integer('咨询人次', { required: true, list: true, sort: true }),
  },
});
export const CONSULTATION_WORKFLOW = steplessWorkflow(CONSULTATION, { readPermission: 'legal_services.read', linkPrefix: '/legal-consultations/' }, { key: 'recorded', label: '已统计' });

export const SERVICE_STATION = defineRecord({
  type: STATION_RECORD_TYPE,
  title: '公共法律服务站点',
  table: 'legal_service_stations',
  fields: {
    name: f.text('站点名称', { max: 100, required: true, list: true, sort: true, search: true, detail: false }),
    unitId: f.unit('所在单位', { required: true, list: true, filter: true }),
    kind: f.enum('站点类型', STATION_KINDS, { required: true, list: true, filter: true, sort: true }),
    staffCount: f.integer('工作人员数', { required: true, list: true, sort: true }),
    establishedDate: f.date('设立日期', { required: true, notAfterToday: true, list: true, sort: true }),
    address: f.text('地址', { max: 200 }),
    closedDate: f.date('撤并日期', { input: false, notBefore: ['establishedDate'], list: true }),
  },
});

export const STATION_WORKFLOW = workflowOf(SERVICE_STATION, {
  titleColumn: 'name',
  readPermission: 'legal_services.read',
  linkPrefix: '/legal-service-stations/',
  states: {
    active: { label: '运行中', tone: 'success' },
    closed: { label: '已撤并', tone: 'default', final: true },
  },
  transitions: [{ key: 'close', label: '撤并站点', from: ['active'], to: 'closed', roles: ['law_office'], noteRequired: true, danger: true, secondary: true, dateColumn: 'closed_date' }],
});

const year = { year: z.coerce.number({ error: '年度（year）应为整数' }).int().min(1949, { error: '年度（year）不能早于 1949' }).max(2100, { error: '年度（year）不能晚于 2100' }).optional().meta({ title: '年度（按月份）' }) };
export const legalAidListQuery = listQuery(LEGAL_AID_CASE, statusFilter(LEGAL_AID_WORKFLOW));
export const notarizationListQuery = listQuery(NOTARIZATION, year);
export const consultationListQuery = listQuery(CONSULTATION, year);
export const stationListQuery = listQuery(SERVICE_STATION, statusFilter(STATION_WORKFLOW));

type Base = StatusView & { title: string; unitName: string };
export type LegalAidView = RecordView<typeof LEGAL_AID_CASE.fields> & Base;
export type NotarizationView = RecordView<typeof NOTARIZATION.fields> & Base;
export type ConsultationView = RecordView<typeof CONSULTATION.fields> & Base;
export type StationView = RecordView<typeof SERVICE_STATION.fields> & Base;
