// Import types of major decisions (issue 14's contract): `decision_catalog_items`, `decisions` (a
// decision's history: its procedure dates, the comments received as a count, not-applicable
// procedures, the decision and post-evaluation dates) and `decision_events`. Rows go through the
// module's commands, as the UI's requests do: each procedure through `recordProcedure` (allowed,
// as an import, only the details history lacks), the decision and after through the workflow's
// transitions on the row's dates (the gate naming the missing procedures, the dates' order), the
// comments received through `recordCommentCount`, hearings and meetings through `addEvent` and
// `updateEvent`. The row's own checks are what a row contradicts in itself.
import { z } from '../../../shared/zod.ts';
import { isoDate } from '../../../shared/zod.ts';
import { importFields, importInput, importRow, recordImport } from '../../kernel/imports/from-record.ts';
import { refCell } from '../../kernel/imports/rows.ts';
import { columnOf, parentByRef, refImport, refuseRow, type RefImportRun } from '../../kernel/imports/by-ref.ts';
import { enumFromLabels } from '../../../shared/schemas/org.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { updateVersioned } from '../../kernel/db/versioned.ts';
import { HttpError } from '../../kernel/http/errors.ts';
import { advanceTo, stepReached, type ImportStep } from '../../kernel/imports/by-ref.ts';
import type { WorkflowDef } from '../../../shared/workflow.ts';
import { CATALOG_ITEM, DECISION, DECISION_WORKFLOW, EVENT_KINDS, type Procedure } from '../../../shared/schemas/decisions.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { addEvent, createCatalogItem, createDecision, recordCommentCount, recordProcedure, updateCatalogItem, updateEvent } from './decisions.ts';

// ---- decision_catalog_items -------------------------------------------------------------------

export const catalogImport = recordImport(CATALOG_ITEM, {
  type: 'decision_catalog_items', title: '重大行政决策事项目录', permission: 'decision.catalog', example: 'ML-2026-01',
  columns: { addedReason: '党委同意日期（consentDate）' },
  check: (v) => {
    if (v.year < 2000 || v.year > 2100) refuseRow('目录年度（year）', '应为 2000—2100 之间的年份');
    if (v.plannedDate && Number(v.plannedDate.slice(0, 4)) < v.year) refuseRow('计划完成时间（plannedDate）', `不能早于目录年度（${v.year}）`);
  },
  // Imported lines are the catalog as consented: each names its own consent date, so no 增补理由 is asked.
  create: (v, unitId, run) => createCatalogItem(run.tx, run.platform, run.actor, run.actor.scope, { ...(importInput(CATALOG_ITEM, v) as RecordInput<typeof CATALOG_ITEM>), unitId, addedReason: v.consentDate ? undefined : '批量导入', ref: v.ref }),
  update: (v, existing, run) => updateCatalogItem(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, { ...(importInput(CATALOG_ITEM, v) as RecordInput<typeof CATALOG_ITEM>), unitId: existing.unit_id, addedReason: existing.added_reason ?? (v.consentDate ? undefined : '批量导入'), changeReason: '批量导入更正' }),
});

// ---- decisions --------------------------------------------------------------------------------

const SKIPPABLE_CODES = { public_participation: '公众参与', expert: '专家论证', risk: '风险评估' } as const;
const notApplicableCell = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const codes = v.split(/[;；]/).map((c) => c.trim()).filter(Boolean);
    const bad = codes.filter((c) => !(c in SKIPPABLE_CODES));
    if (bad.length) {
      ctx.addIssue({ code: 'custom', message: `不适用程序（notApplicable）「${bad.join('、')}」无效，可选：public_participation/公众参与、expert/专家论证、risk/风险评估（合法性审查、集体讨论决定不得省略）` });
      return z.NEVER;
    }
    return codes as (keyof typeof SKIPPABLE_CODES)[];
  });

const decisionRow = importRow(DECISION, {
  hearingDate: isoDate('听证会日期（hearingDate）').optional(),
  notApplicable: notApplicableCell.optional(),
});
type DecisionRow = z.infer<typeof decisionRow>;

const DECISION_FIELDS = [
    ...importFields(DECISION, 'JC-2026-01'),
    { name: 'hearingDate', label: '听证会日期', required: false, note: 'YYYY-MM-DD；本表不含听证会参加人数，可再以 decision_events 导入同一天的听证会（kind=hearing）补上，不会重复计场次', example: '' },
    { name: 'notApplicable', label: '不适用程序', required: false, note: '以分号分隔：public_participation（公众参与）、expert（专家论证）、risk（风险评估）；合法性审查、集体讨论决定不得省略', example: 'expert' },
];

const COL = {
  commentStart: '征求意见开始日期（commentStart）',
  commentEnd: '征求意见截止日期（commentEnd）',
  commentsReceived: '收到意见（条）（commentsReceived）',
  decided: '决策日期（decidedDate）',
  post: '后评估完成日期（postEvaluationDate）',
  na: '不适用程序（notApplicable）',
};

/** What a row contradicts in itself; every rule of the procedures and the decision is the module's, applied as the rows are recorded. */
function checkDecision(v: DecisionRow): void {
  const today = chinaToday();
  const na = new Set(v.notApplicable ?? []);
  // History: a comment period or a hearing still to come is not history (the rest is refused by the module's own date rules).
  for (const [date, column] of [[v.commentStart, COL.commentStart], [v.commentEnd, COL.commentEnd], [v.hearingDate, '听证会日期（hearingDate）']] as const) if (date && date > today) refuseRow(column, '不能晚于今天（导入的是已经发生的决策过程）');
  if (na.has('public_participation') && (v.commentStart || v.commentEnd || v.hearingDate || v.commentsReceived)) refuseRow(COL.na, '公众参与已标注不适用，不能同时填写征求意见或听证会日期');
  if (na.has('expert') && v.expertSessionDate) refuseRow(COL.na, '专家论证已标注不适用，不能同时填写专家论证日期');
  if (na.has('risk') && (v.riskAssessmentDate || v.riskLevel)) refuseRow(COL.na, '风险评估已标注不适用，不能同时填写风险评估日期或等级');
  if (v.postEvaluationDate && !v.decidedDate) refuseRow(COL.post, '未作出决策的，不能填写后评估完成日期');
}

async function decisionYear(v: DecisionRow, run: RefImportRun): Promise<{ catalogItemId: string | null; year: number }> {
  if (v.catalogItemRef) {
    const item = await run.record('decision_catalog_items', v.catalogItemRef, '目录事项编号（catalogItemRef）', '目录事项');
    const { year } = await run.tx.selectFrom('decision_catalog_items').select('year').where('id', '=', item.id).executeTakeFirstOrThrow();
    return { catalogItemId: item.id, year: Number(year) };
  }
  const first = [v.commentStart, v.expertSessionDate, v.riskAssessmentDate, v.legalityReviewDate, v.deliberationDate, v.decidedDate].filter(Boolean).sort()[0];
  return { catalogItemId: null, year: Number((first ?? chinaToday()).slice(0, 4)) };
}

const IMPORTED = '批量导入：标注不适用';

/**
 * The workflow as an import walks it: the same states, roles, gate, dates' order, clocks and checks
 * after it, with two allowances history needs. A post-evaluated decision was published, but history
 * names neither the day nor the medium (公布日期 stays empty); the evaluation's trigger, evaluator,
 * conclusion and report are in the archive, not in the contract.
 */
const IMPORT_WORKFLOW: WorkflowDef = {
  ...DECISION_WORKFLOW,
  transitions: DECISION_WORKFLOW.transitions.map((t) => (t.key === 'publish' ? { ...t, input: t.input!.partial(), dateColumn: undefined } : t.key === 'evaluate' ? { ...t, input: t.input!.partial() } : t)),
};

/** A module command's refusal on the row's column: its field's column, or `column` when it names none of the file's (a conflict, a transition's date). */
async function on<T>(column: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    const first = (error.errors?.[0] ?? {}) as { field?: string; message?: string };
    return refuseRow(FIELD_COLUMNS[first.field ?? ''] ?? column, first.message ?? error.detail);
  }
}

/** Fields the module's commands name → the file's columns (the API's post-evaluation date is the file's postEvaluationDate). */
const FIELD_COLUMNS: Record<string, string> = {
  ...Object.fromEntries(DECISION_FIELDS.map((f) => [f.name, columnOf(DECISION_FIELDS, f.name)])),
  postEvalDate: COL.post,
};

/** A row's procedures: what each records (its dates, or not applicable), the columns it is read from, and what is recorded now to compare. */
function proceduresOf(v: DecisionRow): { procedure: Procedure; column: string; body: Record<string, unknown> | null; same: (d: Record<string, unknown>) => boolean }[] {
  const na = new Set(v.notApplicable ?? []);
  const skippable = (p: 'public_participation' | 'expert' | 'risk', naColumn: string, column: string, facts: Record<string, unknown> | null, same: (d: Record<string, unknown>) => boolean) => ({
    procedure: p as Procedure,
    column,
    body: na.has(p) ? { notApplicable: IMPORTED } : facts,
    same: (d: Record<string, unknown>) => (na.has(p) ? !!d[naColumn] : !d[naColumn] && same(d)),
  });
  const given = (o: Record<string, unknown>) => (Object.values(o).some((x) => x !== undefined && x !== null && x !== '') ? o : null);
  return [
    skippable('public_participation', 'pp_na_reason', COL.commentStart, given({ commentStart: v.commentStart, commentEnd: v.commentEnd }), (d) => d.comment_start === (v.commentStart ?? null) && d.comment_end === (v.commentEnd ?? null)),
    skippable('expert', 'expert_na_reason', FIELD_COLUMNS.expertSessionDate!, given({ expertSessionDate: v.expertSessionDate }), (d) => d.expert_date === (v.expertSessionDate ?? null)),
    skippable('risk', 'risk_na_reason', FIELD_COLUMNS.riskAssessmentDate!, given({ riskAssessmentDate: v.riskAssessmentDate, riskLevel: v.riskLevel }), (d) => d.risk_date === (v.riskAssessmentDate ?? null) && d.risk_level === (v.riskLevel ?? null)),
    { procedure: 'legality', column: FIELD_COLUMNS.legalityReviewDate!, body: given({ legalityReviewDate: v.legalityReviewDate }), same: (d) => d.legality_date === (v.legalityReviewDate ?? null) },
    { procedure: 'deliberation', column: FIELD_COLUMNS.deliberationDate!, body: given({ deliberationDate: v.deliberationDate }), same: (d) => d.deliberation_date === (v.deliberationDate ?? null) },
  ];
}

const version = async (run: RefImportRun, id: string) => (await run.tx.selectFrom('decisions').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

/**
 * The row's history, recorded as the UI records it: each procedure the row gives (unless recorded
 * so already) through `recordProcedure` as an import; the comments received as a count; the hearing
 * as an event; then the decision, its publication and post-evaluation through the workflow's
 * transitions on the row's dates. A procedure the row leaves empty is not cleared (what was
 * recorded in the system stays); a decided decision's procedures are not changed, nor its state taken back.
 */
async function writeHistory(v: DecisionRow, id: string, run: RefImportRun): Promise<void> {
  const { tx, actor, platform } = run;
  const scope = actor.scope;
  for (const p of proceduresOf(v)) {
    if (!p.body) continue;
    const d = (await tx.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as unknown as Record<string, unknown>;
    if (p.same(d)) continue;
    await on(p.column, async () => recordProcedure(tx, platform, actor, scope, id, p.procedure, { version: await version(run, id), ...p.body }, { imported: true }));
  }
  await on(COL.commentsReceived, () => recordCommentCount(tx, platform, actor, scope, id, v.commentsReceived ?? 0));
  if (v.hearingDate) {
    const held = await tx.selectFrom('decision_events').select('id').where('decision_id', '=', id).where('kind', '=', 'hearing').where('date', '=', v.hearingDate).executeTakeFirst();
    // The decisions row gives the day only; the number of participants comes with a decision_events row of the hearing.
    if (!held) await on('听证会日期（hearingDate）', () => addEvent(tx, platform, actor, scope, id, { kind: 'hearing', date: v.hearingDate!, participants: 0, record: '批量导入（公告日期、参加人员见决策档案）' }, { imported: true }));
  }
  const steps: ImportStep[] = [
    { status: 'decided', transition: 'decide', date: v.decidedDate ?? '', note: '批量导入' },
    // No date: the day of publication is not in the contract (the import's workflow leaves 公布日期 empty).
    { status: 'implementing', transition: 'publish', date: undefined as unknown as string, note: '批量导入：历史记录未载明公布日期和载体（见决策档案）' },
    { status: 'evaluated', transition: 'evaluate', date: v.postEvaluationDate ?? '', note: '批量导入：评估启动情形、评估机构、结论和报告见决策档案' },
  ];
  const wanted = v.postEvaluationDate ? 3 : v.decidedDate ? 1 : 0;
  const { status, decided_date: decided, post_eval_date: evaluated } = await tx.selectFrom('decisions').select(['status', 'decided_date', 'post_eval_date']).where('id', '=', id).executeTakeFirstOrThrow();
  const reached = stepReached(status, steps);
  if (wanted < reached) refuseRow(v.decidedDate ? COL.post : COL.decided, `该决策当前为「${DECISION_WORKFLOW.states[status]?.label ?? status}」，导入不能改回更早的状态`);
  // A step taken keeps its date: the workflow does not take a decision twice.
  if (decided && v.decidedDate && v.decidedDate !== decided) refuseRow(COL.decided, `该决策已于 ${decided} 作出，导入不能更改决策日期`);
  if (evaluated && v.postEvaluationDate && v.postEvaluationDate !== evaluated) refuseRow(COL.post, `该决策已于 ${evaluated} 完成后评估，导入不能更改后评估完成日期`);
  // Each transition's refusal on the column of its date: the decision's, then the post-evaluation's.
  if (wanted >= 1 && reached < 1) await on(COL.decided, () => advanceTo(run, IMPORT_WORKFLOW, id, steps, 1, COL.decided));
  if (wanted > 1) await on(COL.post, () => advanceTo(run, IMPORT_WORKFLOW, id, steps, wanted, COL.post));
}

export const decisionsImport = refImport<DecisionRow>({
  type: 'decisions',
  title: '重大行政决策',
  permission: 'decision.manage',
  fields: DECISION_FIELDS,
  row: decisionRow,
  table: 'decisions',
  columns: { unitId: '承办单位编码（ownerUnitCode）', catalogItemId: '目录事项编号（catalogItemRef）', unlistedReason: '目录事项编号（catalogItemRef）', participants: '听证会日期（hearingDate）', noticeDate: '听证会日期（hearingDate）', ...FIELD_COLUMNS },
  unitOf: (v, run) => run.unit(v.ownerUnitCode, '承办单位编码（ownerUnitCode）'),
  check: checkDecision,
  create: async (v, unitId, run) => {
    const { catalogItemId, year } = await decisionYear(v, run);
    return createDecision(run.tx, run.platform, run.actor, run.actor.scope, { title: v.title, unitId, year, catalogItemId, unlistedReason: catalogItemId ? undefined : '批量导入：未列入年度目录', ref: v.ref });
  },
  update: async (v, existing, run) => {
    if (existing.status === 'implementing' || existing.status === 'terminated') refuseRow('外部编号（ref）', '该决策已在系统中公布或终止，不能再以导入修改');
    await updateVersioned(run.tx, 'decisions', existing.id, existing.version!, { title: v.title }, run.actor.id);
  },
  then: writeHistory,
});

// ---- decision_events --------------------------------------------------------------------------

const eventRow = z.object({
  ref: refCell(),
  decisionRef: refCell('决策编号（decisionRef）'),
  kind: enumFromLabels(EVENT_KINDS, '类别（kind）'),
  date: isoDate('举行日期（date）'),
  participants: z.coerce.number({ error: '参加人数（participants）应为整数' }).int({ error: '参加人数（participants）应为整数' }).min(0, { error: '参加人数（participants）不能为负数' }),
});
type EventRow = z.infer<typeof eventRow>;
const eventDecision = parentByRef('decisions', (v: EventRow) => v.decisionRef, '决策编号（decisionRef）', '决策');

export const decisionEventsImport = refImport<EventRow>({
  type: 'decision_events',
  title: '听证会、专家论证会、征求意见会',
  permission: 'decision.manage',
  fields: [
    { name: 'ref', label: '外部编号', required: true, note: '每场活动唯一；重复导入同一编号即更新', example: 'TZ-2026-01' },
    { name: 'decisionRef', label: '决策编号', required: true, note: '决策的外部编号（decisions 导入的 ref）', example: 'JC-2026-01' },
    { name: 'kind', label: '类别', required: true, note: 'hearing（听证会）、expert（专家论证会）、comment_meeting（座谈会、征求意见会）', example: 'hearing' },
    { name: 'date', label: '举行日期', required: true, note: 'YYYY-MM-DD', example: '2026-03-20' },
    { name: 'participants', label: '参加人数', required: true, note: '整数；decisions 导入中已填听证会日期的，同一天的听证会即为该场，补上参加人数', example: '25' },
  ],
  row: eventRow,
  table: 'decision_events',
  columns: { date: '举行日期（date）', participants: '参加人数（participants）', noticeDate: '举行日期（date）' },
  unitOf: eventDecision.unitOf,
  check: (v) => {
    if (v.date > chinaToday()) refuseRow('举行日期（date）', '不能晚于今天（导入的是已举行的活动）');
  },
  // Imported events happened already; their notice date is kept in the archive, not asked here. A
  // hearing a decisions row recorded on this day (no ref, its participants unknown) is this row's
  // hearing: it takes the row's ref and participants rather than being counted twice.
  create: async (v, _unitId, run) => {
    const d = await eventDecision.find(v, run);
    const input = { kind: v.kind, date: v.date, participants: v.participants, ref: v.ref };
    const fromRow = await run.tx.selectFrom('decision_events').select(['id', 'version']).where('decision_id', '=', d.id).where('kind', '=', v.kind).where('date', '=', v.date).where('ref', 'is', null).where('notice_date', 'is', null).where('participants', '=', 0).executeTakeFirst();
    if (v.kind === 'hearing' && fromRow) {
      await updateEvent(run.tx, run.platform, run.actor, run.actor.scope, fromRow.id, fromRow.version, input, { imported: true });
      return fromRow.id;
    }
    return addEvent(run.tx, run.platform, run.actor, run.actor.scope, d.id, input, { imported: true });
  },
  update: async (v, existing, run) => {
    await eventDecision.kept(v, run, existing.decision_id, '已导入的活动不能改属另一项决策');
    await updateEvent(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, { kind: v.kind, date: v.date, participants: v.participants }, { imported: true });
  },
});
