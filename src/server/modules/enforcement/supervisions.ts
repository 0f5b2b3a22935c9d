// 行政执法监督 by the justice bureau: 日常 / 重点 / 专项 supervision of a body; a 监督意见书 starts the
// correction clock (`enforcement.supervision_correct`) and puts the finding in the body's problem pool;
// the body reports its correction; accepted, the problem closes; not corrected, a 监督决定书 follows.
import './tables.ts';
import type { Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import type { DataScope } from '../../kernel/auth/scope.ts';
import { fieldError, notFound } from '../../kernel/http/errors.ts';
import { inScope } from '../../kernel/auth/scope.ts';
import { newId } from '../../kernel/ids.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import { workflowViews } from '../../kernel/records/read.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { closeProblem, openProblem } from '../../kernel/problems/index.ts';
import type { DeadlineRuleSeed } from '../../kernel/calendar/default-rules.ts';
import { EVALUATION_RESULTS, SUPERVISION, SUPERVISION_RECORD_TYPE, SUPERVISION_WORKFLOW, type EvaluationInput, type SupervisionListQuery, type SupervisionView } from '../../../shared/schemas/enforcement.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { visibleBody } from './bodies.ts';
import type { SupervisionTable } from './tables.ts';

export const SUPERVISION_RULES: readonly DeadlineRuleSeed[] = [
  { code: 'enforcement.supervision_correct', name: '行政执法监督意见整改', period: 30, unit: 'calendar_days', citation: '《行政执法监督条例》（国务院令第825号）；本县行政执法监督工作规定（可按本地规定调整）', note: '自收到行政执法监督意见书之日起30日内整改并报送整改情况；逾期未整改的，制发行政执法监督决定书。' },
];

export async function createSupervision(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof SUPERVISION> & { ref?: string | null }): Promise<string> {
  const body = await visibleBody(tx, scope, input.bodyId);
  if (input.startDate > chinaToday()) throw fieldError('startDate', '开始日期', '不能晚于今天');
  const row = { id: newId(), ref: input.ref ?? null, ...recordRow<SupervisionTable>(SUPERVISION, input), unit_id: body.unit_id, status: 'ongoing', ...newStamps(actor.id) } as SupervisionTable;
  await tx.insertInto('enforcement_supervisions').values(row).execute();
  await addTimeline(tx, actor, { recordType: SUPERVISION_RECORD_TYPE, recordId: row.id, action: 'create', label: '开展执法监督', toStatus: 'ongoing', note: `${body.name}，${input.startDate}` });
  await platform.audit.record(tx, actor, { action: 'enforcement.supervision_create', targetType: SUPERVISION_RECORD_TYPE, targetId: row.id, detail: { kind: input.kind } });
  return row.id;
}

/**
 * 执法评议: the bureau rates the body's enforcement in this supervision (优秀 / 良好 / 合格 / 不合格),
 * on a day not before the supervision started and not after today; 不合格 needs its reasons. A
 * later rating replaces an earlier one (the timeline keeps both).
 */
export async function evaluateSupervision(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, input: EvaluationInput): Promise<void> {
  const s = await tx.selectFrom('enforcement_supervisions').select(['unit_id', 'start_date']).where('id', '=', id).executeTakeFirst();
  if (!s || !inScope(scope, s.unit_id)) throw notFound('执法监督');
  if (input.evaluationDate > chinaToday()) throw fieldError('evaluationDate', '评议日期', '不能晚于今天');
  if (input.evaluationDate < s.start_date) throw fieldError('evaluationDate', '评议日期', `不能早于开始日期 ${s.start_date}`);
  if (input.evaluationResult === 'fail' && !input.evaluationNote) throw fieldError('evaluationNote', '评议意见', '评议不合格的，须写明评议意见');
  await updateVersioned(tx, 'enforcement_supervisions', id, input.version, { evaluation_date: input.evaluationDate, evaluation_result: input.evaluationResult, evaluation_note: input.evaluationNote ?? null }, actor.id);
  await addTimeline(tx, actor, { recordType: SUPERVISION_RECORD_TYPE, recordId: id, action: 'evaluate', label: '执法评议', note: `${input.evaluationDate} ${EVALUATION_RESULTS[input.evaluationResult]}${input.evaluationNote ? `：${input.evaluationNote}` : ''}` });
  await platform.audit.record(tx, actor, { action: 'enforcement.supervision_evaluate', targetType: SUPERVISION_RECORD_TYPE, targetId: id, detail: { result: input.evaluationResult } });
}

/** The opinion's finding goes to the body's problem pool; an accepted correction (or a clean close) closes it. */
export async function afterSupervisionTransition(tx: Tx, record: Record<string, unknown>, transition: string, date: string): Promise<void> {
  const id = String(record.id);
  if (transition === 'issue_opinion' || transition === 'escalate') {
    await openProblem(tx, {
      sourceType: SUPERVISION_RECORD_TYPE,
      sourceId: id,
      // The pool keeps a problem's first label: the supervision names both documents; the severity says which.
      sourceLabel: '行政执法监督',
      unitId: String(record.unit_id),
      title: `${transition === 'escalate' ? '监督决定书' : '监督意见书'}：${record.title}`,
      severity: transition === 'escalate' ? 'major' : 'general',
      openedOn: String(record.opinion_date ?? date),
      link: `/enforcement/supervisions/${id}`,
    });
  }
  if (transition === 'accept') await closeProblem(tx, SUPERVISION_RECORD_TYPE, id, date);
}

type Row = SupervisionTable & { unit_name: string; body_name: string };

const supervisions = recordReader<Row, SupervisionView, SupervisionListQuery>({
  def: SUPERVISION, what: '执法监督', alias: 's', status: true, defaultSort: { field: 'startDate', order: 'desc' },
  query: (db) => db.selectFrom('enforcement_supervisions as s').innerJoin('org_units as u', 'u.id', 's.unit_id').innerJoin('enforcement_bodies as b', 'b.id', 's.body_id').selectAll('s').select(['u.name as unit_name', 'b.name as body_name']),
  views: (platform, rows) =>
    workflowViews(platform, SUPERVISION_WORKFLOW, rows, undefined, (r, { clock, due, light }) => {
      const running = clock?.status === 'running';
      return { ...recordView(SUPERVISION, r), unitName: r.unit_name, bodyName: r.body_name, due: running ? due : null, light: running ? light : null };
    }),
});

export const listSupervisions = supervisions.list;
export const getSupervision = supervisions.get;
