// Registry records (台账登记): records entered as they are — an activity, a person in a registry, a
// monthly count — whose only workflow is a status or two. One description gives their commands
// (create and correct: the owner unit in the writer's scope and of the right kind, dates not after
// today and in the definition's order, counts not negative, sealed personal data encrypted; in the
// caller's transaction, on the timeline, audited) and their reads (the ledger page within the data
// scope, one record, sealed data masked). Domain rules stay with the module (`check`).
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { z } from '../../../shared/zod.ts';
import type { ExportColumn } from '../exports/xlsx.ts';
import { recordRoutes, updateRoute, type ScopedRecords } from './routes.ts';
import type { Executor, Tx } from '../db/index.ts';
import type { Platform } from '../platform.ts';
import type { Actor } from '../audit/index.ts';
import { inScope, type DataScope } from '../auth/scope.ts';
import { HttpError, fieldError, notFound } from '../http/errors.ts';
import { newId } from '../ids.ts';
import { chinaToday } from '../calendar/days.ts';
import { newStamps, updateVersioned } from '../db/versioned.ts';
import { encryptText } from '../crypto/keys.ts';
import { addTimeline } from '../workflow/timeline.ts';
import { recordReader } from './reader.ts';
import { maskedSealed, statusOf } from './read.ts';
import { recordRow, recordView } from './view.ts';
import { dateOrderProblem, entries, type RecordDef } from '../../../shared/records.ts';
import type { WorkflowDef } from '../../../shared/workflow.ts';
import { UNIT_KINDS } from '../../../shared/schemas/org.ts';
import { moveBelongings } from '../workflow/move.ts';

export interface PlainSpec<I extends object> {
  def: RecordDef<any>;
  workflow: WorkflowDef;
  /** The record's Chinese name (404s, timeline). */
  what: string;
  /** Audit actions (each has its Chinese name in shared/schemas/audit.ts). */
  actions: { create: string; update: string };
  /** The status a new record starts in, and the timeline's label for its creation. */
  initial: { status: string; label: string };
  /** The owner unit: the input field naming it, the kinds of unit it may be (e.g. villages only). */
  unit: { field: string; label: string; kinds?: readonly string[] };
  /** The table's title column, when it is derived rather than a field. */
  title?: (input: I) => string;
  /** Domain rules beyond the definition (throw a fieldError); `existing` is the row being corrected. */
  check?: (tx: Executor, input: I, existing: Record<string, any> | null) => Promise<void> | void;
  /** Columns besides the definition's fields, from the input (derived values). */
  columns?: (input: I) => Record<string, unknown>;
  /** Joins and selects beyond the owner unit's name (alias of the record: `r`, of its unit: `u`). */
  query?: (q: any) => any;
  /** What the view adds from a joined row. */
  view?: (row: any, scope: DataScope) => Record<string, unknown>;
  defaultSort: { field: string; order: 'asc' | 'desc' };
  /** Filters the definition cannot state, from the ledger's query (e.g. status, a year of a month field). */
  filter?: (q: any, query: Record<string, unknown>) => any;
}

/** The owner unit of a new or corrected record: there, active, in the writer's scope, of an allowed kind. */
export async function ownerUnit(tx: Executor, scope: DataScope, unitId: string, spec: PlainSpec<any>['unit']) {
  const unit = await tx.selectFrom('org_units').select(['id', 'code', 'name', 'kind', 'active']).where('id', '=', unitId).executeTakeFirst();
  if (!unit || !inScope(scope, unit.id)) throw fieldError(spec.field, spec.label, '不存在或无权访问');
  if (!unit.active) throw fieldError(spec.field, spec.label, '已停用');
  if (spec.kinds && !spec.kinds.includes(unit.kind)) throw fieldError(spec.field, spec.label, `须为${spec.kinds.map((k) => UNIT_KINDS[k as keyof typeof UNIT_KINDS] ?? k).join('或')}（所选单位是${UNIT_KINDS[unit.kind as keyof typeof UNIT_KINDS] ?? unit.kind}）`);
  return unit;
}

/** What the definition says of any input, checked again for callers that bypass the API's schema (imports). */
function checkFields(def: RecordDef<any>, input: Record<string, unknown>): void {
  const today = chinaToday();
  for (const [name, spec] of entries(def)) {
    const value = input[name];
    if (value === undefined || value === null) continue;
    if (spec.kind === 'date' && spec.notAfterToday && String(value) > today) throw fieldError(name, spec.label, '不能晚于今天');
    if ((spec.kind === 'integer' || spec.kind === 'money') && Number(value) < 0) throw fieldError(name, spec.label, '不能为负数');
  }
  const problem = dateOrderProblem(def, (name) => input[name]);
  if (problem) throw new HttpError(400, problem.message, [{ field: problem.field, message: problem.message }]);
}

function sealedColumns(platform: Platform, def: RecordDef<any>, input: Record<string, unknown>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [name, spec] of entries(def)) {
    if (!spec.sealed || input[name] === undefined) continue;
    out[spec.column] = input[name] ? encryptText(platform.keys, String(input[name])) : null;
  }
  return out;
}

/**
 * A registry record type's commands and reads, as `plainRecords` gives them (or a module's own
 * around them): what `plainRoutes` wires to its routes.
 */
export interface PlainCommands extends Required<ScopedRecords> {
  def: RecordDef<any>;
  update(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, input: any): Promise<unknown>;
}

export function plainRecords<I extends object, V = Record<string, unknown>>(spec: PlainSpec<I>) {
  const { def, workflow } = spec;
  const table = def.table;

  const base = (db: Executor) => {
    const q = (db as any).selectFrom(`${table} as r`).innerJoin('org_units as u', 'u.id', 'r.unit_id').selectAll('r').select('u.name as unit_name');
    return spec.query ? spec.query(q) : q;
  };

  const toView = (platform: Platform, row: any, scope: DataScope): V =>
    ({
      ...recordView(def, row),
      ...maskedSealed(platform, def, row),
      title: row.title ?? row[workflow.titleColumn],
      unitName: row.unit_name,
      ...statusOf(workflow, row.status),
      ...(spec.view ? spec.view(row, scope) : {}),
    }) as V;
  const reader = recordReader<any, V>({ def, what: spec.what, alias: 'r', query: base, views: (platform, rows, scope) => rows.map((r) => toView(platform, r, scope)), defaultSort: spec.defaultSort, status: true, filter: spec.filter });

  return {
    def,

    async create(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: I & { ref?: string | null }): Promise<string> {
      const values = input as Record<string, unknown>;
      await ownerUnit(tx, scope, String(values[spec.unit.field]), spec.unit);
      checkFields(def, values);
      await spec.check?.(tx, input, null);
      const row = {
        id: newId(),
        ref: input.ref ?? null,
        ...recordRow(def, input),
        ...sealedColumns(platform, def, values),
        ...(spec.title ? { title: spec.title(input) } : {}),
        ...(spec.columns ? spec.columns(input) : {}),
        status: spec.initial.status,
        ...newStamps(actor.id),
      };
      await (tx as any).insertInto(table).values(row).execute();
      await addTimeline(tx, actor, { recordType: def.type, recordId: row.id, action: 'create', label: spec.initial.label, toStatus: spec.initial.status });
      await platform.audit.record(tx, actor, { action: spec.actions.create, targetType: def.type, targetId: row.id, detail: { ref: row.ref } });
      return row.id;
    },

    /** Corrects the record's fields (not its status, which moves through its workflow). */
    async update(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, input: I): Promise<void> {
      const existing = await (tx as any).selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
      if (!existing || !inScope(scope, existing.unit_id)) throw notFound(spec.what);
      const values = input as Record<string, unknown>;
      if (values[spec.unit.field] !== undefined) await ownerUnit(tx, scope, String(values[spec.unit.field]), spec.unit);
      checkFields(def, values);
      await spec.check?.(tx, input, existing);
      await updateVersioned(tx, table, id, version, { ...recordRow(def, input), ...sealedColumns(platform, def, values), ...(spec.title ? { title: spec.title(input) } : {}), ...(spec.columns ? spec.columns(input) : {}) }, actor.id);
      const unitId = values[spec.unit.field];
      if (unitId !== undefined && unitId !== existing.unit_id) await moveBelongings(tx, def.type, [id], String(unitId));
      await addTimeline(tx, actor, { recordType: def.type, recordId: id, action: 'update', label: `更正${spec.what}信息` });
      await platform.audit.record(tx, actor, { action: spec.actions.update, targetType: def.type, targetId: id });
    },

    list: reader.list,
    get: reader.get,
  };
}

/** A month `YYYY-MM` not after this month (China time). */
export function checkMonth(field: string, label: string, month: string): void {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw fieldError(field, label, `应为 YYYY-MM 格式的月份（如 2025-03），收到「${month}」`);
  if (month > chinaToday().slice(0, 7)) throw fieldError(field, label, '不能晚于本月');
}

/** Where a `YYYY-MM` column falls in a year (a ledger's year filter on a month field). */
export const monthInYear = (q: any, column: string, year: unknown) => (year ? q.where(column, '>=', `${year}-01`).where(column, '<=', `${year}-12`) : q);

/** The count of a month column's rows by the first day of their month, as an indicator's date. */
export const monthDate = (column: string) => sql<string>`${sql.ref(column)} || '-01'`;

/**
 * A registry record type's routes: its ledger and export, create and read (recordRoutes), and PUT
 * `url/:id` to correct it; each write in one transaction through the record type's commands.
 */
export function plainRoutes(
  api: FastifyInstance,
  platform: Platform,
  records: PlainCommands,
  spec: {
    url: string;
    tags: string[];
    permissions: { create: string; read: string };
    summaries: { list: string; export: string; create: string; read: string; update: string };
    query: z.ZodType<object>;
    body: z.ZodType<object>;
    update: z.ZodType<{ version: number }>;
    sheet: string;
    columns?: readonly ExportColumn<any>[];
  },
): void {
  const read = recordRoutes(api, platform, records.def, { ...spec, records });
  updateRoute(api, platform, { url: spec.url, permission: spec.permissions.create, summary: spec.summaries.update, tags: spec.tags, body: spec.update }, records.update, read);
}
