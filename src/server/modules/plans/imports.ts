// Import types `plans` and `tasks` (issue contract: field names are API; xlsx uses the Chinese headers),
// through the module's own commands: a row creates or edits as the plan and task routes do, and a
// task's status (history the app did not see) is recorded by the command that closes its clock.
import { z } from '../../../shared/zod.ts';
import { enumFromLabels } from '../../../shared/schemas/org.ts';
import { IMPORT_TASK_STATUSES, PLAN, TASK, type TaskInput } from '../../../shared/schemas/plans.ts';
import type { ImportField } from '../../kernel/imports/types.ts';
import { importFields, importInput, importRow } from '../../kernel/imports/from-record.ts';
import { platformImport, type ExistingRecord, type RefImportRun } from '../../kernel/imports/by-ref.ts';
import { createPlan, insertTask, recordTaskStatus, updatePlan, updateTask } from './plans.ts';

// Plans and tasks are the county's, imported by the law office: refs are unique on the whole platform.
const refNote = (what: string) => `${what}的唯一编号，再次导入同一编号时更新`;

const planRow = importRow(PLAN, {
  year: z.coerce.number({ error: '年度必须是整数' }).int({ error: '年度必须是整数' }).min(2000, { error: '年度不能早于 2000' }).max(2100, { error: '年度不能晚于 2100' }).meta({ title: '年度' }),
});
type PlanRow = z.infer<typeof planRow>;

const [planRef, ...planFields] = importFields(PLAN, 'PLAN-2026');

export const plansImport = platformImport<PlanRow>({
  type: 'plans',
  title: '分工方案',
  permission: 'plan.manage',
  fields: [{ ...planRef!, note: refNote('方案') }, ...planFields],
  row: planRow,
  table: 'plans',
  create: (v, { tx, platform, actor }) => createPlan(tx, platform, actor, { ...v, source: v.source ?? null }),
  update: (v, plan, { tx, platform, actor }) => updatePlan(tx, platform, actor, plan.id, { ...v, source: v.source ?? null, version: plan.version! }),
});

/** The definition's row, with the co-units' codes (`;`-separated) and the status an import may set. */
const taskRow = importRow(TASK, {
  coUnitCodes: z.string().trim().max(2000).optional().meta({ title: '配合单位编码' }),
  status: enumFromLabels(IMPORT_TASK_STATUSES, '状态').optional(),
});
type TaskRow = z.infer<typeof taskRow>;

/** The definition's columns, with the co-units after the lead unit and the status before the completion date. */
function taskFields(): ImportField[] {
  const [ref, ...fields] = importFields(TASK, 'T-2026-01');
  const at = (name: string) => fields.findIndex((c) => c.name === name);
  fields.splice(at('leadUnitCode') + 1, 0, { name: 'coUnitCodes', label: '配合单位编码', required: false, note: '多个用英文分号 ; 分隔，可空', example: 'SFX-D03;SFX-D21' });
  fields.splice(at('completedDate'), 0, { name: 'status', label: '状态', required: false, note: 'not_started/in_progress/completed/cancelled，或 未开始/进行中/已完成/已取消；默认未开始', example: '进行中' });
  return [{ ...ref!, note: refNote('任务') }, ...fields];
}

export const tasksImport = platformImport<TaskRow>({
  type: 'tasks',
  title: '重点任务',
  permission: 'plan.manage',
  fields: taskFields(),
  row: taskRow,
  table: 'tasks',
  // A row that would change a closed task is refused by the edit itself, under the status.
  columns: { planId: '方案编号（planRef）', leadUnitId: '牵头单位编码（leadUnitCode）', coUnitIds: '配合单位编码（coUnitCodes）', '': '状态（status）' },
  async create(v, run) {
    await insertTask(run.tx, run.platform, run.actor, { ...(await placement(v, run)), ref: v.ref, ...outcome(v) });
  },
  async update(v, task, run) {
    const input = await placement(v, run);
    // An unchanged row is no edit (a completed task stays as it is); the status is recorded after.
    if (await edited(run, task, input)) await updateTask(run.tx, run.platform, run.actor, run.actor.scope, task.id, { ...input, version: task.version!, milestones: JSON.parse(task.milestones) });
    await recordTaskStatus(run.tx, run.platform, run.actor, task.id, outcome(v));
  },
});

type Placement = { planId: string; code: string; title: string; content: string; leadUnitId: string; coUnitIds: string[]; dueDate: string };

/** The row's plan and units, resolved in the file's order: plan, lead unit, co-units. */
async function placement(v: TaskRow, run: RefImportRun): Promise<Placement> {
  const plan = await run.record('plans', v.planRef, '方案编号（planRef）', '方案');
  const leadUnitId = run.unit(v.leadUnitCode, '牵头单位编码（leadUnitCode）');
  const coUnitIds = run.units(v.coUnitCodes, '配合单位编码（coUnitCodes）');
  return { ...(importInput(TASK, v) as Pick<TaskInput, 'code' | 'title' | 'content' | 'dueDate'>), planId: plan.id, leadUnitId, coUnitIds };
}

const outcome = (v: TaskRow) => ({ status: v.status ?? 'not_started', completedDate: v.completedDate ?? null });

async function edited(run: RefImportRun, task: ExistingRecord, input: Placement): Promise<boolean> {
  const co = (await run.tx.selectFrom('task_co_units').select('unit_id').where('task_id', '=', task.id).execute()).map((c) => c.unit_id);
  const same = (a: readonly string[], b: readonly string[]) => [...new Set(a)].sort().join() === [...new Set(b)].sort().join();
  return task.plan_id !== input.planId || task.code !== input.code || task.title !== input.title || task.content !== input.content || task.unit_id !== input.leadUnitId || task.due_date !== input.dueDate || !same(co, input.coUnitIds);
}
