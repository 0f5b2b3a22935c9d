// Plans and tasks — 分工方案 / 任务台账 (domain.md §2.1): inputs, views and the task workflow.
import { z, text, isoDate } from '../zod.ts';
import { createInput, defineRecord, f, fieldSchema, listQuery, updateInput, viewSchema, writesText, type RecordView, type StatusView } from '../records.ts';
import { stateLabels, statusFilter, workflowOf } from '../workflow.ts';
import { UNIT_STAFF } from '../roles.ts';
import type { ClockView } from './calendar.ts';

export const TASK_RECORD_TYPE = 'task';

/** The statuses an import may set (待确认 only arises in the workflow). */
export const IMPORT_TASK_STATUSES = { not_started: '未开始', in_progress: '进行中', completed: '已完成', cancelled: '已取消' } as const;

/** 年度: a plan's year (2000–2100). */
export const planYear = z.number({ error: '年度（year）必须是整数' }).int({ error: '年度（year）必须是整数' }).min(2000, { error: '年度（year）不能早于 2000' }).max(2100, { error: '年度（year）不能晚于 2100' }).meta({ title: '年度' });

/** 分工方案: the county's plan of a year; its tasks hang below it. */
export const PLAN = defineRecord({
  type: 'plan',
  title: '分工方案',
  table: 'plans',
  fields: {
    year: f.integer('年度', { required: true, note: '方案年度（2000–2100）', example: '2026' }),
    title: f.text('方案名称', { max: 200, required: true, note: '分工方案名称', example: '示范县2026年法治政府建设重点任务分工方案' }),
    source: f.text('来源文件', { max: 300, note: '方案依据的文件，可空', example: '《2026年推进更高水平法治政府建设十项重点任务》' }),
    issuedDate: f.date('印发日期', { required: true, note: 'YYYY-MM-DD，不能晚于方案年度', example: '2026-03-10' }),
  },
});

// The year keeps its range; the source may be sent as null (no source).
const planExtra = { year: planYear, source: fieldSchema('source', PLAN.fields.source).nullable() };
export const planInput = createInput(PLAN, planExtra);
export type PlanInput = z.infer<typeof planInput>;
export const updatePlanInput = updateInput(PLAN, planExtra);

export const copyPlanInput = z.strictObject({
  year: planYear,
  issuedDate: isoDate('印发日期'),
  title: text('方案名称', 200).optional(),
});

export type PlanView = RecordView<typeof PLAN.fields> & { taskCount: number; completedCount: number };
export const planViewSchema = viewSchema(PLAN, { taskCount: z.number().int().meta({ title: '任务数' }), completedCount: z.number().int().meta({ title: '已完成任务数' }) });

/** 重点任务: a task of a plan, led by one unit (its owner for data scope) with co-units beside it. */
export const TASK = defineRecord({
  type: TASK_RECORD_TYPE,
  title: '重点任务',
  table: 'tasks',
  fields: {
    planId: f.record('方案', { required: true, display: 'planTitle', note: '所属方案的外部编号（先导入方案）', example: 'PLAN-2026' }),
    code: f.text('任务编号', { max: 32, required: true, list: true, search: true, note: '方案内的任务序号，方案内唯一', example: '1' }),
    title: f.text('任务名称', { max: 200, required: true, list: true, sort: true, search: true, example: '全面落实行政规范性文件合法性审核机制' }),
    content: f.longText('任务内容', { max: 5000, required: true, example: '各单位起草的行政规范性文件一律经合法性审核。' }),
    leadUnitId: f.unit('牵头单位', { column: 'unit_id', required: true, list: true, note: '牵头单位的编码', example: 'SFX-D01' }),
    // Shown by the ledger with its light (a column beside the kit), sorted on the server.
    dueDate: f.date('完成时限', { required: true, sort: true, note: 'YYYY-MM-DD，不能早于方案印发日期', example: '2026-12-31' }),
    percent: f.integer('进度', { required: true, input: false, importName: false, export: false, detail: false, sort: true }),
    completedDate: f.date('完成日期', { input: false, sort: true, note: '已完成的任务必填，不能早于方案印发日期，不能晚于今天' }),
    completionNote: f.longText('完成情况', { max: 2000, input: false, importName: false, export: false }),
  },
});

export const TASK_WORKFLOW = workflowOf(TASK, {
  readPermission: 'plan.read',
  linkPrefix: '/tasks/',
  states: {
    not_started: { label: '未开始', tone: 'default' },
    in_progress: { label: '进行中', tone: 'processing' },
    pending: { label: '待确认完成', tone: 'warning' },
    completed: { label: '已完成', tone: 'success', final: true },
    cancelled: { label: '已取消', tone: 'default', final: true },
  },
  transitions: [
    { key: 'start', label: '开始办理', from: ['not_started'], to: 'in_progress', roles: ['unit_liaison', 'unit_head'] },
    { key: 'submit', label: '申请完成', from: ['not_started', 'in_progress'], to: 'pending', roles: UNIT_STAFF, evidence: 1, ...writesText('completionNote', 'completion_note', '完成情况', 2000), effects: [{ pause: 'due', reason: '已申请完成，待法治办确认' }] },
    { key: 'confirm', label: '确认完成', from: ['pending'], to: 'completed', roles: ['law_office'], dateColumn: 'completed_date', effects: [{ stop: 'due', reason: '已完成' }] },
    { key: 'reject', label: '退回', from: ['pending'], to: 'in_progress', roles: ['law_office'], noteRequired: true, danger: true, effects: [{ resume: 'due' }] },
    { key: 'cancel', label: '取消任务', from: ['not_started', 'in_progress', 'pending'], to: 'cancelled', roles: ['law_office'], noteRequired: true, danger: true, secondary: true, effects: [{ stop: 'due', reason: '任务已取消' }] },
  ],
});
export const TASK_STATUSES = stateLabels(TASK_WORKFLOW);

export const milestone = z.strictObject({
  title: text('节点名称', 100),
  dueDate: isoDate('节点时间'),
  done: z.boolean().optional().meta({ title: '已完成' }),
});

/** What the definition cannot hold: the co-units (a table of their own) and the milestones (JSON). */
const taskExtra = {
  coUnitIds: z.array(z.string().min(1).max(64)).max(50, { error: '配合单位最多 50 个' }).optional().meta({ title: '配合单位' }),
  milestones: z.array(milestone).max(20, { error: '节点最多 20 个' }).optional().meta({ title: '时间节点' }),
};
export const taskInput = createInput(TASK, taskExtra);
export type TaskInput = z.infer<typeof taskInput>;
/** The edit: everything but the plan. */
export const updateTaskInput = updateInput(TASK, taskExtra, ['code', 'title', 'content', 'leadUnitId', 'dueDate']);
export type UpdateTaskInput = z.infer<typeof updateTaskInput>;

export const progressInput = z.strictObject({
  text: text('进展情况', 2000),
  percent: z.number({ error: '完成百分比（percent）必须是 0-100 的整数' }).int().min(0, { error: '完成百分比（percent）不能小于 0' }).max(100, { error: '完成百分比（percent）不能大于 100' }).meta({ title: '完成百分比' }),
  reportedOn: isoDate('报告日期').optional(),
});
export type ProgressInput = z.infer<typeof progressInput>;

/** The ledger query: keyword (`q`, or `keyword`) over code and title, sort, paging from the definition; the plan, its year, a unit (lead or co-unit), status, overdue and due date beside it. */
export const taskListQuery = listQuery(TASK, {
  planId: z.string().max(64).optional().meta({ title: '方案' }),
  year: z.coerce.number({ error: '年度（year）应为整数' }).int({ error: '年度（year）应为整数' }).min(2000, { error: '年度（year）不能早于 2000' }).max(2100, { error: '年度（year）不能晚于 2100' }).optional().meta({ title: '年度（方案年度）' }),
  unitId: z.string().max(64).optional().meta({ title: '单位（牵头或配合，含下级）' }),
  ...statusFilter(TASK_WORKFLOW),
  overdue: z.enum(['true', 'false'], { error: '仅逾期（overdue）应为 true 或 false' }).optional().meta({ title: '仅逾期' }),
  dueBefore: isoDate('完成时限不晚于').optional(),
  /** The keyword's earlier name (same as `q`). */
  keyword: z.string().trim().max(100, { error: '关键词不能超过 100 字' }).optional().meta({ title: '关键词（同 q）' }),
});
export type TaskListQuery = z.infer<typeof taskListQuery>;

type Light = 'green' | 'yellow' | 'red' | null;

export type TaskView = RecordView<typeof TASK.fields> & StatusView & {
  planTitle: string;
  leadUnitName: string;
  coUnits: { id: string; name: string }[];
  overdue: boolean;
  milestones: { title: string; dueDate: string; done?: boolean }[];
  /** The deadline as its clock counts it (the 完成时限 set, plus any paused days): shown with the light. */
  due: string;
  light: Light;
};

const taskExtraView = {
  planTitle: z.string().meta({ title: '方案名称' }),
  leadUnitName: z.string().meta({ title: '牵头单位名称' }),
  coUnits: z.array(z.object({ id: z.string(), name: z.string() })).meta({ title: '配合单位' }),
  status: z.enum(Object.keys(TASK_WORKFLOW.states) as [string, ...string[]]).meta({ title: '状态' }),
  statusLabel: z.string().meta({ title: '状态名称' }),
  overdue: z.boolean().meta({ title: '逾期' }),
  milestones: z.array(z.object({ title: z.string(), dueDate: z.string(), done: z.boolean().optional() })).meta({ title: '时间节点' }),
  due: z.string().meta({ title: '届满日（完成时限加暂停的日数）' }),
  light: z.enum(['green', 'yellow', 'red']).nullable().meta({ title: '红黄绿灯' }),
};
export const taskViewSchema = viewSchema(TASK, taskExtraView);

export interface ProgressView {
  id: string;
  unitName: string;
  reportedOn: string;
  text: string;
  percent: number;
  reporter: string | null;
  createdAt: string;
}

export type TaskDetail = TaskView & {
  progress: ProgressView[];
  clocks: ClockView[];
  /** Whether this user may report progress (lead or co-unit in scope). */
  canReport: boolean;
  /** Reports as a 配合单位: its percentage is its own part's, not the task's. */
  reportsAsCoUnit: boolean;
};

export const taskDetailSchema = taskViewSchema.extend({
  progress: z.array(z.object({ id: z.string(), unitName: z.string(), reportedOn: z.string(), text: z.string(), percent: z.number().int(), reporter: z.string().nullable(), createdAt: z.string() })).meta({ title: '进展报告' }),
  clocks: z.array(z.looseObject({ key: z.string(), status: z.string() })).meta({ title: '期限' }),
  canReport: z.boolean().meta({ title: '可报告进展' }),
  reportsAsCoUnit: z.boolean().meta({ title: '以配合单位身份报告（进度为本单位承担部分）' }),
});
