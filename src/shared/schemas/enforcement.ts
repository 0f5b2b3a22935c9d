// Administrative enforcement and its supervision — 行政执法 / 行政执法监督 (domain.md §2.7, issue 16):
// the registers the justice bureau watches — enforcement bodies with their powers (权责清单, including
// powers delegated to towns), officers and supervisors with their certificates (执法证) and training.
import { z, text, version, labelledEnum, isoDate } from '../zod.ts';
import { createInput, defineRecord, f, listQuery, pageOf, viewSchema, type RecordView } from '../records.ts';
import type { WorkflowDef } from '../workflow.ts';

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

export const OFFICER_WORKFLOW: WorkflowDef = {
  recordType: OFFICER_RECORD_TYPE,
  title: '执法人员',
  table: 'enforcement_officers',
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
    { key: 'leave', label: '离岗（收回执法证）', from: ['active'], to: 'left', roles: ['law_office', 'unit_liaison', 'unit_head'], noteRequired: true, dateColumn: 'left_date', secondary: true },
    { key: 'return', label: '返岗', from: ['left'], to: 'active', roles: ['law_office', 'unit_liaison', 'unit_head'], secondary: true },
    { key: 'cancel', label: '注销', from: ['active', 'left'], to: 'revoked', roles: ['law_office'], noteRequired: true, danger: true, dateColumn: 'revoked_date', secondary: true },
  ],
};

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
    status: f.enum('在岗状态', OFFICER_STATUSES, { input: false, note: 'active/left/revoked 或 在岗/离岗/注销；默认在岗', example: 'active' }),
    leftDate: f.date('离岗日期', { input: false, note: '离岗或注销的，可填离岗日期（默认为导入当日）', example: '2025-12-31' }),
  },
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
export const listItemInput = createInput(LIST_ITEM);
export type ListItemInput = z.infer<typeof listItemInput>;
export const listItemUpdate = createInput(LIST_ITEM, { version }, ['list', 'title', 'basis', 'conditions', 'publishedDate']);
export const listItemRepeal = z.strictObject({ version, date: isoDate('废止日期') });
export const listItemQuery = listQuery(LIST_ITEM, {
  bodyId: z.string().trim().max(64).optional().meta({ title: '执法主体' }),
  current: z.enum(['true', 'false'], { error: '现行有效（current）应为 true 或 false' }).optional().meta({ title: '现行有效' }),
});
export type ListItemQuery = z.infer<typeof listItemQuery>;
export type ListItemView = RecordView<typeof LIST_ITEM.fields> & { bodyName: string; unitName: string; current: boolean };
export const listItemView = viewSchema(LIST_ITEM, { bodyName: z.string(), unitName: z.string(), current: z.boolean() });

export const bodyInput = createInput(ENFORCEMENT_BODY);
export type BodyInput = z.infer<typeof bodyInput>;
export const bodyUpdate = createInput(ENFORCEMENT_BODY, { version }, ['name', 'kind', 'basis', 'entrustedBy']);
export const bodyListQuery = listQuery(ENFORCEMENT_BODY);
export const powerInput = createInput(ENFORCEMENT_POWER);
export type PowerInput = z.infer<typeof powerInput>;

/** Create: the intake fields; a certificate given with them is recorded as issued (发证日期). */
export const officerInput = createInput(OFFICER);
export type OfficerInput = z.infer<typeof officerInput>;
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
