// Dispute mediation — 矛盾纠纷调解 / 三调联动 (domain.md §2.10).
import { z, text, isoDate, pageQuery, labelledEnum } from '../zod.ts';
import type { WorkflowDef } from '../workflow.ts';

export const DISPUTE_RECORD_TYPE = 'dispute';
export const ORG_TYPES = { town: '乡镇（街道）调委会', village: '村（社区）调委会', industry: '行业性专业性调委会', joint: '联合调委会', park: '园区调委会' } as const;
export type OrgType = keyof typeof ORG_TYPES;
export const MEDIATION_CHANNELS = { people: '人民调解', administrative: '行政调解', judicial: '司法调解' } as const;
export type MediationChannel = keyof typeof MEDIATION_CHANNELS;
export const OUTCOMES = { success: '调解成功', failure: '调解不成功', transferred: '转其他途径' } as const;
export type DisputeOutcome = keyof typeof OUTCOMES;
export const DISPUTE_TYPES = ['婚姻家庭', '邻里纠纷', '房屋宅基地', '合同纠纷', '损害赔偿', '劳动争议', '土地承包', '医疗纠纷', '物业纠纷', '其他'] as const;

export const DISPUTE_WORKFLOW: WorkflowDef = {
  recordType: DISPUTE_RECORD_TYPE,
  title: '矛盾纠纷',
  table: 'disputes',
  titleColumn: 'title',
  readPermission: 'mediation.read',
  linkPrefix: '/disputes/',
  states: {
    received: { label: '已受理', tone: 'processing' },
    mediating: { label: '调解中', tone: 'processing' },
    closed: { label: '已结案待回访', tone: 'warning' },
    revisited: { label: '已回访', tone: 'success', final: true },
  },
  transitions: [
    { key: 'start', label: '开始调解', from: ['received'], to: 'mediating', roles: ['law_office', 'unit_liaison', 'unit_head'] },
    {
      key: 'close',
      label: '结案',
      from: ['received', 'mediating'],
      to: 'closed',
      roles: ['law_office', 'unit_liaison', 'unit_head'],
      input: z.strictObject({
        outcome: labelledEnum(OUTCOMES, '调解结果', 'outcome'),
        agreement: text('调解协议', 3000).optional(),
      }),
      inputColumns: { outcome: 'outcome', agreement: 'agreement' },
      dateColumn: 'closed_date',
    },
    {
      key: 'revisit',
      label: '回访',
      from: ['closed'],
      to: 'revisited',
      roles: ['law_office', 'unit_liaison', 'unit_head'],
      input: z.strictObject({ revisitResult: text('回访情况', 1000) }),
      inputColumns: { revisitResult: 'revisit_result' },
      dateColumn: 'revisit_date',
    },
  ],
};

export const DISPUTE_STATUSES = Object.fromEntries(Object.entries(DISPUTE_WORKFLOW.states).map(([k, s]) => [k, s.label])) as Record<string, string>;

export const orgInput = z.strictObject({
  unitId: z.string().min(1, { error: '所属单位（unitId）不能为空' }).max(64).meta({ title: '所属单位' }),
  name: text('调解组织名称', 100),
  type: z.enum(Object.keys(ORG_TYPES) as [OrgType, ...OrgType[]], { error: '类型（type）无效，可选：town、village、industry、joint、park' }).meta({ title: '类型' }),
  establishedDate: isoDate('成立日期（establishedDate）').optional(),
});

export const disputeInput = z.strictObject({
  unitId: z.string().min(1, { error: '受理单位（unitId）不能为空' }).max(64).meta({ title: '受理单位' }),
  orgId: z.string().min(1).max(64).nullable().optional().meta({ title: '调解组织' }),
  type: text('纠纷类型', 50),
  parties: text('当事人', 300),
  summary: text('纠纷简况', 2000),
  receivedDate: isoDate('受理日期（receivedDate）'),
  channel: z.enum(['people', 'administrative', 'judicial'], { error: '调解途径（channel）应为 people、administrative 或 judicial' }).meta({ title: '调解途径' }),
  linkedDisputeId: z.string().min(1).max(64).nullable().optional().meta({ title: '关联纠纷（三调联动）' }),
  mediators: text('调解员', 200),
  lawyerInvolved: z.boolean().optional().meta({ title: '律师参与' }),
});
export type DisputeInput = z.infer<typeof disputeInput>;

export const disputeListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '年度' }),
  unitId: z.string().max(64).optional().meta({ title: '受理单位' }),
  channel: z.enum(['people', 'administrative', 'judicial']).optional().meta({ title: '调解途径' }),
  status: z.enum(Object.keys(DISPUTE_WORKFLOW.states) as [string, ...string[]], { error: '状态（status）无效' }).optional().meta({ title: '状态' }),
  outcome: z.enum(['success', 'failure', 'transferred']).optional().meta({ title: '调解结果' }),
  ...pageQuery,
});

export interface MediationOrgView {
  id: string;
  ref: string | null;
  unitId: string;
  unitName: string;
  name: string;
  type: OrgType;
  establishedDate: string;
  active: boolean;
  disputes: number;
}

export interface DisputeView {
  id: string;
  ref: string | null;
  title: string;
  unitId: string;
  unitName: string;
  orgId: string | null;
  orgName: string | null;
  type: string;
  parties: string;
  summary: string;
  receivedDate: string;
  channel: MediationChannel;
  linkedDisputeId: string | null;
  linkedTitle: string | null;
  mediators: string;
  lawyerInvolved: boolean;
  status: string;
  statusLabel: string;
  outcome: DisputeOutcome | null;
  agreement: string | null;
  closedDate: string | null;
  revisitDate: string | null;
  revisitResult: string | null;
  version: number;
}
