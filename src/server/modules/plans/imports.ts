// Import types `plans` and `tasks` (issue contract: field names are API; xlsx uses the Chinese headers).
import { z } from '../../../shared/zod.ts';
import { enumFromLabels } from '../../../shared/schemas/org.ts';
import { IMPORT_TASK_STATUSES, PLAN, TASK, TASK_RECORD_TYPE, TASK_WORKFLOW } from '../../../shared/schemas/plans.ts';
import { applyEffects, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import type { ImportField, ImportType, RowError } from '../../kernel/imports/types.ts';
import { importFields, importRow } from '../../kernel/imports/from-record.ts';
import { rowChecker, splitCodes, unitIdsByCode } from '../../kernel/imports/rows.ts';
import { HttpError } from '../../kernel/http/errors.ts';
import { nowIso } from '../../kernel/ids.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { createPlan, insertTask, moveTaskClock } from './plans.ts';

// Plans and tasks are the county's, imported by the law office: refs are unique on the whole platform.
const refNote = (what: string) => `${what}的唯一编号，再次导入同一编号时更新`;

const planRow = importRow(PLAN, {
  year: z.coerce.number({ error: '年度必须是整数' }).int({ error: '年度必须是整数' }).min(2000, { error: '年度不能早于 2000' }).max(2100, { error: '年度不能晚于 2100' }).meta({ title: '年度' }),
});
type PlanRow = z.infer<typeof planRow>;

const [planRef, ...planFields] = importFields(PLAN, 'PLAN-2026');

export const plansImport: ImportType<PlanRow> = {
  type: 'plans',
  title: '分工方案',
  permission: 'plan.manage',
  fields: [{ ...planRef!, note: refNote('方案') }, ...planFields],
  row: planRow,
  async apply(tx, rows, actor, platform) {
    const errors: RowError[] = [];
    let created = 0;
    let updated = 0;
    const check = rowChecker(errors);
    for (const r of rows) {
      const v = r.value;
      const { fail, duplicate } = check(r.row);
      if (duplicate(v.ref)) continue;
      if (Number(v.issuedDate.slice(0, 4)) > v.year) {
        fail('印发日期（issuedDate）', `不能晚于方案年度 ${v.year} 年`);
        continue;
      }
      const existing = await tx.selectFrom('plans').select(['id']).where('ref', '=', v.ref).executeTakeFirst();
      if (existing) {
        const early = await tx.selectFrom('tasks').select('completed_date').where('plan_id', '=', existing.id).where('completed_date', '<', v.issuedDate).executeTakeFirst();
        if (early) {
          fail('印发日期（issuedDate）', `不能晚于已完成任务的完成日期 ${early.completed_date}`);
          continue;
        }
        await tx.updateTable('plans').set({ year: v.year, title: v.title, source: v.source ?? null, issued_date: v.issuedDate, updated_at: nowIso(), updated_by: actor.id, version: (eb) => eb('version', '+', 1) }).where('id', '=', existing.id).execute();
        updated++;
      } else {
        await createPlan(tx, platform, actor, { ...v, source: v.source ?? null });
        created++;
      }
    }
    return { created, updated, errors };
  },
};

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

const TASK_COLUMNS: Record<string, string> = {
  planId: '方案编号（planRef）',
  code: '任务编号（code）',
  leadUnitId: '牵头单位编码（leadUnitCode）',
  coUnitIds: '配合单位编码（coUnitCodes）',
  dueDate: '完成时限（dueDate）',
  completedDate: '完成日期（completedDate）',
};

export const tasksImport: ImportType<TaskRow> = {
  type: 'tasks',
  title: '重点任务',
  permission: 'plan.manage',
  fields: taskFields(),
  row: taskRow,
  async apply(tx, rows, actor, platform) {
    const errors: RowError[] = [];
    let created = 0;
    let updated = 0;
    const units = await unitIdsByCode(tx);
    const check = rowChecker(errors);
    for (const r of rows) {
      const v = r.value;
      const { fail, duplicate, fromHttpError } = check(r.row);
      if (duplicate(v.ref)) continue;
      const plan = await tx.selectFrom('plans').select(['id', 'issued_date']).where('ref', '=', v.planRef).executeTakeFirst();
      if (!plan) {
        fail('方案编号（planRef）', `方案「${v.planRef}」不存在`);
        continue;
      }
      const leadUnitId = units.get(v.leadUnitCode);
      if (!leadUnitId) {
        fail('牵头单位编码（leadUnitCode）', `单位「${v.leadUnitCode}」不存在`);
        continue;
      }
      const coCodes = splitCodes(v.coUnitCodes);
      const unknown = coCodes.filter((c) => !units.has(c));
      if (unknown.length) {
        fail('配合单位编码（coUnitCodes）', `单位「${unknown.join('、')}」不存在`);
        continue;
      }
      const input = { planId: plan.id, code: v.code, title: v.title, content: v.content, leadUnitId, coUnitIds: coCodes.map((c) => units.get(c)!), dueDate: v.dueDate, status: v.status ?? 'not_started', completedDate: v.completedDate ?? null };
      const existing = await tx.selectFrom('tasks').select(['id', 'status']).where('ref', '=', v.ref).executeTakeFirst();
      try {
        if (!existing) {
          await insertTask(tx, platform, actor, { ...input, ref: v.ref });
          created++;
          continue;
        }
        // Re-import: same checks as a new task, then the stored task takes the file's values.
        if (input.status === 'completed' && !input.completedDate) throw new HttpError(400, '已完成的任务必须填写', [{ field: 'completedDate', message: '已完成的任务必须填写' }]);
        if (input.status !== 'completed' && input.completedDate) throw new HttpError(400, '只有已完成的任务才能填写', [{ field: 'completedDate', message: '只有已完成的任务才能填写' }]);
        if (input.completedDate && input.completedDate < plan.issued_date) throw new HttpError(400, `不能早于方案印发日期 ${plan.issued_date}`, [{ field: 'completedDate', message: `不能早于方案印发日期 ${plan.issued_date}` }]);
        if (input.dueDate < plan.issued_date) throw new HttpError(400, `不能早于方案印发日期 ${plan.issued_date}`, [{ field: 'dueDate', message: `不能早于方案印发日期 ${plan.issued_date}` }]);
        await tx
          .updateTable('tasks')
          .set({ plan_id: plan.id, code: v.code, title: v.title, content: v.content, unit_id: leadUnitId, due_date: v.dueDate, status: input.status, completed_date: input.completedDate, ...(input.status === 'completed' ? { percent: 100 } : {}), updated_at: nowIso(), updated_by: actor.id, version: (eb) => eb('version', '+', 1) })
          .where('id', '=', existing.id)
          .execute();
        await tx.deleteFrom('task_co_units').where('task_id', '=', existing.id).execute();
        if (input.coUnitIds.length) await tx.insertInto('task_co_units').values(input.coUnitIds.map((unit_id) => ({ task_id: existing.id, unit_id }))).execute();
        const closed = input.status === 'completed' || input.status === 'cancelled';
        if (closed) {
          const record = { id: existing.id, unit_id: leadUnitId, status: input.status, version: 0 } as WorkflowRecord;
          await applyEffects(tx, platform, actor, TASK_WORKFLOW, record, [{ stop: 'due', reason: '批量导入：已完成或取消' }], input.completedDate ?? chinaToday());
        } else {
          await moveTaskClock(tx, platform, actor, existing.id, v.dueDate, leadUnitId);
        }
        await addTimeline(tx, actor, { recordType: TASK_RECORD_TYPE, recordId: existing.id, action: 'import', label: '批量导入更新', fromStatus: existing.status, toStatus: input.status });
        updated++;
      } catch (error) {
        fromHttpError(error, TASK_COLUMNS);
      }
    }
    return { created, updated, errors };
  },
};
