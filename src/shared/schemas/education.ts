// Legal education and study — 普法 / 学法 (domain.md §2.14): each unit's 普法责任清单 (谁执法谁普法)
// with its year-end 履职评议, the activities it holds, the 法律明白人 of every village (phones
// sealed) against a target per village, the 民主法治示范村（社区） with their two-yearly re-check, and
// the law-study sessions, trainings and exams of the government and its units.
import { z, text, labelledEnum } from '../zod.ts';
import { defineRecord, f, listQuery, updateInput, writes, type RecordView, type StatusView, type DueView } from '../records.ts';
import { stateLabels, statusFilter, steplessWorkflow, workflowOf } from '../workflow.ts';

export const PUFA_DUTY_RECORD_TYPE = 'pufa_duty';
export const PUFA_ACTIVITY_RECORD_TYPE = 'pufa_activity';
export const LEGAL_LITERATE_RECORD_TYPE = 'legal_literate';
export const MODEL_VILLAGE_RECORD_TYPE = 'model_village';
export const STUDY_SESSION_RECORD_TYPE = 'study_session';

export const DUTY_RESULTS = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' } as const;
export const ACTIVITY_KINDS = { lecture: '法治讲座', school: '进校园', community: '进社区', enterprise: '进企业', village: '进农村', live: '网络直播', arts: '文艺演出', month: '宣传月（日）', other: '其他' } as const;
export const VILLAGE_LEVELS = { national: '全国民主法治示范村（社区）', provincial: '省级民主法治示范村（社区）', city: '市级民主法治示范村（社区）' } as const;
export const STUDY_KINDS = { standing_meeting: '政府常务会议会前学法', party_group: '党组（党委）理论学习中心组学法', training: '领导干部法治培训', exam: '法治理论考试' } as const;
export const LITERATE_ROLES = ['村（社区）干部', '人民调解员', '网格员', '党员', '退役军人', '乡贤', '其他'] as const;
/** 法律明白人 per village by default (中央宣传部、司法部: every village at least 3 by 2025); the law office sets it. */
export const DEFAULT_LITERATES_PER_VILLAGE = 3;

export const PUFA_DUTY = defineRecord({
  type: PUFA_DUTY_RECORD_TYPE,
  title: '普法责任清单',
  table: 'pufa_duties',
  fields: {
    unitId: f.unit('责任单位', { required: true, list: true, filter: true }),
    year: f.integer('年度', { required: true, list: true, filter: true, sort: true }),
    laws: f.longText('重点普及的法律法规', { max: 2000, required: true, list: true, search: true, note: '“谁执法谁普法”：本单位执行的法律法规' }),
    actions: f.longText('年度普法措施', { max: 3000, required: true, export: true }),
    reviewResult: f.enum('评议结果', DUTY_RESULTS, { input: false, list: true, filter: true, sort: true }),
    reviewDate: f.date('评议日期', { input: false, list: true }),
    reviewNote: f.longText('评议意见', { max: 1000, input: false }),
  },
});

/** 普法责任清单: planned at the start of the year, rated at its end (履职评议) by the law office. */
export const PUFA_DUTY_WORKFLOW = workflowOf(PUFA_DUTY, {
  readPermission: 'education.read',
  linkPrefix: '/pufa-duties/',
  states: {
    planned: { label: '履职中', tone: 'processing' },
    reviewed: { label: '已评议', tone: 'success', final: true },
  },
  transitions: [
    { key: 'review', label: '年终履职评议', from: ['planned'], to: 'reviewed', roles: ['law_office'], ...writes({ reviewResult: labelledEnum(DUTY_RESULTS, '评议结果', 'reviewResult'), reviewNote: text('评议意见', 1000).optional() }), dateColumn: 'review_date' },
  ],
});

export const PUFA_ACTIVITY = defineRecord({
  type: PUFA_ACTIVITY_RECORD_TYPE,
  title: '普法活动',
  table: 'pufa_activities',
  fields: {
    title: f.text('活动名称', { max: 200, required: true, list: true, sort: true, search: true, detail: false, example: '“宪法进万家”主题宣传活动' }),
    unitId: f.unit('主办单位', { required: true, list: true, filter: true, example: 'SFX-D01' }),
    date: f.date('活动日期', { required: true, notAfterToday: true, list: true, filter: true, sort: true, example: '2025-12-04' }),
    kind: f.enum('活动形式', ACTIVITY_KINDS, { required: true, list: true, filter: true, sort: true, example: '进社区' }),
    audience: f.integer('受众人数', { required: true, list: true, sort: true, note: '人次，非负整数', example: '300' }),
    materials: f.text('发放资料', { max: 200, importName: false, note: '如 宣传册 500 份' }),
  },
});
/** Records entered as held: no steps; the workflow gives them evidence (photos, materials) and a timeline. */
export const PUFA_ACTIVITY_WORKFLOW = steplessWorkflow(PUFA_ACTIVITY, { readPermission: 'education.read', linkPrefix: '/pufa-activities/' }, { key: 'held', label: '已开展' });

export const LEGAL_LITERATE = defineRecord({
  type: LEGAL_LITERATE_RECORD_TYPE,
  title: '法律明白人',
  table: 'legal_literates',
  fields: {
    name: f.text('姓名', { max: 50, required: true, list: true, sort: true, search: true, example: '张明' }),
    unitId: f.unit('所在村（社区）', { required: true, list: true, filter: true, note: '村（社区）的单位编码', example: 'SFX-T04-V01' }),
    role: f.text('身份', { max: 50, suggest: LITERATE_ROLES, list: true, importName: false }),
    phone: f.phone('手机号码', { importName: false, list: true, note: '加密保存，列表中脱敏显示' }),
    trainedDate: f.date('培训日期', { required: true, notAfterToday: true, list: true, filter: true, sort: true, note: '参加法律明白人培训（登记在册）的日期', example: '2024-04-18' }),
    removedDate: f.date('退出日期', { input: false, importName: false, notBefore: ['trainedDate'], list: true }),
  },
});

export const LEGAL_LITERATE_WORKFLOW = workflowOf(LEGAL_LITERATE, {
  titleColumn: 'name',
  readPermission: 'education.read',
  linkPrefix: '/legal-literates/',
  states: {
    active: { label: '在册', tone: 'success' },
    removed: { label: '已退出', tone: 'default', final: true },
  },
  transitions: [{ key: 'remove', label: '退出名册', from: ['active'], to: 'removed', roles: ['law_office', 'unit_liaison', 'unit_head'], noteRequired: true, danger: true, secondary: true, dateColumn: 'removed_date' }],
});

export const MODEL_VILLAGE = defineRecord({
  type: MODEL_VILLAGE_RECORD_TYPE,
  title: '民主法治示范村（社区）',
  table: 'model_villages',
  fields: {
    unitId: f.unit('村（社区）', { required: true, list: true, filter: true, note: '须为村（社区）的单位编码', example: 'SFX-T04-V02' }),
    level: f.enum('命名级别', VILLAGE_LEVELS, { required: true, list: true, filter: true, sort: true, importNote: 'national/provincial/city 或 全国/省级/市级民主法治示范村（社区）', example: 'provincial' }),
    namedYear: f.integer('命名年度', { required: true, list: true, sort: true, note: '不晚于今年', example: '2021' }),
    lastRecheckDate: f.date('最近复核日期', { input: false, importName: false, list: true, sort: true }),
    revokedDate: f.date('撤销日期', { input: false, list: true, note: '可空；已撤销命名的填写', example: '' }),
  },
});

/** 民主法治示范村: named at a level in a year, re-checked every two years (a clock); 撤销 ends it. */
export const MODEL_VILLAGE_WORKFLOW = workflowOf(MODEL_VILLAGE, {
  readPermission: 'education.read',
  linkPrefix: '/model-villages/',
  states: {
    named: { label: '在册', tone: 'success' },
    revoked: { label: '已撤销', tone: 'default', final: true },
  },
  transitions: [
    { key: 'retain', label: '复核：保留', from: ['named'], to: 'named', roles: ['law_office'], dateColumn: 'last_recheck_date', effects: [{ restart: 'recheck', reason: '复核保留，重新计算下次复核期限' }] },
    { key: 'revoke', label: '复核：撤销', from: ['named'], to: 'revoked', roles: ['law_office'], noteRequired: true, danger: true, dateColumn: 'revoked_date', effects: [{ stop: 'recheck', reason: '复核撤销命名' }] },
  ],
});

export const STUDY_SESSION = defineRecord({
  type: STUDY_SESSION_RECORD_TYPE,
  title: '学法活动',
  table: 'study_sessions',
  fields: {
    topic: f.text('主题', { max: 200, required: true, list: true, sort: true, search: true, detail: false, example: '学习《中华人民共和国行政复议法》' }),
    unitId: f.unit('组织单位', { required: true, list: true, filter: true, example: 'SFX' }),
    date: f.date('日期', { required: true, notAfterToday: true, list: true, filter: true, sort: true, example: '2025-03-12' }),
    kind: f.enum('类别', STUDY_KINDS, { required: true, list: true, filter: true, sort: true, importNote: 'standing_meeting/party_group/training/exam 或 中文名称', example: 'standing_meeting' }),
    attendance: f.integer('参加人数', { required: true, list: true, sort: true, note: '人次，正整数', example: '25' }),
    passed: f.integer('考试合格人数', { importName: false, list: true, note: '仅法治理论考试；不超过参加人数' }),
    speaker: f.text('授课人', { max: 100, importName: false }),
  },
});
export const STUDY_SESSION_WORKFLOW = steplessWorkflow(STUDY_SESSION, { titleColumn: 'topic', readPermission: 'education.read', linkPrefix: '/study-sessions/' }, { key: 'held', label: '已举办' });

export const modelVillageUpdate = updateInput(MODEL_VILLAGE, {}, ['level', 'namedYear']);
/** What a correction of a duty list may change: its laws and measures (the unit and the year, and so its title, stay). */
export const PUFA_DUTY_CORRECTABLE = ['laws', 'actions'] as const;
export const pufaDutyUpdate = updateInput(PUFA_DUTY, {}, PUFA_DUTY_CORRECTABLE);

export const pufaDutyListQuery = listQuery(PUFA_DUTY, statusFilter(PUFA_DUTY_WORKFLOW));
export const pufaActivityListQuery = listQuery(PUFA_ACTIVITY);
export const legalLiterateListQuery = listQuery(LEGAL_LITERATE, statusFilter(LEGAL_LITERATE_WORKFLOW));
export const modelVillageListQuery = listQuery(MODEL_VILLAGE, statusFilter(MODEL_VILLAGE_WORKFLOW));
export const studySessionListQuery = listQuery(STUDY_SESSION);

export const PUFA_DUTY_STATUSES = stateLabels(PUFA_DUTY_WORKFLOW);

type Base = StatusView & { title: string; unitName: string };
export type PufaDutyView = RecordView<typeof PUFA_DUTY.fields> & Base;
export type PufaActivityView = RecordView<typeof PUFA_ACTIVITY.fields> & Base;
export type LegalLiterateView = RecordView<typeof LEGAL_LITERATE.fields> & Base & { townName: string | null };
export type ModelVillageView = RecordView<typeof MODEL_VILLAGE.fields> & Base & DueView & { townName: string | null };
export type StudySessionView = RecordView<typeof STUDY_SESSION.fields> & Base;

/** The law office's settings of legal education. */
export const educationSettingsInput = z.strictObject({
  literatesPerVillage: z.number({ error: '每村（社区）法律明白人目标数（literatesPerVillage）应为整数' }).int({ error: '每村（社区）法律明白人目标数（literatesPerVillage）应为整数' }).min(1, { error: '每村（社区）法律明白人目标数（literatesPerVillage）至少为 1' }).max(100, { error: '每村（社区）法律明白人目标数（literatesPerVillage）不能超过 100' }).meta({ title: '每村（社区）法律明白人目标数' }),
});
export type EducationSettings = z.infer<typeof educationSettingsInput>;

export const coverageQuery = z.strictObject({
  year: z.coerce.number({ error: '年度（year）应为整数' }).int().min(2000, { error: '年度（year）不能早于 2000' }).max(2100, { error: '年度（year）不能晚于 2100' }).optional().meta({ title: '年度（年末在册）' }),
  townId: z.string().trim().max(64).optional().meta({ title: '乡镇（街道）' }),
});

/** 法律明白人 coverage of one village at the end of the year, against the target. */
export interface VillageCoverage {
  unitId: string;
  unitName: string;
  unitCode: string;
  townId: string | null;
  townName: string | null;
  count: number;
  meets: boolean;
}

export interface Coverage {
  year: number;
  target: number;
  villages: VillageCoverage[];
  /** Villages meeting the target, of all villages shown; people registered in them. */
  meeting: number;
  total: number;
  people: number;
}
