// Information disclosure requests — 依申请公开 (domain.md §2.12; 政府信息公开条例 2019). Public codes
// keep their first name: API /foi-requests, import type foi_requests, permissions and figures foi.*,
// record type foi_request.
import { z, labelledEnum } from '../zod.ts';
import { createInput, defineRecord, f, listQuery, type DueView, type RecordView, type StatusView } from '../records.ts';
import { stateLabels, type WorkflowDef } from '../workflow.ts';
import type { ClockView } from './calendar.ts';

export const DISCLOSURE_RECORD_TYPE = 'foi_request';
export const DISCLOSURE_CHANNELS = { window: '当面', mail: '信函', online: '网上', fax: '传真' } as const;
export const REPLY_TYPES = { disclosed: '予以公开', partly: '部分公开', refused: '不予公开', not_exist: '信息不存在', not_ours: '非本机关', other: '其他' } as const;
export type ReplyType = keyof typeof REPLY_TYPES;
/** 申请人情况 as the annual disclosure report counts them (国办公开办函〔2021〕30号, table 3). */
export const APPLICANT_TYPES = { person: '自然人', business: '商业企业', research: '科研机构', nonprofit: '社会公益组织', legal: '法律服务机构', other: '其他法人或组织' } as const;
/** 获取信息的方式 (条例 art. 29: 申请公开的政府信息的形式要求，包括获取信息的方式、途径). */
export const DELIVERY_METHODS = { mail: '邮寄纸质文书', email: '电子邮件', pickup: '当面领取', online: '网上下载（凭查询码）' } as const;

export const DISCLOSURE_WORKFLOW: WorkflowDef = {
  recordType: DISCLOSURE_RECORD_TYPE,
  title: '政府信息公开申请',
  table: 'foi_requests',
  titleColumn: 'title',
  readPermission: 'foi.read',
  linkPrefix: '/foi/',
  states: {
    received: { label: '办理中', tone: 'processing' },
    supplementing: { label: '补正中', tone: 'warning' },
    consulting: { label: '征求第三方意见', tone: 'warning' },
    replied: { label: '已答复', tone: 'success', final: true },
    withdrawn: { label: '申请人撤回', tone: 'default', final: true },
  },
  transitions: [
    {
      key: 'request_supplement',
      label: '一次性告知补正',
      from: ['received'],
      to: 'supplementing',
      roles: ['law_office', 'unit_liaison', 'unit_head'],
      noteRequired: true,
      effects: [{ pause: 'reply', reason: '告知申请人补正' }],
    },
    {
      key: 'supplement_received',
      label: '收到补正后的申请',
      from: ['supplementing'],
      to: 'received',
      roles: ['law_office', 'unit_liaison', 'unit_head'],
      // 条例 art. 33: the 20 working days run afresh from the supplemented application.
      effects: [{ restart: 'reply', reason: '收到补正后的申请，答复期限重新计算' }],
    },
    {
      key: 'consult',
      label: '征求第三方意见',
      from: ['received'],
      to: 'consulting',
      roles: ['law_office', 'unit_liaison', 'unit_head'],
      effects: [{ pause: 'reply', reason: '征求第三方意见（所需时间不计入答复期限）' }, { start: 'third_party', label: '第三方意见期限', rule: 'foi.third_party' }],
    },
    {
      key: 'third_party_done',
      label: '第三方意见已返回',
      from: ['consulting'],
      to: 'received',
      roles: ['law_office', 'unit_liaison', 'unit_head'],
      effects: [{ stop: 'third_party', reason: '第三方已提出意见或逾期未提出' }, { resume: 'reply' }],
    },
    {
      key: 'reply',
      label: '作出答复',
      from: ['received'],
      to: 'replied',
      roles: ['law_office', 'unit_liaison', 'unit_head'],
      input: z.strictObject({ replyType: labelledEnum(REPLY_TYPES, '答复类型', 'replyType') }),
      inputColumns: { replyType: 'reply_type' },
      dateColumn: 'reply_date',
      effects: [{ stop: 'reply', reason: '已答复' }],
    },
    {
      key: 'withdraw',
      label: '申请人撤回',
      from: ['received', 'supplementing', 'consulting'],
      to: 'withdrawn',
      roles: ['law_office', 'unit_liaison', 'unit_head'],
      noteRequired: true,
      secondary: true,
      dateColumn: 'reply_date',
      effects: [{ stop: 'reply', reason: '申请人撤回' }, { stop: 'third_party', reason: '申请人撤回' }],
    },
  ],
};

export const DISCLOSURE_STATUSES = stateLabels(DISCLOSURE_WORKFLOW);

/** 公开申请: what is received; the reply (date and type) comes through the workflow, the deadline from the reply clock. */
export const DISCLOSURE_REQUEST = defineRecord({
  type: DISCLOSURE_RECORD_TYPE,
  title: '公开申请',
  table: 'foi_requests',
  fields: {
    receivedDate: f.date('收到日期', { required: true, notAfterToday: true, list: true, filter: true, sort: true, note: '答复期限自此计算，登记后不能直接修改', example: '2025-09-28' }),
    unitId: f.unit('受理机关', { required: true, list: true, filter: true, example: 'SFX-D09' }),
    caseNumber: f.text('答复书文号', { max: 64, input: false, importName: false, list: true, sort: true, search: true, note: '答复时按编号规则自动编号' }),
    applicantName: f.text('申请人', { max: 100, required: true, sort: true, search: true, importName: 'applicant', example: '张某' }),
    applicantType: f.enum('申请人类型', APPLICANT_TYPES, { filter: true, importName: false }),
    applicantIdNumber: f.idNumber('身份证号码', { column: 'applicant_id_enc', importName: false }),
    applicantPhone: f.phone('联系电话', { importName: false }),
    content: f.longText('申请内容', { max: 2000, required: true, search: true, example: '某地块征收补偿方案' }),
    channel: f.enum('申请方式', DISCLOSURE_CHANNELS, { required: true, filter: true, sort: true, importName: false }),
    delivery: f.enum('获取信息的方式', DELIVERY_METHODS, { importName: false }),
    contactAddress: f.text('通信地址或电子邮箱', { max: 200, importName: false, export: false }),
    replyDate: f.date('答复日期', { input: false, notBefore: ['receivedDate'], list: true, sort: true, note: '不早于收到日期', example: '2025-10-30' }),
    replyType: f.enum('答复类型', REPLY_TYPES, { input: false, list: true, filter: true, sort: true, example: '予以公开' }),
  },
});

export const disclosureRequestInput = createInput(DISCLOSURE_REQUEST);
export type DisclosureRequestInput = z.infer<typeof disclosureRequestInput>;

export const disclosureListQuery = listQuery(DISCLOSURE_REQUEST, {
  status: z.enum(Object.keys(DISCLOSURE_WORKFLOW.states) as [string, ...string[]], { error: '状态（status）无效' }).optional().meta({ title: '状态' }),
  overdue: z.enum(['true', 'false'], { error: '仅逾期（overdue）应为 true 或 false' }).optional().meta({ title: '仅逾期' }),
});
export type DisclosureListQuery = z.infer<typeof disclosureListQuery>;

/** Sealed applicant data shows masked (unmasking is its own audited request). */
export type DisclosureRequestView = RecordView<typeof DISCLOSURE_REQUEST.fields> & StatusView & DueView & {
  title: string;
  unitName: string;
  onTime: boolean | null;
  extended: boolean;
};

export type DisclosureRequestDetail = DisclosureRequestView & {
  clocks: ClockView[];
};
