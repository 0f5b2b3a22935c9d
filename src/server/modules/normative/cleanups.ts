// 清理: the law office sets up a campaign (全面 or 专项) over the documents in force that the
// organising unit and the units under it drafted, published by a date; it selects documents (a 全面
// campaign all of them), gives each 保留 / 修改 / 废止 / 宣布失效 with a reason and finishes it: the
// documents' statuses follow (废止 and 宣布失效 through the document's workflow) and the result list
// is published on the portal.
import './tables.ts';
import { sql } from 'kysely';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { inScope, type DataScope } from '../../kernel/auth/scope.ts';
import { conflict, fieldError, notFound } from '../../kernel/http/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { applyEffects, transitionWithin, type TransitionActor, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { jobActor } from '../../kernel/workflow/daily.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import { clockViews, rowInScope, workflowViews } from '../../kernel/records/read.ts';
import { CLEANUP, CLEANUP_KINDS, CLEANUP_RECORD_TYPE, CLEANUP_RESULTS, CLEANUP_WORKFLOW, NORMDOC_RECORD_TYPE, NORMDOC_WORKFLOW, type CleanupDetail, type CleanupItemView, type CleanupListQuery, type CleanupView, type PublicCleanup } from '../../../shared/schemas/normative.ts';
import type { RecordInput } from '../../../shared/records.ts';
import type { CleanupTable } from './tables.ts';

const DEADLINE_CLOCK = { start: 'cleanup', label: '清理完成期限', dueColumn: 'deadline' } as const;
type Result = keyof typeof CLEANUP_RESULTS;

/** The units under a unit, itself included (the campaign's scope). */
async function subtree(db: Executor, unitId: string): Promise<string[]> {
  const units = await db.selectFrom('org_units').select(['id', 'parent_id']).execute();
  const out = [unitId];
  for (let i = 0; i < out.length; i++) for (const u of units) if (u.parent_id === out[i]) out.push(u.id);
  return out;
}

/** The documents in a campaign's scope: in force, drafted within the organising unit's subtree, published by `issued_before`. */
async function inScopeDocs(db: Executor, cleanup: Pick<CleanupTable, 'unit_id' | 'issued_before'>) {
  return db
    .selectFrom('normative_docs')
    .select(['id', 'unit_id', 'title'])
    .where('status', '=', 'in_force')
    .where('issued_date', '<=', cleanup.issued_before)
    .where('unit_id', 'in', await subtree(db, cleanup.unit_id));
}

export async function createCleanup(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof CLEANUP> & { ref?: string | null }, selectAll = input.kind === 'full'): Promise<string> {
  const unit = await tx.selectFrom('org_units').select(['id', 'active']).where('id', '=', input.unitId).executeTakeFirst();
  if (!unit || !inScope(scope, unit.id)) throw fieldError('unitId', '组织单位', '不存在或无权访问');
  if (input.deadline < input.issuedBefore) throw fieldError('deadline', '完成期限', `不能早于公布日期截至日 ${input.issuedBefore}`);
  const row = { id: newId(), ref: input.ref ?? null, ...recordRow<CleanupTable>(CLEANUP, input), status: 'open', finished_date: null, item_count: 0, pending_items: 0, ...newStamps(actor.id) } as CleanupTable;
  await tx.insertInto('normdoc_cleanups').values(row).execute();
  await addTimeline(tx, actor, { recordType: CLEANUP_RECORD_TYPE, recordId: row.id, action: 'create', label: `启动${CLEANUP_KINDS[input.kind]}`, toStatus: 'open', note: input.subject ?? null });
  // The clock runs from today; a campaign entered after the fact (its deadline already past) from its scope date.
  await applyEffects(tx, platform, actor, CLEANUP_WORKFLOW, row as unknown as WorkflowRecord, [DEADLINE_CLOCK], input.deadline >= chinaToday() ? chinaToday() : input.issuedBefore);
  if (selectAll) await addItems(tx, actor, row, (await (await inScopeDocs(tx, row)).execute()).map((d) => d.id));
  await platform.audit.record(tx, actor, { action: 'normative.cleanup.create', targetType: CLEANUP_RECORD_TYPE, targetId: row.id, detail: { kind: input.kind } });
  return row.id;
}

async function recount(tx: Tx, cleanupId: string): Promise<void> {
  const [n] = await tx
    .selectFrom('normdoc_cleanup_items')
    .select([sql<number>`count(*)`.as('items'), sql<number>`sum(case when result is null then 1 else 0 end)`.as('pending')])
    .where('cleanup_id', '=', cleanupId)
    .execute();
  await tx.updateTable('normdoc_cleanups').set({ item_count: Number(n?.items ?? 0), pending_items: Number(n?.pending ?? 0) }).where('id', '=', cleanupId).execute();
}

/** Selects documents (each once); a document outside the campaign's scope is refused by name. */
async function addItems(tx: Tx, actor: Actor, cleanup: CleanupTable, docIds: string[], ref: string | null = null): Promise<string[]> {
  const scoped = new Map((await (await inScopeDocs(tx, cleanup)).where('id', 'in', docIds.length ? docIds : ['']).execute()).map((d) => [d.id, d]));
  const missing = docIds.find((id) => !scoped.has(id));
  if (missing) {
    const doc = await tx.selectFrom('normative_docs').select(['title', 'status', 'issued_date']).where('id', '=', missing).executeTakeFirst();
    throw fieldError('docId', '规范性文件', doc ? `《${doc.title}》不在本次清理范围内（清理${cleanup.issued_before}及以前公布、由组织单位及下级单位起草的现行有效文件）` : '不存在或无权访问');
  }
  const taken = new Set((await tx.selectFrom('normdoc_cleanup_items').select('doc_id').where('cleanup_id', '=', cleanup.id).execute()).map((r) => r.doc_id));
  const ids: string[] = [];
  for (const docId of docIds) {
    if (taken.has(docId)) continue;
    taken.add(docId);
    const id = newId();
    ids.push(id);
    await tx.insertInto('normdoc_cleanup_items').values({ id, ref, unit_id: scoped.get(docId)!.unit_id, cleanup_id: cleanup.id, doc_id: docId, result: null, reason: null, finished_date: null, ...newStamps(actor.id) }).execute();
  }
  await recount(tx, cleanup.id);
  return ids;
}

async function openCleanup(tx: Tx, scope: DataScope, id: string, version?: number): Promise<CleanupTable> {
  const cleanup = rowInScope(await tx.selectFrom('normdoc_cleanups').selectAll().where('id', '=', id).executeTakeFirst(), scope, '清理活动');
  if (version !== undefined && cleanup.version !== version) throw conflict('清理活动已被他人修改，请刷新后重试');
  return cleanup;
}

/** Selects documents for an open campaign (the version read, so two people do not select at once). */
export async function selectDocs(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, docIds: string[]): Promise<void> {
  const cleanup = await openCleanup(tx, scope, id, version);
  if (cleanup.status !== 'open') throw conflict('清理已完成，不能再选入文件');
  const added = await addItems(tx, actor, cleanup, docIds);
  await updateVersioned(tx, 'normdoc_cleanups', id, version, {}, actor.id);
  await addTimeline(tx, actor, { recordType: CLEANUP_RECORD_TYPE, recordId: id, action: 'select', label: `选入 ${added.length} 件文件` });
  await platform.audit.record(tx, actor, { action: 'normative.cleanup.select', targetType: CLEANUP_RECORD_TYPE, targetId: id, detail: { docs: added.length } });
}

/**
 * The result for one selected document. In a finished campaign (a ledger imported after the fact)
 * the document's status follows at once, on the finish date.
 */
export async function decideItem(tx: Tx, platform: Platform, actor: TransitionActor, scope: DataScope, id: string, version: number | undefined, itemId: string, result: Result, reason: string | null): Promise<void> {
  const cleanup = await openCleanup(tx, scope, id, version);
  const item = await tx.selectFrom('normdoc_cleanup_items').selectAll().where('id', '=', itemId).where('cleanup_id', '=', id).executeTakeFirst();
  if (!item) throw notFound('清理文件');
  if (cleanup.status === 'finished' && version !== undefined) throw conflict('清理已完成并公布，清理结果不能再修改');
  if (result !== 'keep' && !reason?.trim()) throw fieldError('reason', '理由', `未填写：${CLEANUP_RESULTS[result]}的文件须写明理由`);
  await tx.updateTable('normdoc_cleanup_items').set({ result, reason: reason?.trim() || null, updated_at: new Date().toISOString(), updated_by: actor.id, version: item.version + 1 }).where('id', '=', itemId).execute();
  await recount(tx, id);
  if (version !== undefined) await updateVersioned(tx, 'normdoc_cleanups', id, version, {}, actor.id);
  if (cleanup.status === 'finished') await applyResult(tx, platform, actor, cleanup, itemId);
  await platform.audit.record(tx, actor, { action: 'normative.cleanup.decide', targetType: CLEANUP_RECORD_TYPE, targetId: id, detail: { doc: item.doc_id, result } });
}

const FOLLOW: Partial<Record<Result, string>> = { repeal: 'repeal', expire: 'expire' };
const SYSTEM = { ...jobActor('系统（规范性文件清理）'), scope: { all: true } as DataScope };

/**
 * A finished campaign's result reaches its document: 废止 and 宣布失效 end it through its workflow on
 * the finish date; 修改 leaves it in force and tells its timeline (the amended text replaces it later).
 */
async function applyResult(tx: Tx, platform: Platform, actor: TransitionActor, cleanup: CleanupTable, itemId: string): Promise<void> {
  const item = await tx.selectFrom('normdoc_cleanup_items').selectAll().where('id', '=', itemId).executeTakeFirstOrThrow();
  const date = cleanup.finished_date!;
  await tx.updateTable('normdoc_cleanup_items').set({ finished_date: date }).where('id', '=', itemId).execute();
  const doc = await tx.selectFrom('normative_docs').select(['status', 'version']).where('id', '=', item.doc_id).executeTakeFirstOrThrow();
  const note = `${cleanup.title}：${CLEANUP_RESULTS[item.result as Result]}${item.reason ? `（${item.reason}）` : ''}`;
  const transition = FOLLOW[item.result as Result];
  if (transition && doc.status === 'in_force') await transitionWithin(tx, platform, actor, NORMDOC_WORKFLOW, item.doc_id, transition, { version: doc.version, date, note });
  else await addTimeline(tx, actor, { recordType: NORMDOC_RECORD_TYPE, recordId: item.doc_id, action: 'cleanup', label: `清理结果：${CLEANUP_RESULTS[item.result as Result]}`, note });
}

/** On finishing (the workflow's transition): every item's result reaches its document, as of the finish date. */
export async function afterCleanupTransition(tx: Tx, platform: Platform, record: Record<string, unknown>, date: string): Promise<void> {
  const cleanup = { ...(record as unknown as CleanupTable), finished_date: date };
  if (date < cleanup.issued_before) throw fieldError('date', '完成日期', `不能早于公布日期截至日 ${cleanup.issued_before}`);
  const items = await tx.selectFrom('normdoc_cleanup_items').select('id').where('cleanup_id', '=', cleanup.id).execute();
  for (const item of items) await applyResult(tx, platform, SYSTEM, cleanup, item.id);
}

/** A ledger's finished campaign (the import): finished on its date, through the same transition. */
export async function recordFinish(tx: Tx, platform: Platform, actor: TransitionActor, id: string, finishedDate: string | null): Promise<void> {
  const cleanup = await tx.selectFrom('normdoc_cleanups').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  if (!finishedDate) {
    if (cleanup.status === 'finished') throw fieldError('finishedDate', '完成日期', '已完成的清理，导入不能改回清理中');
    return;
  }
  if (cleanup.status === 'finished') {
    if (cleanup.finished_date !== finishedDate) throw fieldError('finishedDate', '完成日期', `已于 ${cleanup.finished_date} 完成，不能修改`);
    return;
  }
  if (finishedDate > chinaToday()) throw fieldError('finishedDate', '完成日期', '不能晚于今天');
  if (cleanup.pending_items > 0) throw fieldError('finishedDate', '完成日期', `尚有 ${cleanup.pending_items} 件文件未提出清理意见`);
  await transitionWithin(tx, platform, actor, CLEANUP_WORKFLOW, id, 'finish', { version: cleanup.version, date: finishedDate });
}

/** Corrects a campaign (the import again) while it is open. */
export async function correctCleanup(tx: Tx, platform: Platform, actor: Actor, id: string, version: number, input: Partial<RecordInput<typeof CLEANUP>>): Promise<void> {
  const { unitId: _unit, ...fields } = input;
  await updateVersioned(tx, 'normdoc_cleanups', id, version, recordRow(CLEANUP, fields), actor.id);
  await platform.audit.record(tx, actor, { action: 'normative.cleanup.update', targetType: CLEANUP_RECORD_TYPE, targetId: id });
}

/** An item of a ledger (the import): the document selected (within scope) and its result. */
export async function recordItem(tx: Tx, platform: Platform, actor: TransitionActor, cleanupId: string, docId: string, ref: string, result: Result, reason: string | null): Promise<void> {
  const cleanup = await tx.selectFrom('normdoc_cleanups').selectAll().where('id', '=', cleanupId).executeTakeFirstOrThrow();
  let item = await tx.selectFrom('normdoc_cleanup_items').select(['id', 'ref']).where('cleanup_id', '=', cleanupId).where('doc_id', '=', docId).executeTakeFirst();
  if (!item) {
    if (cleanup.status === 'finished') {
      // Selected after the finish (a ledger imported in two files): the scope is as it stood then.
      const doc = await tx.selectFrom('normative_docs').select(['title', 'status', 'issued_date', 'unit_id']).where('id', '=', docId).executeTakeFirstOrThrow();
      const units = await subtree(tx, cleanup.unit_id);
      if (!units.includes(doc.unit_id) || !doc.issued_date || doc.issued_date > cleanup.issued_before || !['in_force', 'amended', 'repealed', 'expired'].includes(doc.status)) throw fieldError('docId', '规范性文件', `《${doc.title}》不在本次清理范围内`);
      const id = newId();
      await tx.insertInto('normdoc_cleanup_items').values({ id, ref, unit_id: doc.unit_id, cleanup_id: cleanupId, doc_id: docId, result: null, reason: null, finished_date: null, ...newStamps(actor.id) }).execute();
      await recount(tx, cleanupId);
    } else await addItems(tx, actor, cleanup, [docId], ref);
    item = await tx.selectFrom('normdoc_cleanup_items').select(['id', 'ref']).where('cleanup_id', '=', cleanupId).where('doc_id', '=', docId).executeTakeFirstOrThrow();
  }
  await decideItem(tx, platform, actor, { all: true } as DataScope, cleanupId, undefined, item.id, result, reason);
}

const cleanupQuery = (db: Executor) => db.selectFrom('normdoc_cleanups as c').innerJoin('org_units as u', 'u.id', 'c.unit_id').selectAll('c').select('u.name as unit_name');
type Row = CleanupTable & { unit_name: string };

/** A cleanup's view: its items to amend, repeal or declare expired, and its clock's deadline and light. */
async function toViews(platform: Platform, rows: Row[]): Promise<CleanupView[]> {
  const flagged = await platform.db.selectFrom('normdoc_cleanup_items').select(['cleanup_id', sql<number>`count(*)`.as('n')]).where('cleanup_id', 'in', rows.map((r) => r.id)).where('result', 'in', ['amend', 'repeal', 'expire']).groupBy('cleanup_id').execute();
  const flaggedBy = new Map(flagged.map((f) => [f.cleanup_id, Number(f.n)]));
  return workflowViews(platform, CLEANUP_WORKFLOW, rows, 'cleanup', (r, { due, light }) => ({ ...recordView(CLEANUP, r), unitName: r.unit_name, itemCount: r.item_count, pendingItems: r.pending_items, flaggedItems: flaggedBy.get(r.id) ?? 0, due, light }));
}

const cleanupRecords = recordReader<Row, CleanupView, CleanupListQuery>({
  def: CLEANUP, what: '清理活动', alias: 'c', status: true, defaultSort: { field: 'deadline', order: 'desc' },
  query: cleanupQuery,
  views: toViews,
});

export const listCleanups = cleanupRecords.list;

function itemQuery(db: Executor) {
  return db
    .selectFrom('normdoc_cleanup_items as i')
    .innerJoin('normative_docs as d', 'd.id', 'i.doc_id')
    .innerJoin('org_units as u', 'u.id', 'd.unit_id')
    .select(['i.id', 'i.ref', 'i.doc_id', 'i.result', 'i.reason', 'd.title', 'd.doc_number', 'd.issued_date', 'd.status', 'u.name as unit_name'])
    .orderBy('d.issued_date')
    .orderBy('d.title');
}

export async function getCleanup(platform: Platform, scope: DataScope, id: string): Promise<CleanupDetail> {
  const [view, items, clocks] = await Promise.all([cleanupRecords.get(platform, scope, id), itemQuery(platform.db).where('i.cleanup_id', '=', id).execute(), clockViews(platform, CLEANUP_RECORD_TYPE, id)]);
  return {
    ...view,
    clocks,
    items: items.map((i): CleanupItemView => ({ id: i.id, ref: i.ref, docId: i.doc_id, docTitle: i.title, docNumber: i.doc_number, unitName: i.unit_name, issuedDate: i.issued_date, docStatus: i.status, docStatusLabel: NORMDOC_WORKFLOW.states[i.status]?.label ?? i.status, result: (i.result as Result | null) ?? null, reason: i.reason })),
  };
}

/** The documents an open campaign may still select, for the law office's picker. */
export async function selectableDocs(platform: Platform, scope: DataScope, id: string) {
  const cleanup = await openCleanup(platform.db as Tx, scope, id);
  const taken = platform.db.selectFrom('normdoc_cleanup_items').select('doc_id').where('cleanup_id', '=', id);
  const docs = await (await inScopeDocs(platform.db, cleanup)).select(['doc_number', 'issued_date']).where('id', 'not in', taken).orderBy('issued_date').execute();
  return { items: docs.map((d) => ({ id: d.id, title: d.title, docNumber: d.doc_number, issuedDate: d.issued_date })) };
}

/** The portal: finished campaigns, newest first, with every document's result. */
export async function publicCleanups(platform: Platform): Promise<{ items: PublicCleanup[] }> {
  const cleanups = await cleanupQuery(platform.db).where('c.status', '=', 'finished').orderBy('c.finished_date', 'desc').limit(50).execute();
  if (cleanups.length === 0) return { items: [] };
  const items = await itemQuery(platform.db).select('i.cleanup_id').where('i.cleanup_id', 'in', cleanups.map((c) => c.id)).where('i.result', 'is not', null).execute();
  return {
    items: cleanups.map((c) => ({
      id: c.id,
      title: c.title,
      kind: c.kind as PublicCleanup['kind'],
      kindLabel: CLEANUP_KINDS[c.kind as keyof typeof CLEANUP_KINDS],
      unitName: c.unit_name,
      finishedDate: c.finished_date!,
      items: items.filter((i) => i.cleanup_id === c.id).map((i) => ({ docId: i.doc_id, title: i.title, docNumber: i.doc_number, unitName: i.unit_name, result: i.result as Result, resultLabel: CLEANUP_RESULTS[i.result as Result], reason: i.reason })),
    })),
  };
}
