// Import type `review_cases`, through the module's own commands: historical and current cases are
// registered and moved through the workflow on their own dates, so that imported cases count
// exactly like cases worked through the UI.
import type { z } from '../../../shared/zod.ts';
import { DECISIONS, REVIEW_CASE, REVIEW_RECORD_TYPE, REVIEW_WORKFLOW, TERMINATIONS, type ReviewOutcome } from '../../../shared/schemas/reconsideration.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { booleanCell } from '../../kernel/imports/rows.ts';
import { importFields, importInput, importRow } from '../../kernel/imports/from-record.ts';
import { advanceTo, refImport, refuseRow, stepReached, type ImportStep, type RefImportRun, extendApproved } from '../../kernel/imports/by-ref.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { correctCase, createCase } from './reconsideration.ts';

const row = importRow(REVIEW_CASE, { extended: booleanCell('是否延期').optional() });
type Row = z.infer<typeof row>;

/** The first contradiction among a case's dates and outcome, as [column, message]. */
function contradiction(v: Row): [string, string] | null {
  const today = chinaToday();
  const outcome = v.outcome as ReviewOutcome | undefined;
  if (v.receivedDate > today) return ['收到日期（receivedDate）', '不能晚于今天'];
  if (v.acceptedDate && v.acceptedDate < v.receivedDate) return ['受理日期（acceptedDate）', '不能早于收到日期'];
  if (v.closedDate && v.closedDate < (v.acceptedDate ?? v.receivedDate)) return ['结案日期（closedDate）', v.acceptedDate ? '不能早于受理日期' : '不能早于收到日期'];
  if ((v.acceptedDate && v.acceptedDate > today) || (v.closedDate && v.closedDate > today)) return ['结案日期（closedDate）', '不能晚于今天'];
  if (outcome && !v.closedDate) return ['结案日期（closedDate）', '有结果的案件必须填写结案日期'];
  if (v.closedDate && !outcome) return ['结果（outcome）', '已结案的案件必须填写结果'];
  if (outcome === 'not_accepted' && v.acceptedDate) return ['结果（outcome）', '已受理的案件不能是“不予受理”'];
  if (outcome && outcome in DECISIONS && !v.acceptedDate) return ['受理日期（acceptedDate）', '作出复议决定的案件必须已受理'];
  if (v.acceptedDate && !v.procedure) return ['审理程序（procedure）', '已受理的案件必须填写审理程序'];
  if (!v.acceptedDate && v.procedure) return ['审理程序（procedure）', '未受理的案件不能填写审理程序'];
  if (v.extended && !v.acceptedDate) return ['是否延期（extended）', '未受理的案件不能延期'];
  if (v.extended && v.procedure === 'simple') return ['是否延期（extended）', '简易程序不能延期'];
  return null;
}

/**
 * The workflow steps a row describes, on its own dates: 受理 (with the procedure), then 复议决定 or
 * 终止; or 不予受理; or 终止 before acceptance.
 */
function stepsOf(v: Row): ImportStep[] {
  const outcome = v.outcome as ReviewOutcome | undefined;
  if (outcome === 'not_accepted') return [{ status: 'not_accepted', transition: 'reject', date: v.closedDate!, note: '批量导入：不予受理' }];
  const steps: ImportStep[] = v.acceptedDate ? [{ status: 'accepted', transition: 'accept', date: v.acceptedDate, values: { procedure: v.procedure } }] : [];
  if (outcome && outcome in DECISIONS) steps.push({ status: 'decided', transition: 'decide', date: v.closedDate!, values: { outcome } });
  if (outcome && outcome in TERMINATIONS) steps.push({ status: 'terminated', transition: 'terminate', date: v.closedDate!, values: { outcome } });
  return steps;
}

/** The approved extension of the decision clock (the clock's own command), then the row's steps. */
async function advance(v: Row, id: string, run: RefImportRun): Promise<void> {
  const steps = stepsOf(v);
  const accepted = steps.findIndex((s) => s.transition === 'accept') + 1;
  if (v.extended) {
    const status = (await run.tx.selectFrom('review_cases').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    if (stepReached(status, steps) < accepted) await advanceTo(run, REVIEW_WORKFLOW, id, steps, accepted, '受理日期（acceptedDate）');
    await extendApproved(run, REVIEW_RECORD_TYPE, id, 'decide');
  }
  await advanceTo(run, REVIEW_WORKFLOW, id, steps, steps.length, '结果（outcome）');
}

export const reviewCasesImport = refImport<Row>({
  type: 'review_cases',
  title: '行政复议案件',
  permission: 'review.manage',
  fields: [
    ...importFields(REVIEW_CASE, '示复〔2025〕3号').map((f) => (f.name === 'ref' ? { ...f, note: '案件唯一编号（如复议案号），本单位内唯一；再次导入同一编号时更新' } : f)),
    // Not a column: the decision clock's approved extension, made through the clock's own command.
    { name: 'extended', label: '是否延期', required: false, note: 'true/false 或 是/否（经批准延长30日）', example: '否' },
  ],
  row,
  table: 'review_cases',
  columns: { unitId: '复议机关编码（unitCode）', applicantName: '申请人（applicant）', procedure: '审理程序（procedure）', date: '结案日期（closedDate）' },
  unitOf: (v, run) => run.unit(v.unitCode, '复议机关编码（unitCode）'),
  check,
  create: (v, unitId, run) => createCase(run.tx, run.platform, run.actor, run.actor.scope, { ...caseInput(v), unitId, applicantKind: 'person', ref: v.ref }),
  update: (v, existing, run) => correctCase(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, caseInput(v)),
  then: advance,
});

/** The intake fields a row carries (its workflow columns are steps, not input). */
const caseInput = (v: Row) => importInput(REVIEW_CASE, v) as Pick<RecordInput<typeof REVIEW_CASE>, 'applicantName' | 'respondent' | 'act' | 'receivedDate' | 'channel'>;

function check(v: Row, run: RefImportRun): void {
  const problem = contradiction(v);
  if (problem) refuseRow(...problem);
  if (v.extended) run.require('clock.extend', '是否延期（extended）', '批准延期');
}
