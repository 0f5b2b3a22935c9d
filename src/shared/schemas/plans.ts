// Plans and tasks — 分工方案 / 任务台账 (domain.md §2.1): inputs, views and the task workflow.
import { z, text, isoDate, version, pageQuery } from '../zod.ts';
import type { WorkflowDef } from '../workflow.ts';
import type { ClockView } from './calendar.ts';

export const TASK_RECORD_TYPE = 'task';

export const TASK_WORKFLOW: WorkflowDef = {
  recordType: TASK_RECORD_TYPE,
  title: '重点任务',
  table: 'tasks',
  titleColumn: 'title',
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
    {
      key: 'submit',
      label: '申请完成',
      from: ['not_started', 'in_progress'],
      to: 'pending',
      roles: ['unit_liaison', 'unit_head'],
      evidence: 1,
      input: z.strictObject({ completionNote: text('完成情况', 2000) }),
      inputColumns: { completionNote: 'completion_note' },
      requiredFields: [{ column: 'completion_note', label: '完成情况' }],
      effects: [{ pause: 'due', reason: '已申请完成，待法治办确认' }],
    },
    { key: 'confirm', label: '确认完成', from: ['pending'], to: 'completed', roles: ['law_office'], dateColumn: 'completed_date', effects: [{ stop: 'due', reason: '已完成' }] },
    { key: 'reject', label: '退回', from: ['pending'], to: 'in_progress', roles: ['law_office'], noteRequired: true, danger: true, effects: [{ resume: 'due' }] },
    { key: 'cancel', label: '取消任务', from: ['not_started', 'in_progress', 'pending'], to: 'cancelled', roles: ['law_office'], noteRequired: true, danger: true, secondary: true, effects: [{ stop: 'due', reason: '任务已取消' }] },
  ],
};

export const TASK_STATUSES = Object.fromEntries(Object.entries(TASK_WORKFLOW.states).map(([k, s]) => [k, s.label])) as Record<string, string>;
/** The statuses an import may set (待确认 only arises in the workflow). */
export const IMPORT_TASK_STATUSES = { not_started: '未开始', in_progress: '进行中', completed: '已完成', cancelled: '已取消' } as const;

const year = z.number({ error: '年度（year）必须是整数' }).int().min(2000, { error: '年度（year）不能早于 2000' }).max(2100, { error: '年度（year）不能晚于 2100' }).meta({ title: '年度' });

export const planInput = z.strictObject({
  year,
  title: text('方案名称', 200),
  source: text('来源文件', 300).nullable().optional(),
  issuedDate: isoDate('印发日期（issuedDate）'),
});
export type PlanInput = z.infer<typeof planInput>;
export const updatePlanInput = planInput.extend({ version });

export const copyPlanInput = z.strictObject({
  year,
  issuedDate: isoDate('印发日期（issuedDate）'),
  title: text('方案名称', 200).optional(),
});

const unitIdField = (label: string) => z.string({ error: `${label}不能为空` }).min(1, { error: `${label}不能为空` }).max(64).meta({ title: label });

export const milestone = z.strictObject({
  title: text('节点名称', 100),
  dueDate: isoDate('节点时间（milestones.dueDate）'),
  done: z.boolean().optional().meta({ title: '已完成' }),
});

export const taskInput = z.strictObject({
  planId: unitIdField('所属方案（planId）'),
  code: text('任务编号', 32),
  title: text('任务名称', 200),
  content: text('任务内容', 5000),
  leadUnitId: unitIdField('牵头单位（leadUnitId）'),
  coUnitIds: z.array(z.string().min(1).max(64)).max(50, { error: '配合单位最多 50 个' }).optional().meta({ title: '配合单位' }),
  dueDate: isoDate('完成时限（dueDate）'),
  milestones: z.array(milestone).max(20, { error: '节点最多 20 个' }).optional().meta({ title: '时间节点' }),
});
export type TaskInput = z.infer<typeof taskInput>;
export const updateTaskInput = taskInput.omit({ planId: true }).extend({ version });
export type UpdateTaskInput = z.infer<typeof updateTaskInput>;

export const progressInput = z.strictObject({
  text: text('进展情况', 2000),
  percent: z.number({ error: '完成百分比（percent）必须是 0-100 的整数' }).int().min(0, { error: '完成百分比（percent）不能小于 0' }).max(100, { error: '完成百分比（percent）不能大于 100' }).meta({ title: '完成百分比' }),
  reportedOn: isoDate('报告日期（reportedOn）').optional(),
});
export type ProgressInput = z.infer<typeof progressInput>;

export const taskListQuery = z.strictObject({
  planId: z.string().max(64).optional().meta({ title: '方案' }),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '年度' }),
  unitId: z.string().max(64).optional().meta({ title: '单位（牵头或配合）' }),
  status: z.enum(Object.keys(TASK_WORKFLOW.states) as [string, ...string[]], { error: '状态（status）无效' }).optional().meta({ title: '状态' }),
  overdue: z.enum(['true', 'false']).optional().meta({ title: '仅逾期' }),
  dueBefore: isoDate('完成时限早于（dueBefore）').optional(),
  keyword: z.string().trim().max(100).optional().meta({ title: '关键词' }),
  ...pageQuery,
});
export type TaskListQuery = z.infer<typeof taskListQuery>;

export interface PlanView {
  id: string;
  ref: string | null;
  year: number;
  title: string;
  source: string | null;
  issuedDate: string;
  taskCount: number;
  completedCount: number;
  version: number;
}

export interface TaskView {
  id: string;
  ref: string | null;
  planId: string;
  planTitle: string;
  code: string;
  title: string;
  content: string;
  leadUnitId: string;
  leadUnitName: string;
  coUnits: { id: string; name: string }[];
  dueDate: string;
  status: string;
  statusLabel: string;
  overdue: boolean;
  percent: number;
  completedDate: string | null;
  completionNote: string | null;
  milestones: { title: string; dueDate: string; done?: boolean }[];
  light: 'green' | 'yellow' | 'red' | null;
  version: number;
}

export interface ProgressView {
  id: string;
  unitName: string;
  reportedOn: string;
  text: string;
  percent: number;
  reporter: string | null;
  createdAt: string;
}

export interface TaskDetail extends TaskView {
  progress: ProgressView[];
  clocks: ClockView[];
  /** Whether this user may report progress (lead or co-unit in scope). */
  canReport: boolean;
}
