// Organisation units: writes (one function per use case, in the caller's transaction, audited) and reads.
import { sql } from 'kysely';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { OrgUnitTable } from '../../kernel/db/tables.ts';
import { likeEscape } from '../../kernel/db/index.ts';
import { updateVersioned } from '../../kernel/db/versioned.ts';
import { HttpError, conflict, fieldError, forbidden, notFound } from '../../kernel/http/errors.ts';
import { assertInScope, countyScope, inScope, scoped, type DataScope } from '../../kernel/auth/scope.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import type { CreateUnitInput, UpdateUnitInput, UnitView, UnitKind } from '../../../shared/schemas/org.ts';
import { unitActions, type Acting } from './policy.ts';

type UnitActor = Actor & Acting & { scope: DataScope };

export const present = (acting: Acting, u: OrgUnitTable): UnitView => ({
  id: u.id,
  code: u.code,
  name: u.name,
  kind: u.kind as UnitKind,
  category: u.category,
  parentId: u.parent_id,
  creditCode: u.credit_code,
  active: !!u.active,
  sortOrder: u.sort_order,
  version: u.version,
  updatedAt: u.updated_at,
  actions: unitActions(acting, { active: !!u.active }),
});

export async function getUnit(db: Executor, id: string): Promise<OrgUnitTable> {
  const unit = await db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
  if (!unit) throw notFound('单位');
  return unit;
}

/** A unit the user may see: one of their county's (in a province, never another county's). */
export async function visibleUnit(db: Executor, scope: DataScope, id: string): Promise<OrgUnitTable> {
  const unit = await getUnit(db, id);
  assertInScope(countyScope(scope), unit.id, '单位');
  return unit;
}

/** A unit the actor may change: in their data scope; to move or switch it on or off, its parent is too (a county's administrator does not move the county). */
async function managedUnit(tx: Tx, actor: UnitActor, id: string, asChild = false): Promise<OrgUnitTable> {
  const unit = await getUnit(tx, id);
  assertInScope(actor.scope, unit.id, '单位');
  if (asChild && !actor.scope.all && !(unit.parent_id && inScope(actor.scope, unit.parent_id))) throw forbidden('只有上级单位的管理员才能移动、停用或启用本单位');
  return unit;
}

/** The units of the user's county (every unit in one county's deployment). */
export async function listUnits(db: Executor, scope: DataScope, options: { includeInactive?: boolean; q?: string }) {
  let q = scoped(db.selectFrom('org_units').selectAll(), countyScope(scope), 'id');
  if (!options.includeInactive) q = q.where('active', '=', 1);
  if (options.q) {
    const pattern = `%${likeEscape(options.q)}%`;
    q = q.where(sql<boolean>`(name like ${pattern} escape '\\' or code like ${pattern} escape '\\')`);
  }
  return q.orderBy('sort_order').orderBy('code').execute();
}

async function assertCodeFree(tx: Tx, code: string, exceptId?: string) {
  let q = tx.selectFrom('org_units').select('id').where('code', '=', code);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw new HttpError(409, `单位编码（code）「${code}」已被使用`, [{ field: 'code', message: `单位编码「${code}」已被使用` }]);
}

async function activeParent(tx: Tx, scope: DataScope, parentId: string | null, field = 'parentId'): Promise<OrgUnitTable | null> {
  if (parentId === null) {
    if (!scope.all) throw fieldError(field, '上级单位', '请选择（只能在本县范围内增加或移入单位）');
    return null;
  }
  const parent = await tx.selectFrom('org_units').selectAll().where('id', '=', parentId).executeTakeFirst();
  if (!parent || !inScope(scope, parent.id)) throw fieldError(field, '上级单位', '不存在或无权访问');
  if (!parent.active) throw fieldError(field, '上级单位', '已停用，不能在其下增加或移入单位');
  return parent;
}

/** Inserts a unit under `parent` (or as a new root). Shared by the API, the import and the demo. */
export async function insertUnit(
  tx: Tx,
  actorId: string | null,
  values: { code: string; name: string; kind: string; category?: string | null; creditCode?: string | null; sortOrder?: number },
  parent: OrgUnitTable | null,
): Promise<OrgUnitTable> {
  const id = newId();
  const now = nowIso();
  const row: OrgUnitTable = {
    id,
    code: values.code,
    name: values.name,
    kind: values.kind,
    category: values.category ?? null,
    parent_id: parent?.id ?? null,
    path: `${parent?.path ?? '/'}${id}/`,
    credit_code: values.creditCode ?? null,
    active: 1,
    sort_order: values.sortOrder ?? 0,
    version: 1,
    created_at: now,
    created_by: actorId,
    updated_at: now,
    updated_by: actorId,
  };
  await tx.insertInto('org_units').values(row).execute();
  return row;
}

/** Moves a unit and rewrites the paths of its whole subtree. */
export async function moveSubtree(tx: Tx, unit: OrgUnitTable, parent: OrgUnitTable | null): Promise<string> {
  if (parent && parent.path.startsWith(unit.path)) throw fieldError('parentId', '上级单位', '不能是该单位自身或其下级单位');
  const newPath = `${parent?.path ?? '/'}${unit.id}/`;
  await tx
    .updateTable('org_units')
    .set({ path: sql`${newPath} || substr(path, ${unit.path.length + 1})` })
    .where(sql<boolean>`path like ${likeEscape(unit.path) + '%'} escape '\\'`)
    .execute();
  await tx.updateTable('org_units').set({ parent_id: parent?.id ?? null }).where('id', '=', unit.id).execute();
  return newPath;
}

/** Counties bound the county-wide roles' scope (see kernel/auth/scope.ts): only someone who sees every unit makes or unmakes one. */
function assertMayShapeCounties(actor: UnitActor, kinds: readonly (string | undefined)[]): void {
  if (!actor.scope.all && kinds.includes('county')) throw forbidden('县（区）级单位（单位类型「县政府」）划定各县的数据范围，只能由能看到全部单位的人员新建或更改类型');
}

export async function createUnit(tx: Tx, platform: Platform, actor: UnitActor, input: CreateUnitInput): Promise<OrgUnitTable> {
  assertMayShapeCounties(actor, [input.kind]);
  await assertCodeFree(tx, input.code);
  const parent = await activeParent(tx, actor.scope, input.parentId ?? null);
  const unit = await insertUnit(tx, actor.id, input, parent);
  await platform.audit.record(tx, actor, { action: 'org.unit.create', targetType: 'org_unit', targetId: unit.id, detail: { code: unit.code, name: unit.name, parentId: unit.parent_id } });
  return unit;
}

export async function updateUnit(tx: Tx, platform: Platform, actor: UnitActor, id: string, input: UpdateUnitInput): Promise<OrgUnitTable> {
  const unit = await managedUnit(tx, actor, id);
  if (input.kind !== undefined && input.kind !== unit.kind) assertMayShapeCounties(actor, [unit.kind, input.kind]);
  if (input.code && input.code !== unit.code) await assertCodeFree(tx, input.code, id);
  const changes: Partial<OrgUnitTable> = {};
  if (input.code !== undefined) changes.code = input.code;
  if (input.name !== undefined) changes.name = input.name;
  if (input.kind !== undefined) changes.kind = input.kind;
  if (input.category !== undefined) changes.category = input.category;
  if (input.creditCode !== undefined) changes.credit_code = input.creditCode;
  if (input.sortOrder !== undefined) changes.sort_order = input.sortOrder;
  await updateVersioned(tx, 'org_units', id, input.version, changes, actor.id);
  await platform.audit.record(tx, actor, { action: 'org.unit.update', targetType: 'org_unit', targetId: id, detail: { changes } });
  return getUnit(tx, id);
}

export async function moveUnit(tx: Tx, platform: Platform, actor: UnitActor, id: string, input: { version: number; parentId: string | null }): Promise<OrgUnitTable> {
  const unit = await managedUnit(tx, actor, id, true);
  const parent = await activeParent(tx, actor.scope, input.parentId);
  await updateVersioned(tx, 'org_units', id, input.version, {}, actor.id);
  await moveSubtree(tx, unit, parent);
  await platform.audit.record(tx, actor, { action: 'org.unit.move', targetType: 'org_unit', targetId: id, detail: { from: unit.parent_id, to: parent?.id ?? null } });
  return getUnit(tx, id);
}

export async function setUnitActive(tx: Tx, platform: Platform, actor: UnitActor, id: string, version: number, active: boolean): Promise<OrgUnitTable> {
  const unit = await managedUnit(tx, actor, id, true);
  if (active) {
    if (unit.parent_id) await activeParent(tx, actor.scope, unit.parent_id);
  } else {
    const child = await tx.selectFrom('org_units').select('name').where('parent_id', '=', id).where('active', '=', 1).executeTakeFirst();
    if (child) throw conflict(`该单位还有启用的下级单位（如「${child.name}」），请先停用或移走下级单位`);
    const { n } = await tx
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unit_id', '=', id)
      .where('disabled', '=', 0)
      .executeTakeFirstOrThrow();
    if (Number(n) > 0) throw conflict(`该单位还有 ${n} 个启用的用户，请先停用或调出这些用户`);
  }
  await updateVersioned(tx, 'org_units', id, version, { active: active ? 1 : 0 }, actor.id);
  await platform.audit.record(tx, actor, { action: active ? 'org.unit.activate' : 'org.unit.deactivate', targetType: 'org_unit', targetId: id });
  return getUnit(tx, id);
}
