// 四张清单 (不予处罚 / 从轻处罚 / 减轻处罚 / 不予实施行政强制) and the classified inspection catalog
// (一般 / 重点检查事项) of each body: items with their legal basis, in force from publication until
// repealed; the list sizes at the end of a year are the figures, the items in force are public.
import './tables.ts';
import type { Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { inScope, type DataScope } from '../../kernel/auth/scope.ts';
import { conflict, fieldError, notFound } from '../../kernel/http/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { LIST_ITEM, LIST_ITEM_RECORD_TYPE, type ListItemQuery, type ListItemView } from '../../../shared/schemas/enforcement.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { visibleBody } from './bodies.ts';
import type { ListItemTable } from './tables.ts';

export async function createListItem(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof LIST_ITEM> & { ref?: string | null }): Promise<string> {
  const body = await visibleBody(tx, scope, input.bodyId);
  const published = input.publishedDate ?? chinaToday();
  if (published > chinaToday()) throw fieldError('publishedDate', '公布日期', '不能晚于今天');
  const row = { id: newId(), ref: input.ref ?? null, ...recordRow<ListItemTable>(LIST_ITEM, input), unit_id: body.unit_id, published_date: published, ...newStamps(actor.id) } as ListItemTable;
  await tx.insertInto('enforcement_list_items').values(row).execute();
  await platform.audit.record(tx, actor, { action: 'enforcement.list_item_create', targetType: LIST_ITEM_RECORD_TYPE, targetId: row.id, detail: { list: input.list } });
  return row.id;
}

/** Corrects an item (not its body); a repealed item stays repealed. */
export async function updateListItem(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, input: Omit<RecordInput<typeof LIST_ITEM>, 'bodyId'>): Promise<void> {
  const item = await tx.selectFrom('enforcement_list_items').select(['unit_id', 'repealed_date', 'published_date']).where('id', '=', id).executeTakeFirst();
  if (!item || !inScope(scope, item.unit_id)) throw notFound('清单事项');
  const published = input.publishedDate ?? item.published_date;
  if (item.repealed_date && published > item.repealed_date) throw fieldError('publishedDate', '公布日期', `不能晚于废止日期 ${item.repealed_date}`);
  const { bodyId: _body, ...fields } = input as RecordInput<typeof LIST_ITEM>;
  await updateVersioned(tx, 'enforcement_list_items', id, version, { conditions: null, ...recordRow(LIST_ITEM, fields), published_date: published }, actor.id);
  await platform.audit.record(tx, actor, { action: 'enforcement.list_item_update', targetType: LIST_ITEM_RECORD_TYPE, targetId: id });
}

export async function repealListItem(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, date: string): Promise<void> {
  const item = await tx.selectFrom('enforcement_list_items').select(['unit_id', 'repealed_date', 'published_date']).where('id', '=', id).executeTakeFirst();
  if (!item || !inScope(scope, item.unit_id)) throw notFound('清单事项');
  if (item.repealed_date) throw conflict(`该事项已于 ${item.repealed_date} 废止`);
  if (date > chinaToday()) throw fieldError('date', '废止日期', '不能晚于今天');
  if (date < item.published_date) throw fieldError('date', '废止日期', `不能早于公布日期 ${item.published_date}`);
  await updateVersioned(tx, 'enforcement_list_items', id, version, { repealed_date: date }, actor.id);
  await platform.audit.record(tx, actor, { action: 'enforcement.list_item_repeal', targetType: LIST_ITEM_RECORD_TYPE, targetId: id, detail: { date } });
}

type ItemRow = ListItemTable & { body_name: string; unit_name: string };

const items = recordReader<ItemRow, ListItemView, ListItemQuery>({
  def: LIST_ITEM, what: '清单事项', alias: 'i', defaultSort: { field: 'list', order: 'asc' },
  query: (db) => db.selectFrom('enforcement_list_items as i').innerJoin('enforcement_bodies as b', 'b.id', 'i.body_id').innerJoin('org_units as u', 'u.id', 'i.unit_id').selectAll('i').select(['b.name as body_name', 'u.name as unit_name']),
  filter: (q, query) => {
    if (query.bodyId) q = q.where('i.body_id', '=', query.bodyId);
    if (query.current === 'true') q = q.where((eb: any) => eb.or([eb('i.repealed_date', 'is', null), eb('i.repealed_date', '>', chinaToday())]));
    if (query.current === 'false') q = q.where('i.repealed_date', '<=', chinaToday());
    return q;
  },
  views: (_platform, rows) => rows.map((r) => ({ ...recordView(LIST_ITEM, r), bodyName: r.body_name, unitName: r.unit_name, current: !r.repealed_date || r.repealed_date > chinaToday() })),
});

export const listItems = items.list;
export const getListItem = items.get;
