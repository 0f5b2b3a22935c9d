// 交办事项: create (starts the reply clock), list with traffic lights, read, edit.
import { sql } from 'kysely';
import { rowInScope, clockViews, workflowViews } from '../../kernel/records/read.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import './tables.ts';
import type { MatterTable } from './tables.ts';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import type { DataScope } from '../../kernel/auth/scope.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { fieldError, conflict } from '../../kernel/http/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { applyEffects, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { MATTER, MATTER_WORKFLOW, MATTER_RECORD_TYPE, type MatterDetail, type MatterListQuery, type MatterView, type UpdateMatterInput } from '../../../shared/schemas/matters.ts';
import type { RecordInput } from '../../../shared/records.ts';

const DEFAULT_RULE = 'matter.reply';

export async function createMatter(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof MATTER> & { ref?: string | null }): Promise<string> {
  const unit = await tx.selectFrom('org_units').select(['id', 'active']).where('id', '=', input.unitId).executeTakeFirst();
  if (!unit || (!scope.all && !scope.unitIds.includes(unit.id))) throw fieldError('unitId', '承办单位', '不存在或无权访问');
  if (!unit.active) throw fieldError('unitId', '承办单位', '已停用，不能交办');
  const ruleCode = input.ruleCode ?? DEFAULT_RULE;
  await platform.deadlines.rule(ruleCode, tx);
  const assignedDate = input.assignedDate ?? chinaToday();
  if (assignedDate > chinaToday()) throw fieldError('assignedDate', '交办日期', '不能晚于今天');
  const row = {
    id: newId(),
    ref: input.ref ?? null,
    ...recordRow<MatterTable>(MATTER, { ...input, ruleCode, assignedDate }),
    status: 'assigned',
    ...newStamps(actor.id),
  } as MatterTable;
  await tx.insertInto('matters').values(row).execute();
  await addTimeline(tx, actor, { recordType: MATTER_RECORD_TYPE, recordId: row.id, action: 'create', label: '交办', toStatus: 'assigned', note: `交办日期 ${assignedDate}` });
  await applyEffects(tx, platform, actor, MATTER_WORKFLOW, row as unknown as WorkflowRecord, [{ start: 'reply', label: '办理期限', rule: ruleCode }], assignedDate);
  await platform.audit.record(tx, actor, { action: 'matter.create', targetType: MATTER_RECORD_TYPE, targetId: row.id, detail: { unitId: unit.id, title: input.title, ruleCode, assignedDate } });
  return row.id;
}

type MatterRow = MatterTable & { unit_name: string; rule_name: string | null; due_date: string | null; clock_status: string | null };

function baseQuery(db: Executor) {
  return db
    .selectFrom('matters as m')
    .innerJoin('org_units as u', 'u.id', 'm.unit_id')
    .leftJoin('deadline_rules as r', 'r.code', 'm.rule_code')
    .leftJoin('clocks as c', (j) => j.onRef('c.record_id', '=', 'm.id').on('c.record_type', '=', MATTER_RECORD_TYPE).on('c.clock_key', '=', 'reply'))
    .selectAll('m')
    .select(['u.name as unit_name', 'r.name as rule_name', 'c.due_date', 'c.status as clock_status']);
}

const toViews = (platform: Platform, rows: MatterRow[]): Promise<MatterView[]> =>
  workflowViews(platform, MATTER_WORKFLOW, rows, 'reply', (r, { due, light }) => ({
    ...recordView(MATTER, r),
    ruleCode: r.rule_code,
    unitName: r.unit_name,
    ruleName: r.rule_name,
    due,
    light,
    createdAt: r.created_at,
  }));

const matters = recordReader<MatterRow, MatterView, Omit<MatterListQuery, 'page' | 'pageSize'>>({
  def: MATTER, what: '交办事项', alias: 'm', status: true, overdue: true, query: baseQuery, views: toViews,
  defaultSort: { field: 'assignedDate', order: 'desc' },
  // Open matters by deadline first, then the rest newest first.
  defaultOrder: (q) => q.orderBy(sql`case when c.status = 'stopped' or c.status is null then 1 else 0 end`).orderBy('c.due_date'),
});

export const listMatters = (platform: Platform, scope: DataScope, query: MatterListQuery) => matters.list(platform, scope, { ...query, q: query.q ?? query.keyword });

export async function getMatter(platform: Platform, scope: DataScope, id: string): Promise<MatterDetail> {
  const view = await matters.get(platform, scope, id);
  return { ...view, clocks: await clockViews(platform, MATTER_RECORD_TYPE, id) };
}

export async function updateMatter(platform: Platform, actor: Actor, scope: DataScope, id: string, input: UpdateMatterInput): Promise<void> {
  await platform.db.transaction().execute(async (tx) => {
    const row = rowInScope(await tx.selectFrom('matters').select(['unit_id', 'status']).where('id', '=', id).executeTakeFirst(), scope, '交办事项');
    if (MATTER_WORKFLOW.states[row.status]?.final) throw conflict(`事项${MATTER_WORKFLOW.states[row.status]!.label}，不能修改`);
    await updateVersioned(tx, 'matters', id, input.version, recordRow<MatterTable>(MATTER, input), actor.id);
    await addTimeline(tx, actor, { recordType: MATTER_RECORD_TYPE, recordId: id, action: 'update', label: '修改交办内容' });
    await platform.audit.record(tx, actor, { action: 'matter.update', targetType: MATTER_RECORD_TYPE, targetId: id, detail: { title: input.title } });
  });
}
