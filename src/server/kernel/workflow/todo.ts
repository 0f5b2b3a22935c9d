// 我的待办: across every module's workflow, the records in the user's data scope whose current status
// has a transition the user's roles may take, soonest deadline first.
import { sql } from 'kysely';
import type { Platform } from '../platform.ts';
import type { DataScope } from '../auth/scope.ts';
import { scoped } from '../auth/scope.ts';
import { computeDeadline, lightOf } from '../calendar/deadline.ts';
import { clockFacts, ruleOfClock } from '../calendar/store.ts';
import { chinaToday } from '../calendar/days.ts';
import { transitionsFrom, type TodoItem, type WorkflowDef } from '../../../shared/workflow.ts';
import type { Role } from '../../../shared/roles.ts';

export interface TodoUser {
  roles: readonly Role[];
  scope: DataScope;
}

/** States of a workflow in which these roles have something to do. */
export function actionableStates(def: WorkflowDef, roles: readonly Role[]): string[] {
  return Object.keys(def.states).filter((s) => !def.states[s]!.final && primaryTransitions(def, s, roles).length > 0);
}

export const primaryTransitions = (def: WorkflowDef, status: string, roles: readonly Role[]) => transitionsFrom(def, status, roles).filter((t) => !t.secondary);

const LIMIT_PER_TYPE = 1000;

/** An open record with its soonest open clock; `actions` are filled in for a particular user. */
export type OpenItem = TodoItem & { unitPath: string };

/** Records of one workflow in the given states (and scope), each with its soonest open clock. */
export async function openItems(platform: Platform, def: WorkflowDef, states: string[], scope: DataScope, asOf: string, limit: number | null = LIMIT_PER_TYPE): Promise<OpenItem[]> {
  // A workflow whose states are all final (a registry entry) has no open records; PostgreSQL refuses `in ()`.
  if (states.length === 0) return [];
  const deadlines = await platform.deadlines.load();
  // Not every record table has a ref (an annual report is known by unit and year); search knows which do.
  const hasRef = platform.searchTargets.some((t) => t.recordType === def.recordType && t.hasRef);
  const numbering = platform.caseNumbers.get(def.recordType);
  let q = (platform.db as any)
    .selectFrom(`${def.table} as r`)
    .innerJoin('org_units as u', 'u.id', 'r.unit_id')
    .leftJoin('clocks as c', (j: any) => j.onRef('c.record_id', '=', 'r.id').on('c.record_type', '=', def.recordType).on('c.status', '!=', 'stopped'))
    .select([
      'r.id as id',
      sql.ref(`r.${def.titleColumn}`).as('title'),
      (hasRef ? sql<string | null>`r.ref` : sql<null>`null`).as('ref'),
      (numbering ? sql<string | null>`${sql.ref(`r.${numbering.column}`)}` : sql<null>`null`).as('case_number'),
      'r.status as status',
      'u.name as unit_name',
      'u.path as unit_path',
      'c.label as clock_label',
      'c.rule_code',
      'c.fixed_due',
      'c.status as clock_status',
      'c.start_date',
      'c.pauses',
      'c.restarts',
      'c.extended',
      'c.extension_note',
      'c.due_date',
    ])
    .where('r.status', 'in', states)
    .orderBy('c.due_date');
  if (limit !== null) q = q.limit(limit);
  q = scoped(q, scope, 'r.unit_id');
  const rows: any[] = await q.execute();
  const byId = new Map<string, OpenItem>();
  const items: OpenItem[] = [];
  for (const row of rows) {
    let item = byId.get(row.id);
    if (!item) {
      const state = def.states[row.status]!;
      item = {
        recordType: def.recordType,
        typeTitle: def.title,
        id: row.id,
        title: row.title,
        caseNumber: row.case_number ?? null,
        ref: row.ref ?? null,
        unitName: row.unit_name,
        unitPath: row.unit_path,
        status: row.status,
        statusLabel: state.label,
        statusTone: state.tone,
        actions: [],
        link: `${def.linkPrefix}${row.id}`,
        clock: null,
      };
      byId.set(row.id, item);
      items.push(item);
    }
    // Rows come soonest-due first: the first clock of a record is the one that matters.
    if (!row.clock_label || item.clock) continue;
    const rule = ruleOfClock(deadlines, { ...row, label: row.clock_label });
    if (!rule) continue;
    const result = computeDeadline(deadlines.calendar, rule, clockFacts(row, asOf));
    const light = row.clock_status === 'paused' ? { light: 'paused' as const, workingDaysLeft: 0 } : lightOf(deadlines.calendar, result.due, asOf, rule.warnDays);
    item.clock = {
      label: row.clock_label,
      due: result.due,
      light: light.light,
      workingDaysLeft: light.workingDaysLeft,
      provisional: result.provisional,
      explanation: result.explanation.text,
    };
  }
  return items;
}

/** Soonest deadline first; paused clocks after running ones; records without a clock last; one title by its number. */
export function byUrgency(a: TodoItem, b: TodoItem): number {
  const rank = (i: TodoItem) => (i.clock ? (i.clock.light === 'paused' ? `1${i.clock.due}` : `0${i.clock.due}`) : '2');
  const number = (i: TodoItem) => i.caseNumber ?? i.ref ?? '';
  return rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : a.title.localeCompare(b.title, 'zh-CN') || number(a).localeCompare(number(b), 'zh-CN');
}

export async function todoFor(platform: Platform, user: TodoUser, asOf = chinaToday()): Promise<TodoItem[]> {
  const items: TodoItem[] = [];
  for (const def of platform.workflows.values()) {
    const states = actionableStates(def, user.roles);
    if (states.length === 0) continue;
    for (const { unitPath: _path, ...item } of await openItems(platform, def, states, user.scope, asOf)) {
      items.push({ ...item, actions: primaryTransitions(def, item.status, user.roles).map((t) => t.label) });
    }
  }
  return items.sort(byUrgency);
}
