// Supervision and rectification — 法治督察 / 整改闭环 (domain.md §2.2): inspections, findings and
// their rectification loop, interviews (约谈), circulars (通报) and supervision notices (督办单).
import { z, text, isoDate } from '../zod.ts';
import { createInput, defineRecord, f, listQuery, updateInput, viewSchema, writesText, type RecordView } from '../records.ts';
import { rectificationLoop, stateLabels, steplessWorkflow, workflowOf } from '../workflow.ts';
import type { ClockView } from './calendar.ts';

export const FINDING_RECORD_TYPE = 'finding';

export const INSPECTION_KINDS = { written: '书面', onsite: '实地', special: '专项', unannounced: '暗访' } as const;
export type InspectionKind = keyof typeof INSPECTION_KINDS;
export const SEVERITIES = { general: '一般', major: '重大' } as const;
export type Severity = keyof typeof SEVERITIES;
export const CHECKLIST_KINDS = { required: '规定动作', optional: '自选动作' } as const;
export const NOTICE_KINDS = { circular: '通报', supervision: '督办单' } as const;
export const NOTICE_RECORD_TYPE = 'notice';

/** 督察: planned by the law office (the organiser is the planner's unit); its target units and checklist sit beside the definition. */
export const INSPECTION = defineRecord({
  type: 'inspection',
  title: '督察',
  table: 'inspections',
  fields: {
    organiserId: f.unit('组织单位', { column: 'unit_id', required: true, input: false, note: '组织督察的单位编码', example: 'SFX-D01' }),
    title: f.text('督察名称', { max: 200, required: true, list: true, sort: true, search: true, example: '2026年度行政执法专项督察' }),
    kind: f.enum('督察方式', INSPECTION_KINDS, { required: true, list: true, filter: true, sort: true, importNote: 'written/onsite/special/unannounced，或 书面/实地/专项/暗访', example: '实地' }),
    date: f.date('督察日期', { required: true, list: true, filter: true, sort: true, example: '2026-05-20' }),
    inspectors: f.text('督察人员', { max: 300, required: true, list: true, search: true, importName: false }),
    summary: f.longText('督察情况', { max: 5000, importName: false, export: false }),
  },
});

const FINDING_LOOP = rectificationLoop({
  rectifying: {
    state: { label: '整改中', tone: 'processing' },
    start: { key: 'start', label: '制定整改措施', from: ['open', 'reopened'], to: 'rectifying', roles: ['unit_liaison', 'unit_head'], ...writesText('measures', 'measures', '整改措施', 3000) },
  },
  reviewers: ['law_office', 'inspector'],
  verify: {
    label: '回头看核查销号',
    field: 'followupResult',
    column: 'followup_result',
    text: '回头看核查情况',
    // A major finding is closed only after its unit head has been interviewed (约谈).
    check: (f) => (f.severity === 'major' && !f.interviewed_on ? '重大问题须先记录对单位负责人的约谈' : null),
  },
});
export const FINDING_STATUSES = stateLabels(FINDING_LOOP);

/** 督察发现的问题: the status, measures, dates and follow-up come through the workflow (or an import). */
export const FINDING = defineRecord({
  type: FINDING_RECORD_TYPE,
  title: '问题',
  table: 'findings',
  fields: {
    inspectionId: f.record('督察', { required: true, note: '所属督察的外部编号（先导入督察）', example: 'INS-2026-01' }),
    unitId: f.unit('责任单位', { required: true, list: true, filter: true, note: '须为该次督察的对象单位', example: 'SFX-D03' }),
    description: f.longText('问题描述', { max: 2000, required: true, list: true, search: true, example: '行政执法全过程记录不完整' }),
    severity: f.enum('严重程度', SEVERITIES, { required: true, list: true, filter: true, sort: true, importNote: 'general/major，或 一般/重大', example: '一般' }),
    dueDate: f.date('整改期限', { basis: '《法治政府建设与责任落实督察工作规定》：督察发现的问题，被督察单位应当在规定期限内整改并报送整改情况', required: true, sort: true, note: 'YYYY-MM-DD，不能早于督察日期', example: '2026-07-31' }),
    status: f.enum('状态', FINDING_STATUSES, { input: false, filter: true, detail: false, importNote: 'open/rectifying/rectified/verified/reopened，或 待整改/整改中/已整改/已核查/重新整改', note: '默认待整改', example: '已整改' }),
    noticeNumber: f.text('整改通知书文号', { max: 64, input: false, importName: false, list: true, sort: true, search: true, note: '记录问题（发出整改通知书）时按编号规则自动编号；导入的已整改问题不编号' }),
    measures: f.longText('整改措施', { max: 3000, input: false, importName: false }),
    rectifiedDate: f.date('整改完成日期', { input: false, note: '已整改、已核查的必填；不能早于督察日期', example: '2026-07-20' }),
    verifiedDate: f.date('核查日期', { input: false, notBefore: ['rectifiedDate'], note: '已核查的必填；不能早于整改完成日期' }),
    followupResult: f.longText('回头看核查情况', { max: 2000, input: false, importName: false, export: false }),
    interviewedOn: f.date('约谈日期', { input: false, importName: false }),
  },
});

export const FINDING_WORKFLOW = workflowOf(FINDING, {
  title: '督察问题',
  titleColumn: 'description',
  readPermission: 'supervision.read',
  linkPrefix: '/findings/',
  ...FINDING_LOOP,
});

/** 通报 (to every unit) and 督办单 (to the unit of one finding; escalation issues them by level). */
export const NOTICE = defineRecord({
  type: NOTICE_RECORD_TYPE,
  title: '通报或督办单',
  table: 'notices',
  fields: {
    issuedDate: f.date('印发日期', { required: true, notAfterToday: true, list: true, filter: true, sort: true }),
    kind: f.enum('类型', NOTICE_KINDS, { required: true, filter: true }),
    title: f.text('标题', { max: 200, required: true, list: true, sort: true, search: true }),
    caseNumber: f.text('文号', { max: 64, input: false, importName: false, list: true, sort: true, search: true, note: '印发时按编号规则自动编号' }),
    content: f.longText('正文', { max: 10000, required: true, search: true, export: false }),
    unitId: f.unit('单位', { required: true, input: false, list: true, filter: true }),
    inspectionId: f.record('相关督察', { export: false }),
    findingId: f.record('相关问题', { export: false }),
    level: f.integer('督办级别', { input: false }),
  },
});

/**
 * A notice is issued by being recorded and has no steps of its own; as a workflow record it has a
 * page with its evidence and documents (the printed 督办单 or 通报), and is found by global search.
 */
export const NOTICE_WORKFLOW = steplessWorkflow(NOTICE, { title: '通报与督办单', readPermission: 'supervision.read', linkPrefix: '/notices/',
  // A circular is published to every unit (listNotices): its page, timeline included, reads for all.
  sharedWhen: (n) => n.kind === 'circular', evidenceShared: true }, { key: 'issued', label: '已印发' });

const unitIds = (label: string) => z.array(z.string().min(1).max(64)).min(1, { error: `${label}至少选择一个` }).max(200).meta({ title: label });

export const checklistItem = z.strictObject({
  item: text('检查事项', 200),
  kind: z.enum(['required', 'optional'], { error: '检查事项类别应为 required（规定动作）或 optional（自选动作）' }).meta({ title: '类别' }),
});

/** What the definition cannot hold: the target units (a table of their own) and the checklist (JSON). */
const inspectionExtra = {
  targetUnitIds: unitIds('督察对象'),
  checklist: z.array(checklistItem).max(100, { error: '检查事项最多 100 项' }).optional().meta({ title: '检查清单' }),
  // An empty summary may be sent as null (as before the definition).
  summary: text('督察情况', 5000).nullable().optional(),
};
export const inspectionInput = createInput(INSPECTION, inspectionExtra);
export type InspectionInput = z.infer<typeof inspectionInput>;
export const updateInspectionInput = updateInput(INSPECTION, inspectionExtra);
export type UpdateInspectionInput = z.infer<typeof updateInspectionInput>;

export const interviewInput = z.strictObject({
  heldOn: isoDate('约谈日期（heldOn）'),
  interviewee: text('约谈对象', 100),
  conductedBy: text('约谈人', 100),
  notes: text('约谈情况', 2000),
});
export type InterviewInput = z.infer<typeof interviewInput>;

export const inspectionListQuery = listQuery(INSPECTION);
export type InspectionListQuery = z.infer<typeof inspectionListQuery>;

export const findingListQuery = listQuery(FINDING, {
  inspectionId: z.string().trim().max(64).optional().meta({ title: '所属督察' }),
  overdue: z.enum(['true', 'false'], { error: '仅逾期（overdue）应为 true 或 false' }).optional().meta({ title: '仅逾期' }),
});
export type FindingListQuery = z.infer<typeof findingListQuery>;

export const noticeListQuery = listQuery(NOTICE);
export type NoticeListQuery = z.infer<typeof noticeListQuery>;

const light = z.enum(['green', 'yellow', 'red']).nullable();

/** What the API answers (the OpenAPI document's response schemas). */
export const inspectionView = viewSchema(INSPECTION, {
  organiserName: z.string(),
  checklist: z.array(z.object({ item: z.string(), kind: z.enum(['required', 'optional']) })),
  targets: z.array(z.object({ id: z.string(), name: z.string() })),
  findingCount: z.number().int(),
  openCount: z.number().int(),
});
export const findingView = viewSchema(FINDING, { status: z.enum(Object.keys(FINDING_WORKFLOW.states) as [string, ...string[]]), inspectionTitle: z.string(), unitName: z.string(), statusLabel: z.string(), overdue: z.boolean(), due: z.string().meta({ title: '届满日（整改期限加待核查的日数）' }), light });
export const noticeView = viewSchema(NOTICE, { status: z.literal('issued'), unitName: z.string(), inspectionTitle: z.string().nullable(), findingTitle: z.string().nullable(), createdAt: z.string() });
export const findingDetailView = findingView.extend({
  interviews: z.array(z.object({ id: z.string(), heldOn: z.string(), interviewee: z.string(), conductedBy: z.string(), notes: z.string() })),
  notices: z.array(noticeView),
  clocks: z.array(z.object({ key: z.string(), label: z.string(), status: z.string(), due: z.string(), light }).loose()),
});

export type InspectionView = RecordView<typeof INSPECTION.fields> & {
  organiserName: string;
  checklist: { item: string; kind: 'required' | 'optional' }[];
  targets: { id: string; name: string }[];
  findingCount: number;
  openCount: number;
};

export type FindingView = RecordView<typeof FINDING.fields> & {
  status: string;
  inspectionTitle: string;
  unitName: string;
  statusLabel: string;
  overdue: boolean;
  /** The deadline as its clock counts it (the 整改期限 set, plus the days waiting for verification). */
  due: string;
  light: 'green' | 'yellow' | 'red' | null;
};

export interface InterviewView {
  id: string;
  heldOn: string;
  interviewee: string;
  conductedBy: string;
  notes: string;
}

export type NoticeView = RecordView<typeof NOTICE.fields> & {
  /** Always 已印发 (the notice workflow has one state). */
  status: 'issued';
  unitName: string;
  inspectionTitle: string | null;
  findingTitle: string | null;
  createdAt: string;
};

export interface FindingDetail extends FindingView {
  interviews: InterviewView[];
  notices: NoticeView[];
  clocks: ClockView[];
}
