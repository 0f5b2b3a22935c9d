// Data scope, enforced in one place: every query of unit-owned records goes through `scoped`,
// and every single-record access through `assertInScope`.
import { sql } from 'kysely';
import { notFound } from '../http/errors.ts';
import { likeEscape, type Executor } from '../db/index.ts';
import { ALL_SCOPE_ROLES, type Role } from '../../../shared/roles.ts';

export type DataScope = { all: true } | { all: false; unitIds: readonly string[] };

/** The unit and its subtree (active or not: history of a deactivated unit stays visible). */
export async function subtreeUnitIds(db: Executor, unitPath: string): Promise<string[]> {
  const rows = await db
    .selectFrom('org_units')
    .select('id')
    .where(sql<boolean>`path like ${likeEscape(unitPath) + '%'} escape '\\'`)
    .execute();
  return rows.map((r) => r.id);
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

export function inScope(scope: DataScope, unitId: string): boolean {
  return scope.all || scope.unitIds.includes(unitId);
}

/** A record outside the user's scope is reported as missing, so its existence does not leak. */
export function assertInScope(scope: DataScope, unitId: string, what = '记录'): void {
  if (!inScope(scope, unitId)) throw notFound(what);
}
