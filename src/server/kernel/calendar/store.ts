// The calendar and the deadline rules as the database holds them, cached per process under the
// write generations of their three tables: a change by any process (another server worker, the CLI,
// another node on PostgreSQL) is seen by the next load.
import type { Db, Executor } from '../db/index.ts';
import { nowIso } from '../ids.ts';
import { WorkCalendar, type SpecialDay } from './work-calendar.ts';
import type { DeadlineRuleSeed } from './default-rules.ts';
import { computeDue, type ClockFacts } from './deadline.ts';
import type { DeadlineRuleView, PeriodUnit } from '../../../shared/schemas/calendar.ts';
import type { DeadlineRuleTable } from '../db/tables.ts';
import { HttpError } from '../http/errors.ts';
import { toDayNumber } from './days.ts';
import { readGenerations } from '../db/generations.ts';

/** The tables a calendar is built from; they carry generation triggers (see `openPlatform`). */
export const CALENDAR_TABLES = ['calendar_overrides', 'calendar_years', 'deadline_rules'] as const;

export interface Deadlines {
  calendar: WorkCalendar;
  rules: ReadonlyMap<string, DeadlineRuleView>;
}

export function ruleView(row: DeadlineRuleTable): DeadlineRuleView {
  return {
    code: row.code,
    name: row.name,
    period: row.period,
    unit: row.unit as PeriodUnit,
    extension: row.extension,
    citation: row.citation,
    note: row.note,
    minimum: row.minimum === 1,
    warnDays: row.warn_days,
    builtin: row.builtin === 1,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export class DeadlineStore {
  private cached: { value: Deadlines; stamp: string } | null = null;
  /** The last calendar built, by the overrides and years it was built from: rebuilding costs ~10 ms. */
  private built: { signature: string; calendar: WorkCalendar } | null = null;

  constructor(private readonly db: Db) {}

  /**
   * The cached calendar and rules. Inside a transaction pass it as `executor`: SQLite has one
   * connection, so a read outside the transaction would wait for it forever.
   */
  async load(executor: Executor = this.db): Promise<Deadlines> {
    const generations = await readGenerations(executor, CALENDAR_TABLES);
    const stamp = CALENDAR_TABLES.map((t) => generations.get(t) ?? 0).join(',');
    if (this.cached?.stamp === stamp) return this.cached.value;
    const value = await this.read(executor);
    // A transaction's own uncommitted change moves the stamp, so what it reads is never kept.
    if (executor === this.db) this.cached = { value, stamp };
    return value;
  }

  /** The state as a transaction that changed the calendar or a rule sees it (never cached). */
  async loadUncommitted(tx: Executor): Promise<Deadlines> {
    return this.read(tx);
  }

  async rule(code: string, executor?: Executor): Promise<DeadlineRuleView> {
    const rule = (await this.load(executor)).rules.get(code);
    if (!rule) throw new HttpError(400, `未知的期限规则「${code}」`, [{ field: 'rule', message: `未知的期限规则「${code}」` }]);
    return rule;
  }

  private async read(executor: Executor): Promise<Deadlines> {
    const [overrides, years, rules] = await Promise.all([
      executor.selectFrom('calendar_overrides').selectAll().execute(),
      executor.selectFrom('calendar_years').select('year').execute(),
      executor.selectFrom('deadline_rules').selectAll().execute(),
    ]);
    const days: SpecialDay[] = overrides.map((o) => ({ date: o.date, kind: o.kind as SpecialDay['kind'], name: o.name, source: 'override' }));
    const yearList = years.map((y) => y.year).sort();
    const signature = JSON.stringify([days.map((d) => [d.date, d.kind, d.name]).sort(), yearList]);
    if (this.built?.signature !== signature) this.built = { signature, calendar: WorkCalendar.fromShipped(days, yearList) };
    return { calendar: this.built.calendar, rules: new Map(rules.map((r) => [r.code, ruleView(r)])) };
  }
}

/** A rule's yellow-card lead in working days when its input names none. */
export const DEFAULT_WARN_DAYS = 3;

/**
 * A rule's columns as its input gives them, for the shipped rules' seed and the law office's create
 * and update alike; `warnDays` left out stands at `warnDefault` (the default, or the rule's own on update).
 */
export function ruleColumns(rule: Omit<DeadlineRuleSeed, 'code'>, warnDefault: number) {
  return {
    name: rule.name,
    period: rule.period,
    unit: rule.unit,
    extension: rule.extension ?? null,
    citation: rule.citation,
    note: rule.note ?? null,
    minimum: rule.minimum ? 1 : 0,
    warn_days: rule.warnDays ?? warnDefault,
  };
}

/** Inserts the shipped rules (the modules') that are missing; an edited rule is never overwritten. */
export async function seedDefaultRules(db: Db, moduleRules: readonly DeadlineRuleSeed[] = []): Promise<number> {
  const existing = new Set((await db.selectFrom('deadline_rules').select('code').execute()).map((r) => r.code));
  const missing = moduleRules.filter((r) => !existing.has(r.code));
  if (missing.length === 0) return 0;
  const now = nowIso();
  await db
    .insertInto('deadline_rules')
    .values(
      missing.map((r) => ({ code: r.code, ...ruleColumns(r, DEFAULT_WARN_DAYS), builtin: 1, version: 1, updated_at: now, updated_by: null })),
    )
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  return missing.length;
}

/**
 * The rule a clock counts by. A clock with a fixed due date (a task's 完成时限) counts the calendar
 * days from its start to that date, so that pauses apply to it the same way; being a date and not a
 * period, it does not roll off a rest day (docs/deadlines.md).
 */
export function ruleOfClock(deadlines: Deadlines, row: { rule_code: string | null; fixed_due: string | null; start_date: string; label: string }): (DeadlineRuleView & { fixedDate?: boolean }) | undefined {
  if (row.rule_code) return deadlines.rules.get(row.rule_code);
  if (!row.fixed_due) return undefined;
  return {
    code: 'fixed',
    name: `指定完成时限 ${row.fixed_due}`,
    period: Math.max(0, toDayNumber(row.fixed_due) - toDayNumber(row.start_date)),
    unit: 'calendar_days',
    extension: null,
    citation: `${row.label}（由交办或分工方案确定）`,
    note: null,
    minimum: false,
    warnDays: DEFAULT_WARN_DAYS,
    builtin: true,
    version: 1,
    updatedAt: '',
    fixedDate: true,
  };
}

/** The stored facts of a clock row, as the deadline engine takes them. */
export function clockFacts(row: { start_date: string; pauses: string; restarts: string; extended: number; extension_note: string | null }, asOf: string): ClockFacts {
  return {
    start: row.start_date,
    pauses: JSON.parse(row.pauses),
    restarts: JSON.parse(row.restarts),
    extended: row.extended === 1,
    extensionNote: row.extension_note,
    asOf,
  };
}

/**
 * Recomputes the stored due date of every clock that is not stopped (after a calendar or rule change),
 * in the caller's transaction. Returns how many changed.
 */
export async function recomputeOpenClocks(tx: Executor, deadlines: Deadlines, asOf: string, ruleCode?: string | null): Promise<number> {
  let q = tx.selectFrom('clocks').select(['id', 'rule_code', 'fixed_due', 'label', 'start_date', 'pauses', 'restarts', 'extended', 'extension_note', 'due_date', 'provisional']).where('status', '!=', 'stopped');
  // A rule's code: its clocks; null: the clocks counting to a fixed date; undefined: all.
  if (ruleCode) q = q.where('rule_code', '=', ruleCode);
  else if (ruleCode === null) q = q.where('rule_code', 'is', null);
  let changed = 0;
  for (const row of await q.execute()) {
    const rule = ruleOfClock(deadlines, row);
    if (!rule) continue;
    const { due, provisional } = computeDue(deadlines.calendar, rule, clockFacts(row, asOf));
    if (due !== row.due_date || (provisional ? 1 : 0) !== row.provisional) {
      await tx.updateTable('clocks').set({ due_date: due, provisional: provisional ? 1 : 0 }).where('id', '=', row.id).execute();
      changed++;
    }
  }
  return changed;
}
