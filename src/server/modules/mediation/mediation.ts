// 矛盾纠纷调解: mediation organisations and the disputes they handle through the three channels
// (人民调解/行政调解/司法调解, linked when one dispute moves between them), lawyers flagged,
// outcomes and return visits.
import { sql } from 'kysely';
import { statusOf } from '../../kernel/records/read.ts';
import './tables.ts';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { assertInScope, inScope, scoped, type DataScope } from '../../kernel/auth/scope.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { fieldError, notFound } from '../../kernel/http/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { DISPUTE, DISPUTE_CORRECTABLE, DISPUTE_RECORD_TYPE, DISPUTE_WORKFLOW, MEDIATION_ORG, type DisputeListQuery, type DisputeView, type MediationOrgView } from '../../../shared/schemas/mediation.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import type { DisputeTable } from './tables.ts';

export async function createOrg(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: { unitId: string; name: string; type: string; establishedDate?: string; ref?: string | null }): Promise<string> {
  const unit = await tx.selectFrom('org_units').select('id').where('id', '=', input.unitId).executeTakeFirst();
  if (!unit || (!scope.all && !scope.unitIds.includes(unit.id))) throw fieldError('unitId', '所属单位', '不存在或无权访问');
  const id = newId();
  const established = input.establishedDate ?? chinaToday();
  if (established > chinaToday()) throw fieldError('establishedDate', '成立日期', '不能晚于今天');
  await tx.insertInto('mediation_orgs').values({ id, ref: input.ref ?? null, unit_id: unit.id, name: input.name, type: input.type, established_date: established, active: 1, ...newStamps(actor.id) }).execute();
  await platform.audit.record(tx, actor, { action: 'mediation.org_create', targetType: 'mediation_org', targetId: id, detail: { name: input.name } });
  return id;
}

/** A mediation organisation the user may see (the same answer for "not yours" and "not there"). */
async function assertOrgVisible(tx: Executor, scope: DataScope, orgId: string | null | undefined): Promise<void> {
  if (!orgId) return;
  const org = await tx.selectFrom('mediation_orgs').select('unit_id').where('id', '=', orgId).executeTakeFirst();
  if (!org || !inScope(scope, org.unit_id)) throw fieldError('orgId', '调解组织', '不存在或无权访问');
}

export async function updateOrg(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, input: { name: string; type: string; establishedDate?: string | null }): Promise<void> {
  const org = await tx.selectFrom('mediation_orgs').select('unit_id').where('id', '=', id).executeTakeFirst();
  if (!org) throw notFound('调解组织');
  assertInScope(scope, org.unit_id, '调解组织');
  if (input.establishedDate && input.establishedDate > chinaToday()) throw fieldError('establishedDate', '成立日期', '不能晚于今天');
  await updateVersioned(tx, 'mediation_orgs', id, version, { name: input.name, type: input.type, ...(input.establishedDate ? { established_date: input.establishedDate } : {}) }, actor.id);
  await platform.audit.record(tx, actor, { action: 'mediation.org_update', targetType: 'mediation_org', targetId: id, detail: { name: input.name } });
}

export async function listOrgs(platform: Platform, scope: DataScope): Promise<MediationOrgView[]> {
  const rows = await scoped(platform.db.selectFrom('mediation_orgs as o').innerJoin('org_units as u', 'u.id', 'o.unit_id'), scope, 'o.unit_id')
    .selectAll('o')
    .select('u.name as unit_name')
    .select((eb) => eb.selectFrom('disputes as d').select(sql<number>`count(*)`.as('n')).whereRef('d.org_id', '=', 'o.id').as('disputes'))
    .orderBy('o.type')
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ ...recordView(MEDIATION_ORG, r), unitName: r.unit_name, active: r.active === 1, disputes: Number(r.disputes ?? 0) }));
}

export const disputeTitle = (type: string, parties: string) => `${type}：${parties.length > 30 ? `${parties.slice(0, 30)}…` : parties}`;

export async function createDispute(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof DISPUTE> & { ref?: string | null }): Promise<string> {
  const unit = await tx.selectFrom('org_units').select('id').where('id', '=', input.unitId).executeTakeFirst();
  if (!unit || (!scope.all && !scope.unitIds.includes(unit.id))) throw fieldError('unitId', '受理单位', '不存在或无权访问');
  await assertOrgVisible(tx, scope, input.orgId);
  if (input.linkedDisputeId) {
    const linked = await tx.selectFrom('disputes').select(['id', 'channel', 'unit_id']).where('id', '=', input.linkedDisputeId).executeTakeFirst();
    if (!linked || !inScope(scope, linked.unit_id)) throw fieldError('linkedDisputeId', '关联纠纷', '不存在或无权访问');
    if (linked.channel === input.channel) throw fieldError('linkedDisputeId', '关联纠纷', '三调联动应关联其他调解途径的纠纷');
  }
  if (input.receivedDate > chinaToday()) throw fieldError('receivedDate', '受理日期', '不能晚于今天');
  const row = {
    id: newId(),
    ref: input.ref ?? null,
    ...recordRow<DisputeTable>(DISPUTE, { lawyerInvolved: false, ...input }),
    title: disputeTitle(input.type, input.parties),
    status: 'received',
    ...newStamps(actor.id),
  } as DisputeTable;
  await tx.insertInto('disputes').values(row).execute();
  await addTimeline(tx, actor, { recordType: DISPUTE_RECORD_TYPE, recordId: row.id, action: 'create', label: '受理纠纷', toStatus: 'received', note: input.receivedDate });
  await platform.audit.record(tx, actor, { action: 'mediation.dispute_create', targetType: DISPUTE_RECORD_TYPE, targetId: row.id, detail: { channel: input.channel } });
  return row.id;
}

/** Corrects a dispute's intake details (DISPUTE_CORRECTABLE: not its unit, the dispute it is linked to, or its state). */
export async function updateDispute(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, input: Pick<RecordInput<typeof DISPUTE>, (typeof DISPUTE_CORRECTABLE)[number]>): Promise<number> {
  const d = await tx.selectFrom('disputes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) throw notFound('纠纷');
  assertInScope(scope, d.unit_id, '纠纷');
  await assertOrgVisible(tx, scope, input.orgId);
  if (input.receivedDate > chinaToday()) throw fieldError('receivedDate', '受理日期', '不能晚于今天');
  if (d.closed_date && input.receivedDate > d.closed_date) throw fieldError('receivedDate', '受理日期', `不能晚于结案日期 ${d.closed_date}`);
  if (d.linked_dispute_id && input.channel !== d.channel) {
    const linked = await tx.selectFrom('disputes').select('channel').where('id', '=', d.linked_dispute_id).executeTakeFirst();
    if (linked?.channel === input.channel) throw fieldError('channel', '调解途径', '与关联纠纷的调解途径相同（三调联动应关联其他调解途径的纠纷）');
  }
  const corrected = Object.fromEntries(DISPUTE_CORRECTABLE.filter((name) => input[name] !== undefined).map((name) => [name, input[name]]));
  const next = await updateVersioned(tx, 'disputes', id, version, { ...recordRow<DisputeTable>(DISPUTE, { orgId: null, lawyerInvolved: false, ...corrected }), title: disputeTitle(input.type, input.parties) }, actor.id);
  await addTimeline(tx, actor, { recordType: DISPUTE_RECORD_TYPE, recordId: id, action: 'update', label: '更正受理信息' });
  await platform.audit.record(tx, actor, { action: 'mediation.dispute_update', targetType: DISPUTE_RECORD_TYPE, targetId: id });
  return next;
}

type DisputeRow = DisputeTable & { unit_name: string; org_name: string | null; org_unit_id: string | null; linked_title: string | null; linked_unit_id: string | null };

/** A linked dispute or an organisation of a unit outside the reader's scope shows as linked, without its title (parties' names). */
const view = (r: DisputeRow, scope: DataScope): DisputeView => {
  const linkVisible = !!r.linked_unit_id && inScope(scope, r.linked_unit_id);
  return {
    ...recordView(DISPUTE, r),
    linkedDisputeId: linkVisible ? r.linked_dispute_id : null,
    title: r.title,
    unitName: r.unit_name,
    orgName: r.org_unit_id && inScope(scope, r.org_unit_id) ? r.org_name : null,
    linkedTitle: linkVisible ? r.linked_title : r.linked_dispute_id ? '（其他单位的纠纷）' : null,
    ...statusOf(DISPUTE_WORKFLOW, r.status),
  };
};

const disputes = recordReader<DisputeRow, DisputeView, Omit<DisputeListQuery, 'page' | 'pageSize'>>({
  def: DISPUTE, what: '纠纷', alias: 'd', status: true, defaultSort: { field: 'receivedDate', order: 'desc' },
  query: (db) =>
    db
      .selectFrom('disputes as d')
      .innerJoin('org_units as u', 'u.id', 'd.unit_id')
      .leftJoin('mediation_orgs as o', 'o.id', 'd.org_id')
      .leftJoin('disputes as l', 'l.id', 'd.linked_dispute_id')
      .selectAll('d')
      .select(['u.name as unit_name', 'o.name as org_name', 'o.unit_id as org_unit_id', 'l.title as linked_title', 'l.unit_id as linked_unit_id']),
  views: (_platform, rows, scope) => rows.map((r) => view(r, scope)),
});

export const listDisputes = disputes.list;
export const getDispute = disputes.get;
