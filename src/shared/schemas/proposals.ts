// Proposals — 人大代表建议 / 政协委员提案 (domain.md §2.13): assigned to a lead unit, replied within
// 3 months (6 if complex), the proposer's satisfaction recorded.
import { z, labelledEnum } from '../zod.ts';
import { createInput, defineRecord, f, listQuery, writes, type DueView, type RecordView, type StatusView } from '../records.ts';
import { stateLabels, statusFilter, workflowOf } from '../workflow.ts';
import { UNIT_STAFF } from '../roles.ts';
import type { ClockView } from './calendar.ts';

export const PROPOSAL_RECORD_TYPE = 'proposal';
export const PROPOSAL_KINDS = { npc: '人大代表建议', cppcc: '政协委员提案' } as const;
export type ProposalKind = keyof typeof PROPOSAL_KINDS;
export const SATISFACTION = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' } as const;
export type Satisfaction = keyof typeof SATISFACTION;

/**
 * 建议提案: what the law office assigns (the lead unit, the date that starts the reply clock) and
 * what the workflow records (the reply date, the proposer's satisfaction). One line each field.
 */
export const PROPOSAL = defineRecord({
  type: PROPOSAL_RECORD_TYPE,
  title: '建议提案',
  table: 'proposals',
  fields: {
    kind: f.enum('类别', PROPOSAL_KINDS, { required: true, list: true, filter: true, sort: true, example: '政协委员提案' }),
    number: f.text('编号', { max: 32, required: true, list: true, sort: true, search: true, note: '建议或提案号', example: '12' }),
    title: f.text('标题', { max: 200, required: true, list: true, sort: true, search: true, detail: false, example: '关于加强农村法律顾问服务的建议' }),
    proposer: f.text('代表委员', { max: 100, required: true, search: true, importName: false }),
    leadUnitId: f.unit('主办单位', { required: true, column: 'unit_id', display: 'unitName', list: true, filter: true, example: 'SFX-D01' }),
    assignedDate: f.date('交办日期', { basis: '《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》（2025年修正）第五十一条：自交办之日起3个月内答复，情况复杂的不超过6个月；政协提案按本地提案工作规定', required: true, notAfterToday: true, list: true, filter: true, sort: true, example: '2025-03-20' }),
    complex: f.boolean('情况复杂', { importName: false, note: '涉及面广、办理难度大的，6个月内答复' }),
    filed: f.boolean('是否立案', { note: '仅适用于政协提案', example: '是' }),
    replyDate: f.date('答复日期', { basis: '《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》（2025年修正）第五十一条', input: false, notBefore: ['assignedDate'], list: true, sort: true, note: '不早于交办日期', example: '2025-06-10' }),
    satisfaction: f.enum('满意度', SATISFACTION, { input: false, list: true, filter: true, sort: true, importNote: 'satisfied/basically/unsatisfied 或 满意/基本满意/不满意', note: '需已答复', example: '满意' }),
  },
});

export const PROPOSAL_WORKFLOW = workflowOf(PROPOSAL, {
  readPermission: 'proposal.read',
  linkPrefix: '/proposals/',
  states: {
    assigned: { label: '办理中', tone: 'processing' },
    replied: { label: '已答复', tone: 'warning' },
    closed: { label: '已办结', tone: 'success', final: true },
  },
  transitions: [
    { key: 'reply', label: '答复代表委员', from: ['assigned'], to: 'replied', roles: UNIT_STAFF, evidence: 1, dateColumn: 'reply_date', effects: [{ stop: 'reply', reason: '已答复' }] },
    { key: 'close', label: '登记满意度并办结', from: ['replied'], to: 'closed', roles: ['law_office'], ...writes({ satisfaction: labelledEnum(SATISFACTION, '满意度', 'satisfaction') }) },
  ],
});
export const PROPOSAL_STATUSES = stateLabels(PROPOSAL_WORKFLOW);

/** `filed` is null for an NPC suggestion (filing applies to CPPCC proposals only). */
export const proposalInput = createInput(PROPOSAL, { filed: z.boolean({ error: '是否立案应为“是”或“否”' }).nullable().optional().meta({ title: '是否立案' }) });
export type ProposalInput = Omit<z.infer<typeof proposalInput>, 'filed'> & { filed?: boolean | null };

/** The ledger's query; `unitId` is the older name of the lead unit filter (`leadUnitId`). */
export const proposalListQuery = listQuery(PROPOSAL, {
  unitId: z.string().trim().max(64).optional().meta({ title: '主办单位（同 leadUnitId）' }),
  ...statusFilter(PROPOSAL_WORKFLOW),
});
export type ProposalListQuery = z.infer<typeof proposalListQuery>;

export type ProposalView = RecordView<typeof PROPOSAL.fields> & StatusView & DueView & {
  /** The lead unit (the same as leadUnitId) and its name. */
  unitId: string;
  unitName: string;
  onTime: boolean | null;
};

export interface ProposalDetail extends ProposalView {
  clocks: ClockView[];
}
