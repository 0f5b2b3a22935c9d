// 建议提案: the law office (government office) assigns each suggestion or proposal to a lead unit;
// the unit replies within 3 months (6 if complex); the proposer's satisfaction closes it.
import { sql } from 'kysely';
import './tables.ts';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { assertInScope, type DataScope } from '../../kernel/auth/scope.ts';
import { recordView } from '../../kernel/records/view.ts';
import { listPage } from '../../kernel/records/list.ts';
import { fieldError, notFound } from '../../kernel/http/errors.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { applyEffects, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { clocksOf, clocksWithLights, clockView } from '../../kernel/workflow/clocks.ts';
import { PROPOSAL, PROPOSAL_RECORD_TYPE, PROPOSAL_WORKFLOW, type ProposalDetail, type ProposalInput, type ProposalListQuery, type ProposalView } from '../../../shared/schemas/proposals.ts';
import type { ProposalTable } from './tables.ts';

export const REPLY_CLOCK = { start: 'reply', label: '答复期限', rule: { field: 'complex', rules: { '1': 'proposals.reply_complex' }, fallback: 'proposals.reply' } } as const;

export async function createProposal(tx: Tx, platform: Platform, actor: Actor, input: ProposalInput & { ref?: string | null }): Promise<string> {
  const unit = await tx.selectFrom('org_units').select(['id', 'active']).where('id', '=', input.leadUnitId).executeTakeFirst();
  if (!unit) throw fieldError('leadUnitId', '主办单位', '不存在');
  if (!unit.active) throw fieldError('leadUnitId', '主办单位', '已停用');
  if (input.assignedDate > chinaToday()) throw fieldError('assignedDate', '交办日期', '不能晚于今天');
  if (input.kind === 'npc' && input.filed !== undefined && input.filed !== null) throw fieldError('filed', '是否立案', '只适用于政协提案');
  const now = nowIso();
  const row: ProposalTable = {
    id: newId(),
    ref: input.ref ?? null,
    kind: input.kind,
    number: input.number,
    title: input.title,
    proposer: input.proposer,
    unit_id: unit.id,
    assigned_date: input.assignedDate,
    complex: input.complex ? 1 : 0,
    filed: input.kind === 'cppcc' ? (input.filed === false ? 0 : 1) : null,
    status: 'assigned',
    reply_date: null,
    satisfaction: null,
    version: 1,
    created_at: now,
    created_by: actor.id,
    updated_at: now,
    updated_by: actor.id,
  };
  await tx.insertInto('proposals').values(row).execute();
  await addTimeline(tx, actor, { recordType: PROPOSAL_RECORD_TYPE, recordId: row.id, action: 'create', label: '交办', toStatus: 'assigned', note: `交办日期 ${input.assignedDate}${input.complex ? '（涉及面广、办理难度大，6个月内答复）' : ''}` });
  await applyEffects(tx, platform, actor, PROPOSAL_WORKFLOW, row as unknown as WorkflowRecord, [REPLY_CLOCK], input.assignedDate);
  await platform.audit.record(tx, actor, { action: 'proposal.create', targetType: PROPOSAL_RECORD_TYPE, targetId: row.id, detail: { kind: input.kind, number: input.number } });
  return row.id;
}

function proposalQuery(db: Executor) {
  return db.selectFrom('proposals as p').innerJoin('org_units as u', 'u.id', 'p.unit_id').selectAll('p').select('u.name as unit_name');
}
type Row = ProposalTable & { unit_name: string };

async function toViews(platform: Platform, rows: Row[]): Promise<ProposalView[]> {
  if (rows.length === 0) return [];
  const clocks = await clocksWithLights(platform, PROPOSAL_RECORD_TYPE, rows.map((r) => r.id), 'reply');
  return rows.map((r) => {
    const { clock, light = null } = clocks.get(r.id) ?? {};
    return {
      ...recordView(PROPOSAL, r),
      unitId: r.unit_id,
      unitName: r.unit_name,
      status: r.status,
      statusLabel: PROPOSAL_WORKFLOW.states[r.status]?.label ?? r.status,
      due: clock?.due_date ?? null,
      light,
      onTime: r.reply_date && clock ? r.reply_date <= clock.due_date : null,
    };
  });
}

export async function listProposals(platform: Platform, scope: DataScope, query: Omit<ProposalListQuery, 'page' | 'pageSize'> & { page: number; pageSize: number }) {
  let base = proposalQuery(platform.db);
  if (query.status) base = base.where('p.status', '=', query.status);
  const page = await listPage<Row>(platform.db, base, PROPOSAL, { alias: 'p', unitColumn: 'p.unit_id', defaultSort: { field: 'assignedDate', order: 'desc' }, defaultOrder: (q) => q.orderBy('p.assigned_date', 'desc').orderBy('p.kind').orderBy(sql`length(p.number)`).orderBy('p.number') }, scope, { ...query, leadUnitId: query.leadUnitId || query.unitId });
  return { ...page, items: await toViews(platform, page.items) };
}

export async function getProposal(platform: Platform, scope: DataScope, id: string): Promise<ProposalDetail> {
  const row = (await proposalQuery(platform.db).where('p.id', '=', id).executeTakeFirst()) as Row | undefined;
  if (!row) throw notFound('建议提案');
  assertInScope(scope, row.unit_id, '建议提案');
  const [view] = await toViews(platform, [row]);
  const deadlines = await platform.deadlines.load();
  return { ...view!, clocks: (await clocksOf(platform.db, PROPOSAL_RECORD_TYPE, id)).map((c) => clockView(c, deadlines, chinaToday())) };
}
