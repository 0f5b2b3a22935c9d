// 建议提案: the law office (government office) assigns each suggestion or proposal to a lead unit;
// the unit replies within 3 months (6 if complex); the proposer's satisfaction closes it.
import { sql } from 'kysely';
import { clockViews, workflowViews } from '../../kernel/records/read.ts';
import './tables.ts';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { inScope, type DataScope } from '../../kernel/auth/scope.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import { fieldError, notFound } from '../../kernel/http/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { applyEffects, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { clearClocks } from '../../kernel/workflow/clocks.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { PROPOSAL, PROPOSAL_RECORD_TYPE, PROPOSAL_WORKFLOW, type ProposalDetail, type ProposalInput, type ProposalListQuery, type ProposalView, type Satisfaction } from '../../../shared/schemas/proposals.ts';
import type { ProposalTable } from './tables.ts';
import { moveBelongings } from '../../kernel/workflow/move.ts';

export const REPLY_CLOCK = { start: 'reply', label: '答复期限', rule: { field: 'complex', rules: { '1': 'proposals.reply_complex' }, fallback: 'proposals.reply' } } as const;

/** The lead unit exists and is active, the assignment is not in the future, and only a CPPCC proposal is filed. */
async function checkAssignment(tx: Executor, scope: DataScope, input: ProposalAssignment): Promise<void> {
  const unit = await tx.selectFrom('org_units').select(['id', 'active']).where('id', '=', input.leadUnitId).executeTakeFirst();
  if (!unit || !inScope(scope, unit.id)) throw fieldError('leadUnitId', '主办单位', '不存在或无权访问');
  if (!unit.active) throw fieldError('leadUnitId', '主办单位', '已停用');
  if (input.assignedDate > chinaToday()) throw fieldError('assignedDate', '交办日期', '不能晚于今天');
  if (input.kind === 'npc' && input.filed !== undefined && input.filed !== null) throw fieldError('filed', '是否立案', '只适用于政协提案');
}

/** What the law office assigns: kind, number, title, lead unit, date and (CPPCC) filing. */
export type ProposalAssignment = Pick<ProposalInput, 'kind' | 'number' | 'title' | 'leadUnitId' | 'assignedDate' | 'filed'>;

const filedColumn = (input: ProposalAssignment) => (input.kind === 'cppcc' ? (input.filed === false ? 0 : 1) : null);

type ScopedActor = Actor & { scope: DataScope };

export async function createProposal(tx: Tx, platform: Platform, actor: ScopedActor, input: ProposalInput & { ref?: string | null }): Promise<string> {
  await checkAssignment(tx, actor.scope, input);
  const row = {
    id: newId(),
    ref: input.ref ?? null,
    ...recordRow<ProposalTable>(PROPOSAL, input),
    complex: input.complex ? 1 : 0,
    filed: filedColumn(input),
    status: 'assigned',
    reply_date: null,
    satisfaction: null,
    ...newStamps(actor.id),
  } as ProposalTable;
  await tx.insertInto('proposals').values(row).execute();
  await addTimeline(tx, actor, { recordType: PROPOSAL_RECORD_TYPE, recordId: row.id, action: 'create', label: '交办', toStatus: 'assigned', note: `交办日期 ${input.assignedDate}${input.complex ? '（涉及面广、办理难度大，6个月内答复）' : ''}` });
  await applyEffects(tx, platform, actor, PROPOSAL_WORKFLOW, row as unknown as WorkflowRecord, [REPLY_CLOCK], input.assignedDate);
  await platform.audit.record(tx, actor, { action: 'proposal.create', targetType: PROPOSAL_RECORD_TYPE, targetId: row.id, detail: { kind: input.kind, number: input.number } });
  return row.id;
}

/**
 * Corrects an assignment (the law office's ledger, imported again): the same checks as a new one;
 * the reply clock starts afresh from the assigned date.
 */
export async function correctProposal(tx: Tx, platform: Platform, actor: ScopedActor, id: string, version: number, input: ProposalAssignment): Promise<void> {
  const current = await tx.selectFrom('proposals').select('unit_id').where('id', '=', id).executeTakeFirst();
  if (!current || !inScope(actor.scope, current.unit_id)) throw notFound('建议提案');
  await checkAssignment(tx, actor.scope, input);
  await updateVersioned(tx, 'proposals', id, version, { kind: input.kind, number: input.number, title: input.title, unit_id: input.leadUnitId, assigned_date: input.assignedDate, filed: filedColumn(input) }, actor.id);
  await clearClocks(tx, PROPOSAL_RECORD_TYPE, id);
  const record = await tx.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  await applyEffects(tx, platform, actor, PROPOSAL_WORKFLOW, record as unknown as WorkflowRecord, [REPLY_CLOCK], input.assignedDate);
  if (input.leadUnitId !== current.unit_id) await moveBelongings(tx, PROPOSAL_RECORD_TYPE, [id], input.leadUnitId);
  await platform.audit.record(tx, actor, { action: 'proposal.update', targetType: PROPOSAL_RECORD_TYPE, targetId: id, detail: { kind: input.kind, number: input.number } });
}

/**
 * The reply and satisfaction a ledger records (history the lead unit did not enter in the app): the
 * reply stops the reply clock on its date; satisfaction closes the proposal.
 */
export async function recordReply(tx: Tx, platform: Platform, actor: Actor, id: string, reply: { replyDate: string | null; satisfaction: Satisfaction | null }, label: string): Promise<void> {
  const record = await tx.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  if (reply.replyDate && reply.replyDate < record.assigned_date) throw fieldError('replyDate', '答复日期', '不能早于交办日期');
  if (reply.replyDate && reply.replyDate > chinaToday()) throw fieldError('replyDate', '答复日期', '不能晚于今天');
  if (reply.satisfaction && !reply.replyDate) throw fieldError('satisfaction', '满意度', '尚未答复的建议提案不能登记满意度');
  const status = reply.satisfaction ? 'closed' : reply.replyDate ? 'replied' : 'assigned';
  await tx.updateTable('proposals').set({ status, reply_date: reply.replyDate, satisfaction: reply.satisfaction }).where('id', '=', id).execute();
  if (reply.replyDate) await applyEffects(tx, platform, actor, PROPOSAL_WORKFLOW, { ...record, status } as unknown as WorkflowRecord, [{ stop: 'reply', reason: '批量导入：已答复' }], reply.replyDate);
  await addTimeline(tx, actor, { recordType: PROPOSAL_RECORD_TYPE, recordId: id, action: 'import', label, toStatus: status });
  if (reply.replyDate) await platform.audit.record(tx, actor, { action: 'proposal.reply', targetType: PROPOSAL_RECORD_TYPE, targetId: id, detail: reply });
}

type Row = ProposalTable & { unit_name: string };

const proposals = recordReader<Row, ProposalView, Omit<ProposalListQuery, 'page' | 'pageSize'>>({
  def: PROPOSAL, what: '建议提案', alias: 'p', status: true, defaultSort: { field: 'assignedDate', order: 'desc' },
  query: (db) => db.selectFrom('proposals as p').innerJoin('org_units as u', 'u.id', 'p.unit_id').selectAll('p').select('u.name as unit_name'),
  defaultOrder: (q) => q.orderBy('p.assigned_date', 'desc').orderBy('p.kind').orderBy(sql`length(p.number)`).orderBy('p.number'),
  views: (platform, rows) =>
    workflowViews(platform, PROPOSAL_WORKFLOW, rows, 'reply', (r, { clock, due, light }) => ({
    ...recordView(PROPOSAL, r),
    unitId: r.unit_id,
    unitName: r.unit_name,
    due,
    light,
    onTime: r.reply_date && clock ? r.reply_date <= clock.due_date : null,
  })),
});

/** The ledger; `unitId` is the older name of its lead unit filter (`leadUnitId`). */
export const listProposals = (platform: Platform, scope: DataScope, query: Omit<ProposalListQuery, 'page' | 'pageSize'> & { page: number; pageSize: number }) =>
  proposals.list(platform, scope, { ...query, leadUnitId: query.leadUnitId || query.unitId });

export async function getProposal(platform: Platform, scope: DataScope, id: string): Promise<ProposalDetail> {
  return { ...(await proposals.get(platform, scope, id)), clocks: await clockViews(platform, PROPOSAL_RECORD_TYPE, id) };
}
