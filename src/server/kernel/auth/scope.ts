// Data scope, enforced in one place: every query of unit-owned records goes through `scoped`,
// and every single-record access through `assertInScope`.
import { sql, type DialectAdapter } from 'kysely';
import { readGenerations } from '../db/generations.ts';
import { notFound } from '../http/errors.ts';
import { likeEscape, preparedQuery, type Executor } from '../db/index.ts';
import { ALL_SCOPE_ROLES, type Role } from '../../../shared/roles.ts';

export type DataScope = { all: true } | { all: false; unitIds: readonly string[] };

const unitsUnder = preparedQuery((db, [pathPattern]) => db.selectFrom('org_units').select('id').where(sql<boolean>`path like ${pathPattern} escape '\\'`));

export interface DirectoryUnit {
  id: string;
  code: string;
  name: string;
  category: string | null;
  path: string;
  active: number;
}

/** Every unit (active or not: history of a deactivated unit stays visible), by id and by code, with their subtrees. */
export interface UnitDirectory {
  byId: ReadonlyMap<string, DirectoryUnit>;
  byCode: ReadonlyMap<string, DirectoryUnit>;
  /** The ids of the unit at `path` and every unit under it. */
  subtree(path: string): readonly string[];
}

/**
 * The directory per database (keyed by its Kysely adapter, which its transactions share), kept while
 * the org_units write generation stays: nearly every request names a unit or needs a subtree, and a
 * province has a few thousand units, so one read after each change to the units replaces a lookup
 * (a round trip on PostgreSQL) per use.
 */
const directories = new WeakMap<DialectAdapter, { generation: number; directory: UnitDirectory }>();

export async function unitDirectory(db: Executor): Promise<UnitDirectory> {
  const read = async () => directoryOf(await db.selectFrom('org_units').select(['id', 'code', 'name', 'category', 'path', 'active']).execute());
  // A transaction may see its own uncommitted changes: read the units, keep nothing.
  if (db.isTransaction) return read();
  // The generation is read first: a change committed meanwhile leaves the entry stale, never wrong.
  const generation = (await readGenerations(db, ['org_units'])).get('org_units') ?? 0;
  const adapter = db.getExecutor().adapter;
  const held = directories.get(adapter);
  if (held?.generation === generation) return held.directory;
  const directory = await read();
  directories.set(adapter, { generation, directory });
  return directory;
}

function directoryOf(units: DirectoryUnit[]): UnitDirectory {
  const subtrees = new Map<string, readonly string[]>();
  return {
    byId: new Map(units.map((u) => [u.id, u])),
    byCode: new Map(units.map((u) => [u.code, u])),
    subtree(path) {
      let ids = subtrees.get(path);
      if (!ids) subtrees.set(path, (ids = units.filter((u) => u.path.startsWith(path)).map((u) => u.id)));
      return ids;
    },
  };
}

/** The unit and its subtree. */
export async function subtreeUnitIds(db: Executor, unitPath: string): Promise<readonly string[]> {
  // In a transaction one LIKE on the paths costs less than reading every unit.
  if (db.isTransaction) return (await unitsUnder(db, [likeEscape(unitPath) + '%'])).map((r) => r.id);
  return (await unitDirectory(db)).subtree(unitPath);
}

/** The subtree of the unit with this id; `['']` (matching nothing) for an unknown id, as a filter wants it. */
export async function subtreeOfUnitId(db: Executor, unitId: string): Promise<readonly string[]> {
  const unit = db.isTransaction ? await db.selectFrom('org_units').select('path').where('id', '=', unitId).executeTakeFirst() : (await unitDirectory(db)).byId.get(unitId);
  return unit ? subtreeUnitIds(db, unit.path) : [''];
}

/** A user's data scope: everything for the law office, leaders and the system/security admins; else the unit's subtree. */
export async function scopeOf(db: Executor, roles: readonly Role[], unitPath: string): Promise<DataScope> {
  return roles.some((r) => ALL_SCOPE_ROLES.includes(r)) ? { all: true } : { all: false, unitIds: await subtreeUnitIds(db, unitPath) };
}

/** Adds the data-scope condition on `column` (a unit id column) to a query. */
export function scoped<QB extends { where: (...args: any[]) => any }>(qb: QB, scope: DataScope, column: string): QB {
  if (scope.all) return qb;
  if (scope.unitIds.length === 0) return qb.where(sql`1`, '=', 0);
  return qb.where(sql.ref(column), 'in', scope.unitIds);
}

/**
 * The data-scope condition for a record more units than its own take part in (a task's co-units, an
 * inspection's target units): its own unit (`unitColumn`) or one linked to it (`link`: a table of
 * record id and `unit_id`) is in scope.
 */
export function scopedWithLinks<QB extends { where: (...args: any[]) => any }>(qb: QB, scope: DataScope, unitColumn: string, idColumn: string, link: { table: string; recordColumn: string }): QB {
  if (scope.all) return qb;
  const ids = scope.unitIds.length ? scope.unitIds : [''];
  return qb.where((eb: any) => eb.or([eb(unitColumn, 'in', ids), eb(idColumn, 'in', eb.selectFrom(link.table).select(link.recordColumn).where('unit_id', 'in', ids))]));
}

export function inScope(scope: DataScope, unitId: string): boolean {
  return scope.all || scope.unitIds.includes(unitId);
}

/** A record outside the user's scope is reported as missing, so its existence does not leak. */
export function assertInScope(scope: DataScope, unitId: string, what = '记录'): void {
  if (!inScope(scope, unitId)) throw notFound(what);
}
