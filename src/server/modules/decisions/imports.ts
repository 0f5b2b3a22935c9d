// Import types of major decisions (issue 14's contract): `decision_catalog_items`, `decisions` (a
// decision's history: its procedure dates, the comments received as a count, not-applicable
// procedures, the decision and post-evaluation dates) and `decision_events`. Rows go through the
// module's commands (scope, catalog and unit checks); a decision's history is written as recorded
// facts, the gate's rules checked on the row: 合法性审查 and 集体讨论决定 before any decision date, the
// 30-day comment period, no date after the decision date (the definition's order).
import { z } from '../../../shared/zod.ts';
import { isoDate } from '../../../shared/zod.ts';
import { importFields, importInput, importRow } from '../../kernel/imports/from-record.ts';
import { refCell } from '../../kernel/imports/rows.ts';
import { refImport, refuseRow, type RefImportRun } from '../../kernel/imports/by-ref.ts';
import { enumFromLabels } from '../../../shared/schemas/org.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { updateVersioned } from '../../kernel/db/versioned.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { CATALOG_ITEM, DECISION, DECISION_RECORD_TYPE, EVENT_KINDS, type CatalogItemInput } from '../../../shared/schemas/decisions.ts';
import { addEvent, checkCommentPeriod, createCatalogItem, createDecision, recordCommentCount, updateCatalogItem } from './decisions.ts';

// ---- decision_catalog_items -------------------------------------------------------------------

const catalogRow = importRow(CATALOG_ITEM);
type CatalogRow = z.infer<typeof catalogRow>;

export const catalogImport = refImport<CatalogRow>({
  type: 'decision_catalog_items',
  title: '重大行政决策事项目录',
  permission: 'decision.catalog',
  fields: importFields(CATALOG_ITEM, 'ML-2026-01'),
  row: catalogRow,
  table: 'decision_catalog_items',
  columns: { unitId: '承办单位编码（ownerUnitCode）', addedReason: '党委同意日期（consentDate）' },
  unitOf: (v, run) => run.unit(v.ownerUnitCode, '承办单位编码（ownerUnitCode）'),
  check: (v) => {
    if (v.year < 2000 || v.year > 2100) refuseRow('目录年度（year）', '应为 2000—2100 之间的年份');
    if (v.plannedDate && Number(v.plannedDate.slice(0, 4)) < v.year) refuseRow('计划完成时间（plannedDate）', `不能早于目录年度（${v.year}）`);
  },
  // Imported lines are the catalog as consented: each names its own consent date, so no 增补理由 is asked.
  create: (v, unitId, run) => createCatalogItem(run.tx, run.platform, run.actor, run.actor.scope, { ...(importInput(CATALOG_ITEM, v) as CatalogItemInput), unitId, addedReason: v.consentDate ? undefined : '批量导入', ref: v.ref }),
  update: (v, existing, run) => updateCatalogItem(run.tx, run.platform, run.actor, run.actor.scope, existing.id, existing.version!, { ...(importInput(CATALOG_ITEM, v) as CatalogItemInput), unitId: existing.unit_id, addedReason: existing.added_reason ?? (v.consentDate ? undefined : '批量导入'), changeReason: '批量导入更正' }),
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

const COL = {
  commentStart: '征求意见开始日期（commentStart）',
  commentEnd: '征求意见截止日期（commentEnd）',
  commentsReceived: '收到意见（条）（commentsReceived）',
  decided: '决策日期（decidedDate）',
  post: '后评估完成日期（postEvaluationDate）',
  na: '不适用程序（notApplicable）',
};

function checkDecision(v: DecisionRow): void {
  const today = chinaToday();
  const na = new Set(v.notApplicable ?? []);
  const dates: [string | undefined, string][] = [
    [v.commentStart, COL.commentStart],
    [v.hearingDate, '听证会日期（hearingDate）'],
    [v.expertSessionDate, '专家论证日期（expertSessionDate）'],
    [v.riskAssessmentDate, '风险评估日期（riskAssessmentDate）'],
    [v.legalityReviewDate, '合法性审查日期（legalityReviewDate）'],
    [v.deliberationDate, '集体讨论日期（deliberationDate）'],
    [v.decidedDate, COL.decided],
    [v.postEvaluationDate, COL.post],
  ];
  for (const [date, column] of dates) if (date && date > today) refuseRow(column, '不能晚于今天');
  if (!!v.commentStart !== !!v.commentEnd) refuseRow(v.commentStart ? COL.commentEnd : COL.commentStart, '征求意见开始日期和截止日期须同时填写');
  // The comment period's length and the comments received are the module's rules (checkCommentPeriod, recordCommentCount), checked as a live entry is.
  if (na.has('public_participation') && (v.commentStart || v.hearingDate || v.commentsReceived)) refuseRow(COL.na, '公众参与已标注不适用，不能同时填写征求意见或听证会日期');
  if (na.has('expert') && v.expertSessionDate) refuseRow(COL.na, '专家论证已标注不适用，不能同时填写专家论证日期');
  if (na.has('risk') && (v.riskAssessmentDate || v.riskLevel)) refuseRow(COL.na, '风险评估已标注不适用，不能同时填写风险评估日期或等级');
  if (v.riskAssessmentDate && !v.riskLevel) refuseRow('风险等级（riskLevel）', '填写风险评估日期的，须填写风险等级（high/medium/low）');
  if (v.decidedDate) {
    if (!v.legalityReviewDate) refuseRow('合法性审查日期（legalityReviewDate）', '已决策的，须填写合法性审查日期（合法性审查不得省略）');
    if (!v.deliberationDate) refuseRow('集体讨论日期（deliberationDate）', '已决策的，须填写集体讨论日期（集体讨论决定不得省略）');
  }
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
 * The row's history as recorded facts: procedures, the comments received (a count on the decision,
 * through the module's command), the hearing (through the module's event command, allowed without
 * the notice date history lacks), status.
 */
async function writeHistory(v: DecisionRow, id: string, run: RefImportRun): Promise<void> {
  const { tx, actor, platform } = run;
  const d = await tx.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const na = new Set(v.notApplicable ?? []);
  // A history with a period shorter than the rule's has no recorded reason: refused as a live entry would be.
  if (v.commentStart && v.commentEnd) await checkCommentPeriod(platform, tx, v.commentStart, v.commentEnd, d.comment_short_reason);
  const status = v.postEvaluationDate ? 'evaluated' : v.decidedDate ? 'decided' : 'drafting';
  const columns: Record<string, unknown> = {
    pp_na_reason: na.has('public_participation') ? (d.pp_na_reason ?? IMPORTED) : null,
    comment_start: v.commentStart ?? null,
    comment_end: v.commentEnd ?? null,
    expert_na_reason: na.has('expert') ? (d.expert_na_reason ?? IMPORTED) : null,
    expert_date: v.expertSessionDate ?? null,
    risk_na_reason: na.has('risk') ? (d.risk_na_reason ?? IMPORTED) : null,
    risk_date: v.riskAssessmentDate ?? null,
    risk_level: v.riskLevel ?? null,
    legality_date: v.legalityReviewDate ?? null,
    deliberation_date: v.deliberationDate ?? null,
    decided_date: v.decidedDate ?? null,
    post_eval_date: v.postEvaluationDate ?? null,
    status,
  };
  await updateVersioned(tx, 'decisions', id, d.version, columns, actor.id);
  await recordCommentCount(tx, platform, actor, actor.scope, id, v.commentsReceived ?? 0);
  if (v.hearingDate) {
    const held = await tx.selectFrom('decision_events').select('id').where('decision_id', '=', id).where('kind', '=', 'hearing').where('date', '=', v.hearingDate).executeTakeFirst();
    if (!held) await addEvent(tx, platform, actor, actor.scope, id, { kind: 'hearing', date: v.hearingDate, participants: 0, record: '批量导入（公告日期、参加人员见决策档案）' }, { imported: true });
  }
  if (status !== d.status) await addTimeline(tx, actor, { recordType: DECISION_RECORD_TYPE, recordId: id, action: 'import', label: '批量导入决策过程', fromStatus: d.status, toStatus: status });
}

export const decisionsImport = refImport<DecisionRow>({
  type: 'decisions',
  title: '重大行政决策',
  permission: 'decision.manage',
  fields: [
    ...importFields(DECISION, 'JC-2026-01'),
    { name: 'hearingDate', label: '听证会日期', required: false, note: 'YYYY-MM-DD；听证会的参加人数等可用 decision_events 导入', example: '' },
    { name: 'notApplicable', label: '不适用程序', required: false, note: '以分号分隔：public_participation（公众参与）、expert（专家论证）、risk（风险评估）；合法性审查、集体讨论决定不得省略', example: 'expert' },
  ],
  row: decisionRow,
  table: 'decisions',
  columns: { unitId: '承办单位编码（ownerUnitCode）', catalogItemId: '目录事项编号（catalogItemRef）', unlistedReason: '目录事项编号（catalogItemRef）', participants: '听证会日期（hearingDate）', noticeDate: '听证会日期（hearingDate）' },
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

export const decisionEventsImport = refImport<EventRow>({
  type: 'decision_events',
  title: '听证会、专家论证会、征求意见会',
  permission: 'decision.manage',
  fields: [
    { name: 'ref', label: '外部编号', required: true, note: '每场活动唯一；重复导入同一编号即更新', example: 'TZ-2026-01' },
    { name: 'decisionRef', label: '决策编号', required: true, note: '决策的外部编号（decisions 导入的 ref）', example: 'JC-2026-01' },
    { name: 'kind', label: '类别', required: true, note: 'hearing（听证会）、expert（专家论证会）、comment_meeting（座谈会、征求意见会）', example: 'hearing' },
    { name: 'date', label: '举行日期', required: true, note: 'YYYY-MM-DD', example: '2026-03-20' },
    { name: 'participants', label: '参加人数', required: true, note: '整数', example: '25' },
  ],
  row: eventRow,
  table: 'decision_events',
  columns: { date: '举行日期（date）', participants: '参加人数（participants）', noticeDate: '举行日期（date）' },
  unitOf: async (v, run) => (await run.record('decisions', v.decisionRef, '决策编号（decisionRef）', '决策')).unit_id,
  check: (v) => {
    if (v.date > chinaToday()) refuseRow('举行日期（date）', '不能晚于今天（导入的是已举行的活动）');
  },
  // Imported events happened already; their notice date is kept in the archive, not asked here.
  create: async (v, _unitId, run) => {
    const d = await run.record('decisions', v.decisionRef, '决策编号（decisionRef）', '决策');
    return addEvent(run.tx, run.platform, run.actor, run.actor.scope, d.id, { kind: v.kind, date: v.date, participants: v.participants, ref: v.ref }, { imported: true });
  },
  update: async (v, existing, run) => {
    await updateVersioned(run.tx, 'decision_events', existing.id, existing.version!, { kind: v.kind, date: v.date, participants: v.participants }, run.actor.id);
  },
});
