// Data scope, enforced in one place: every query of unit-owned records goes through `scoped`,
// and every single-record access through `assertInScope`.
import { sql, type DialectAdapter } from 'kysely';
import { readGenerations } from '../db/generations.ts';
import { notFound } from '../http/errors.ts';
import { likeEscape, preparedQuery, type Executor } from '../db/index.ts';
import { ALL_SCOPE_ROLES, type Role } from '../../../shared/roles.ts';

/**
 * Every unit, or a subtree. `rootCode` names the subtree's unit (a user's home for figures);
 * `county` holds the units of the user's county (what the county publishes to all its units: plans,
 * circulars, assessment schemes), absent when that is every unit.
 */
export type DataScope = { all: true } | { all: false; unitIds: readonly string[]; rootCode?: string; county?: readonly string[] };

/** The ids of the units at or below a path, as a subquery (a county's units, for reads of one county's part). */
export const unitIdsBelow = (path: string) => sql`(select id from org_units where path like ${likeEscape(path) + '%'} escape '\\')`;

const unitsUnder = preparedQuery((db, [pathPattern]) => db.selectFrom('org_units').select('id').where(sql<boolean>`path like ${pathPattern} escape '\\'`));

export interface DirectoryUnit {
  id: string;
  code: string;
  name: string;
  kind: string;
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
  const read = async () => directoryOf(await db.selectFrom('org_units').select(['id', 'code', 'name', 'kind', 'category', 'path', 'active']).execute());
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

/**
 * The path of the county a unit lies in — the nearest unit of kind county at or above it, below the
 * root — or null for every unit: in one county's deployment the county is the root, and a unit
 * above the counties (a province's) belongs to none.
 */
export function countyPath(directory: UnitDirectory, unitPath: string): string | null {
  return countyUnitIn(directory, unitPath)?.path ?? null;
}

/** The county unit a unit lies in (see countyPath), or null. */
export function countyUnitIn(directory: UnitDirectory, unitPath: string): DirectoryUnit | null {
  return countyIn(pathIds(unitPath).map((id) => directory.byId.get(id)));
}

/**
 * The path of the subtree a user sees, or null for every unit. The county-wide roles (law office,
 * inspectors, reviewers, leaders, the system and security administrators) see their county: in a
 * province on one database a county's law office reads its own county, never another, and only the
 * province's own people see every county. Everyone else sees their own unit's subtree.
 */
export function scopeRootPath(directory: UnitDirectory, roles: readonly Role[], unitPath: string): string | null {
  return roles.some((r) => ALL_SCOPE_ROLES.includes(r)) ? countyPath(directory, unitPath) : unitPath;
}

/** A user's data scope (see scopeRootPath). */
export async function scopeOf(db: Executor, roles: readonly Role[], unitPath: string): Promise<DataScope> {
  const directory = await unitDirectory(db);
  const root = scopeRootPath(directory, roles, unitPath);
  if (root === null) return { all: true };
  const county = countyPath(directory, unitPath);
  return { all: false, unitIds: directory.subtree(root), rootCode: directory.byId.get(lastId(root))?.code, county: county === null ? undefined : directory.subtree(county) };
}

/** The units of the county a unit lies in, as a scope (every unit when it lies in none: see countyPath). */
export async function countyOfUnit(db: Executor, unitId: string): Promise<DataScope> {
  const chain = await ancestry(db, unitId);
  // An unknown unit lies in no county anyone may widen to: nothing.
  if (!chain.length) return { all: false, unitIds: [] };
  const county = countyIn(chain);
  return county ? { all: false, unitIds: await subtreeUnitIds(db, county.path) } : { all: true };
}

/** The government a unit's numbers and documents are in the name of: its county, or the top of its tree (one county's deployment). */
export async function countyUnitOf(db: Executor, unitId: string): Promise<DirectoryUnit | undefined> {
  return (await unitWithCounty(db, unitId))?.county;
}

/** A unit with its county (countyUnitOf); `belowRoot` when that county lies in a province (it has a unit above it). */
export async function unitWithCounty(db: Executor, unitId: string): Promise<{ unit: DirectoryUnit; county: DirectoryUnit; belowRoot: boolean } | undefined> {
  const chain = await ancestry(db, unitId);
  const unit = chain.at(-1);
  if (!unit) return undefined;
  const county = countyIn(chain);
  return { unit, county: county ?? chain[0] ?? unit, belowRoot: !!county };
}

/** The county on a chain of units (root first, a missing one undefined; see countyPath), or null. */
const countyIn = (chain: readonly (DirectoryUnit | undefined)[]) => chain.findLast((u, i) => i > 0 && u?.kind === 'county') ?? null;

/** The units from the root down to this one. In a transaction (a record being numbered) two small reads, not the whole directory. */
async function ancestry(db: Executor, unitId: string): Promise<(DirectoryUnit | undefined)[]> {
  if (!db.isTransaction) {
    const directory = await unitDirectory(db);
    const unit = directory.byId.get(unitId);
    return unit ? pathIds(unit.path).map((id) => directory.byId.get(id)) : [];
  }
  const unit = await db.selectFrom('org_units').select('path').where('id', '=', unitId).executeTakeFirst();
  if (!unit) return [];
  const rows = await db.selectFrom('org_units').select(['id', 'code', 'name', 'kind', 'category', 'path', 'active']).where('id', 'in', pathIds(unit.path)).execute();
  return pathIds(unit.path).map((id) => rows.find((r) => r.id === id));
}

/** The scope of what the user's county publishes to all its units. */
export const countyScope = (scope: DataScope): DataScope => (scope.all || !scope.county ? { all: true } : { all: false, unitIds: scope.county });

/** The ids on a path, root first; the last is the unit's own. */
const pathIds = (path: string) => path.split('/').filter(Boolean);
const lastId = (path: string) => pathIds(path).at(-1)!;

/** The unit whose figures a user sees first: their scope's unit, or every unit (undefined). */
export const homeUnitCode = (scope: DataScope, unitCode: string): string | undefined => (scope.all ? undefined : (scope.rootCode ?? unitCode));

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
