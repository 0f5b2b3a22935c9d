// Enforces the modules' status machines: role, current status, guards, the record's version; then
// the new status, the values entered, the clock effects, the timeline and the audit log, in one
// transaction.
import { sql } from 'kysely';
import { assignCaseNumber } from '../numbering/index.ts';
import type { Db, Tx } from '../db/index.ts';
import type { Platform } from '../platform.ts';
import type { RequestContext } from '../auth/context.ts';
import type { Actor } from '../audit/index.ts';
import { assertInScope, type DataScope } from '../auth/scope.ts';
import { conflict, forbidden, notFound, HttpError } from '../http/errors.ts';
import { parseWith } from '../http/route.ts';
import { updateVersionedRow } from '../db/versioned.ts';
import { chinaToday } from '../calendar/days.ts';
import { addTimeline, readTimeline } from './timeline.ts';
import { changeClock, clocksOf, clockView, startClock } from './clocks.ts';
import { transitionsFrom, type ClockEffect, type TransitionDef, type TransitionInput, type WorkflowDef } from '../../../shared/workflow.ts';
import type { WorkflowPanelView } from '../../../shared/workflow.ts';
import type { Role } from '../../../shared/roles.ts';
import { dateOrderProblem, entries } from '../../../shared/records.ts';

export type WorkflowRecord = Record<string, unknown> & { id: string; unit_id: string; status: string; version: number };

export function workflowOf(platform: Platform, recordType: string): WorkflowDef {
  const def = platform.workflows.get(recordType);
  if (!def) throw notFound('业务类型');
  return def;
}

export async function loadRecord(db: Db | Tx, def: WorkflowDef, id: string): Promise<WorkflowRecord | undefined> {
  return (await (db as any).selectFrom(def.table).selectAll().where('id', '=', id).executeTakeFirst()) as WorkflowRecord | undefined;
}

async function evidenceCount(db: Db | Tx, recordType: string, id: string): Promise<number> {
  const row = await db
    .selectFrom('attachments')
    .select(sql<number>`count(*)`.as('n'))
    .where('record_type', '=', recordType)
    .where('record_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

type GuardActor = Parameters<NonNullable<TransitionDef['check']>>[1];

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/**
 * Unmet guards of a transition on a record, as Chinese reasons. `input` is what the user entered with
 * the transition; 'form' means the form will ask for the transition's own input fields.
 */
function unmetGuards(t: TransitionDef, record: WorkflowRecord, actor: GuardActor, evidence: number, input: Record<string, unknown> | 'form'): string[] {
  const out: string[] = [];
  const provided = new Set(Object.entries(t.inputColumns ?? {}).filter(([field]) => input === 'form' || !isBlank(input[field])).map(([, column]) => column));
  for (const f of t.requiredFields ?? []) if (isBlank(record[f.column]) && !provided.has(f.column)) out.push(`需先填写「${f.label}」`);
  if (t.evidence && evidence < t.evidence) out.push(`需先上传至少 ${t.evidence} 份台账材料（已有 ${evidence} 份）`);
  const reason = t.check?.(record, actor);
  if (reason) out.push(reason);
  return out;
}

export async function applyTransition(
  platform: Platform,
  ctx: RequestContext,
  def: WorkflowDef,
  id: string,
  key: string,
  input: TransitionInput,
  /** The record as the caller just read it outside the transaction (spares reading it again). */
  read?: WorkflowRecord,
): Promise<WorkflowRecord> {
  const prepared = await prepareTransition(platform, ctx, def, id, key, input.version, read);
  return platform.db.transaction().execute((tx) => transitionWithin(tx, platform, ctx, def, id, key, input, prepared));
}

/**
 * The modules' `beforeTransition` for a transition the actor could take on a record they may see:
 * its refusals, and the columns it adds. Otherwise nothing: the transaction says what is wrong.
 */
async function prepareTransition(platform: Platform, actor: TransitionActor, def: WorkflowDef, id: string, key: string, version: number, read?: WorkflowRecord): Promise<Record<string, unknown>> {
  const hooks = platform.modules.filter((m) => m.beforeTransition && m.workflows?.some((w) => w.recordType === def.recordType));
  const t = def.transitions.find((x) => x.key === key);
  if (hooks.length === 0 || !t || !(actor.roles.includes('system') || t.roles.some((r) => actor.roles.includes(r)))) return {};
  const record = read ?? (await loadRecord(platform.db, def, id));
  if (!record || record.version !== version || !t.from.includes(record.status)) return {};
  assertInScope(actor.scope, record.unit_id, def.title);
  // The transition's own guards speak first (who may, what must be written).
  if (t.check?.(record, { unitId: actor.unitId ?? '', roles: actor.roles })) return {};
  const columns: Record<string, unknown> = {};
  for (const mod of hooks) Object.assign(columns, await mod.beforeTransition!(platform, def.recordType, record, key));
  return columns;
}

/** Who makes a transition: an actor with a data scope; the server operator (CLI, role `system`) holds every role. */
export type TransitionActor = Actor & { id: string | null; unitId: string | null; roles: readonly string[]; scope: DataScope };

/** A transition in the caller's transaction (the API's, or an import row's), with every rule the API applies. */
export async function transitionWithin(
  tx: Tx,
  platform: Platform,
  actor: TransitionActor,
  def: WorkflowDef,
  id: string,
  key: string,
  input: TransitionInput,
  /** Columns a module's `beforeTransition` prepared outside the transaction. */
  prepared: Record<string, unknown> = {},
): Promise<WorkflowRecord> {
  const record = await loadRecord(tx, def, id);
  if (!record) throw notFound(def.title);
  assertInScope(actor.scope, record.unit_id, def.title);
  const t = def.transitions.find((x) => x.key === key);
  if (!t) throw notFound('操作');
  const stateLabel = def.states[record.status]?.label ?? record.status;
  if (!actor.roles.includes('system') && !t.roles.some((r) => actor.roles.includes(r))) {
    throw forbidden(`您的角色不能执行「${t.label}」（需要：${t.roles.join('、')}）`);
  }
  if (record.version !== input.version) throw conflict('记录已被他人修改，请刷新后重试（版本号已过期）');
  if (!t.from.includes(record.status)) {
    throw conflict(`当前状态为「${stateLabel}」，不能执行「${t.label}」（仅限：${t.from.map((s) => def.states[s]?.label ?? s).join('、')}）`);
  }
  if (input.date && input.date > chinaToday()) throw new HttpError(400, '办理日期（date）不能晚于今天', [{ field: 'date', message: '不能晚于今天' }]);
  if (t.noteRequired && !input.note) throw new HttpError(400, `执行「${t.label}」须填写说明（note）`, [{ field: 'note', message: '须填写说明' }]);
  const values = t.input ? (parseWith(t.input, input.values ?? {}, 'values') as Record<string, unknown>) : {};
  const guardActor = { unitId: actor.unitId ?? '', roles: actor.roles };
  const blocked = unmetGuards(t, record, guardActor, t.evidence ? await evidenceCount(tx, def.recordType, id) : 0, values);
  if (blocked.length) throw conflict(`不能执行「${t.label}」：${blocked.join('；')}`);

  const date = input.date ?? chinaToday();
  const columns: Record<string, unknown> = { ...prepared, status: t.to };
  for (const [field, column] of Object.entries(t.inputColumns ?? {})) if (field in values) columns[column] = values[field];
  if (t.dateColumn) columns[t.dateColumn] = date;
  for (const column of t.clears ?? []) columns[column] = null;
  assertDatesInOrder(platform, def, t, record, columns);
  assertNotBeforeRecorded(platform, def, record, date);
  let written = await updateVersionedRow<WorkflowRecord>(tx, def.table, id, record.version, columns, actor.id);
  const noteParts = [input.note, date !== chinaToday() ? `办理日期 ${date}` : null].filter(Boolean);
  await addTimeline(tx, actor, {
    recordType: def.recordType,
    recordId: id,
    action: `transition.${t.key}`,
    label: t.label,
    fromStatus: record.status,
    toStatus: t.to,
    note: noteParts.length ? noteParts.join('；') : null,
  });
  await applyEffects(tx, platform, actor, def, { ...record, ...columns }, t.effects ?? [], date, input.note);
  const numbering = platform.caseNumbers.get(def.recordType);
  if (numbering?.transitions.includes(t.key)) {
    const number = await assignCaseNumber(tx, numbering, def.table, written, date);
    written = { ...written, [numbering.column]: number };
  }
  // A hook may change the record: the next one, and the caller, read it again.
  for (const mod of platform.modules) {
    if (mod.afterTransition && mod.workflows?.some((w) => w.recordType === def.recordType)) {
      await mod.afterTransition(tx, platform, def.recordType, written, t.key, date);
      written = (await loadRecord(tx, def, id))!;
    }
  }
  await platform.audit.record(tx, actor, {
    action: 'workflow.transition',
    targetType: def.recordType,
    targetId: id,
    detail: { transition: t.key, from: record.status, to: t.to, date },
  });
  return written;
}

/**
 * A transition's date and values may not put the record's dates out of the order its definition
 * declares (a report published before its date of issue, a decision before the case was received).
 * The field named is the one the user entered: the transition's date, or one of its values.
 */
function assertDatesInOrder(platform: Platform, def: WorkflowDef, t: TransitionDef, record: Record<string, unknown>, columns: Record<string, unknown>): void {
  const recordDef = platform.records.get(def.recordType);
  if (!recordDef) return;
  const row = { ...record, ...columns };
  const problem = dateOrderProblem(recordDef, (_, spec) => row[spec.column], (name) => recordDef.fields[name]!.column in columns);
  if (!problem) return;
  const column = recordDef.fields[problem.field]!.column;
  const value = Object.entries(t.inputColumns ?? {}).find(([, c]) => c === column)?.[0];
  const field = column === t.dateColumn ? 'date' : value ? `values.${value}` : problem.field;
  throw new HttpError(400, problem.message, [{ field, message: problem.message }]);
}

/**
 * A step is not dated before what the record says already happened (a dispute's mediation begun
 * before it was received): the dates its definition marks as not after today, as recorded.
 */
function assertNotBeforeRecorded(platform: Platform, def: WorkflowDef, record: Record<string, unknown>, date: string): void {
  const recordDef = platform.records.get(def.recordType);
  if (!recordDef) return;
  for (const [, spec] of entries(recordDef)) {
    const recorded = record[spec.column];
    if (spec.kind !== 'date' || !spec.notAfterToday || typeof recorded !== 'string' || !recorded || date >= recorded) continue;
    const message = `办理日期（${date}）不能早于${spec.label}（${recorded}）`;
    throw new HttpError(400, message, [{ field: 'date', message }]);
  }
}

/** Runs clock effects (also used by modules when a record is created). */
export async function applyEffects(
  tx: Tx,
  platform: Platform,
  actor: Actor,
  def: WorkflowDef,
  record: WorkflowRecord,
  effects: readonly ClockEffect[],
  date: string,
  note?: string,
): Promise<void> {
  if (effects.length === 0) return;
  const clocks = await clocksOf(tx, def.recordType, record.id);
  const byKey = new Map(clocks.map((c) => [c.clock_key, c]));
  for (const effect of effects) {
    if ('start' in effect) {
      const base = { recordType: def.recordType, recordId: record.id, unitId: record.unit_id, key: effect.start, label: effect.label, start: date };
      if ('dueColumn' in effect) {
        await startClock(tx, platform, actor, { ...base, fixedDue: String(record[effect.dueColumn]) });
      } else {
        const rule = typeof effect.rule === 'string' ? effect.rule : (effect.rule.rules[String(record[effect.rule.field])] ?? effect.rule.fallback);
        await startClock(tx, platform, actor, { ...base, ruleCode: rule });
      }
      continue;
    }
    const key = 'pause' in effect ? effect.pause : 'resume' in effect ? effect.resume : 'restart' in effect ? effect.restart : effect.stop;
    const clock = byKey.get(key);
    // A clock the record never started (or already stopped) has nothing to pause or stop.
    if (!clock || clock.status === 'stopped') continue;
    if ('pause' in effect) {
      if (clock.status === 'running') byKey.set(key, await changeClock(tx, platform, actor, clock, { op: 'pause', date, reason: note ? `${effect.reason}：${note}` : effect.reason }));
    } else if ('resume' in effect) {
      if (clock.status === 'paused') byKey.set(key, await changeClock(tx, platform, actor, clock, { op: 'resume', date }));
    } else if ('restart' in effect) {
      byKey.set(key, await changeClock(tx, platform, actor, clock, { op: 'restart', date, reason: effect.reason }));
    } else {
      byKey.set(key, await changeClock(tx, platform, actor, clock, { op: 'stop', date, reason: effect.reason }));
    }
  }
}

/** Everything a record's page shows about its workflow, for this user (`readOnly`: a shared record outside their scope). */
export async function workflowPanel(platform: Platform, ctx: { roles: readonly Role[]; unitId: string }, def: WorkflowDef, record: WorkflowRecord, readOnly = false): Promise<WorkflowPanelView> {
  const [clocks, timeline, evidence, deadlines] = await Promise.all([
    clocksOf(platform.db, def.recordType, record.id),
    readTimeline(platform.db, def.recordType, record.id),
    evidenceCount(platform.db, def.recordType, record.id),
    platform.deadlines.load(),
  ]);
  const today = chinaToday();
  return {
    recordType: def.recordType,
    status: record.status,
    statusLabel: def.states[record.status]?.label ?? record.status,
    version: record.version,
    // A reader outside the record's scope takes no step (the server would refuse it).
    transitions: (readOnly ? [] : transitionsFrom(def, record.status, ctx.roles)).map((t) => ({
      key: t.key,
      label: t.label,
      to: t.to,
      noteRequired: t.noteRequired ?? false,
      evidence: t.evidence ?? 0,
      danger: t.danger ?? false,
      blockedBy: unmetGuards(t, record, ctx, evidence, 'form'),
    })),
    clocks: clocks.map((c) => clockView(c, deadlines, today)),
    timeline,
    readOnly,
  };
}
