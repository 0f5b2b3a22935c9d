// Administrative reconsideration — 行政复议 (domain.md §2.8; 行政复议法 2023): inputs, views, workflow.
import { z, text, version, labelledEnum } from '../zod.ts';
import { defineRecord, f, listQuery, writes, type RecordView, type StatusView } from '../records.ts';
import { stateLabels, statusFilter, stops, workflowOf } from '../workflow.ts';
import type { ClockView } from './calendar.ts';

export const REVIEW_RECORD_TYPE = 'review_case';

export const REVIEW_CHANNELS = { window: '窗口', mail: '邮寄', online: '网上' } as const;
export const REVIEW_PROCEDURES = { normal: '普通程序', simple: '简易程序' } as const;
export const DECISIONS = {
  maintained: '维持',
  revoked: '撤销',
  altered: '变更',
  confirmed_illegal: '确认违法',
  ordered_to_perform: '责令履行',
  confirmed_void: '确认无效',
  dismissed: '驳回',
} as const;
export const TERMINATIONS = { mediated: '调解结案', settled: '和解结案', withdrawn: '撤回申请终止' } as const;
export const REVIEW_OUTCOMES = { ...DECISIONS, ...TERMINATIONS, not_accepted: '不予受理' } as const;
export type ReviewOutcome = keyof typeof REVIEW_OUTCOMES;
/** 撤销/变更/确认违法/责令履行/确认无效 are corrections (纠错) of the respondent's act. */
export const CORRECTIONS: readonly ReviewOutcome[] = ['revoked', 'altered', 'confirmed_illegal', 'ordered_to_perform', 'confirmed_void'];

export const APPLICANT_KINDS = { person: '自然人', organisation: '法人或其他组织' } as const;

/**
 * 行政复议案件: what intake records (the applicant's ID number and phone stored sealed, shown masked)
 * and what the workflow sets (acceptance, procedure, copy, reply, closure, outcome). One line each
 * field; the input, ledger query, view, import, export and pages derive from it.
 */
export const REVIEW_CASE = defineRecord({
  type: REVIEW_RECORD_TYPE,
  title: '复议案件',
  table: 'review_cases',
  fields: {
    unitId: f.unit('复议机关', { required: true, filter: true, note: '受理复议的机关', example: 'SFX' }),
    caseNumber: f.text('复议案号', { max: 64, input: false, importName: false, list: true, sort: true, search: true, note: '受理或不予受理时按编号规则自动编号' }),
    applicantName: f.text('申请人', { max: 100, required: true, list: true, sort: true, search: true, importName: 'applicant', example: '张某' }),
    applicantKind: f.enum('申请人类型', APPLICANT_KINDS, { required: true, importName: false }),
    applicantIdNumber: f.idNumber('身份证号码', { column: 'applicant_id_enc', importName: false, note: '加密保存，列表中脱敏显示' }),
    applicantPhone: f.phone('手机号码', { column: 'applicant_phone_enc', importName: false }),
    respondent: f.text('被申请人', { max: 100, required: true, list: true, sort: true, search: true, example: '示范县市场监督管理局' }),
    respondentUnitId: f.unit('被申请人（本级单位）', { display: 'respondentUnitName', importName: false, export: false, note: '选择后，纠错决定将进入该单位的问题池' }),
    act: f.text('被申请的行政行为', { max: 500, required: true, list: true, search: true, example: '行政处罚决定书（示市监罚〔2025〕12号）' }),
    // What the application asks for and why (行政复议法 art. 22: 申请书载明复议请求、事实和理由).
    reviewRequest: f.longText('复议请求', { max: 1000, importName: false, export: false, example: '请求撤销示市监罚〔2025〕12号行政处罚决定' }),
    factsAndReasons: f.longText('事实和理由', { max: 3000, importName: false, export: false }),
    receivedDate: f.date('收到日期', { basis: '《中华人民共和国行政复议法》（2023年修订）第三十条：收到申请后5个工作日内审查决定是否受理', required: true, notAfterToday: true, list: true, filter: true, sort: true, example: '2025-03-02' }),
    channel: f.enum('申请方式', REVIEW_CHANNELS, { required: true, sort: true, example: '窗口' }),
    acceptedDate: f.date('受理日期', { basis: '《中华人民共和国行政复议法》第四十八条、第六十二条：自受理之日起7个工作日内发送申请书副本，60日内（简易程序30日内）作出决定', input: false, notBefore: ['receivedDate'], sort: true, note: '不早于收到日期', example: '2025-03-06' }),
    procedure: f.enum('审理程序', REVIEW_PROCEDURES, { input: false, sort: true, importNote: 'normal/simple 或 普通程序/简易程序', note: '已受理的必填', example: '普通程序' }),
    copySentDate: f.date('发送副本日期', { input: false, notBefore: ['acceptedDate'], importName: false, export: false }),
    replyDate: f.date('被申请人答复日期', { input: false, notBefore: ['copySentDate'], importName: false, export: false }),
    closedDate: f.date('结案日期', { basis: '《中华人民共和国行政复议法》第六十二条', input: false, notBefore: ['acceptedDate', 'receivedDate'], list: true, sort: true, note: '不早于受理（或收到）日期', example: '2025-04-20' }),
    outcome: f.enum('结果', REVIEW_OUTCOMES, { input: false, list: true, filter: true, sort: true, example: '维持' }),
    committeeOpinion: f.longText('咨询委员会意见', { input: false, importName: false, export: false }),
    concernsDisclosure: f.boolean('涉及政府信息公开', { filter: true, note: '计入被申请人政府信息公开工作年度报告表四', example: '否' }),
  },
});

export const REVIEW_WORKFLOW = workflowOf(REVIEW_CASE, {
  title: '行政复议案件',
  readPermission: 'review.read',
  linkPrefix: '/review/',
  states: {
    received: { label: '收到申请', tone: 'processing' },
    supplementing: { label: '补正中', tone: 'warning' },
    accepted: { label: '已受理（审理中）', tone: 'processing' },
    mediating: { label: '调解中', tone: 'processing' },
    decided: { label: '已决定结案', tone: 'success', final: true },
    terminated: { label: '终止结案', tone: 'default', final: true },
    not_accepted: { label: '不予受理', tone: 'default', final: true },
  },
  transitions: [
    {
      key: 'request_supplement',
      label: '通知补正',
      from: ['received'],
      to: 'supplementing',
      roles: ['law_office'],
      noteRequired: true,
      // The applicant's time to supplement does not count against the acceptance review.
      effects: [{ pause: 'accept', reason: '通知申请人补正材料' }, { start: 'supplement', label: '补正期限', rule: 'review.supplement' }],
    },
    { key: 'supplement_received', label: '收到补正材料', from: ['supplementing'], to: 'received', roles: ['law_office'], effects: [{ stop: 'supplement', reason: '已补正' }, { restart: 'accept', reason: '收到补正材料，重新审查' }] },
    {
      key: 'accept',
      label: '受理',
      from: ['received'],
      to: 'accepted',
      roles: ['law_office'],
      ...writes({ procedure: labelledEnum(REVIEW_PROCEDURES, '审理程序', 'procedure') }),
      dateColumn: 'accepted_date',
      effects: [
        { stop: 'accept', reason: '已受理' },
        { start: 'notify', label: '发送副本期限', rule: { field: 'procedure', rules: { simple: 'review.simple_notify' }, fallback: 'review.notify_respondent' } },
        { start: 'decide', label: '复议决定期限', rule: { field: 'procedure', rules: { simple: 'review.decide_simple' }, fallback: 'review.decide' } },
      ],
    },
    { key: 'reject', label: '不予受理', from: ['received'], to: 'not_accepted', roles: ['law_office'], noteRequired: true, danger: true, dateColumn: 'closed_date', effects: [{ stop: 'accept', reason: '不予受理' }] },
    {
      key: 'send_copy',
      label: '发送申请书副本',
      from: ['accepted'],
      to: 'accepted',
      roles: ['law_office'],
      dateColumn: 'copy_sent_date',
      check: (c) => (c.copy_sent_date ? '申请书副本已发送' : null),
      effects: [{ stop: 'notify', reason: '已发送副本' }, { start: 'reply', label: '被申请人答复期限', rule: { field: 'procedure', rules: { simple: 'review.simple_reply' }, fallback: 'review.respondent_reply' } }],
    },
    {
      key: 'reply_received',
      label: '收到被申请人答复',
      from: ['accepted'],
      to: 'accepted',
      roles: ['law_office'],
      dateColumn: 'reply_date',
      check: (c) => (!c.copy_sent_date ? '尚未发送申请书副本' : c.reply_date ? '已收到答复' : null),
      effects: [{ stop: 'reply', reason: '已答复' }],
    },
    { key: 'mediate', label: '开始调解', from: ['accepted'], to: 'mediating', roles: ['law_office'] },
    { key: 'mediation_failed', label: '调解不成，继续审理', from: ['mediating'], to: 'accepted', roles: ['law_office'], noteRequired: true },
    {
      key: 'decide',
      label: '作出复议决定',
      from: ['accepted', 'mediating'],
      to: 'decided',
      roles: ['law_office'],
      ...writes({ outcome: labelledEnum(DECISIONS, '决定类型', 'outcome') }),
      dateColumn: 'closed_date',
      effects: [{ stop: 'decide', reason: '已作出决定' }, { stop: 'notify', reason: '已结案' }, { stop: 'reply', reason: '已结案' }],
    },
    {
      key: 'terminate',
      label: '终止（调解、和解、撤回）',
      from: ['received', 'supplementing', 'accepted', 'mediating'],
      to: 'terminated',
      roles: ['law_office'],
      ...writes({ outcome: labelledEnum(TERMINATIONS, '终止原因', 'outcome') }),
      dateColumn: 'closed_date',
      secondary: true,
      effects: stops('终止', 'accept', 'supplement', 'decide', 'notify', 'reply'),
    },
  ],
});
export const REVIEW_STATUSES = stateLabels(REVIEW_WORKFLOW);

export const committeeInput = z.strictObject({ version, committeeOpinion: text('咨询委员会意见', 3000) });

/** The ledger's query: the definition's filters, sort and keyword, plus the workflow status and overdue; `keyword` is the older name of `q`. */
export const reviewListQuery = listQuery(REVIEW_CASE, {
  ...statusFilter(REVIEW_WORKFLOW),
  keyword: z.string().trim().max(100, { error: '关键词不能超过 100 字' }).optional().meta({ title: '关键词（同 q）' }),
  overdue: z.enum(['true', 'false'], { error: '仅逾期（overdue）应为 true 或 false' }).optional().meta({ title: '仅逾期' }),
});
export type ReviewListQuery = z.infer<typeof reviewListQuery>;

export type ReviewCaseView = RecordView<typeof REVIEW_CASE.fields> & StatusView & {
  title: string;
  unitName: string;
  respondentUnitName: string | null;
  corrected: boolean;
  /** The soonest open clock. */
  nextDue: { label: string; due: string; light: 'green' | 'yellow' | 'red' | null } | null;
  extended: boolean;
};

export interface ReviewCaseDetail extends ReviewCaseView {
  clocks: ClockView[];
}
