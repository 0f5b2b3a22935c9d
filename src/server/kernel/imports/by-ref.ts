// Import by ref: the one runner every business import type goes through. A row is done as the
// importer would do it through the API, with the module's own commands: units and refs resolve
// only within the importer's data scope, so a record outside it is simply unknown. Refs are unique
// per unit (`ref_per_unit`), so creating a ref that another unit also uses tells nothing about it.
// The county's own ledgers, whose refs are unique on the whole platform, run on the same loop
// (`platformImport`) but are not on the per-unit runner: only whole-platform roles may import them.
import type { Tx } from '../db/index.ts';
import type { Platform } from '../platform.ts';
import { inScope } from '../auth/scope.ts';
import { HttpError } from '../http/errors.ts';
import { rowChecker, splitCodes } from './rows.ts';
import type { ImportType, Importer, RowError } from './types.ts';
import { loadRecord, transitionWithin } from '../workflow/engine.ts';
import { changeClock } from '../workflow/clocks.ts';
import type { WorkflowDef } from '../../../shared/workflow.ts';

/** A row refused by the import's own checks, reported under a file column. */
export class RowFailure extends Error {
  constructor(
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

export const refuseRow = (column: string, message: string): never => {
  throw new RowFailure(column, message);
};

/** What an import type's commands get for one file: who imports, and lookups within their scope. */
export interface RefImportRun {
  tx: Tx;
  platform: Platform;
  actor: Importer;
  /** A unit code of the file → the unit's id; a unit outside the importer's scope is unknown. */
  unit(code: string, column: string): string;
  /** A cell of `;`-separated unit codes → their ids; every unknown code is named in one refusal. */
  units(codes: string | undefined, column: string): string[];
  /** A record of `table` (with `ref` and `unit_id`) by its ref, among the records the importer may see. */
  record(table: string, ref: string, column: string, what: string): Promise<{ id: string; unit_id: string }>;
  /** Refuses the row unless the importer holds `permission` (as the API would). */
  require(permission: string, column: string, what: string): void;
}

/** The record a row's unit and ref found (its table row). */
export type ExistingRecord = Record<string, any> & { id: string; unit_id: string; version?: number };

interface ByRefSpec<Row extends { ref: string }> extends Omit<ImportType<Row>, 'apply'> {
  /** The table whose records the file's rows are, found by their `ref`. */
  table: string;
  /** API field → file column, for field errors thrown by the module's commands (`''`: the column of a refusal that names no field). */
  columns?: Record<string, string>;
  update(row: Row, existing: ExistingRecord, run: RefImportRun): Promise<unknown>;
  /** Refuses a row before either command: what the row contradicts in itself, a permission it needs. */
  check?(row: Row, run: RefImportRun): void;
  /** What follows either command on the record (its workflow steps on the row's dates); `create` then returns the new record's id. */
  then?(row: Row, id: string, run: RefImportRun): Promise<void>;
}

export interface RefImportSpec<Row extends { ref: string }> extends ByRefSpec<Row> {
  /** The unit a row belongs to (a unit code of the file, or its parent record's unit): `ref` is unique per `unit_id`. */
  unitOf(row: Row, run: RefImportRun): Promise<string> | string;
  create(row: Row, unitId: string, run: RefImportRun): Promise<unknown>;
}

export interface PlatformImportSpec<Row extends { ref: string }> extends ByRefSpec<Row> {
  /** The row's unit and references are the command's to resolve (through `run`): `ref` is unique on the whole platform. */
  create(row: Row, run: RefImportRun): Promise<unknown>;
}

/**
 * The record a row hangs under, named by one of its cells (an officer's 执法主体, a hearing's case):
 * its table, the cell, the file column and the name refusals use, said once. `find` gives the commands
 * the parent; `unitOf` puts the row in the parent's unit (its ref is unique there).
 */
export function parentByRef<Row>(table: string, refOf: (row: Row) => string, column: string, what: string) {
  const find = (row: Row, run: RefImportRun) => run.record(table, refOf(row), column, what);
  return {
    column,
    find,
    unitOf: async (row: Row, run: RefImportRun) => (await find(row, run)).unit_id,
    /** The parent on update, the row refused with `message` when it names another than the record's own (`currentId`): an import moves no record. */
    async kept(row: Row, run: RefImportRun, currentId: string, message: string) {
      const parent = await find(row, run);
      if (parent.id !== currentId) refuseRow(column, message);
      return parent;
    },
  };
}

/** `label（name）`, the way row errors name a file column. */
export const columnOf = (fields: readonly { name: string; label: string }[], name: string) => {
  const f = fields.find((x) => x.name === name);
  return f ? `${f.label}（${f.name}）` : name;
};

/** The import types this runner made: the platform checks membership here, not a flag anyone could set. */
const onRunner = new WeakSet<ImportType<any>>();
export const isRefImport = (type: ImportType<any>) => onRunner.has(type);

export function refImport<Row extends { ref: string }>(spec: RefImportSpec<Row>): ImportType<Row> {
  const type = byRef(spec, { unitOf: spec.unitOf, create: spec.create, unknown: '不存在或无权访问' });
  onRunner.add(type);
  return type;
}

/**
 * The county's own ledgers (plans, inspections, proposals…), whose refs are unique on the whole
 * platform: rows are done with the module's commands as by `refImport`, but a record is found by its
 * ref alone. Such a type is not on the per-unit runner (`isRefImport` is false), so the platform
 * refuses to start if it is granted to a role that does not see the whole platform.
 */
export function platformImport<Row extends { ref: string }>(spec: PlatformImportSpec<Row>): ImportType<Row> {
  // The importer sees every unit and record: what it cannot find does not exist.
  return byRef(spec, { create: (row, _unitId, run) => spec.create(row, run), unknown: '不存在' });
}

interface Keying<Row> {
  unitOf?: (row: Row, run: RefImportRun) => Promise<string> | string;
  create(row: Row, unitId: string | undefined, run: RefImportRun): Promise<unknown>;
  /** How a unit or ref the importer cannot find is answered. */
  unknown: string;
}

function byRef<Row extends { ref: string }>(spec: ByRefSpec<Row>, keying: Keying<Row>): ImportType<Row> {
  const columns: Record<string, string> = { ...Object.fromEntries(spec.fields.map((f) => [f.name, columnOf(spec.fields, f.name)])), ...spec.columns };
  return {
    type: spec.type,
    title: spec.title,
    permission: spec.permission,
    fields: spec.fields,
    row: spec.row,
    async apply(tx, rows, actor, platform) {
      const errors: RowError[] = [];
      const check = rowChecker(errors);
      const run = await runFor(tx, platform, actor, keying.unknown);
      let created = 0;
      let updated = 0;
      for (const r of rows) {
        const row = check(r.row);
        try {
          // Per unit, a ref is known by its unit; on the whole platform, by itself (checked before anything is resolved).
          const unitId = keying.unitOf ? await keying.unitOf(r.value, run) : undefined;
          if (row.duplicate(unitId === undefined ? r.value.ref : `${r.value.ref}\u0000${unitId}`)) continue;
          let found = (tx as any).selectFrom(spec.table).selectAll().where('ref', '=', r.value.ref);
          if (unitId !== undefined) found = found.where('unit_id', '=', unitId);
          const existing = await found.executeTakeFirst();
          // A platform-wide ref another county's record holds is not the importer's to update.
          if (existing && 'unit_id' in existing && existing.unit_id && !inScope(actor.scope, existing.unit_id)) refuseRow(columns.ref ?? 'ref', `编号「${r.value.ref}」已被无权访问的其他单位记录使用，请换一个编号`);
          spec.check?.(r.value, run);
          if (existing) {
            await spec.update(r.value, existing, run);
            await spec.then?.(r.value, existing.id, run);
            updated++;
          } else {
            const id = await keying.create(r.value, unitId, run);
            if (spec.then) {
              if (typeof id !== 'string') throw new Error(`导入类型 ${spec.type} 的 create 须返回新记录的 id`);
              await spec.then(r.value, id, run);
            }
            created++;
          }
        } catch (error) {
          if (error instanceof RowFailure) row.fail(error.column, error.message);
          else if (error instanceof HttpError) row.fromHttpError(error, columns);
          else throw error;
        }
      }
      return { created, updated, errors };
    },
  };
}

/** The lookups of one file, within the importer's data scope. */
async function runFor(tx: Tx, platform: Platform, actor: Importer, unknown: string): Promise<RefImportRun> {
  const units = new Map(
    (await tx.selectFrom('org_units').select(['id', 'code']).execute()).filter((u) => inScope(actor.scope, u.id)).map((u) => [u.code, u.id]),
  );
  return {
    tx,
    platform,
    actor,
    unit: (code, column) => units.get(code) ?? refuseRow(column, `单位「${code}」${unknown}`),
    units(codes, column) {
      const list = splitCodes(codes);
      const missing = list.filter((c) => !units.has(c));
      if (missing.length) refuseRow(column, `单位「${missing.join('、')}」${unknown}`);
      return list.map((c) => units.get(c)!);
    },
    async record(table, ref, column, what) {
      const found = await (tx as any).selectFrom(table).select(['id', 'unit_id']).where('ref', '=', ref).execute();
      const visible = (found as { id: string; unit_id: string }[]).filter((r) => inScope(actor.scope, r.unit_id));
      if (visible.length === 0) refuseRow(column, `${what}「${ref}」${unknown}`);
      if (visible.length > 1) refuseRow(column, `${what}「${ref}」在多个单位都有，请在系统中办理`);
      return visible[0]!;
    },
    require(permission, column, what) {
      if (!actor.permissions.has(permission)) refuseRow(column, `无权${what}`);
    },
  };
}

/** The record's clock of `key` extended as approved, through the clock's own command, unless it has stopped or was extended already. */
export async function extendApproved(run: RefImportRun, recordType: string, id: string, key: string): Promise<void> {
  const clock = await run.tx.selectFrom('clocks').selectAll().where('record_type', '=', recordType).where('record_id', '=', id).where('clock_key', '=', key).executeTakeFirst();
  if (clock && clock.status !== 'stopped' && clock.extended !== 1) await changeClock(run.tx, run.platform, run.actor, clock, { op: 'extend', approval: '批量导入：已经批准延长' });
}

/** How many of `steps` a record in `status` has taken (a status between two steps counts as the earlier). */
export const stepReached = (status: string, steps: readonly ImportStep[]) => steps.reduce((at, step, i) => (step.status === status ? i + 1 : at), 0);

/** One step of a record's import path: the state a transition leads to, with the row's date and values. */
export interface ImportStep {
  /** The status the step reaches (statuses between two steps, e.g. 调解中, count as the earlier one). */
  status: string;
  transition: string;
  date: string;
  values?: Record<string, unknown>;
  note?: string;
}

/**
 * Moves a record forward to the state its import row describes, through the workflow's own
 * transitions (roles, guards, clocks, timeline, audit), each on the row's historical date. A row
 * describing an earlier state than the record's is refused: an import never takes a record back.
 */
export async function advanceTo(run: RefImportRun, def: WorkflowDef, id: string, steps: readonly ImportStep[], wanted: number, column: string): Promise<void> {
  let record = (await loadRecord(run.tx, def, id))!;
  const current = stepReached(record.status, steps);
  if (wanted < current) refuseRow(column, `记录当前为「${def.states[record.status]?.label ?? record.status}」，导入不能改回更早的状态`);
  for (const step of steps.slice(current, wanted)) {
    record = await transitionWithin(run.tx, run.platform, run.actor, def, id, step.transition, { version: record.version, date: step.date, values: step.values, note: step.note ?? '批量导入' });
  }
}
