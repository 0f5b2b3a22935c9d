// 政务服务 / 好差评: the service item list (one row per version: a change to the list closes the
// current version and lists the next from that day), monthly case volumes, and ratings whose 差评
// runs the follow-up clock `services.bad_rating_fix` (回访, 整改, 核验办结, 申诉).
import { sql } from 'kysely';
import './tables.ts';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import { likeEscape } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { assertInScope, inScope, type DataScope } from '../../kernel/auth/scope.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { conflict, fieldError, notFound } from '../../kernel/http/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { applyEffects, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import { encryptText } from '../../kernel/crypto/keys.ts';
import { closeProblem, openProblem } from '../../kernel/problems/index.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import type { DeadlineRuleSeed } from '../../kernel/calendar/default-rules.ts';
import { maskedSealed, rowInScope, statusOf, workflowViews } from '../../kernel/records/read.ts';
import {
  RATING_LEVELS,
  SERVICE_CASE,
  SERVICE_ITEM,
  SERVICE_ITEM_KINDS,
  SERVICE_ITEM_RECORD_TYPE,
  SERVICE_ITEM_WORKFLOW,
  SERVICE_RATING,
  SERVICE_RATING_RECORD_TYPE,
  SERVICE_RATING_WORKFLOW,
  isBadLevel,
  type PublicServiceList,
  type RatingLevel,
  type ServiceCaseView,
  type ServiceItemDetail,
  type ServiceItemListQuery,
  type ServiceItemRevision,
  type ServiceItemView,
  type ServiceRatingListQuery,
  type ServiceRatingView,
} from '../../../shared/schemas/services.ts';
import type { RecordInput } from '../../../shared/records.ts';
import type { ServiceItemTable, ServiceRatingTable } from './tables.ts';

/** 差评整改 (domain.md §6): the follow-up clock of a bad rating. */
export const SERVICES_RULES: readonly DeadlineRuleSeed[] = [
  { code: 'services.bad_rating_fix', name: '政务服务差评整改', period: 15, unit: 'working_days', citation: '政务服务“好差评”制度（国办发〔2019〕51号）及省级实施办法（如四川省）', note: '差评自评价之日起15个工作日内整改并回访。' },
];

export const FIX_CLOCK = { start: 'fix', label: '整改期限', rule: 'services.bad_rating_fix' } as const;

// ---- Service items ---------------------------------------------------------------------------

type ItemFields = Omit<RecordInput<typeof SERVICE_ITEM>, 'unitId' | 'code'>;

/** Limits are non-negative and the promised one is not above the statutory one; a version's dates are in order. */
function checkLimits(input: Pick<ItemFields, 'statutoryDays' | 'promisedDays'>): void {
  for (const [field, label] of [['statutoryDays', '法定时限'], ['promisedDays', '承诺时限']] as const) {
    const v = input[field];
    if (v !== undefined && v !== null && (v < 0 || v > 3650)) throw fieldError(field, label, '应为 0 至 3650 之间的工作日数');
  }
  if (input.statutoryDays != null && input.promisedDays != null && input.promisedDays > input.statutoryDays) {
    throw fieldError('promisedDays', '承诺时限', `不能超过法定时限（${input.statutoryDays} 个工作日）`);
  }
}

/** No two versions of one item (unit and code) are listed on the same day. */
async function assertNoOverlap(tx: Executor, unitId: string, code: string, from: string, until: string | null | undefined, except: string | null): Promise<void> {
  if (until && until <= from) throw fieldError('listedUntil', '移出清单日期', '应晚于列入清单日期');
  let q = tx.selectFrom('service_items').select(['id', 'listed_from', 'listed_until']).where('unit_id', '=', unitId).where('code', '=', code).where((eb) => eb.or([eb('listed_until', 'is', null), eb('listed_until', '>', from)]));
  if (until) q = q.where('listed_from', '<', until);
  if (except) q = q.where('id', '!=', except);
  const other = await q.executeTakeFirst();
  if (other) throw fieldError('listedFrom', '列入清单日期', `事项编码 ${code} 在该期间已有在册版本（${other.listed_from} 起${other.listed_until ? `至 ${other.listed_until}` : ''}），清单调整请新增版本`);
}

/**
 * A version's listing period keeps its ratings and case volumes inside it: a 更正, a 清单调整 or a
 * 移出清单 that would leave a rating or a month of cases outside the period is refused, naming them.
 */
export async function assertCoversRecords(tx: Executor, itemId: string, from: string, until: string | null | undefined, field: string, label: string): Promise<void> {
  const ratings = tx.selectFrom('service_ratings').select(['date']).where('item_id', '=', itemId).where((eb) => (until ? eb.or([eb('date', '<', from), eb('date', '>=', until)]) : eb('date', '<', from)));
  const rating = await ratings.orderBy('date').executeTakeFirst();
  if (rating) throw fieldError(field, label, `该版本 ${rating.date} 已有评价，在册期间须包含该日`);
  const month = await tx.selectFrom('service_cases').select(['month']).where('item_id', '=', itemId).where((eb) => (until ? eb.or([eb('month', '<', from.slice(0, 7)), eb('month', '>', until.slice(0, 7))]) : eb('month', '<', from.slice(0, 7)))).orderBy('month').executeTakeFirst();
  if (month) throw fieldError(field, label, `该版本 ${month.month} 已登记办件量，在册期间须包含该月`);
}

async function unitInScope(tx: Executor, scope: DataScope, unitId: string): Promise<void> {
  const unit = await tx.selectFrom('org_units').select(['id', 'active']).where('id', '=', unitId).executeTakeFirst();
  if (!unit || !inScope(scope, unit.id)) throw fieldError('unitId', '实施单位', '不存在或无权访问');
  if (!unit.active) throw fieldError('unitId', '实施单位', '已停用');
}

const flags = (input: Partial<ItemFields>) => ({
  max_one_visit: input.maxOneVisit ? 1 : 0,
  online: input.online ? 1 : 0,
  zero_visit: input.zeroVisit ? 1 : 0,
  immediate: input.immediate ? 1 : 0,
  notify_commit: input.notifyCommit ? 1 : 0,
});

export async function createItem(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof SERVICE_ITEM> & { ref?: string | null; previousId?: string | null }): Promise<string> {
  await unitInScope(tx, scope, input.unitId);
  checkLimits(input);
  await assertNoOverlap(tx, input.unitId, input.code, input.listedFrom, input.listedUntil, null);
  const row = {
    id: newId(),
    ref: input.ref ?? null,
    ...recordRow<ServiceItemTable>(SERVICE_ITEM, input),
    ...flags(input),
    statutory_days: input.statutoryDays ?? null,
    promised_days: input.promisedDays ?? null,
    listed_until: input.listedUntil ?? null,
    previous_id: input.previousId ?? null,
    status: input.listedUntil ? 'delisted' : 'listed',
    ...newStamps(actor.id),
  } as ServiceItemTable;
  await tx.insertInto('service_items').values(row).execute();
  await addTimeline(tx, actor, { recordType: SERVICE_ITEM_RECORD_TYPE, recordId: row.id, action: 'create', label: input.previousId ? '清单调整：新版本列入' : '列入事项清单', toStatus: row.status, note: `自 ${input.listedFrom} 起在册` });
  await platform.audit.record(tx, actor, { action: 'services.item_create', targetType: SERVICE_ITEM_RECORD_TYPE, targetId: row.id, detail: { code: input.code, name: input.name } });
  return row.id;
}

/** 更正 of a version (a wrong limit or flag, the ledger imported again): the same checks as a new one; not its unit or code. */
export async function updateItem(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, input: ItemFields): Promise<number> {
  const item = await tx.selectFrom('service_items').selectAll().where('id', '=', id).executeTakeFirst();
  if (!item) throw notFound('政务服务事项');
  assertInScope(scope, item.unit_id, '政务服务事项');
  checkLimits(input);
  await assertNoOverlap(tx, item.unit_id, item.code, input.listedFrom, input.listedUntil, id);
  await assertCoversRecords(tx, id, input.listedFrom, input.listedUntil, input.listedUntil && input.listedUntil !== item.listed_until ? 'listedUntil' : 'listedFrom', input.listedUntil && input.listedUntil !== item.listed_until ? '移出清单日期' : '列入清单日期');
  const { unitId: _u, code: _c, ...fields } = input as RecordInput<typeof SERVICE_ITEM>;
  const next = await updateVersioned(
    tx,
    'service_items',
    id,
    version,
    { ...recordRow<ServiceItemTable>(SERVICE_ITEM, fields), ...flags(input), statutory_days: input.statutoryDays ?? null, promised_days: input.promisedDays ?? null, listed_until: input.listedUntil ?? null, status: input.listedUntil ? 'delisted' : 'listed' },
    actor.id,
  );
  await addTimeline(tx, actor, { recordType: SERVICE_ITEM_RECORD_TYPE, recordId: id, action: 'update', label: '更正事项信息' });
  await platform.audit.record(tx, actor, { action: 'services.item_update', targetType: SERVICE_ITEM_RECORD_TYPE, targetId: id, detail: { name: input.name } });
  return next;
}

/**
 * 清单调整: the item as it is from `listedFrom` on. The current version leaves the list that day and
 * the new one (same unit and code) is listed from it; both are kept, so a figure of an earlier year
 * still reads the version that was listed then.
 */
export async function reviseItem(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, input: ServiceItemRevision): Promise<string> {
  const item = await tx.selectFrom('service_items').selectAll().where('id', '=', id).executeTakeFirst();
  if (!item) throw notFound('政务服务事项');
  assertInScope(scope, item.unit_id, '政务服务事项');
  if (item.listed_until) throw conflict('该版本已移出清单，只能调整在册的版本');
  if (input.listedFrom <= item.listed_from) throw fieldError('listedFrom', '列入清单日期', `新版本应晚于当前版本的列入日期 ${item.listed_from}`);
  checkLimits(input);
  await assertCoversRecords(tx, id, item.listed_from, input.listedFrom, 'listedFrom', '列入清单日期');
  await updateVersioned(tx, 'service_items', id, input.version, { listed_until: input.listedFrom, status: 'delisted' }, actor.id);
  await addTimeline(tx, actor, { recordType: SERVICE_ITEM_RECORD_TYPE, recordId: id, action: 'revise', label: '清单调整：由新版本替代', fromStatus: 'listed', toStatus: 'delisted', note: `自 ${input.listedFrom} 起按新版本办理` });
  const { version: _v, ...fields } = input;
  return createItem(tx, platform, actor, scope, { ...fields, unitId: item.unit_id, code: item.code, previousId: id });
}

type ItemRow = ServiceItemTable & { unit_name: string };

const itemView = (r: ItemRow): ServiceItemView => ({ ...recordView(SERVICE_ITEM, r), ...statusOf(SERVICE_ITEM_WORKFLOW, r.status), title: r.name, unitName: r.unit_name, previousId: r.previous_id });

const items = recordReader<ItemRow, ServiceItemView, Omit<ServiceItemListQuery, 'page' | 'pageSize'>>({
  def: SERVICE_ITEM, what: '政务服务事项', alias: 'i', status: true, defaultSort: { field: 'code', order: 'asc' },
  query: (db) => db.selectFrom('service_items as i').innerJoin('org_units as u', 'u.id', 'i.unit_id').selectAll('i').select('u.name as unit_name'),
  views: (_platform, rows) => rows.map(itemView),
});

export const listItems = items.list;

export async function getItem(platform: Platform, scope: DataScope, id: string): Promise<ServiceItemDetail> {
  const row = await items.row(platform.db, scope, id);
  const [versions, cases, ratings] = await Promise.all([
    platform.db.selectFrom('service_items').select(['id', 'listed_from', 'listed_until', 'name', 'statutory_days', 'promised_days']).where('unit_id', '=', row.unit_id).where('code', '=', row.code).orderBy('listed_from', 'desc').execute(),
    platform.db.selectFrom('service_cases').select(['month', 'count']).where('item_id', '=', id).orderBy('month', 'desc').execute(),
    platform.db.selectFrom('service_ratings').select(['level', sql<number>`count(*)`.as('n')]).where('item_id', '=', id).where('status', '!=', 'voided').groupBy('level').execute(),
  ]);
  return {
    ...itemView(row),
    versions: versions.map((v) => ({ id: v.id, listedFrom: v.listed_from, listedUntil: v.listed_until, name: v.name, statutoryDays: v.statutory_days === null ? null : Number(v.statutory_days), promisedDays: v.promised_days === null ? null : Number(v.promised_days), current: v.id === id })),
    cases: cases.map((c) => ({ month: c.month, count: Number(c.count) })),
    ratings: (Object.keys(RATING_LEVELS) as RatingLevel[]).map((level) => ({ level, count: Number(ratings.find((r) => r.level === level)?.n ?? 0) })),
  };
}

/** An item version the user may see, or a field error naming `field`. */
async function visibleItem(tx: Executor, scope: DataScope, itemId: string, field: string, label: string) {
  const item = await tx.selectFrom('service_items').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!item || !inScope(scope, item.unit_id)) throw fieldError(field, label, '不存在或无权访问');
  return item;
}

const listedOn = (item: ServiceItemTable, date: string) => item.listed_from <= date && (!item.listed_until || date < item.listed_until);
const period = (item: ServiceItemTable) => `${item.listed_from} 起${item.listed_until ? `，${item.listed_until} 移出` : ''}`;

// ---- Case volumes ----------------------------------------------------------------------------

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

async function checkCase(tx: Executor, scope: DataScope, input: RecordInput<typeof SERVICE_CASE>, except: string | null) {
  const item = await visibleItem(tx, scope, input.itemId, 'itemId', '事项');
  if (!MONTH.test(input.month)) throw fieldError('month', '月份', '应为 YYYY-MM 格式，如 2025-03');
  if (input.month > chinaToday().slice(0, 7)) throw fieldError('month', '月份', '不能晚于本月');
  if (input.month < item.listed_from.slice(0, 7) || (item.listed_until && input.month > item.listed_until.slice(0, 7))) throw fieldError('month', '月份', `事项「${item.name}」该月不在清单内（${period(item)}）`);
  if (input.count < 0 || input.count > 10_000_000) throw fieldError('count', '办件量', '应为非负整数');
  let same = tx.selectFrom('service_cases').select(['id', 'ref']).where('item_id', '=', item.id).where('month', '=', input.month);
  if (except) same = same.where('id', '!=', except);
  const other = await same.executeTakeFirst();
  if (other) throw fieldError('month', '月份', `该事项 ${input.month} 的办件量已登记${other.ref ? `（外部编号 ${other.ref}）` : ''}`);
  return item;
}

export async function createCase(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof SERVICE_CASE> & { ref?: string | null }): Promise<string> {
  const item = await checkCase(tx, scope, input, null);
  const id = newId();
  await tx.insertInto('service_cases').values({ id, ref: input.ref ?? null, unit_id: item.unit_id, item_id: item.id, month: input.month, count: input.count, ...newStamps(actor.id) }).execute();
  await platform.audit.record(tx, actor, { action: 'services.case_record', targetType: 'service_case', targetId: id, detail: { item: item.code, month: input.month, count: input.count } });
  return id;
}

export async function updateCase(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, input: RecordInput<typeof SERVICE_CASE>): Promise<void> {
  const existing = await tx.selectFrom('service_cases').select(['unit_id']).where('id', '=', id).executeTakeFirst();
  if (!existing) throw notFound('办件量');
  assertInScope(scope, existing.unit_id, '办件量');
  const item = await checkCase(tx, scope, input, id);
  await updateVersioned(tx, 'service_cases', id, version, { item_id: item.id, unit_id: item.unit_id, month: input.month, count: input.count }, actor.id);
  await platform.audit.record(tx, actor, { action: 'services.case_record', targetType: 'service_case', targetId: id, detail: { item: item.code, month: input.month, count: input.count } });
}

export async function listCases(platform: Platform, scope: DataScope, itemId: string): Promise<ServiceCaseView[]> {
  const item = rowInScope(await platform.db.selectFrom('service_items').select(['id', 'unit_id', 'name']).where('id', '=', itemId).executeTakeFirst(), scope, '政务服务事项');
  const rows = await platform.db.selectFrom('service_cases').selectAll().where('item_id', '=', item.id).orderBy('month', 'desc').execute();
  return rows.map((r) => ({ ...recordView(SERVICE_CASE, r), itemName: item.name, unitId: r.unit_id }));
}

// ---- Ratings (好差评) and the follow-up of a 差评 -------------------------------------------

const ratingTitle = (level: string, itemName: string) => `${RATING_LEVELS[level as RatingLevel] ?? level}：${itemName}`;

export async function createRating(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof SERVICE_RATING> & { ref?: string | null }): Promise<string> {
  const item = await visibleItem(tx, scope, input.itemId, 'itemId', '评价事项');
  if (input.receivedDate > chinaToday()) throw fieldError('receivedDate', '评价日期', '不能晚于今天');
  if (!listedOn(item, input.receivedDate)) throw fieldError('receivedDate', '评价日期', `事项「${item.name}」在 ${input.receivedDate} 不在清单内（${period(item)}）`);
  const bad = isBadLevel(input.level);
  const row = {
    id: newId(),
    ref: input.ref ?? null,
    ...recordRow<ServiceRatingTable>(SERVICE_RATING, input),
    unit_id: item.unit_id,
    item_id: item.id,
    title: ratingTitle(input.level, item.name),
    named: input.named ? 1 : 0,
    channel: input.channel ?? 'staff',
    rater_phone_enc: input.raterPhone ? encryptText(platform.keys, input.raterPhone) : null,
    status: bad ? 'pending' : 'recorded',
    ...newStamps(actor.id),
  } as ServiceRatingTable;
  await tx.insertInto('service_ratings').values(row).execute();
  await addTimeline(tx, actor, { recordType: SERVICE_RATING_RECORD_TYPE, recordId: row.id, action: 'create', label: bad ? '收到差评，转实施单位回访整改' : '收到评价', toStatus: row.status, note: `${RATING_LEVELS[input.level]}（${input.receivedDate}）` });
  if (bad) await applyEffects(tx, platform, actor, SERVICE_RATING_WORKFLOW, row as unknown as WorkflowRecord, [FIX_CLOCK], input.receivedDate);
  await platform.audit.record(tx, actor, { action: 'services.rating_create', targetType: SERVICE_RATING_RECORD_TYPE, targetId: row.id, detail: { level: input.level, channel: row.channel } });
  return row.id;
}

/** A re-imported rating: its level (within 好评 or 差评) and whether it was named; a 差评's date starts its clock and stays. */
export async function updateRating(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, input: Pick<RecordInput<typeof SERVICE_RATING>, 'itemId' | 'receivedDate' | 'level' | 'named'>): Promise<void> {
  const r = await tx.selectFrom('service_ratings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw notFound('评价');
  assertInScope(scope, r.unit_id, '评价');
  if (input.itemId !== r.item_id) throw fieldError('itemId', '评价事项', '已登记的评价不能改到其他事项');
  if (isBadLevel(input.level) !== isBadLevel(r.level)) throw fieldError('level', '评价等级', '已登记的评价不能在好评与差评之间更改');
  if (isBadLevel(r.level) && input.receivedDate !== r.date) throw fieldError('receivedDate', '评价日期', '差评的评价日期不能更改（整改期限自该日起计算）');
  const item = await visibleItem(tx, scope, r.item_id, 'itemId', '评价事项');
  if (!listedOn(item, input.receivedDate)) throw fieldError('receivedDate', '评价日期', `事项「${item.name}」在 ${input.receivedDate} 不在清单内（${period(item)}）`);
  await updateVersioned(tx, 'service_ratings', id, version, { date: input.receivedDate, level: input.level, named: input.named ? 1 : 0, title: ratingTitle(input.level, item.name) }, actor.id);
  await platform.audit.record(tx, actor, { action: 'services.rating_update', targetType: SERVICE_RATING_RECORD_TYPE, targetId: id, detail: { level: input.level } });
}

/** An overdue follow-up is a problem of its unit (问题池) until it is verified or the appeal upheld. */
export async function feedOverdue(tx: Tx, clock: { record_id: string; unit_id: string; due_date: string }): Promise<void> {
  const r = await tx.selectFrom('service_ratings').select(['id', 'title', 'status']).where('id', '=', clock.record_id).executeTakeFirst();
  if (!r || r.status === 'closed' || r.status === 'voided') return;
  await openProblem(tx, { sourceType: SERVICE_RATING_RECORD_TYPE, sourceId: r.id, sourceLabel: '差评整改超期', unitId: clock.unit_id, title: `差评逾期未整改：${r.title}（期限 ${clock.due_date}）`, severity: 'general', openedOn: chinaToday(), link: `/service-ratings/${r.id}` });
}

/** 移出清单 on a date: the version's ratings and case volumes stay inside its listing period. */
export async function checkDelisting(tx: Tx, record: Record<string, unknown>): Promise<void> {
  await assertCoversRecords(tx, String(record.id), String(record.listed_from), String(record.listed_until), 'date', '办理日期（移出清单日期）');
}

export async function syncRatingProblem(tx: Tx, record: Record<string, unknown>, date: string): Promise<void> {
  if (record.status === 'closed' || record.status === 'voided') await closeProblem(tx, SERVICE_RATING_RECORD_TYPE, String(record.id), date);
}

type RatingRow = ServiceRatingTable & { unit_name: string; item_name: string };

const BAD_LEVELS = ['unsatisfied', 'very_unsatisfied'];

const ratings = recordReader<RatingRow, ServiceRatingView, Omit<ServiceRatingListQuery, 'page' | 'pageSize'>>({
  def: SERVICE_RATING, what: '评价', alias: 'r', status: true, defaultSort: { field: 'receivedDate', order: 'desc' },
  query: (db) => db.selectFrom('service_ratings as r').innerJoin('org_units as u', 'u.id', 'r.unit_id').innerJoin('service_items as i', 'i.id', 'r.item_id').selectAll('r').select(['u.name as unit_name', 'i.name as item_name']),
  filter: (q, query) => {
    if (query.bad === 'true') q = q.where('r.level', 'in', BAD_LEVELS);
    if (query.bad === 'false') q = q.where('r.level', 'not in', BAD_LEVELS);
    return query.itemId ? q.where('r.item_id', '=', query.itemId) : q;
  },
  // Open follow-ups first, by their deadline (the oldest rating first).
  defaultOrder: (q) => q.orderBy(sql`case when r.status in ('pending', 'rectifying', 'submitted', 'appealing') then 0 else 1 end`).orderBy('r.date', 'desc'),
  views: (platform, rows) =>
    workflowViews(platform, SERVICE_RATING_WORKFLOW, rows, 'fix', (r, { due, light }) => ({
    ...recordView(SERVICE_RATING, r),
    ...maskedSealed(platform, SERVICE_RATING, r),
    title: r.title,
    itemName: r.item_name,
    unitName: r.unit_name,
    bad: isBadLevel(r.level),
    due,
    light,
  })) as Promise<ServiceRatingView[]>,
});

export const listRatings = ratings.list;
export const getRating = ratings.get;

// ---- Portal ----------------------------------------------------------------------------------

const FLAG_LABELS: [keyof ServiceItemTable, string][] = [['max_one_visit', '最多跑一次'], ['online', '网上可办'], ['zero_visit', '零跑腿'], ['immediate', '即办'], ['notify_commit', '告知承诺']];

const listedToday = (q: any, today: string) => q.where('i.listed_from', '<=', today).where((eb: any) => eb.or([eb('i.listed_until', 'is', null), eb('i.listed_until', '>', today)]));

/** The list as it stands today: searchable by name or code, by unit; never a delisted version. */
export async function publicServiceList(platform: Platform, query: { q?: string; unit?: string; page?: number }): Promise<PublicServiceList> {
  const today = chinaToday();
  const pageSize = 50;
  const page = Math.max(1, query.page ?? 1);
  let q = listedToday(platform.db.selectFrom('service_items as i').innerJoin('org_units as u', 'u.id', 'i.unit_id'), today);
  const units = await listedToday(platform.db.selectFrom('service_items as i').innerJoin('org_units as u', 'u.id', 'i.unit_id'), today).select(['u.code', 'u.name', 'u.sort_order']).distinct().orderBy('u.sort_order').orderBy('u.code').execute();
  if (query.unit) q = q.where('u.code', '=', query.unit);
  if (query.q) {
    const pattern = `%${likeEscape(query.q)}%`;
    q = q.where((eb: any) => eb.or([sql<boolean>`lower(i.name) like lower(${pattern}) escape '\\'`, sql<boolean>`lower(i.code) like lower(${pattern}) escape '\\'`]));
  }
  const [{ total }, rows] = await Promise.all([
    q.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    q.selectAll('i').select('u.name as unit_name').orderBy('u.sort_order').orderBy('u.code').orderBy('i.code').orderBy('i.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
  ]);
  return {
    items: (rows as ItemRow[]).map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      kind: SERVICE_ITEM_KINDS[r.kind as keyof typeof SERVICE_ITEM_KINDS] ?? r.kind,
      unitName: r.unit_name,
      statutoryDays: r.statutory_days === null ? null : Number(r.statutory_days),
      promisedDays: r.promised_days === null ? null : Number(r.promised_days),
      flags: FLAG_LABELS.filter(([column]) => Number(r[column]) === 1).map(([, label]) => label),
    })),
    total: Number(total),
    page,
    pageSize,
    units: (units as { code: string; name: string }[]).map((u) => ({ code: u.code, name: u.name })),
  };
}

/** The items a citizen may rate today (the public form's choices). */
export async function ratableItems(db: Executor): Promise<{ id: string; name: string }[]> {
  const rows = await listedToday(db.selectFrom('service_items as i').innerJoin('org_units as u', 'u.id', 'i.unit_id'), chinaToday()).select(['i.id', 'i.name', 'u.name as unit_name']).orderBy('u.sort_order').orderBy('u.code').orderBy('i.code').execute();
  return (rows as { id: string; name: string; unit_name: string }[]).map((r) => ({ id: r.id, name: `${r.unit_name}｜${r.name}` }));
}
