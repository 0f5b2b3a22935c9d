// Dispute mediation — 矛盾纠纷调解 / 三调联动 (domain.md §2.10).
import { statusFilter, workflowOf } from '../workflow.ts';
import { OFFICE_AND_UNIT } from '../roles.ts';
import { z, text, labelledEnum } from '../zod.ts';
import { defineRecord, f, listQuery, updateInput, viewSchema, writes, type RecordView, type StatusView } from '../records.ts';

export const DISPUTE_RECORD_TYPE = 'dispute';
export const ORG_TYPES = { town: '乡镇（街道）调委会', village: '村（社区）调委会', industry: '行业性专业性调委会', joint: '联合调委会', park: '园区调委会' } as const;
export type OrgType = keyof typeof ORG_TYPES;
export const MEDIATION_CHANNELS = { people: '人民调解', administrative: '行政调解', judicial: '司法调解' } as const;
export type MediationChannel = keyof typeof MEDIATION_CHANNELS;
export const OUTCOMES = { success: '调解成功', failure: '调解不成功', transferred: '转其他途径' } as const;
export type DisputeOutcome = keyof typeof OUTCOMES;
export const DISPUTE_TYPES = ['婚姻家庭', '邻里纠纷', '房屋宅基地', '合同纠纷', '损害赔偿', '劳动争议', '土地承包', '医疗纠纷', '物业纠纷', '其他'] as const;

/** 调解组织 (domain.md §2.10): one line each field; forms, import, export and ledger derive from it. */
export const MEDIATION_ORG = defineRecord({
  type: 'mediation_org',
  title: '调解组织',
  table: 'mediation_orgs',
  fields: {
    unitId: f.unit('所属单位', { required: true, list: true, filter: true, detail: true, example: 'SFX-T01' }),
    name: f.text('名称', { max: 100, required: true, list: true, sort: true, search: true, example: '城关镇人民调解委员会' }),
    type: f.enum('类型', ORG_TYPES, { required: true, list: true, filter: true, sort: true, example: 'town' }),
    establishedDate: f.date('成立日期', { notAfterToday: true, list: true, sort: true, note: '可空（默认为登记当日）', example: '2012-06-01' }),
  },
});

/** 矛盾纠纷: what is received and mediated; the status, closure and return visit come through the workflow. */
export const DISPUTE = defineRecord({
  type: DISPUTE_RECORD_TYPE,
  title: '纠纷',
  table: 'disputes',
  fields: {
    receivedDate: f.date('受理日期', { required: true, notAfterToday: true, list: true, filter: true, sort: true, example: '2025-05-06' }),
    unitId: f.unit('受理单位', { required: true, filter: true, example: 'SFX-T01' }),
    caseNumber: f.text('调解案号', { max: 64, input: false, importName: false, list: true, sort: true, search: true, note: '开始调解时按编号规则自动编号' }),
    orgId: f.record('调解组织', { display: 'orgName', list: true, example: 'TJ-T01' }),
    type: f.text('纠纷类型', { max: 50, required: true, list: true, sort: true, search: true, suggest: DISPUTE_TYPES, note: '如 婚姻家庭、邻里纠纷、合同纠纷', example: '邻里纠纷' }),
    parties: f.text('当事人', { max: 300, required: true, search: true, note: '多方当事人以顿号分隔', example: '张某、李某' }),
    summary: f.longText('纠纷简况', { max: 2000, required: true, export: false, example: '两户因排水沟占用发生争执' }),
    channel: f.enum('调解途径', MEDIATION_CHANNELS, { required: true, list: true, filter: true, sort: true, example: '人民调解' }),
    linkedDisputeId: f.record('关联纠纷（三调联动）', { display: 'linkedTitle', importName: false, export: false }),
    mediators: f.text('调解员', { max: 200, required: true, note: '多人以顿号分隔', example: '王调解员' }),
    lawyerInvolved: f.boolean('律师参与', { list: true, filter: true, example: '否' }),
    outcome: f.enum('调解结果', OUTCOMES, { input: false, list: true, filter: true, sort: true, importNote: 'success/failure/transferred/pending 或 调解成功/调解不成功/转其他途径/调解中', example: '调解成功' }),
    agreement: f.longText('调解协议', { input: false, importName: false, export: false }),
    closedDate: f.date('结案日期', { input: false, notBefore: ['receivedDate'], sort: true, note: '已结案的必填', example: '2025-05-20' }),
    revisitDate: f.date('回访日期', { input: false, notBefore: ['closedDate'], note: '不早于结案日期', example: '2025-06-20' }),
    revisitResult: f.text('回访情况', { max: 1000, input: false, note: '有回访日期时填写', example: '当事人履行协议，无反复' }),
  },
});

export const DISPUTE_WORKFLOW = workflowOf(DISPUTE, {
  title: '矛盾纠纷',
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
    { key: 'close', label: '结案', from: ['received', 'mediating'], to: 'closed', roles: OFFICE_AND_UNIT, ...writes({ outcome: labelledEnum(OUTCOMES, '调解结果', 'outcome'), agreement: text('调解协议', 3000).optional() }), dateColumn: 'closed_date' },
    { key: 'revisit', label: '回访', from: ['closed'], to: 'revisited', roles: OFFICE_AND_UNIT, ...writes({ revisitResult: text('回访情况', 1000) }), dateColumn: 'revisit_date' },
  ],
});

/** What a correction of a dispute's intake may change (not its unit, nor the dispute it is linked to; its outcome and visit move through the workflow). */
export const DISPUTE_CORRECTABLE = ['receivedDate', 'orgId', 'type', 'parties', 'summary', 'channel', 'mediators', 'lawyerInvolved'] as const;
export const disputeUpdate = updateInput(DISPUTE, {}, DISPUTE_CORRECTABLE);

export const disputeListQuery = listQuery(DISPUTE, {
  ...statusFilter(DISPUTE_WORKFLOW),
});
export type DisputeListQuery = z.infer<typeof disputeListQuery>;

/** What the API answers for a dispute and an organisation (the OpenAPI document's response schemas). */
export const disputeView = viewSchema(DISPUTE, { title: z.string(), unitName: z.string(), orgName: z.string().nullable(), linkedTitle: z.string().nullable(), status: z.string(), statusLabel: z.string() });
export const mediationOrgView = viewSchema(MEDIATION_ORG, { unitName: z.string(), active: z.boolean(), disputes: z.number().int() });

export type MediationOrgView = RecordView<typeof MEDIATION_ORG.fields> & { unitName: string; active: boolean; disputes: number };

export type DisputeView = RecordView<typeof DISPUTE.fields> & StatusView & {
  title: string;
  unitName: string;
  orgName: string | null;
  linkedTitle: string | null;
};
