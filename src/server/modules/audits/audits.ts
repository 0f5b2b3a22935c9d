// 审计监督: audit projects (registered when the audit report is issued) and their findings. A finding
// goes to the audited unit's problem pool; the unit reports its rectification with evidence, the law
// office verifies it (销号) or sends it back; verified, the problem closes.
import './tables.ts';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { inScope, type DataScope } from '../../kernel/auth/scope.ts';
import { fieldError } from '../../kernel/http/errors.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { closeProblem, openProblem } from '../../kernel/problems/index.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { plainRecords } from '../../kernel/records/plain.ts';
import { AUDIT_FINDING, AUDIT_FINDING_RECORD_TYPE, AUDIT_FINDING_WORKFLOW, AUDIT_KINDS, AUDIT_PROJECT, AUDIT_PROJECT_WORKFLOW, type AuditFindingView, type AuditProjectView } from '../../../shared/schemas/audits.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { sql } from 'kysely';
import { applyEffects, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import { clocksWithLights } from '../../kernel/workflow/clocks.ts';
import type { DeadlineRuleSeed } from '../../kernel/calendar/default-rules.ts';

export const projects = plainRecords<RecordInput<typeof AUDIT_PROJECT>, AuditProjectView>({
  def: AUDIT_PROJECT,
  workflow: AUDIT_PROJECT_WORKFLOW,
  what: '审计项目',
  actions: { create: 'audits.project_create', update: 'audits.project_update' },
  initial: { status: 'reported', label: '登记审计项目' },
  unit: { field: 'unitId', label: '被审计单位' },
  columns: (input) => ({ auditor: input.auditor ?? '县审计局' }),
  async check(tx, input, existing) {
    // A correction may not move the report after a finding's rectification.
    if (!existing) return;
    const early = await tx.selectFrom('audit_findings').select('rectified_date').where('project_id', '=', existing.id).where('rectified_date', '<', input.date).executeTakeFirst();
    if (early) throw fieldError('date', '审计报告日期', `不能晚于其问题的整改完成日期 ${early.rectified_date}`);
  },
  query: (q) =>
    q.select([
      sql<number>`(select count(*) from audit_findings f where f.project_id = r.id)`.as('findings'),
      sql<number>`(select coalesce(sum(f.amount_fen), 0) from audit_findings f where f.project_id = r.id)`.as('amount'),
      sql<number>`(select count(*) from audit_findings f where f.project_id = r.id and f.status <> 'verified')`.as('open_findings'),
    ]),
  view: (r) => ({ findings: Number(r.findings ?? 0), amountFen: Number(r.amount ?? 0), open: Number(r.open_findings ?? 0) }),
  defaultSort: { field: 'date', order: 'desc' },
});

type FindingInput = RecordInput<typeof AUDIT_FINDING> & { unitId?: string; foundDate?: string };

const findingRecords = plainRecords<FindingInput, AuditFindingView>({
  def: AUDIT_FINDING,
  workflow: AUDIT_FINDING_WORKFLOW,
  what: '审计发现问题',
  actions: { create: 'audits.finding_create', update: 'audits.finding_update' },
  initial: { status: 'open', label: '登记审计发现问题' },
  unit: { field: 'unitId', label: '被审计单位' },
  columns: (input) => ({ ...(input.unitId ? { unit_id: input.unitId, found_date: input.foundDate } : {}), amount_fen: input.amountFen ?? 0 }),
  query: (q) => q.innerJoin('audit_projects as p', 'p.id', 'r.project_id').select(['p.title as project_title']),
  view: (r) => ({ title: r.description.length > 40 ? `${r.description.slice(0, 40)}…` : r.description, projectTitle: r.project_title }),
  filter: (q, query) => {
    let out = query.projectId ? q.where('r.project_id', '=', query.projectId) : q;
    if (query.year) out = out.where('r.found_date', '>=', `${query.year}-01-01`).where('r.found_date', '<=', `${query.year}-12-31`);
    return out;
  },
  defaultSort: { field: 'foundDate', order: 'desc' },
});

export const AUDIT_RULES: readonly DeadlineRuleSeed[] = [
  {
    code: 'audits.rectify',
    name: '审计查出问题整改',
    period: 60,
    unit: 'calendar_days',
    citation: '《中华人民共和国审计法》（2021年修正）第五十二条；中共中央办公厅、国务院办公厅《关于建立健全审计查出问题整改长效机制的意见》（被审计单位在规定期限内整改并报送整改情况；期限以本地规定为准）',
    note: '自审计报告出具之日起60日内整改完毕并报送整改结果（默认值，法治办可按本地规定修改）；报送后待核查期间暂停计算，核查未通过的继续计算。',
  },
];
export const RECTIFY_CLOCK = { start: 'rectify', label: '整改期限', rule: 'audits.rectify' } as const;

/** A finding's rectification deadline as its clock counts it (not shown once verified). */
async function withDue(platform: Platform, items: AuditFindingView[]): Promise<AuditFindingView[]> {
  const clocks = await clocksWithLights(platform, AUDIT_FINDING_RECORD_TYPE, items.map((f) => f.id), 'rectify');
  return items.map((f) => {
    const c = clocks.get(f.id);
    const open = c && c.clock.status !== 'stopped';
    return { ...f, due: open ? c.clock.due_date : null, light: open ? c.light : null };
  });
}

export async function listFindings(platform: Platform, scope: DataScope, query: Parameters<typeof findingRecords.list>[2]) {
  const page = await findingRecords.list(platform, scope, query);
  return { ...page, items: await withDue(platform, page.items) };
}

export async function getFinding(platform: Platform, scope: DataScope, id: string): Promise<AuditFindingView> {
  return (await withDue(platform, [await findingRecords.get(platform, scope, id)]))[0]!;
}

/** The project a finding is of, if the writer may see it. */
async function projectOf(tx: Executor, scope: DataScope, projectId: string) {
  const p = await tx.selectFrom('audit_projects').select(['id', 'unit_id', 'date', 'title']).where('id', '=', projectId).executeTakeFirst();
  if (!p || !inScope(scope, p.unit_id)) throw fieldError('projectId', '审计项目', '不存在或无权访问');
  return p;
}

const problemTitle = (description: string) => `审计发现：${description.length > 60 ? `${description.slice(0, 60)}…` : description}`;

async function openFindingProblem(tx: Executor, finding: { id: string; unit_id: string; description: string; found_date: string }): Promise<void> {
  await openProblem(tx, { sourceType: AUDIT_FINDING_RECORD_TYPE, sourceId: finding.id, sourceLabel: '审计发现', unitId: finding.unit_id, title: problemTitle(finding.description), severity: 'general', openedOn: finding.found_date, link: `/audit-findings/${finding.id}` });
}

/**
 * Registers a finding of a project: it belongs to the project's (audited) unit and is dated by the
 * report; it opens the unit's problem. A ledger's rectification date (imports) records the finding as
 * rectified and verified on that day — not before the report, not after today.
 */
export async function createFinding(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof AUDIT_FINDING> & { ref?: string | null; rectifiedDate?: string | null }): Promise<string> {
  const project = await projectOf(tx, scope, input.projectId);
  const id = await findingRecords.create(tx, platform, actor, scope, { ...input, unitId: project.unit_id, foundDate: project.date });
  await openFindingProblem(tx, { id, unit_id: project.unit_id, description: input.description, found_date: project.date });
  const row = await tx.selectFrom('audit_findings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  await applyEffects(tx, platform, actor, AUDIT_FINDING_WORKFLOW, row as unknown as WorkflowRecord, [RECTIFY_CLOCK], project.date);
  if (input.rectifiedDate) await recordRectified(tx, platform, actor, id, project.date, input.rectifiedDate);
  return id;
}

/** Corrects a finding's description, category and amount (its project and state stay). */
export async function updateFinding(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, input: Pick<RecordInput<typeof AUDIT_FINDING>, 'description' | 'category' | 'amountFen'>): Promise<void> {
  await findingRecords.update(tx, platform, actor, scope, id, version, input as FindingInput);
  const f = await tx.selectFrom('audit_findings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  if (f.status !== 'verified') await openFindingProblem(tx, f);
}

/** A ledger's rectification (imports): rectified and verified on its date, the problem closed. */
export async function recordRectified(tx: Tx, platform: Platform, actor: Actor, id: string, foundDate: string, rectifiedDate: string): Promise<void> {
  if (rectifiedDate < foundDate) throw fieldError('rectifiedDate', '整改完成日期', `不能早于审计报告日期 ${foundDate}`);
  if (rectifiedDate > chinaToday()) throw fieldError('rectifiedDate', '整改完成日期', '不能晚于今天');
  const f = await tx.selectFrom('audit_findings').select(['status', 'rectified_date']).where('id', '=', id).executeTakeFirstOrThrow();
  if (f.status === 'verified' && f.rectified_date === rectifiedDate) return;
  await tx.updateTable('audit_findings').set({ status: 'verified', rectified_date: rectifiedDate, verified_date: rectifiedDate, verify_note: '批量导入：台账记载已整改' }).where('id', '=', id).execute();
  await addTimeline(tx, actor, { recordType: AUDIT_FINDING_RECORD_TYPE, recordId: id, action: 'import', label: '批量导入：已整改销号', toStatus: 'verified', note: `整改完成日期 ${rectifiedDate}` });
  await closeProblem(tx, AUDIT_FINDING_RECORD_TYPE, id, rectifiedDate);
  const row = await tx.selectFrom('audit_findings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  await applyEffects(tx, platform, actor, AUDIT_FINDING_WORKFLOW, row as unknown as WorkflowRecord, [{ stop: 'rectify', reason: '批量导入：已整改销号' }], rectifiedDate);
  await platform.audit.record(tx, actor, { action: 'audits.finding_rectified', targetType: AUDIT_FINDING_RECORD_TYPE, targetId: id, detail: { rectifiedDate } });
}

export const findings = { def: AUDIT_FINDING, create: createFinding, update: updateFinding, list: listFindings, get: getFinding };

/** The problem follows the finding: verified closes it, sent back reopens it. */
export async function syncFindingProblem(tx: Tx, record: Record<string, unknown>, date: string): Promise<void> {
  const f = record as unknown as { id: string; unit_id: string; description: string; found_date: string; status: string };
  if (f.status === 'verified') await closeProblem(tx, AUDIT_FINDING_RECORD_TYPE, f.id, date);
  else await openFindingProblem(tx, f);
}

export const kindLabel = (kind: string) => AUDIT_KINDS[kind as keyof typeof AUDIT_KINDS] ?? kind;
