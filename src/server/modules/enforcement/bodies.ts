// 执法主体 and their powers (权责清单): a body of a unit (法定 / 授权 / 委托), and each power it
// holds, a power delegated to a town (赋权事项) naming the delegating body and the date.
import './tables.ts';
import { sql } from 'kysely';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { inScope, scoped, type DataScope } from '../../kernel/auth/scope.ts';
import { fieldError, notFound } from '../../kernel/http/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { ENFORCEMENT_BODY, ENFORCEMENT_POWER, type BodyDetail, type BodyView, type PowerView } from '../../../shared/schemas/enforcement.ts';
import type { RecordInput } from '../../../shared/records.ts';
import type { EnforcementBodyTable, EnforcementPowerTable } from './tables.ts';

function bodyRule(input: Pick<RecordInput<typeof ENFORCEMENT_BODY>, 'kind' | 'entrustedBy'>): void {
  if (input.kind === 'entrusted' && !input.entrustedBy) throw fieldError('entrustedBy', '委托机关', '受委托组织必须填写委托机关');
}

export async function createBody(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof ENFORCEMENT_BODY> & { ref?: string | null }): Promise<string> {
  const unit = await tx.selectFrom('org_units').select(['id', 'active']).where('id', '=', input.unitId).executeTakeFirst();
  if (!unit || !inScope(scope, unit.id)) throw fieldError('unitId', '所属单位', '不存在或无权访问');
  if (!unit.active) throw fieldError('unitId', '所属单位', '已停用');
  bodyRule(input);
  const row = { id: newId(), ref: input.ref ?? null, ...recordRow<EnforcementBodyTable>(ENFORCEMENT_BODY, input), ...newStamps(actor.id) } as EnforcementBodyTable;
  await tx.insertInto('enforcement_bodies').values(row).execute();
  await platform.audit.record(tx, actor, { action: 'enforcement.body_create', targetType: ENFORCEMENT_BODY.type, targetId: row.id, detail: { name: input.name } });
  return row.id;
}

/** Corrects a body's name, kind and basis (not its unit). */
export async function updateBody(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, input: Omit<RecordInput<typeof ENFORCEMENT_BODY>, 'unitId'>): Promise<void> {
  const body = await tx.selectFrom('enforcement_bodies').select(['unit_id']).where('id', '=', id).executeTakeFirst();
  if (!body || !inScope(scope, body.unit_id)) throw notFound('执法主体');
  bodyRule(input);
  const { unitId: _unit, ...fields } = input as RecordInput<typeof ENFORCEMENT_BODY>;
  await updateVersioned(tx, 'enforcement_bodies', id, version, { entrusted_by: null, basis: null, ...recordRow(ENFORCEMENT_BODY, fields) }, actor.id);
  await platform.audit.record(tx, actor, { action: 'enforcement.body_update', targetType: ENFORCEMENT_BODY.type, targetId: id });
}

/** A body the actor may see, or the same 404 as one that does not exist. */
export async function visibleBody(db: Executor, scope: DataScope, id: string | null | undefined, field = 'bodyId'): Promise<EnforcementBodyTable> {
  const body = id ? await db.selectFrom('enforcement_bodies').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (!body || !inScope(scope, body.unit_id)) throw fieldError(field, '执法主体', '不存在或无权访问');
  return body;
}

type BodyRow = EnforcementBodyTable & { unit_name: string; officers: number | null; powers: number | null; delegated_powers: number | null };

const bodyQuery = (db: Executor) =>
  db
    .selectFrom('enforcement_bodies as b')
    .innerJoin('org_units as u', 'u.id', 'b.unit_id')
    .selectAll('b')
    .select('u.name as unit_name')
    .select((eb) => eb.selectFrom('enforcement_officers as o').select(sql<number>`count(*)`.as('n')).whereRef('o.body_id', '=', 'b.id').where('o.status', '=', 'active').as('officers'))
    .select((eb) => eb.selectFrom('enforcement_powers as p').select(sql<number>`count(*)`.as('n')).whereRef('p.body_id', '=', 'b.id').as('powers'))
    .select((eb) => eb.selectFrom('enforcement_powers as p').select(sql<number>`count(*)`.as('n')).whereRef('p.body_id', '=', 'b.id').where('p.delegated', '=', 1).as('delegated_powers'));

const bodyView = (r: BodyRow): BodyView => ({
  ...recordView(ENFORCEMENT_BODY, r),
  title: r.name,
  unitName: r.unit_name,
  officers: Number(r.officers ?? 0),
  powers: Number(r.powers ?? 0),
  delegatedPowers: Number(r.delegated_powers ?? 0),
});

const bodies = recordReader<BodyRow, BodyView>({ def: ENFORCEMENT_BODY, what: '执法主体', alias: 'b', query: bodyQuery, defaultSort: { field: 'name', order: 'asc' }, views: (_platform, rows) => rows.map(bodyView) });

export const listBodies = bodies.list;

export async function getBody(platform: Platform, scope: DataScope, id: string): Promise<BodyDetail> {
  const row = await bodies.row(platform.db, scope, id);
  const powers = await platform.db.selectFrom('enforcement_powers').selectAll().where('body_id', '=', id).orderBy('delegated').orderBy('category').orderBy('title').execute();
  return { ...bodyView(row), powerList: powers.map((p) => ({ ...recordView(ENFORCEMENT_POWER, p), bodyName: row.name }) as PowerView) };
}

/** Checks a power's delegation: a 赋权事项 names who delegated it and when; a power not delegated names neither. */
function powerRule(input: RecordInput<typeof ENFORCEMENT_POWER>): void {
  if (input.delegated) {
    if (!input.delegatedBy) throw fieldError('delegatedBy', '赋权机关', '赋权事项必须填写赋权机关');
    if (!input.delegatedDate) throw fieldError('delegatedDate', '赋权日期', '赋权事项必须填写赋权日期');
  } else if (input.delegatedBy || input.delegatedDate) throw fieldError('delegated', '赋权事项', '填写了赋权机关或赋权日期的，应标记为赋权事项');
  if (input.delegatedDate && input.delegatedDate > chinaToday()) throw fieldError('delegatedDate', '赋权日期', '不能晚于今天');
}

export async function addPower(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, bodyId: string, input: RecordInput<typeof ENFORCEMENT_POWER> & { ref?: string | null }): Promise<string> {
  const body = await tx.selectFrom('enforcement_bodies').select(['id', 'unit_id']).where('id', '=', bodyId).executeTakeFirst();
  if (!body || !inScope(scope, body.unit_id)) throw notFound('执法主体');
  powerRule(input);
  const row = { id: newId(), ref: input.ref ?? null, body_id: body.id, unit_id: body.unit_id, delegated: 0, ...recordRow<EnforcementPowerTable>(ENFORCEMENT_POWER, input), ...newStamps(actor.id) } as EnforcementPowerTable;
  await tx.insertInto('enforcement_powers').values(row).execute();
  // The body's version moves: a reader holding the old list learns it changed.
  await tx.updateTable('enforcement_bodies').set({ version: (eb) => eb('version', '+', 1), updated_by: actor.id }).where('id', '=', body.id).execute();
  await platform.audit.record(tx, actor, { action: 'enforcement.power_add', targetType: ENFORCEMENT_BODY.type, targetId: body.id, detail: { title: input.title, delegated: !!input.delegated } });
  return row.id;
}

export async function removePower(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, bodyId: string, powerId: string): Promise<void> {
  const power = await tx.selectFrom('enforcement_powers').select(['id', 'unit_id', 'title']).where('id', '=', powerId).where('body_id', '=', bodyId).executeTakeFirst();
  if (!power || !inScope(scope, power.unit_id)) throw notFound('执法职权');
  await tx.deleteFrom('enforcement_powers').where('id', '=', powerId).execute();
  await tx.updateTable('enforcement_bodies').set({ version: (eb) => eb('version', '+', 1), updated_by: actor.id }).where('id', '=', bodyId).execute();
  await platform.audit.record(tx, actor, { action: 'enforcement.power_remove', targetType: ENFORCEMENT_BODY.type, targetId: bodyId, detail: { title: power.title } });
}

/** The bodies a user may pick (the officer form's choices). */
export async function bodyChoices(platform: Platform, scope: DataScope): Promise<{ value: string; label: string; unitId: string }[]> {
  const rows = await scoped(platform.db.selectFrom('enforcement_bodies').select(['id', 'name', 'unit_id']), scope, 'unit_id').orderBy('name').execute();
  return rows.map((b) => ({ value: b.id, label: b.name, unitId: b.unit_id }));
}
