// Figures of plans and tasks (domain.md §4). A task counts in year Y when its plan is Y's plan;
// cancelled tasks are left out of every figure.
import { sql } from 'kysely';
import type { IndicatorDef, RecordSource } from '../../kernel/indicators/registry.ts';
import { runningPastDue } from './plans.ts';
import { TASK_RECORD_TYPE } from '../../../shared/schemas/plans.ts';

const tasksOfYear: RecordSource = (db, year) =>
  db
    .selectFrom('tasks as t')
    .innerJoin('plans as p', 'p.id', 't.plan_id')
    .select(['t.id', sql<string>`t.code || ' ' || t.title`.as('title'), 't.unit_id', 't.due_date as date'])
    .where('p.year', '=', year)
    .where('t.status', '!=', 'cancelled');

const common = { recordType: TASK_RECORD_TYPE, linkPrefix: '/tasks/' };

export const planIndicators: IndicatorDef[] = [
  { code: 'tasks.total', name: '重点任务数', measure: '项', kind: 'count', definition: '年度分工方案中的任务（不含已取消），按牵头单位统计', ...common, records: tasksOfYear },
  { code: 'tasks.completed', name: '已完成任务数', measure: '项', kind: 'count', definition: '其中经法治办确认完成的任务', ...common, records: (db, year) => tasksOfYear(db, year).where('t.status', '=', 'completed') },
  {
    code: 'tasks.overdue',
    better: 'down',
    name: '逾期未完成任务数',
    measure: '项',
    kind: 'count',
    definition: '其中尚未完成且已过完成时限的任务（按今天计；申请完成待确认的不计）',
    ...common,
    clockTypes: [TASK_RECORD_TYPE],
    records: (db, year) => tasksOfYear(db, year).where((eb) => eb.exists(runningPastDue(eb, 't.id'))),
  },
  { code: 'tasks.completion_rate', better: 'up', name: '任务完成率', measure: '%', kind: 'rate', definition: '已完成任务数 / 重点任务数', numerator: 'tasks.completed', denominator: 'tasks.total' },
];
