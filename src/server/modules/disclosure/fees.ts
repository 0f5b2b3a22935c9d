// 行政事业性收费: a unit's charges by year (the item, its basis and rate, the amount collected), the
// source of table 2's 第二十条第（八）项 in the 政府信息公开工作年度报告.
import './tables.ts';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { inScope, type DataScope } from '../../kernel/auth/scope.ts';
import { fieldError } from '../../kernel/http/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import { rowInScope } from '../../kernel/records/read.ts';
import { FEE_ITEM, FEE_RECORD_TYPE, type FeeInput, type FeeListQuery, type FeeView } from '../../../shared/schemas/fees.ts';
import type { FeeItemTable } from './tables.ts';

async function checkFee(tx: Executor, scope: DataScope, input: Pick<FeeInput, 'unitId' | 'year' | 'item'>, id: string | null): Promise<void> {
  const unit = await tx.selectFrom('org_units').select(['id', 'active']).where('id', '=', input.unitId).executeTakeFirst();
  if (!unit || !inScope(scope, unit.id)) throw fieldError('unitId', '收费单位', '不存在或无权访问');
  if (!unit.active) throw fieldError('unitId', '收费单位', '已停用');
  if (input.year > Number(chinaToday().slice(0, 4))) throw fieldError('year', '年度', '不能晚于今年');
  let same = tx.selectFrom('fee_items').select('id').where('unit_id', '=', input.unitId).where('year', '=', input.year).where('item', '=', input.item);
  if (id) same = same.where('id', '<>', id);
  if (await same.executeTakeFirst()) throw fieldError('item', '收费项目', `「${input.item}」在该单位${input.year}年度已登记`);
}

export async function createFee(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: FeeInput & { ref?: string | null }): Promise<string> {
  await checkFee(tx, scope, input, null);
  const row = { id: newId(), ref: input.ref ?? null, ...recordRow<FeeItemTable>(FEE_ITEM, input), ...newStamps(actor.id) } as FeeItemTable;
  await tx.insertInto('fee_items').values(row).execute();
  await platform.audit.record(tx, actor, { action: 'foi.fee_create', targetType: FEE_RECORD_TYPE, targetId: row.id, detail: { year: input.year, amountFen: input.amount } });
  return row.id;
}

/** Corrects a charge; it stays with its unit (another unit's charge is its own record). */
export async function updateFee(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, input: FeeInput): Promise<void> {
  const current = rowInScope(await tx.selectFrom('fee_items').select(['unit_id']).where('id', '=', id).executeTakeFirst(), scope, '收费项目');
  if (input.unitId !== current.unit_id) throw fieldError('unitId', '收费单位', '不能修改；另一单位的收费请另行登记');
  await checkFee(tx, scope, input, id);
  await updateVersioned(tx, 'fee_items', id, version, recordRow<FeeItemTable>(FEE_ITEM, input), actor.id);
  await platform.audit.record(tx, actor, { action: 'foi.fee_update', targetType: FEE_RECORD_TYPE, targetId: id, detail: { year: input.year, amountFen: input.amount } });
}

type Row = FeeItemTable & { unit_name: string };

const fees = recordReader<Row, FeeView, FeeListQuery>({
  def: FEE_ITEM, what: '收费项目', alias: 'f', defaultSort: { field: 'year', order: 'desc' },
  query: (db) => db.selectFrom('fee_items as f').innerJoin('org_units as u', 'u.id', 'f.unit_id').selectAll('f').select('u.name as unit_name'),
  views: (_platform, rows) => rows.map((r) => ({ ...recordView(FEE_ITEM, r), unitName: r.unit_name })),
});

export const listFees = fees.list;
export const getFee = fees.get;
