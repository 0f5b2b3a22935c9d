// Proposals — 人大代表建议 / 政协委员提案 (domain.md §2.13): assigned to a lead unit, replied within
// 3 months (6 if complex), the proposer's satisfaction recorded.
import { z, text, isoDate, pageQuery, labelledEnum } from '../zod.ts';
import type { WorkflowDef } from '../workflow.ts';
import type { ClockView } from './calendar.ts';

export const PROPOSAL_RECORD_TYPE = 'proposal';
export const PROPOSAL_KINDS = { npc: '人大代表建议', cppcc: '政协委员提案' } as const;
export type ProposalKind = keyof typeof PROPOSAL_KINDS;
export const SATISFACTION = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' } as const;
export type Satisfaction = keyof typeof SATISFACTION;

export const PROPOSAL_WORKFLOW: WorkflowDef = {
  recordType: PROPOSAL_RECORD_TYPE,
  title: '建议提案',
  table: 'proposals',
  titleColumn: 'title',
  readPermission: 'proposal.read',
  linkPrefix: '/proposals/',
  states: {
    assigned: { label: '办理中', tone: 'processing' },
    replied: { label: '已答复', tone: 'warning' },
    closed: { label: '已办结', tone: 'success', final: true },
  },
  transitions: [
    {
      key: 'reply',
      label: '答复代表委员',
      from: ['assigned'],
      to: 'replied',
      roles: ['unit_liaison', 'unit_head'],
      evidence: 1,
      dateColumn: 'reply_date',
      effects: [{ stop: 'reply', reason: '已答复' }],
    },
    {
      key: 'close',
      label: '登记满意度并办结',
      from: ['replied'],
      to: 'closed',
      roles: ['law_office'],
      input: z.strictObject({ satisfaction: labelledEnum(SATISFACTION, '满意度', 'satisfaction') }),
      inputColumns: { satisfaction: 'satisfaction' },
    },
  ],
};

export const PROPOSAL_STATUSES = Object.fromEntries(Object.entries(PROPOSAL_WORKFLOW.states).map(([k, s]) => [k, s.label])) as Record<string, string>;

export const proposalInput = z.strictObject({
  kind: z.enum(['npc', 'cppcc'], { error: '类别（kind）应为 npc（人大代表建议）或 cppcc（政协委员提案）' }).meta({ title: '类别' }),
  number: text('编号', 32),
  title: text('标题', 200),
  proposer: text('代表委员', 100),
  leadUnitId: z.string().min(1, { error: '主办单位（leadUnitId）不能为空' }).max(64).meta({ title: '主办单位' }),
  assignedDate: isoDate('交办日期（assignedDate）'),
  complex: z.boolean().optional().meta({ title: '涉及面广、办理难度大' }),
  filed: z.boolean().nullable().optional().meta({ title: '是否立案（政协提案）' }),
});
export type ProposalInput = z.infer<typeof proposalInput>;

export const proposalListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '交办年度' }),
  kind: z.enum(['npc', 'cppcc']).optional().meta({ title: '类别' }),
  unitId: z.string().max(64).optional().meta({ title: '主办单位' }),
  status: z.enum(Object.keys(PROPOSAL_WORKFLOW.states) as [string, ...string[]], { error: '状态（status）无效' }).optional().meta({ title: '状态' }),
  ...pageQuery,
});

export interface ProposalView {
  id: string;
  ref: string | null;
  kind: ProposalKind;
  number: string;
  title: string;
  proposer: string;
  unitId: string;
  unitName: string;
  assignedDate: string;
  complex: boolean;
  filed: boolean | null;
  status: string;
  statusLabel: string;
  replyDate: string | null;
  satisfaction: Satisfaction | null;
  due: string | null;
  light: 'green' | 'yellow' | 'red' | null;
  onTime: boolean | null;
  version: number;
}

export interface ProposalDetail extends ProposalView {
  clocks: ClockView[];
}
