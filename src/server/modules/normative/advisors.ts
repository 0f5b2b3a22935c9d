// 法律顾问 and 公职律师: the registry (the engaging unit, the units served, the contract period, the
// phone sealed) and the engagements, each linked, where there is one, to the record the advisor
// worked on (a legality review, a normative document, a reconsideration or lawsuit…).
import './tables.ts';
import { sql } from 'kysely';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import type { RequestContext } from '../../kernel/auth/context.ts';
import { countyOfUnit, inScope, type DataScope } from '../../kernel/auth/scope.ts';
import { fieldError } from '../../kernel/http/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { decryptText, encryptText } from '../../kernel/crypto/keys.ts';
import { unmaskSealed } from '../../kernel/pii/unmask.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import { rowInScope } from '../../kernel/records/read.ts';
import { maskPhone } from '../../../shared/validators.ts';
import { ADVISOR, ADVISOR_RECORD_TYPE, ENGAGEMENT, type AdvisorInput, type AdvisorListQuery, type AdvisorView, type EngagementView } from '../../../shared/schemas/normative.ts';
import type { RecordInput } from '../../../shared/records.ts';
import type { AdvisorEngagementTable, LegalAdvisorTable } from './tables.ts';

async function checkUnits(tx: Executor, scope: DataScope, unitId: string, served: readonly string[]): Promise<void> {
  const ids = [...new Set([unitId, ...served])];
  const units = await tx.selectFrom('org_units').select(['id', 'active']).where('id', 'in', ids).execute();
  const engaging = units.find((u) => u.id === unitId);
  if (!engaging || !inScope(scope, unitId)) throw fieldError('unitId', '聘请单位', '不存在或无权访问');
  if (!engaging.active) throw fieldError('unitId', '聘请单位', '已停用');
  // Units served may lie outside the engaging unit's scope (a county advisor serves departments): they must exist, in its county.
  const county = await countyOfUnit(tx, unitId);
  if (units.length !== ids.length || !ids.every((id) => inScope(county, id))) throw fieldError('servedUnitIds', '服务单位', '含有不存在或不属于本县的单位');
}

async function setServed(tx: Tx, advisorId: string, unitId: string, served: readonly string[]): Promise<void> {
  await tx.deleteFrom('legal_advisor_units').where('advisor_id', '=', advisorId).execute();
  const ids = [...new Set([unitId, ...served])];
  await tx.insertInto('legal_advisor_units').values(ids.map((id) => ({ advisor_id: advisorId, unit_id: id }))).execute();
}

export async function createAdvisor(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: AdvisorInput & { ref?: string | null }): Promise<string> {
  await checkUnits(tx, scope, input.unitId, input.servedUnitIds ?? []);
  const row = { id: newId(), ref: input.ref ?? null, ...recordRow<LegalAdvisorTable>(ADVISOR, input), phone_enc: input.phone ? encryptText(platform.keys, input.phone) : null, ...newStamps(actor.id) } as LegalAdvisorTable;
  await tx.insertInto('legal_advisors').values(row).execute();
  await setServed(tx, row.id, input.unitId, input.servedUnitIds ?? []);
  await platform.audit.record(tx, actor, { action: 'advisor.create', targetType: ADVISOR_RECORD_TYPE, targetId: row.id, detail: { kind: input.kind } });
  return row.id;
}

/** Corrects a registry entry (renewed contract, other units served); the phone only when given. */
export async function updateAdvisor(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, input: AdvisorInput): Promise<void> {
  const current = rowInScope(await tx.selectFrom('legal_advisors').select(['unit_id']).where('id', '=', id).executeTakeFirst(), scope, '法律顾问');
  await checkUnits(tx, scope, input.unitId, input.servedUnitIds ?? []);
  const { unitId, ...fields } = input;
  if (unitId !== current.unit_id) throw fieldError('unitId', '聘请单位', '不能修改；另一单位聘请的请另行登记');
  await updateVersioned(tx, 'legal_advisors', id, version, { ...recordRow<LegalAdvisorTable>(ADVISOR, fields), ...(input.phone ? { phone_enc: encryptText(platform.keys, input.phone) } : {}) }, actor.id);
  if (input.servedUnitIds) await setServed(tx, id, unitId, input.servedUnitIds);
  await platform.audit.record(tx, actor, { action: 'advisor.update', targetType: ADVISOR_RECORD_TYPE, targetId: id });
}

type AdvisorRow = LegalAdvisorTable & { unit_name: string };

async function advisorViews(platform: Platform, rows: AdvisorRow[]): Promise<AdvisorView[]> {
  const ids = rows.map((r) => r.id);
  const [served, counts] = await Promise.all([
    platform.db.selectFrom('legal_advisor_units as s').innerJoin('org_units as u', 'u.id', 's.unit_id').select(['s.advisor_id', 'u.id', 'u.code', 'u.name']).where('s.advisor_id', 'in', ids).orderBy('u.code').execute(),
    platform.db.selectFrom('advisor_engagements').select(['advisor_id', sql<number>`count(*)`.as('n')]).where('advisor_id', 'in', ids).groupBy('advisor_id').execute(),
  ]);
  const today = chinaToday();
  return rows.map((r) => ({
    ...recordView(ADVISOR, r),
    phone: r.phone_enc ? maskPhone(decryptText(platform.keys, r.phone_enc)) : null,
    unitName: r.unit_name,
    servedUnits: served.filter((s) => s.advisor_id === r.id).map((s) => ({ id: s.id, code: s.code, name: s.name })),
    engagements: Number(counts.find((c) => c.advisor_id === r.id)?.n ?? 0),
    underContract: r.contract_start <= today && (!r.contract_end || r.contract_end >= today),
  }));
}

const advisors = recordReader<AdvisorRow, AdvisorView, AdvisorListQuery>({
  def: ADVISOR, what: '法律顾问', alias: 'a', defaultSort: { field: 'contractStart', order: 'desc' },
  query: (db) => db.selectFrom('legal_advisors as a').innerJoin('org_units as u', 'u.id', 'a.unit_id').selectAll('a').select('u.name as unit_name'),
  views: advisorViews,
});

export const listAdvisors = advisors.list;

export async function getAdvisor(platform: Platform, scope: DataScope, id: string): Promise<AdvisorView & { engagementList: EngagementView[] }> {
  const view = await advisors.get(platform, scope, id);
  const engagements = await engagementQuery(platform.db).where('e.advisor_id', '=', id).orderBy('e.date', 'desc').execute();
  return { ...view, engagementList: await engagementViews(platform, scope, engagements) };
}

/** The phone in full (audited); an advisor's registry holds no ID number. */
export function unmaskAdvisorPhone(platform: Platform, ctx: RequestContext, id: string, field: 'idNumber' | 'phone') {
  if (field !== 'phone') throw fieldError('field', '字段', '法律顾问只登记联系电话');
  return unmaskSealed(platform, ctx, { table: 'legal_advisors', recordType: ADVISOR_RECORD_TYPE, what: '法律顾问', idNumber: 'phone_enc', phone: 'phone_enc' }, id, 'phone');
}

// --- engagements ---------------------------------------------------------------------------------

/** The record an engagement names, when its type has a workflow (a table, a title, a page) and the user may see it. */
async function linkedRecord(platform: Platform, db: Executor, scope: DataScope, type: string, id: string) {
  const flow = platform.workflows.get(type);
  if (!flow) return null;
  const row = (await (db as any).selectFrom(flow.table).select(['id', 'unit_id', `${flow.titleColumn} as title`]).where('id', '=', id).executeTakeFirst()) as { id: string; unit_id: string; title: string } | undefined;
  if (!row || !inScope(scope, row.unit_id)) return null;
  return { title: row.title, link: `${flow.linkPrefix}${row.id}`, typeTitle: flow.title };
}

export async function createEngagement(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof ENGAGEMENT> & { ref?: string | null }): Promise<string> {
  const advisor = rowInScope(await tx.selectFrom('legal_advisors').select(['id', 'unit_id', 'contract_start']).where('id', '=', input.advisorId).executeTakeFirst(), scope, '法律顾问');
  if (input.date > chinaToday()) throw fieldError('date', '日期', '不能晚于今天');
  if (input.date < advisor.contract_start) throw fieldError('date', '日期', `不能早于聘期开始 ${advisor.contract_start}`);
  if (Boolean(input.linkedType) !== Boolean(input.linkedId)) throw fieldError('linkedId', '关联记录', '关联记录类型和关联记录应同时填写');
  if (input.linkedType && !(await linkedRecord(platform, tx, scope, input.linkedType, input.linkedId!))) throw fieldError('linkedId', '关联记录', '不存在或无权访问');
  const row = { id: newId(), ref: input.ref ?? null, unit_id: advisor.unit_id, ...recordRow<AdvisorEngagementTable>(ENGAGEMENT, input), ...newStamps(actor.id) } as AdvisorEngagementTable;
  await tx.insertInto('advisor_engagements').values(row).execute();
  await platform.audit.record(tx, actor, { action: 'advisor.engagement', targetType: ADVISOR_RECORD_TYPE, targetId: advisor.id, detail: { kind: input.kind, date: input.date } });
  return row.id;
}

export async function updateEngagement(tx: Tx, platform: Platform, actor: Actor, id: string, version: number, input: Omit<RecordInput<typeof ENGAGEMENT>, 'advisorId'>): Promise<void> {
  if (input.date > chinaToday()) throw fieldError('date', '日期', '不能晚于今天');
  await updateVersioned(tx, 'advisor_engagements', id, version, recordRow(ENGAGEMENT, input), actor.id);
  await platform.audit.record(tx, actor, { action: 'advisor.engagement.update', targetType: 'advisor_engagement', targetId: id });
}

function engagementQuery(db: Executor) {
  return db.selectFrom('advisor_engagements as e').innerJoin('legal_advisors as a', 'a.id', 'e.advisor_id').selectAll('e').select('a.name as advisor_name');
}
type EngagementRow = AdvisorEngagementTable & { advisor_name: string };

async function engagementViews(platform: Platform, scope: DataScope, rows: EngagementRow[]): Promise<EngagementView[]> {
  return Promise.all(
    rows.map(async (r) => ({
      ...recordView(ENGAGEMENT, r),
      advisorName: r.advisor_name,
      unitId: r.unit_id,
      linked: r.linked_type && r.linked_id ? await linkedRecord(platform, platform.db, scope, r.linked_type, r.linked_id) : null,
    })),
  );
}

export async function getEngagement(platform: Platform, scope: DataScope, id: string): Promise<EngagementView> {
  const row = rowInScope((await engagementQuery(platform.db).where('e.id', '=', id).executeTakeFirst()) as EngagementRow | undefined, scope, '服务记录');
  return (await engagementViews(platform, scope, [row]))[0]!;
}
