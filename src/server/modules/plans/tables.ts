import type { StampColumns } from '../../kernel/db/tables.ts';

export interface PlanTable extends StampColumns {
  id: string;
  ref: string | null;
  year: number;
  title: string;
  source: string | null;
  issued_date: string;
  /** The issuing office's unit (印发单位): the plan's owner unit. */
  unit_id: string | null;
}

export interface TaskTable extends StampColumns {
  id: string;
  ref: string | null;
  plan_id: string;
  code: string;
  title: string;
  content: string;
  /** The lead unit (牵头单位): owner for data scope. */
  unit_id: string;
  due_date: string;
  status: string;
  percent: number;
  completion_note: string | null;
  completed_date: string | null;
  /** JSON: [{title, dueDate, done}] */
  milestones: string;
}

export interface TaskCoUnitTable {
  task_id: string;
  unit_id: string;
}

export interface TaskProgressTable {
  id: string;
  task_id: string;
  unit_id: string;
  reported_on: string;
  text: string;
  percent: number;
  created_by: string | null;
  created_at: string;
}

declare module '../../kernel/db/tables.ts' {
  interface Database {
    plans: PlanTable;
    tasks: TaskTable;
    task_co_units: TaskCoUnitTable;
    task_progress: TaskProgressTable;
  }
}
