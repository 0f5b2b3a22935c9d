// Administrative enforcement and its supervision — 行政执法 / 行政执法监督 (domain.md §2.7, issue 16):
// the registers the justice bureau watches — enforcement bodies with their powers (权责清单, including
// powers delegated to towns), officers and supervisors with their certificates (执法证) and training.
import { statusFilter, stops, workflowOf } from '../workflow.ts';
import { OFFICE_AND_UNIT } from '../roles.ts';
import { z, text, version, labelledEnum, isoDate } from '../zod.ts';
import { createInput, defineRecord, f, listQuery, pageOf, viewSchema, writes, type DueView, type RecordView, type StatusView } from '../records.ts';

export const BODY_RECORD_TYPE = 'enforcement_body';
export const OFFICER_RECORD_TYPE = 'enforcement_officer';

export const BODY_KINDS = { statutory: '法定行政机关', authorized: '法律法规授权组织', entrusted: '受委托组织' } as const;
export const POWER_CATEGORIES = {
  licence: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  inspection: '行政检查',
  levy: '行政征收征用',
  payment: '行政给付',
  confirmation: '行政确认',
  award: '行政奖励',
  ruling: '行政裁决',
  other: '其他行政权力',
} as const;
export const OFFICER_STATUSES = { active: '在岗', left: '离岗', revoked: '注销' } as const;
export const CERTIFICATE_STATUSES = { valid: '有效', suspended: '暂扣', revoked: '已收回' } as const;
/** What the ledger says of a certificate today: the 90-day warning (临期) and the expired one. */
export const CERTIFICATE_STATES = { valid: '有效', expiring: '90日内到期', expired: '已过期', suspended: '暂扣', revoked: '已收回', none: '无执法证' } as const;
export type CertificateState = keyof typeof CERTIFICATE_STATES;
export const CERTIFICATE_ACTIONS = { issue: '发证', renew: '换证', suspend: '暂扣', reinstate: '恢复', revoke: '收回' } as const;
export type CertificateAction = keyof typeof CERTIFICATE_ACTIONS;
/** A certificate expiring within this many days warns (ledger, detail, notifications). */
export const CERTIFICATE_WARN_DAYS = 90;
/** 法治政府建设实施纲要（2021—2025年）: 每人每年接受不少于60学时的业务知识和法律法规等培训. */
export const DEFAULT_TRAINING_MIN_HOURS = 60;

/** 执法主体: a body that enforces (法定 / 授权 / 委托), owned by a unit of the county. */
export const ENFORCEMENT_BODY = defineRecord({
  type: BODY_RECORD_TYPE,
  title: '执法主体',
  table: 'enforcement_bodies',
  fields: {
    unitId: f.unit('所属单位', { required: true, list: true, filter: true, example: 'SFX-D21' }),
    name: f.text('执法主体名称', { max: 100, required: true, list: true, sort: true, search: true, example: '示范县市场监督管理局' }),
    kind: f.enum('主体类型', BODY_KINDS, { required: true, list: true, filter: true, sort: true, example: 'statutory' }),
    basis: f.text('设立、授权或委托依据', { max: 300, search: true, example: '《中华人民共和国市场主体登记管理条例》' }),
    entrustedBy: f.text('委托机关', { max: 100, list: true, note: '受委托组织必填', example: '' }),
  },
});

/** 权责清单 item of a body; a power delegated to a town (赋权事项) names the delegating body and date. */
export const ENFORCEMENT_POWER = defineRecord({
  type: 'enforcement_power',
  title: '执法职权',
  table: 'enforcement_powers',
  fields: {
    bodyId: f.record('执法主体', { required: true, input: false, display: 'bodyName', export: false, importName: false }),
    title: f.text('职权名称', { max: 200, required: true, list: true, search: true, example: '对未按规定公示年度报告的处罚' }),
    category: f.enum('职权类别', POWER_CATEGORIES, { required: true, list: true, example: 'penalty' }),
    basis: f.text('实施依据', { max: 500, required: true, list: true, example: '《企业信息公示暂行条例》第十八条' }),
    delegated: f.boolean('赋权事项', { list: true, note: '由上级部门赋予乡镇（街道）行使的职权' }),
    delegatedBy: f.text('赋权机关', { max: 100, list: true, note: '赋权事项必填' }),
    delegatedDate: f.date('赋权日期', { notAfterToday: true, list: true, note: '赋权事项必填' }),
  },
});

/** 执法人员 / 监督人员: the ID number sealed; the certificate's columns are kept by the certificate commands. */
export const OFFICER = defineRecord({
  type: OFFICER_RECORD_TYPE,
  title: '执法人员',
  table: 'enforcement_officers',
  fields: {
    name: f.text('姓名', { max: 50, required: true, list: true, sort: true, search: true, example: '李明' }),
    bodyId: f.record('执法主体', { required: true, list: true, display: 'bodyName', example: 'ZFZT-SCJ' }),
    // The body's unit, kept with the officer: the data scope, the ledger's unit filter.
    unitId: f.unit('所属单位', { input: false, importName: false, filter: true }),
    idNumber: f.idNumber('身份证号', { required: true, note: '加密保存，列表中脱敏显示', example: '11010519491231002X' }),
    post: f.text('岗位', { max: 100, required: true, list: true, search: true, example: '综合执法大队队员' }),
    supervisor: f.boolean('监督人员', { list: true, filter: true, note: '行政执法监督人员（持执法监督证）', example: '否' }),
    certificateNumber: f.text('执法证号', { max: 32, list: true, sort: true, search: true, note: '全县唯一；有执法证的填写', example: '43000021001234' }),
    certificateIssuedDate: f.date('发证日期', { notAfterToday: true, sort: true, note: '有执法证号时必填', example: '2024-03-01' }),
    certificateValidUntil: f.date('有效期至', { list: true, sort: true, note: '晚于发证日期', example: '2029-02-28' }),
    certificateStatus: f.enum('执法证状态', CERTIFICATE_STATUSES, { input: false, importName: false }),
    status: f.enum('在岗状态', OFFICER_STATUSES, { input: false, importNote: 'active/left/revoked 或 在岗/离岗/注销', note: '默认在岗', example: 'active' }),
    leftDate: f.date('离岗日期', { input: false, note: '离岗或注销的，可填离岗日期（默认为导入当日）', example: '2025-12-31' }),
  },
});

export const OFFICER_WORKFLOW = workflowOf(OFFICER, {
  titleColumn: 'name',
  readPermission: 'enforcement.read',
  linkPrefix: '/enforcement/officers/',
  states: {
    active: { label: '在岗', tone: 'success' },
    left: { label: '离岗', tone: 'warning' },
    revoked: { label: '注销', tone: 'default', final: true },
  },
  transitions: [
    // Leaving a post revokes the certificate (module.ts afterTransition): 沅江 cleaned up 1,032 officers this way.
    { key: 'leave', label: '离岗（收回执法证）', from: ['active'], to: 'left', roles: OFFICE_AND_UNIT, noteRequired: true, dateColumn: 'left_date', secondary: true },
    { key: 'return', label: '返岗', from: ['left'], to: 'active', roles: OFFICE_AND_UNIT, secondary: true },
    { key: 'cancel', label: '注销', from: ['active', 'left'], to: 'revoked', roles: ['law_office'], noteRequired: true, danger: true, dateColumn: 'revoked_date', secondary: true },
  ],
});

export const LIST_ITEM_RECORD_TYPE = 'enforcement_list_item';
/** 四张清单 and the classified inspection catalog (分类检查事项目录). */
export const ENFORCEMENT_LISTS = {
  no_penalty: '不予行政处罚事项清单',
  lighter: '从轻行政处罚事项清单',
  mitigated: '减轻行政处罚事项清单',
  no_coercion: '不予实施行政强制措施事项清单',
  inspection_general: '一般检查事项',
  inspection_key: '重点检查事项',
} as const;
export type EnforcementList = keyof typeof ENFORCEMENT_LISTS;

/** An item of a body's four lists or inspection catalog, with its legal basis; in the list from its publication until repealed. */
export const LIST_ITEM = defineRecord({
  type: LIST_ITEM_RECORD_TYPE,
  title: '清单事项',
  table: 'enforcement_list_items',
  fields: {
    bodyId: f.record('执法主体', { required: true, list: true, display: 'bodyName', example: 'ZFZT-SCJ' }),
    unitId: f.unit('所属单位', { input: false, importName: false, filter: true }),
    list: f.enum('清单', ENFORCEMENT_LISTS, { required: true, list: true, filter: true, sort: true, example: 'no_penalty' }),
    title: f.text('事项名称', { max: 300, required: true, list: true, sort: true, search: true, example: '首次未按规定公示年度报告且及时改正的' }),
    basis: f.text('法律依据', { max: 500, required: true, list: true, search: true, example: '《中华人民共和国行政处罚法》第三十三条第一款' }),
    conditions: f.longText('适用条件', { max: 1000, importName: false }),
    publishedDate: f.date('公布日期', { notAfterToday: true, list: true, filter: true, sort: true, note: '可空（默认为登记当日）', example: '2025-03-01' }),
    repealedDate: f.date('废止日期', { input: false, importName: false, notBefore: ['publishedDate'] }),
  },
});
export const listItemUpdate = createInput(LIST_ITEM, { version }, ['list', 'title', 'basis', 'conditions', 'publishedDate']);
export const listItemRepeal = z.strictObject({ version, date: isoDate('废止日期') });
export const listItemQuery = listQuery(LIST_ITEM, {
  bodyId: z.string().trim().max(64).optional().meta({ title: '执法主体' }),
  current: z.enum(['true', 'false'], { error: '现行有效（current）应为 true 或 false' }).optional().meta({ title: '现行有效' }),
});
export type ListItemQuery = z.infer<typeof listItemQuery>;
export type ListItemView = RecordView<typeof LIST_ITEM.fields> & { bodyName: string; unitName: string; current: boolean };
export const listItemView = viewSchema(LIST_ITEM, { bodyName: z.string(), unitName: z.string(), current: z.boolean() });

export const bodyUpdate = createInput(ENFORCEMENT_BODY, { version }, ['name', 'kind', 'basis', 'entrustedBy']);
export const bodyListQuery = listQuery(ENFORCEMENT_BODY);

/** Corrections of what intake recorded, not the ID number, the certificate (its own actions) or the status (the workflow). */
export const officerUpdate = createInput(OFFICER, { version }, ['name', 'post', 'supervisor']);
export type OfficerUpdate = z.infer<typeof officerUpdate>;

export const officerListQuery = listQuery(OFFICER, {
  status: z.enum(Object.keys(OFFICER_WORKFLOW.states) as [string, ...string[]], { error: '在岗状态（status）无效' }).optional().meta({ title: '在岗状态' }),
  certificate: z.enum(Object.keys(CERTIFICATE_STATES) as [string, ...string[]], { error: '执法证（certificate）无效' }).optional().meta({ title: '执法证' }),
  bodyId: z.string().trim().max(64).optional().meta({ title: '执法主体' }),
});
export type OfficerListQuery = z.infer<typeof officerListQuery>;

export const certificateActionInput = z.strictObject({
  version,
  action: labelledEnum(CERTIFICATE_ACTIONS, '办理事项', 'action'),
  date: isoDate('办理日期'),
  certificateNumber: text('执法证号', 32).optional(),
  validUntil: isoDate('有效期至').optional(),
  note: text('说明', 500).optional(),
});
export type CertificateActionInput = z.infer<typeof certificateActionInput>;

export const trainingInput = z.strictObject({
  date: isoDate('培训日期'),
  title: text('培训名称', 200),
  hours: z.number({ error: '学时应为整数' }).int({ error: '学时应为整数' }).positive({ error: '学时应大于 0' }).max(500, { error: '学时不能超过 500' }).meta({ title: '学时' }),
});
export type TrainingInput = z.infer<typeof trainingInput>;

export const settingsInput = z.strictObject({
  trainingMinHours: z.number({ error: '年度培训最低学时应为数字' }).min(0, { error: '年度培训最低学时不能为负数' }).max(500, { error: '年度培训最低学时不能超过 500' }).meta({ title: '年度培训最低学时' }),
});
export type EnforcementSettings = z.infer<typeof settingsInput>;

export type BodyView = RecordView<typeof ENFORCEMENT_BODY.fields> & { title: string; unitName: string; officers: number; powers: number; delegatedPowers: number };
export type PowerView = RecordView<typeof ENFORCEMENT_POWER.fields> & { bodyName: string };
export type BodyDetail = BodyView & { powerList: PowerView[] };

export interface CertificateEventView {
  id: string;
  kind: CertificateAction;
  kindLabel: string;
  date: string;
  certificateNumber: string | null;
  validUntil: string | null;
  note: string | null;
  actorName: string | null;
}
export interface TrainingView {
  id: string;
  date: string;
  title: string;
  hours: number;
}

export type OfficerView = Omit<RecordView<typeof OFFICER.fields>, 'status'> & {
  /** Always set (the definition leaves it optional for the import, where it defaults to 在岗). */
  status: keyof typeof OFFICER_STATUSES;
  title: string;
  unitName: string;
  bodyName: string;
  statusLabel: string;
  /** Today: valid / expiring within 90 days / expired / suspended / revoked / none. */
  certificateState: CertificateState;
  trainingHours: number;
  trainingMinHours: number;
};
export type OfficerDetail = OfficerView & { certificateEvents: CertificateEventView[]; trainings: TrainingView[]; trainingYear: number };

export const bodyView = viewSchema(ENFORCEMENT_BODY, { title: z.string(), unitName: z.string(), officers: z.number().int(), powers: z.number().int(), delegatedPowers: z.number().int() });
export const bodyPage = pageOf(bodyView);

// ---------------------------------------------------------------------------------------------
// 行政执法案件 and the three systems (三项制度, 国办发〔2018〕118号): 公示 of the decision within its
// clock, 全过程记录 by stage, 重大执法决定法制审核 before a major decision.

export const CASE_RECORD_TYPE = 'enforcement_case';
export const CASE_KINDS = { inspection: '行政检查', penalty: '行政处罚', coercion: '行政强制', licence: '行政许可', other: '其他' } as const;
export type CaseKind = keyof typeof CASE_KINDS;
export const PARTY_KINDS = { organisation: '法人或其他组织', person: '自然人' } as const;
export const DECISION_OUTCOMES = { imposed: '予以处罚、许可或实施强制', declined: '不予处罚、不予许可或不予实施强制', concluded: '检查完毕或撤销立案' } as const;
/** 全过程记录: the stages of a case and the media of its records (文字记录 and 音像记录). */
export const CASE_STAGES = { filing: '立案', investigation: '调查取证', review: '审核', decision: '决定', service: '送达', execution: '执行' } as const;
export const RECORD_MEDIA = { document: '文书', photo: '照片', audio: '录音', video: '录像' } as const;
/** Who handles a case in the enforcement body (the justice bureau's law office too, for the county's own). */
export const CASE_ROLES = ['enforcement_officer', 'unit_liaison', 'unit_head', 'law_office'] as const;
/** Who gives the legal review's opinion (法制审核): the body's legal staff (its 法治 liaison), the county's reviewers and law office — not the officers on the case. */
export const CASE_REVIEW_ROLES = ['unit_liaison', 'reviewer', 'law_office'] as const;
/** A case needs at least this many officers holding a certificate valid on the day it is opened (行政处罚法 第四十二条). */
export const CASE_MIN_OFFICERS = 2;

/**
 * 执法案件: intake by the body; the officers (at least two holding a certificate valid on the day
 * opened) are given with it; the review, decision, disclosure and withdrawal come through the workflow.
 */
export const ENFORCEMENT_CASE = defineRecord({
  type: CASE_RECORD_TYPE,
  title: '执法案件',
  table: 'enforcement_cases',
  fields: {
    bodyId: f.record('执法主体', { required: true, list: true, display: 'bodyName', example: 'ZFZT-SCJ' }),
    unitId: f.unit('所属单位', { input: false, importName: false, filter: true }),
    kind: f.enum('案件类别', CASE_KINDS, { required: true, list: true, filter: true, sort: true, example: 'penalty' }),
    cause: f.text('案由', { max: 200, list: true, search: true, importName: false, note: '如：未按规定公示年度报告' }),
    partyKind: f.enum('当事人类型', PARTY_KINDS, { importName: false, note: '未填写的按自然人处理（公示时姓名脱敏）' }),
    partyName: f.text('当事人', { max: 200, required: true, list: true, search: true, example: '示范县某某食品有限公司' }),
    partyIdNumber: f.idNumber('当事人身份证号', { importName: false, note: '自然人可填写；加密保存' }),
    facts: f.longText('违法事实或检查情况', { max: 3000, importName: false }),
    basis: f.text('法律依据', { max: 500, search: true, importName: false }),
    listItemId: f.record('适用清单事项', { display: 'listItemTitle', importName: false, note: '本执法主体四张清单中的事项' }),
    major: f.boolean('重大执法决定', { list: true, filter: true, note: '须经法制审核后方可作出决定', example: '否' }),
    openedDate: f.date('立案日期', { required: true, notAfterToday: true, list: true, filter: true, sort: true, example: '2026-03-02' }),
    legalReviewDate: f.date('法制审核日期', { basis: '《中华人民共和国行政处罚法》（2021年修订）第五十八条；国办发〔2018〕118号：重大执法决定作出前须经法制审核', input: false, notBefore: ['openedDate'], note: '重大执法决定必填，不早于立案日期', example: '' }),
    legalReviewOpinion: f.longText('法制审核意见', { max: 3000, input: false, importName: false, export: false }),
    decisionNumber: f.text('决定书文号', { max: 64, input: false, importName: false, list: true, sort: true, search: true, note: '作出执法决定时按编号规则自动编号' }),
    decidedDate: f.date('决定日期', { basis: '《中华人民共和国行政处罚法》（2021年修订）第六十条：自立案之日起90日内作出行政处罚决定', input: false, list: true, sort: true, notBefore: ['openedDate', 'legalReviewDate'], note: '不早于立案日期和法制审核日期', example: '2026-04-10' }),
    outcome: f.enum('决定结果', DECISION_OUTCOMES, { input: false, importName: false }),
    decision: f.longText('决定内容', { max: 3000, input: false, importName: false }),
    penaltyAmountFen: f.money('罚没金额', { input: false, list: true, note: '单位：分（整数）', example: '500000' }),
    listReason: f.text('适用清单说明', { max: 500, input: false, importName: false }),
    disclosedDate: f.date('公示日期', { basis: '国办发〔2018〕118号：行政许可、行政处罚决定自作出之日起7个工作日内公开，其他执法决定20个工作日内公开', input: false, list: true, sort: true, notBefore: ['decidedDate'], note: '不早于决定日期', example: '2026-04-15' }),
    changedDate: f.date('决定变更或撤销日期', { input: false, importName: false, notBefore: ['disclosedDate'] }),
    withdrawnDate: f.date('撤回公示日期', { input: false, importName: false, notBefore: ['changedDate'] }),
  },
});

export const CASE_WORKFLOW = workflowOf(ENFORCEMENT_CASE, {
  readPermission: 'enforcement.read',
  linkPrefix: '/enforcement/cases/',
  states: {
    open: { label: '办理中', tone: 'processing' },
    legal_review: { label: '法制审核中', tone: 'warning' },
    reviewed: { label: '已审核待决定', tone: 'processing' },
    decided: { label: '已决定待公示', tone: 'warning' },
    disclosed: { label: '已公示', tone: 'success' },
    withdrawing: { label: '决定已变更或撤销，待撤回公示', tone: 'error' },
    withdrawn: { label: '已撤回公示', tone: 'default', final: true },
  },
  transitions: [
    { key: 'submit_review', label: '提交法制审核', from: ['open'], to: 'legal_review', roles: CASE_ROLES, check: (r) => (r.major ? null : '非重大执法决定，无需法制审核') },
    { key: 'review', label: '出具法制审核意见', from: ['legal_review'], to: 'reviewed', roles: CASE_REVIEW_ROLES, ...writes({ legalReviewOpinion: text('法制审核意见', 3000) }), dateColumn: 'legal_review_date' },
    {
      key: 'decide',
      label: '作出执法决定',
      from: ['open', 'reviewed'],
      to: 'decided',
      roles: CASE_ROLES,
      // 重大执法决定法制审核: a major case is decided only after the legal review gave its opinion.
      check: (r) => (r.major && !r.legal_review_date ? '重大执法决定须先经法制审核，请先提交法制审核' : null),
      input: z.strictObject({
        outcome: labelledEnum(DECISION_OUTCOMES, '决定结果', 'outcome'),
        decision: text('决定内容', 3000),
        penaltyAmount: z.coerce
          .number({ error: '罚没金额应为数字（元）' })
          .min(0, { error: '罚没金额不能为负数' })
          .max(1e9, { error: '罚没金额不能超过 10 亿元' })
          .transform((yuan) => Math.round(yuan * 100))
          .optional()
          .meta({ title: '罚没金额（元）' }),
        listReason: text('适用清单说明', 500).optional(),
      }),
      inputColumns: { outcome: 'outcome', decision: 'decision', penaltyAmount: 'penalty_amount_fen', listReason: 'list_reason' },
      dateColumn: 'decided_date',
      effects: [
        { stop: 'decide', reason: '已作出行政处罚决定' },
        { start: 'disclosure', label: '公示期限', rule: { field: 'kind', rules: { penalty: 'enforcement.disclosure_penalty_licence', licence: 'enforcement.disclosure_penalty_licence' }, fallback: 'enforcement.disclosure' } },
      ],
    },
    { key: 'disclose', label: '公示决定', from: ['decided'], to: 'disclosed', roles: CASE_ROLES, dateColumn: 'disclosed_date', effects: [{ stop: 'disclosure', reason: '已公示' }] },
    {
      key: 'revoke',
      label: '决定已变更或撤销',
      from: ['disclosed'],
      to: 'withdrawing',
      roles: CASE_ROLES,
      noteRequired: true,
      danger: true,
      secondary: true,
      dateColumn: 'changed_date',
      effects: [{ start: 'withdraw', label: '撤回公示期限', rule: 'enforcement.disclosure_withdraw' }],
    },
    { key: 'withdraw', label: '撤回公示', from: ['withdrawing'], to: 'withdrawn', roles: CASE_ROLES, dateColumn: 'withdrawn_date', effects: [{ stop: 'withdraw', reason: '已撤回公示' }] },
  ],
});

export const caseInput = createInput(ENFORCEMENT_CASE, {
  officerIds: z
    .array(z.string().min(1).max(64), { error: '请选择执法人员' })
    .min(CASE_MIN_OFFICERS, { error: `执法人员不得少于 ${CASE_MIN_OFFICERS} 人` })
    .max(20, { error: '执法人员不能超过 20 人' })
    .meta({ title: '执法人员' }),
});
export type CaseInput = z.infer<typeof caseInput>;
export const caseListQuery = listQuery(ENFORCEMENT_CASE, {
  ...statusFilter(CASE_WORKFLOW),
  bodyId: z.string().trim().max(64).optional().meta({ title: '执法主体' }),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const caseRecordInput = z.strictObject({
  stage: labelledEnum(CASE_STAGES, '阶段', 'stage'),
  medium: labelledEnum(RECORD_MEDIA, '记录形式', 'medium'),
  title: text('记录名称', 200),
  reference: text('存储位置或档案编号', 300).optional(),
  date: isoDate('记录日期'),
});
export type CaseRecordInput = z.infer<typeof caseRecordInput>;

export interface CaseOfficerView {
  id: string;
  name: string;
  certificateNumber: string | null;
}
export interface CaseRecordView {
  id: string;
  stage: keyof typeof CASE_STAGES;
  medium: keyof typeof RECORD_MEDIA;
  title: string;
  reference: string | null;
  date: string;
}
export type CaseView = RecordView<typeof ENFORCEMENT_CASE.fields> & StatusView & DueView & {
  title: string;
  unitName: string;
  bodyName: string;
  listItemTitle: string | null;
  officerNames: string;
  /** The running clock (办结, 公示 or 撤回公示), due soonest: its label (`due` is its date). */
  dueLabel: string | null;
};
export type CaseDetail = CaseView & { officers: CaseOfficerView[]; records: CaseRecordView[] };

// ---------------------------------------------------------------------------------------------
// 案卷评查: the justice bureau's campaigns sample decided cases by body and kind, score each file on
// the campaign's scoring sheet (lines with points) against its pass mark; a failed file and its
// problems go to the body's problem pool.

export const CAMPAIGN_RECORD_TYPE = 'file_review_campaign';
export const FILE_REVIEW_RECORD_TYPE = 'file_review';
/** Who runs campaigns and scores files: the justice bureau (行政执法监督机构). */
export const SUPERVISION_ROLES = ['law_office', 'inspector'] as const;
/** The sheet a campaign starts with (editable per campaign): 评查项目 and their points, 100 in all. */
export const DEFAULT_SCORING_SHEET = [
  { item: '执法主体合法、执法人员持证', points: 10 },
  { item: '事实清楚、证据确凿', points: 25 },
  { item: '适用法律正确、裁量适当', points: 20 },
  { item: '程序合法（告知、听证、法制审核、送达）', points: 25 },
  { item: '文书规范、全过程记录完整', points: 10 },
  { item: '按时公示、立卷归档', points: 10 },
] as const;

export const REVIEW_CAMPAIGN = defineRecord({
  type: CAMPAIGN_RECORD_TYPE,
  title: '评查活动',
  table: 'enforcement_review_campaigns',
  fields: {
    title: f.text('评查活动', { max: 200, required: true, list: true, sort: true, search: true, example: '2026年度行政处罚案卷评查' }),
    unitId: f.unit('组织单位', { required: true, list: true, filter: true, example: 'SFX-D01' }),
    startDate: f.date('开始日期', { required: true, notAfterToday: true, list: true, filter: true, sort: true, example: '2026-06-01' }),
    passMark: f.integer('合格分数线', { required: true, list: true, note: '评分不低于该分数为合格', example: '80' }),
    reviewers: f.text('评查人员', { max: 300, list: true, search: true, note: '司法局工作人员、法律顾问等' }),
    finishedDate: f.date('结束日期', { input: false, list: true, notBefore: ['startDate'] }),
  },
});

export const CAMPAIGN_WORKFLOW = workflowOf(REVIEW_CAMPAIGN, {
  title: '案卷评查',
  readPermission: 'enforcement.supervise',
  linkPrefix: '/enforcement/file-reviews/',
  states: {
    ongoing: { label: '评查中', tone: 'processing' },
    finished: { label: '已结束', tone: 'success', final: true },
  },
  transitions: [
    { key: 'finish', label: '结束评查', from: ['ongoing'], to: 'finished', roles: SUPERVISION_ROLES, dateColumn: 'finished_date', check: (r) => (Number(r.pending_files ?? 0) > 0 ? `还有 ${r.pending_files} 份案卷未评分` : null) },
  ],
});

export const scoringLine = z.strictObject({
  item: text('评查项目', 200),
  points: z.number({ error: '分值应为整数' }).int({ error: '分值应为整数' }).min(1, { error: '分值应大于 0' }).max(100, { error: '分值不能超过 100' }),
});
export const campaignInput = createInput(REVIEW_CAMPAIGN, {
  lines: z.array(scoringLine, { error: '请填写评分表' }).min(1, { error: '评分表至少一项' }).max(50, { error: '评分表不能超过 50 项' }).optional().meta({ title: '评分表' }),
});
export type CampaignInput = z.infer<typeof campaignInput>;
export const campaignListQuery = listQuery(REVIEW_CAMPAIGN, {
  ...statusFilter(CAMPAIGN_WORKFLOW),
});
export const sampleInput = z.strictObject({
  bodyId: z.string().trim().min(1).max(64).optional().meta({ title: '执法主体' }),
  kind: labelledEnum(CASE_KINDS, '案件类别', 'kind').optional(),
  year: z.number({ error: '年度应为整数' }).int({ error: '年度应为整数' }).min(2000, { error: '年度不能早于 2000' }).max(2100, { error: '年度不能晚于 2100' }).meta({ title: '决定年度' }),
  count: z.number({ error: '抽取数量应为整数' }).int({ error: '抽取数量应为整数' }).min(1, { error: '抽取数量应大于 0' }).max(200, { error: '抽取数量不能超过 200' }).meta({ title: '抽取数量' }),
});
export type SampleInput = z.infer<typeof sampleInput>;

/** One sampled file: its score against the campaign's sheet and pass mark, the problems found. */
export const FILE_REVIEW = defineRecord({
  type: FILE_REVIEW_RECORD_TYPE,
  title: '评查案卷',
  table: 'enforcement_file_reviews',
  fields: {
    campaignId: f.record('评查活动', { required: true, list: true, display: 'campaignTitle', example: 'PC-2026' }),
    caseId: f.record('执法案件', { required: true, list: true, display: 'caseTitle', example: 'ZFAJ-2026-001' }),
    // The case's unit: the body sees its own files' results.
    unitId: f.unit('被评查单位', { input: false, importName: false, filter: true, list: true }),
    reviewedDate: f.date('评查日期', { list: true, sort: true, notAfterToday: true, example: '2026-06-20' }),
    score: f.integer('得分', { list: true, sort: true, example: '86' }),
    passed: f.boolean('合格', { list: true, filter: true, note: '可空：按合格分数线判定', example: '是' }),
    problems: f.longText('发现的问题', { max: 3000, importName: false, note: '不合格的，须写明问题' }),
  },
});
const points = (label: string) => z.number({ error: `${label}应为整数` }).int({ error: `${label}应为整数` }).min(0, { error: `${label}不能为负数` });
/** A total `score`, or `lineScores` (one per line of the sheet, the total is their sum). */
export const scoreInput = z
  .strictObject({
    version,
    reviewedDate: isoDate('评查日期'),
    score: points('得分').optional().meta({ title: '得分', description: '只填总分时使用；逐项评分时为各项之和' }),
    lineScores: z.array(points('各项得分'), { error: '各项得分应为数组' }).min(1).max(50).optional().meta({ title: '各项得分', description: '按评分表顺序，每项一个分数' }),
    problems: text('发现的问题', 3000).optional(),
  })
  .refine((v) => v.score !== undefined || v.lineScores !== undefined, { error: '请填写得分或各项得分', path: ['score'] });
export type ScoreInput = z.infer<typeof scoreInput>;
export const fileReviewListQuery = listQuery(FILE_REVIEW, {
  campaignId: z.string().trim().max(64).optional().meta({ title: '评查活动' }),
});
export type FileReviewListQuery = z.infer<typeof fileReviewListQuery>;
export type FileReviewView = RecordView<typeof FILE_REVIEW.fields> & { lineScores: number[] | null; lines: { item: string; points: number }[]; title: string; unitName: string; campaignTitle: string; caseTitle: string; bodyName: string; caseKind: CaseKind; passMark: number; total: number };
export type CampaignView = RecordView<typeof REVIEW_CAMPAIGN.fields> & { unitName: string; status: string; statusLabel: string; files: number; scored: number; passedFiles: number; lines: { item: string; points: number }[]; total: number };
export type CampaignDetail = CampaignView & { byBody: { bodyName: string; files: number; scored: number; passed: number; averageScore: number | null }[] };

// ---------------------------------------------------------------------------------------------
// 行政执法监督 (行政执法监督条例, 2026-02-01): 日常 / 重点 / 专项 supervision of a body; problems found
// bring a 行政执法监督意见书 with a correction period (rule `enforcement.supervision_correct`, 30 days,
// the law office edits it), the body's correction report, and a 监督决定书 when not corrected.

export const SUPERVISION_RECORD_TYPE = 'enforcement_supervision';
export const SUPERVISION_KINDS = { routine: '日常监督', key: '重点监督', special: '专项监督' } as const;
/** 执法评议 results of a supervised body (行政执法监督条例: 评议考核). */
export const EVALUATION_RESULTS = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' } as const;
const BODY_ROLES = ['unit_liaison', 'unit_head', 'enforcement_officer'] as const;

export const SUPERVISION = defineRecord({
  type: SUPERVISION_RECORD_TYPE,
  title: '执法监督',
  table: 'enforcement_supervisions',
  fields: {
    title: f.text('监督事项', { max: 200, required: true, list: true, sort: true, search: true, example: '2026年行政处罚案件办理情况重点监督' }),
    kind: f.enum('监督方式', SUPERVISION_KINDS, { required: true, list: true, filter: true, sort: true, example: 'key' }),
    bodyId: f.record('被监督执法主体', { required: true, list: true, display: 'bodyName', example: 'ZFZT-SCJ' }),
    unitId: f.unit('所属单位', { input: false, importName: false, filter: true }),
    startDate: f.date('开始日期', { required: true, notAfterToday: true, list: true, filter: true, sort: true, example: '2026-05-10' }),
    findings: f.longText('发现的问题', { max: 3000 }),
    opinionNumber: f.text('监督意见书文号', { max: 64, input: false, importName: false, list: true, sort: true, search: true, note: '制发监督意见书时按编号规则自动编号' }),
    opinionDate: f.date('意见书日期', { input: false, list: true, notBefore: ['startDate'] }),
    opinion: f.longText('监督意见', { max: 3000, input: false }),
    correctedDate: f.date('整改报告日期', { input: false, list: true, notBefore: ['opinionDate'] }),
    correctionReport: f.longText('整改情况', { max: 3000, input: false }),
    decisionDate: f.date('决定书日期', { input: false, notBefore: ['opinionDate'] }),
    decision: f.longText('监督决定', { max: 3000, input: false }),
    closedDate: f.date('办结日期', { input: false, notBefore: ['startDate'] }),
    evaluationDate: f.date('评议日期', { input: false, notBefore: ['startDate'] }),
    evaluationResult: f.enum('执法评议结果', EVALUATION_RESULTS, { input: false, list: true, filter: true }),
    evaluationNote: f.longText('评议意见', { max: 3000, input: false }),
  },
});

export const SUPERVISION_WORKFLOW = workflowOf(SUPERVISION, {
  readPermission: 'enforcement.read',
  linkPrefix: '/enforcement/supervisions/',
  states: {
    ongoing: { label: '监督中', tone: 'processing' },
    correcting: { label: '已发监督意见书，整改中', tone: 'warning' },
    escalated: { label: '已发监督决定书，整改中', tone: 'error' },
    reported: { label: '已报送整改情况', tone: 'processing' },
    closed: { label: '已办结', tone: 'success', final: true },
  },
  transitions: [
    {
      key: 'issue_opinion',
      label: '制发行政执法监督意见书',
      from: ['ongoing'],
      to: 'correcting',
      roles: SUPERVISION_ROLES,
      ...writes({ opinion: text('监督意见', 3000) }),
      dateColumn: 'opinion_date',
      effects: [{ start: 'correct', label: '整改期限', rule: 'enforcement.supervision_correct' }],
    },
    { key: 'close_clean', label: '监督结束（未发现问题）', from: ['ongoing'], to: 'closed', roles: SUPERVISION_ROLES, noteRequired: true, dateColumn: 'closed_date', secondary: true },
    {
      key: 'report',
      label: '报送整改情况',
      from: ['correcting', 'escalated'],
      to: 'reported',
      roles: BODY_ROLES,
      ...writes({ correctionReport: text('整改情况', 3000) }),
      dateColumn: 'corrected_date',
      effects: [{ pause: 'correct', reason: '已报送整改情况，待审核' }, { pause: 'decision', reason: '已报送整改情况，待审核' }],
    },
    { key: 'accept', label: '整改到位，办结', from: ['reported'], to: 'closed', roles: SUPERVISION_ROLES, dateColumn: 'closed_date', effects: stops('整改到位', 'correct', 'decision') },
    { key: 'reject', label: '整改不到位，退回', from: ['reported'], to: 'correcting', roles: SUPERVISION_ROLES, noteRequired: true, effects: [{ resume: 'correct' }, { resume: 'decision' }] },
    {
      key: 'escalate',
      label: '制发行政执法监督决定书',
      from: ['correcting'],
      to: 'escalated',
      roles: SUPERVISION_ROLES,
      danger: true,
      ...writes({ decision: text('监督决定', 3000) }),
      dateColumn: 'decision_date',
      effects: [{ stop: 'correct', reason: '逾期未整改，制发监督决定书' }, { start: 'decision', label: '监督决定整改期限', rule: 'enforcement.supervision_correct' }],
    },
  ],
});
/** 执法评议: the bureau's rating of the body's enforcement in this supervision; 不合格 needs its reasons. */
export const evaluationInput = z.strictObject({
  version,
  evaluationDate: isoDate('评议日期'),
  evaluationResult: labelledEnum(EVALUATION_RESULTS, '执法评议结果', 'evaluationResult'),
  evaluationNote: text('评议意见', 3000).optional(),
});
export type EvaluationInput = z.infer<typeof evaluationInput>;
export const supervisionListQuery = listQuery(SUPERVISION, {
  ...statusFilter(SUPERVISION_WORKFLOW),
});
export type SupervisionListQuery = z.infer<typeof supervisionListQuery>;
export type SupervisionView = RecordView<typeof SUPERVISION.fields> & StatusView & DueView & { unitName: string; bodyName: string };

// ---------------------------------------------------------------------------------------------
// 投诉举报: complaints and reports about enforcement, received by staff or submitted on the portal,
// assigned to the body's unit, answered within the `enforcement.complaint_reply` clock (working days,
// the law office edits it); "cleared in time" = answered no later than the clock's due date.

export const COMPLAINT_RECORD_TYPE = 'enforcement_complaint';
export const COMPLAINT_KINDS = { complaint: '投诉', report: '举报' } as const;
export const COMPLAINT_CHANNELS = { window: '当面', phone: '电话', mail: '信函', online: '网上', hotline: '12345热线转办' } as const;
export const COMPLAINT_RESULTS = { substantiated: '属实，已责令纠正', partly: '部分属实，已责令纠正', unsubstantiated: '不属实', not_ours: '不属于本机关职责，已告知或转办' } as const;
/** Who registers, assigns within their scope and answers complaints: the justice bureau and the body's unit. */
export const COMPLAINT_ROLES = ['law_office', 'unit_liaison', 'unit_head'] as const;

export const COMPLAINT = defineRecord({
  type: COMPLAINT_RECORD_TYPE,
  title: '投诉举报',
  table: 'enforcement_complaints',
  fields: {
    receivedDate: f.date('收到日期', { required: true, notAfterToday: true, list: true, filter: true, sort: true, note: '答复期限自此计算', basis: '《行政执法监督条例》（国务院令第825号）；本县行政执法投诉举报处理规定', example: '2026-05-06' }),
    kind: f.enum('类别', COMPLAINT_KINDS, { required: true, list: true, filter: true, sort: true, example: 'complaint' }),
    bodyId: f.record('被投诉执法主体', { list: true, display: 'bodyName', note: '填写的，由该执法主体所属单位承办' }),
    unitId: f.unit('承办单位', { list: true, filter: true, note: '未填写执法主体的必填' }),
    complainantName: f.text('投诉举报人', { max: 100, required: true, search: true, example: '张某' }),
    complainantIdNumber: f.idNumber('身份证号码', { note: '加密保存，列表中脱敏显示' }),
    complainantPhone: f.phone('联系电话', { note: '加密保存，列表中脱敏显示' }),
    content: f.longText('投诉举报内容', { max: 3000, required: true, search: true, example: '执法人员检查时未出示执法证件' }),
    channel: f.enum('收到方式', COMPLAINT_CHANNELS, { required: true, filter: true, example: 'window' }),
    replyDate: f.date('答复日期', { input: false, list: true, sort: true, notBefore: ['receivedDate'] }),
    result: f.enum('核查结果', COMPLAINT_RESULTS, { input: false, list: true, filter: true }),
    replyContent: f.longText('答复内容', { max: 3000, input: false }),
    closedDate: f.date('撤回日期', { input: false, notBefore: ['receivedDate'] }),
  },
});

export const COMPLAINT_WORKFLOW = workflowOf(COMPLAINT, {
  title: '执法投诉举报',
  readPermission: 'enforcement.read',
  linkPrefix: '/enforcement/complaints/',
  states: {
    received: { label: '办理中', tone: 'processing' },
    replied: { label: '已答复', tone: 'success', final: true },
    withdrawn: { label: '已撤回', tone: 'default', final: true },
  },
  transitions: [
    {
      key: 'reply',
      label: '答复处理结果',
      from: ['received'],
      to: 'replied',
      roles: COMPLAINT_ROLES,
      ...writes({ result: labelledEnum(COMPLAINT_RESULTS, '核查结果', 'result'), replyContent: text('答复内容', 3000) }),
      dateColumn: 'reply_date',
      effects: [{ stop: 'reply', reason: '已答复' }],
    },
    { key: 'withdraw', label: '投诉人撤回', from: ['received'], to: 'withdrawn', roles: COMPLAINT_ROLES, noteRequired: true, secondary: true, dateColumn: 'closed_date', effects: [{ stop: 'reply', reason: '投诉人撤回' }] },
  ],
});
export const complaintListQuery = listQuery(COMPLAINT, {
  ...statusFilter(COMPLAINT_WORKFLOW),
});
export type ComplaintListQuery = z.infer<typeof complaintListQuery>;
/** 交办: the complaint goes to the named body's unit (the clock goes with it). */
export const complaintAssignInput = z.strictObject({ version, bodyId: z.string({ error: '请选择执法主体' }).trim().min(1, { error: '请选择执法主体' }).max(64).meta({ title: '执法主体' }) });
export type ComplaintView = RecordView<typeof COMPLAINT.fields> & StatusView & DueView & {
  title: string;
  unitName: string;
  bodyName: string | null;
  /** Answered no later than the reply clock's due date (null until answered). */
  onTime: boolean | null;
};

// ---------------------------------------------------------------------------------------------
// 两法衔接 (行政执法机关移送涉嫌犯罪案件的规定, 国务院令第310号): an enforcement case transferred to the
// public-security organs, with the receiving organ, the date and the organ's result.

export const TRANSFER_RECORD_TYPE = 'enforcement_transfer';
export const TRANSFER_RESULTS = { pending: '待公安机关决定', filed: '公安机关已立案', declined: '公安机关不予立案', returned: '退回移送机关' } as const;

export const TRANSFER = defineRecord({
  type: TRANSFER_RECORD_TYPE,
  title: '移送涉嫌犯罪案件',
  table: 'enforcement_transfers',
  fields: {
    caseId: f.record('执法案件', { required: true, list: true, display: 'caseTitle', example: 'DEMO-AJ-003' }),
    unitId: f.unit('移送单位', { input: false, importName: false, list: true, filter: true }),
    organ: f.text('接收机关', { max: 100, required: true, list: true, search: true, suggest: ['县公安局'], example: '示范县公安局' }),
    transferDate: f.date('移送日期', { required: true, notAfterToday: true, list: true, filter: true, sort: true, note: '不早于立案日期', example: '2026-05-20' }),
    suspectedCrime: f.text('涉嫌罪名', { max: 100, list: true, search: true, example: '生产、销售不符合安全标准的食品罪' }),
    result: f.enum('移送结果', TRANSFER_RESULTS, { input: false, list: true, filter: true }),
    resultDate: f.date('结果日期', { input: false, list: true, notBefore: ['transferDate'] }),
    resultNote: f.longText('结果说明', { max: 1000, input: false }),
  },
});
export const transferListQuery = listQuery(TRANSFER, { caseId: z.string().trim().max(64).optional().meta({ title: '执法案件' }) });
export type TransferListQuery = z.infer<typeof transferListQuery>;
export const transferResultInput = z.strictObject({
  version,
  result: labelledEnum(TRANSFER_RESULTS, '移送结果', 'result'),
  resultDate: isoDate('结果日期'),
  resultNote: text('结果说明', 1000).optional(),
});
export type TransferResultInput = z.infer<typeof transferResultInput>;
export type TransferView = RecordView<typeof TRANSFER.fields> & { title: string; unitName: string; caseTitle: string; bodyName: string };
