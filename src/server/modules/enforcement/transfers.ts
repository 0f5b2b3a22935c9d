// 两法衔接: an enforcement case suspected of a crime is transferred to the public-security organs
// (行政执法机关移送涉嫌犯罪案件的规定, 国务院令第310号): the receiving organ, the date (not before the
// case was opened), and later the organ's result (立案 / 不予立案 / 退回). A case is transferred once
// at a time: again only after the organ returned it.
import './tables.ts';
import type { Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { inScope, type DataScope } from '../../kernel/auth/scope.ts';
import { fieldError, notFound } from '../../kernel/http/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { CASE_RECORD_TYPE, TRANSFER, TRANSFER_RECORD_TYPE, TRANSFER_RESULTS, type TransferListQuery, type TransferResultInput, type TransferView } from '../../../shared/schemas/enforcement.ts';
import type { RecordInput } from '../../../shared/records.ts';
import type { TransferTable } from './tables.ts';

export async function createTransfer(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof TRANSFER> & { ref?: string | null }): Promise<string> {
  const c = await tx.selectFrom('enforcement_cases').select(['id', 'unit_id', 'title', 'opened_date']).where('id', '=', input.caseId).executeTakeFirst();
  if (!c || !inScope(scope, c.unit_id)) throw fieldError('caseId', '执法案件', '不存在或无权访问');
  if (input.transferDate > chinaToday()) throw fieldError('transferDate', '移送日期', '不能晚于今天');
  if (input.transferDate < c.opened_date) throw fieldError('transferDate', '移送日期', `不能早于立案日期 ${c.opened_date}`);
  const open = await tx.selectFrom('enforcement_transfers').select(['organ', 'transfer_date']).where('case_id', '=', c.id).where('result', '!=', 'returned').executeTakeFirst();
  if (open) throw fieldError('caseId', '执法案件', `已于 ${open.transfer_date} 移送${open.organ}，公安机关退回后方可再次移送`);
  const row = { id: newId(), ref: input.ref ?? null, ...recordRow<TransferTable>(TRANSFER, input), unit_id: c.unit_id, result: 'pending', ...newStamps(actor.id) } as TransferTable;
  await tx.insertInto('enforcement_transfers').values(row).execute();
  await addTimeline(tx, actor, { recordType: CASE_RECORD_TYPE, recordId: c.id, action: 'transfer', label: '移送公安机关', note: `${input.transferDate} 移送${input.organ}${input.suspectedCrime ? `，涉嫌${input.suspectedCrime}` : ''}` });
  await platform.audit.record(tx, actor, { action: 'enforcement.transfer_create', targetType: TRANSFER_RECORD_TYPE, targetId: row.id, detail: { caseId: c.id, organ: input.organ } });
  return row.id;
}

/** The organ's result: not before the transfer, not after today. */
export async function recordTransferResult(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, input: TransferResultInput): Promise<void> {
  const t = await tx.selectFrom('enforcement_transfers').select(['unit_id', 'case_id', 'transfer_date', 'organ']).where('id', '=', id).executeTakeFirst();
  if (!t || !inScope(scope, t.unit_id)) throw notFound('移送案件');
  if (input.resultDate > chinaToday()) throw fieldError('resultDate', '结果日期', '不能晚于今天');
  if (input.resultDate < t.transfer_date) throw fieldError('resultDate', '结果日期', `不能早于移送日期 ${t.transfer_date}`);
  if (input.result === 'pending') throw fieldError('result', '移送结果', '请填写公安机关的决定（立案、不予立案或退回）');
  await updateVersioned(tx, 'enforcement_transfers', id, input.version, { result: input.result, result_date: input.resultDate, result_note: input.resultNote ?? null }, actor.id);
  await addTimeline(tx, actor, { recordType: CASE_RECORD_TYPE, recordId: t.case_id, action: 'transfer_result', label: '登记移送结果', note: `${input.resultDate} ${t.organ}：${TRANSFER_RESULTS[input.result]}` });
  await platform.audit.record(tx, actor, { action: 'enforcement.transfer_result', targetType: TRANSFER_RECORD_TYPE, targetId: id, detail: { result: input.result } });
}

type Row = TransferTable & { unit_name: string; case_title: string; body_name: string };

const transfers = recordReader<Row, TransferView, TransferListQuery>({
  def: TRANSFER, what: '移送案件', alias: 't', defaultSort: { field: 'transferDate', order: 'desc' },
  query: (db) =>
    db
      .selectFrom('enforcement_transfers as t')
      .innerJoin('enforcement_cases as c', 'c.id', 't.case_id')
      .innerJoin('enforcement_bodies as b', 'b.id', 'c.body_id')
      .innerJoin('org_units as u', 'u.id', 't.unit_id')
      .selectAll('t')
      .select(['u.name as unit_name', 'c.title as case_title', 'b.name as body_name']),
  filter: (q, query) => (query.caseId ? q.where('t.case_id', '=', query.caseId) : q),
  views: (_platform, rows) => rows.map((r) => ({ ...recordView(TRANSFER, r), title: `移送：${r.case_title}`, unitName: r.unit_name, caseTitle: r.case_title, bodyName: r.body_name })),
});

export const listTransfers = transfers.list;
export const getTransfer = transfers.get;
