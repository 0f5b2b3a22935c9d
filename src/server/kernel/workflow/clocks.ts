// Statutory clocks on records: start, pause (paused days do not count), resume, restart (a new start
// date, e.g. when a supplement arrives), one approved extension, stop. The due date is stored for
// sorting and warnings and recomputed on every change; the explanation is computed when shown.
import type { Selectable } from 'kysely';
import type { Executor, Tx } from '../db/index.ts';
import type { ClockTable } from '../db/tables.ts';
import { newId, nowIso } from '../ids.ts';
import type { Actor } from '../audit/index.ts';
import type { Platform } from '../platform.ts';
import { conflict, badRequest } from '../http/errors.ts';
import { updateVersioned } from '../db/versioned.ts';
import { computeDeadline, computeDue, lightOf, type Light, type Pause, type Restart } from '../calendar/deadline.ts';
import { clockFacts, ruleOfClock, type Deadlines } from '../calendar/store.ts';
import { chinaToday } from '../calendar/days.ts';
import { addTimeline } from './timeline.ts';
import type { ClockView, ClockStatus } from '../../../shared/schemas/calendar.ts';

export type ClockRow = Selectable<ClockTable>;

export interface StartClock {
  recordType: string;
  recordId: string;
  unitId: string;
  key: string;
  label: string;
  /** A statutory rule, or… */
  ruleCode?: string;
  /** …a fixed due date (a task's 完成时限). */
  fixedDue?: string;
  start: string;
}

export async function startClock(tx: Tx, platform: Platform, actor: Actor, input: StartClock): Promise<ClockRow> {
  const existing = await tx
    .selectFrom('clocks')
    .select(['id', 'status'])
    .where('record_type', '=', input.recordType)
    .where('record_id', '=', input.recordId)
    .where('clock_key', '=', input.key)
    .executeTakeFirst();
  if (existing) throw conflict(`期限「${input.label}」已经开始计时，不能重复开始`);
  const deadlines = await platform.deadlines.load(tx);
  if (input.ruleCode) await platform.deadlines.rule(input.ruleCode, tx);
  const now = nowIso();
  const row: ClockRow = {
    id: newId(),
    record_type: input.recordType,
    record_id: input.recordId,
    unit_id: input.unitId,
    clock_key: input.key,
    label: input.label,
    rule_code: input.ruleCode ?? null,
    fixed_due: input.ruleCode ? null : (input.fixedDue ?? null),
    status: 'running',
    start_date: input.start,
    pauses: '[]',
    restarts: '[]',
    extended: 0,
    extension_note: null,
    due_date: '',
    provisional: 0,
    stopped_on: null,
    stop_reason: null,
    escalation_level: 0,
    escalated_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
    updated_by: actor.id,
  };
  const rule = ruleOfClock(deadlines, row);
  if (!rule) throw new Error('clock needs a rule or a fixed due date');
  const { due, provisional } = computeDue(deadlines.calendar, rule, clockFacts(row, chinaToday()));
  row.due_date = due;
  row.provisional = provisional ? 1 : 0;
  await tx.insertInto('clocks').values(row).execute();
  await addTimeline(tx, actor, {
    recordType: input.recordType,
    recordId: input.recordId,
    action: 'clock.start',
    label: `开始计时：${input.label}（${rule.name}，届满 ${due}${provisional ? '，暂定' : ''}）`,
  });
  await platform.audit.record(tx, actor, { action: 'clock.start', targetType: 'clock', targetId: row.id, detail: { recordType: input.recordType, recordId: input.recordId, rule: input.ruleCode ?? null, fixedDue: row.fixed_due, start: input.start, due } });
  return row;
}

export type ClockOperation =
  | { op: 'pause'; date: string; reason: string }
  | { op: 'resume'; date: string }
  | { op: 'restart'; date: string; reason: string }
  | { op: 'extend'; approval: string }
  | { op: 'stop'; date: string; reason: string };

const OP_LABELS: Record<ClockOperation['op'], string> = { pause: '暂停计时', resume: '恢复计时', restart: '重新计时', extend: '延长期限', stop: '停止计时' };

/** Applies one operation to a clock (checked against its status), recomputes the due date and records it. */
export async function changeClock(tx: Tx, platform: Platform, actor: Actor, clock: ClockRow, change: ClockOperation, expectedVersion = clock.version): Promise<ClockRow> {
  const status = clock.status as ClockStatus;
  const pauses: Pause[] = JSON.parse(clock.pauses);
  const restarts: Restart[] = JSON.parse(clock.restarts);
  const next: Partial<ClockRow> = {};
  const date = 'date' in change ? change.date : null;
  if (date && date < clock.start_date) throw badRequest(`日期（date）不能早于起算日 ${clock.start_date}`, [{ field: 'date', message: `不能早于起算日 ${clock.start_date}` }]);
  const open = pauses.at(-1)?.to === null ? pauses.at(-1)! : null;
  let note: string;
  switch (change.op) {
    case 'pause':
      if (status !== 'running') throw conflict(`期限「${clock.label}」${status === 'paused' ? '已在暂停中' : '已停止'}，不能暂停`);
      pauses.push({ from: change.date, to: null, reason: change.reason });
      Object.assign(next, { status: 'paused', pauses: JSON.stringify(pauses) });
      note = change.reason;
      break;
    case 'resume':
      if (status !== 'paused' || !open) throw conflict(`期限「${clock.label}」未在暂停中，不能恢复`);
      if (change.date < open.from) throw badRequest(`恢复日期（date）不能早于暂停日期 ${open.from}`, [{ field: 'date', message: `不能早于暂停日期 ${open.from}` }]);
      open.to = change.date;
      Object.assign(next, { status: 'running', pauses: JSON.stringify(pauses) });
      note = `暂停 ${open.from} 至 ${change.date}`;
      break;
    case 'restart':
      if (status === 'stopped') throw conflict(`期限「${clock.label}」已停止，不能重新计时`);
      restarts.push({ previousStart: clock.start_date, start: change.date, reason: change.reason });
      // Pauses before the new start no longer matter: the period is counted afresh from it.
      Object.assign(next, { status: 'running', start_date: change.date, pauses: '[]', restarts: JSON.stringify(restarts), escalation_level: 0, escalated_at: null });
      note = change.reason;
      break;
    case 'extend': {
      if (status === 'stopped') throw conflict(`期限「${clock.label}」已停止，不能延长`);
      if (clock.extended) throw conflict(`期限「${clock.label}」已经延长过一次，不能再次延长`);
      const rule = ruleOfClock(await platform.deadlines.load(tx), clock);
      if (!rule?.extension) throw conflict(`期限规则「${rule?.name ?? clock.label}」不允许延长`);
      Object.assign(next, { extended: 1, extension_note: change.approval, escalation_level: 0, escalated_at: null });
      note = change.approval;
      break;
    }
    case 'stop':
      if (status === 'stopped') throw conflict(`期限「${clock.label}」已停止`);
      if (open) {
        open.to = change.date;
        next.pauses = JSON.stringify(pauses);
      }
      Object.assign(next, { status: 'stopped', stopped_on: change.date, stop_reason: change.reason });
      note = change.reason;
      break;
  }
  const merged: ClockRow = { ...clock, ...next };
  const deadlines = await platform.deadlines.load(tx);
  const rule = ruleOfClock(deadlines, merged)!;
  const { due, provisional } = computeDue(deadlines.calendar, rule, clockFacts(merged, date ?? chinaToday()));
  merged.due_date = due;
  merged.provisional = provisional ? 1 : 0;
  const newVersion = await updateVersioned(tx, 'clocks', clock.id, expectedVersion, { ...next, due_date: due, provisional: merged.provisional }, actor.id);
  await addTimeline(tx, actor, {
    recordType: clock.record_type,
    recordId: clock.record_id,
    action: `clock.${change.op}`,
    label: `${OP_LABELS[change.op]}：${clock.label}${change.op === 'stop' ? '' : `（届满 ${due}${provisional ? '，暂定' : ''}）`}`,
    note,
  });
  await platform.audit.record(tx, actor, { action: `clock.${change.op}`, targetType: 'clock', targetId: clock.id, detail: { ...change, due } });
  return { ...merged, version: newVersion };
}

/**
 * Points a fixed-due clock at a new due date and owner unit (a task's 完成时限 or lead unit changed),
 * recomputes it, and clears its escalation when the due date moved. The caller writes the timeline.
 */
export async function moveFixedDue(tx: Tx, platform: Platform, actor: Actor, clock: ClockRow, fixedDue: string, unitId: string): Promise<void> {
  const deadlines = await platform.deadlines.load(tx);
  const moved = { ...clock, fixed_due: fixedDue };
  const { due, provisional } = computeDue(deadlines.calendar, ruleOfClock(deadlines, moved)!, clockFacts(moved, chinaToday()));
  const changed = due !== clock.due_date;
  await updateVersioned(tx, 'clocks', clock.id, clock.version, { fixed_due: fixedDue, unit_id: unitId, due_date: due, provisional: provisional ? 1 : 0, ...(changed ? { escalation_level: 0, escalated_at: null } : {}) }, actor.id);
  await platform.audit.record(tx, actor, { action: 'clock.move', targetType: 'clock', targetId: clock.id, detail: { fixedDue, unitId, due } });
}

/** Removes a record's clocks: an import rebuilds them from the record's dates. */
export async function clearClocks(tx: Tx, recordType: string, recordId: string): Promise<void> {
  await tx.deleteFrom('clocks').where('record_type', '=', recordType).where('record_id', '=', recordId).execute();
}

export async function clocksOf(db: Executor, recordType: string, recordId: string): Promise<ClockRow[]> {
  return db.selectFrom('clocks').selectAll().where('record_type', '=', recordType).where('record_id', '=', recordId).orderBy('created_at').execute();
}

/**
 * For list views: each record's clock — the one named `key`, or, when records have several, the
 * running one due soonest (else the last one) — with today's 红黄牌 light while it runs, by its
 * rule's warning days. One query for the whole page.
 */
export async function clocksWithLights(platform: Platform, recordType: string, recordIds: readonly string[], key?: string): Promise<Map<string, { clock: ClockRow; light: Light | null }>> {
  if (recordIds.length === 0) return new Map();
  let query = platform.db.selectFrom('clocks').selectAll().where('record_type', '=', recordType).where('record_id', 'in', recordIds);
  if (key) query = query.where('clock_key', '=', key);
  const [clocks, deadlines] = await Promise.all([query.execute(), platform.deadlines.load()]);
  const today = chinaToday();
  // A running clock beats a stopped one, a sooner running one a later one; among stopped ones the last wins.
  const better = (clock: ClockRow, held: ClockRow | undefined) => !held || (clock.status === 'running' ? held.status !== 'running' || clock.due_date < held.due_date : held.status !== 'running');
  const chosen = new Map<string, ClockRow>();
  for (const clock of clocks) if (better(clock, chosen.get(clock.record_id))) chosen.set(clock.record_id, clock);
  return new Map(
    [...chosen].map(([recordId, clock]) => [
      recordId,
      { clock, light: clock.status === 'running' ? lightOf(deadlines.calendar, clock.due_date, today, ruleOfClock(deadlines, clock)?.warnDays ?? 3).light : null },
    ]),
  );
}

export function clockView(row: ClockRow, deadlines: Deadlines, asOf: string): ClockView {
  const rule = ruleOfClock(deadlines, row)!;
  const facts = clockFacts(row, row.stopped_on ?? asOf);
  const { due, explanation } = computeDeadline(deadlines.calendar, rule, facts);
  const status = row.status as ClockStatus;
  const light = status === 'running' ? lightOf(deadlines.calendar, due, asOf, rule.warnDays) : null;
  return {
    id: row.id,
    recordType: row.record_type,
    recordId: row.record_id,
    key: row.clock_key,
    label: row.label,
    ruleCode: row.rule_code,
    ruleName: rule.name,
    status,
    start: row.start_date,
    due,
    provisional: explanation.provisional,
    extended: row.extended === 1,
    stoppedOn: row.stopped_on,
    stopReason: row.stop_reason,
    light: light?.light ?? null,
    workingDaysLeft: light?.workingDaysLeft ?? null,
    onTime: row.stopped_on ? row.stopped_on <= due : null,
    escalationLevel: row.escalation_level,
    extendable: status !== 'stopped' && row.extended === 0 && !!rule.extension,
    explanation,
    version: row.version,
  };
}
