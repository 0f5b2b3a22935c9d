// Data scope, enforced in one place: every query of unit-owned records goes through `scoped`,
// and every single-record access through `assertInScope`.
import { sql, type DialectAdapter } from 'kysely';
import { readGenerations } from '../db/generations.ts';
import { notFound } from '../http/errors.ts';
import { likeEscape, preparedQuery, type Executor } from '../db/index.ts';
import { ALL_SCOPE_ROLES, type Role } from '../../../shared/roles.ts';

export type DataScope = { all: true } | { all: false; unitIds: readonly string[] };

const unitsUnder = preparedQuery((db, [pathPattern]) => db.selectFrom('org_units').select('id').where(sql<boolean>`path like ${pathPattern} escape '\\'`));

/**
 * Subtrees by unit path, per database (keyed by its Kysely adapter, which its transactions share),
 * kept while the org_units write generation stays: a LIKE on the path walks every unit (~0.9 ms at
 * 10,000 units) and every request of a unit's user needs its subtree.
 */
const subtrees = new WeakMap<DialectAdapter, { generation: number; byPath: Map<string, readonly string[]> }>();

/** The unit and its subtree (active or not: history of a deactivated unit stays visible). */
export async function subtreeUnitIds(db: Executor, unitPath: string): Promise<readonly string[]> {
  const read = async () => (await unitsUnder(db, [likeEscape(unitPath) + '%'])).map((r) => r.id);
  // A transaction may see its own uncommitted moves: read the tree, keep nothing.
  if (db.isTransaction) return read();
  // The generation is read first: a move committed meanwhile leaves the entry stale, never wrong.
  const generation = (await readGenerations(db, ['org_units'])).get('org_units') ?? 0;
  const adapter = db.getExecutor().adapter;
  let held = subtrees.get(adapter);
  if (held?.generation !== generation) subtrees.set(adapter, (held = { generation, byPath: new Map() }));
  let ids = held.byPath.get(unitPath);
  if (!ids) held.byPath.set(unitPath, (ids = await read()));
  return ids;
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
