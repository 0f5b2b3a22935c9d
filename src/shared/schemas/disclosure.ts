// Information disclosure requests — 依申请公开 (domain.md §2.12; 政府信息公开条例 2019).
import { z, text, isoDate, pageQuery, labelledEnum } from '../zod.ts';
import type { WorkflowDef } from '../workflow.ts';
import type { ClockView } from './calendar.ts';
import { idNumber, phone } from './org.ts';

export const FOI_RECORD_TYPE = 'foi_request';
export const FOI_CHANNELS = { window: '当面', mail: '信函', online: '网上', fax: '传真' } as const;
export const REPLY_TYPES = { disclosed: '予以公开', partly: '部分公开', refused: '不予公开', not_exist: '信息不存在', not_ours: '非本机关', other: '其他' } as const;
export type ReplyType = keyof typeof REPLY_TYPES;


export const FOI_WORKFLOW: WorkflowDef = {
  recordType: FOI_RECORD_TYPE,
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

export const FOI_STATUSES = Object.fromEntries(Object.entries(FOI_WORKFLOW.states).map(([k, s]) => [k, s.label])) as Record<string, string>;

export const foiRequestInput = z.strictObject({
  unitId: z.string().min(1, { error: '受理机关（unitId）不能为空' }).max(64).meta({ title: '受理机关' }),
  applicantName: text('申请人', 100),
  applicantIdNumber: idNumber.optional(),
  applicantPhone: phone.optional(),
  content: text('申请公开的内容', 2000),
  receivedDate: isoDate('收到申请日期（receivedDate）'),
  channel: labelledEnum(FOI_CHANNELS, '申请方式', 'channel'),
});
export type FoiRequestInput = z.infer<typeof foiRequestInput>;

export const foiListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '年度' }),
  unitId: z.string().max(64).optional().meta({ title: '受理机关' }),
  status: z.enum(Object.keys(FOI_WORKFLOW.states) as [string, ...string[]], { error: '状态（status）无效' }).optional().meta({ title: '状态' }),
  replyType: z.enum(Object.keys(REPLY_TYPES) as [string, ...string[]], { error: '答复类型（replyType）无效' }).optional().meta({ title: '答复类型' }),
  overdue: z.enum(['true', 'false']).optional().meta({ title: '仅逾期' }),
  ...pageQuery,
});
export type FoiListQuery = z.infer<typeof foiListQuery>;

export interface FoiRequestView {
  id: string;
  ref: string | null;
  title: string;
  unitId: string;
  unitName: string;
  applicantName: string;
  applicantIdNumber: string | null;
  applicantPhone: string | null;
  content: string;
  receivedDate: string;
  channel: keyof typeof FOI_CHANNELS;
  status: string;
  statusLabel: string;
  replyDate: string | null;
  replyType: ReplyType | null;
  due: string | null;
  light: 'green' | 'yellow' | 'red' | null;
  onTime: boolean | null;
  extended: boolean;
  version: number;
}

export interface FoiRequestDetail extends FoiRequestView {
  clocks: ClockView[];
}
