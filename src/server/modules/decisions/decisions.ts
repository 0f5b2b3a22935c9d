// 重大行政决策: the yearly catalog, the decision with its five procedures (each recorded, or not
// applicable with a reason where the 条例 allows it), the public's comments (from the portal or
// entered by staff) each answered, the consultation events, implementation reports. The gate to
// 已决策 is the workflow's `decide` check (shared/schemas/decisions.ts); the date order of the
// procedures and the decision is the definition's `notBefore`.
import './tables.ts';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { assertInScope, inScope, type DataScope } from '../../kernel/auth/scope.ts';
import { conflict, fieldError, HttpError, notFound } from '../../kernel/http/errors.ts';
import { parseWith } from '../../kernel/http/route.ts';
import type { z } from '../../../shared/zod.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { encryptText } from '../../kernel/crypto/keys.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import { maskedSealed, statusOf } from '../../kernel/records/read.ts';
import { chinaToday, fromDayNumber, toDayNumber } from '../../kernel/calendar/days.ts';
import { computeDeadline } from '../../kernel/calendar/deadline.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { changeClock, clocksOf, clocksWithLights, startClock } from '../../kernel/workflow/clocks.ts';
import type { DeadlineRuleSeed } from '../../kernel/calendar/default-rules.ts';
import { dateOrderProblem, type RecordInput } from '../../../shared/records.ts';
import {
  CATALOG_ITEM,
  CATALOG_RECORD_TYPE,
  CATALOG_WORKFLOW,
  COMMENT,
  COMMENT_RECORD_TYPE,
  EVENT_RECORD_TYPE,
  COMMENT_WORKFLOW,
  DECISION,
  DECISION_RECORD_TYPE,
  DECISION_WORKFLOW,
  EVENT_KINDS,
  PROCEDURES,
  PROCEDURE_RECORD_TYPE,
  SKIPPABLE,
  evidenceRequired,
  importedProcedures,
  missingEvidenceMessage,
  missingProcedures,
  procedureDone,
  procedureInputs,
  procedureRecordId,
  type CatalogItemView,
  type CatalogListQuery,
  type CommentListQuery,
  type CommentView,
  type DecisionDetail,
  type DecisionInput,
  type DecisionListQuery,
  type DecisionView,
  type EventInput,
  type EventView,
  type EvidenceFile,
  type Procedure,
  type ProcedureView,
} from '../../../shared/schemas/decisions.ts';
import type { CatalogItemTable, DecisionCommentTable, DecisionEventTable, DecisionTable } from './tables.ts';
import { moveBelongings } from '../../kernel/workflow/move.ts';

export const DECISION_RULES: readonly DeadlineRuleSeed[] = [
  { code: 'decision.public_comment', name: '重大行政决策公开征求意见', period: 30, unit: 'calendar_days', minimum: true, citation: '《重大行政决策程序暂行条例》第十五条', note: '征求意见期限一般不少于30日；因情况紧急等原因需要缩短的，应当予以说明。' },
  { code: 'decision.legality_review', name: '重大行政决策合法性审查', period: 7, unit: 'working_days', minimum: true, citation: '《重大行政决策程序暂行条例》第二十五条、第二十六条', note: '保证合法性审查机构的审查时间一般不少于7个工作日。' },
];

/** Days a hearing's notice must precede it (条例 art. 17). */
export const HEARING_NOTICE_DAYS = 7;

const today = () => chinaToday();

// ---- Catalog ----------------------------------------------------------------------------------

async function unitIn(tx: Executor, scope: DataScope, unitId: string, field: string, label: string) {
  const unit = await tx.selectFrom('org_units').select(['id', 'active']).where('id', '=', unitId).executeTakeFirst();
  if (!unit || !inScope(scope, unit.id)) throw fieldError(field, label, '不存在或无权访问');
  if (!unit.active) throw fieldError(field, label, '已停用');
  return unit.id;
}

/**
 * An item of a year's catalog. Once the year's catalog has been published (an item consented
 * earlier), an item added later needs its reason (目录调整).
 */
export async function createCatalogItem(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof CATALOG_ITEM> & { ref?: string | null }): Promise<string> {
  await unitIn(tx, scope, input.unitId, 'unitId', '承办单位');
  await requireAddedReason(tx, input);
  const row = { id: newId(), ref: input.ref ?? null, ...recordRow<CatalogItemTable>(CATALOG_ITEM, input), status: 'listed', ...newStamps(actor.id) } as CatalogItemTable;
  await tx.insertInto('decision_catalog_items').values(row).execute();
  await addTimeline(tx, actor, { recordType: CATALOG_RECORD_TYPE, recordId: row.id, action: 'create', label: input.addedReason ? '增补列入目录' : '列入目录', toStatus: 'listed', note: input.addedReason ?? null });
  await platform.audit.record(tx, actor, { action: 'decision.catalog_create', targetType: CATALOG_RECORD_TYPE, targetId: row.id, detail: { year: input.year } });
  return row.id;
}

async function requireAddedReason(tx: Executor, input: Pick<RecordInput<typeof CATALOG_ITEM>, 'year' | 'consentDate' | 'addedReason'>, except?: string) {
  if (input.addedReason) return;
  let q = tx.selectFrom('decision_catalog_items').select('consent_date').where('year', '=', input.year).where('consent_date', 'is not', null).where('consent_date', '<=', today());
  if (input.consentDate) q = q.where('consent_date', '<', input.consentDate);
  if (except) q = q.where('id', '!=', except);
  const published = await q.orderBy('consent_date').executeTakeFirst();
  if (published) throw fieldError('addedReason', '增补理由', `必填：${input.year}年度目录已于 ${published.consent_date} 公布，增补事项须说明理由`);
}

/**
 * 更正 of a catalog item. Once the item is published (consented on or before today), a change needs
 * its reason; each change keeps what it replaced, with the reason, on the item's timeline (the
 * catalog's versions during the year).
 */
export async function updateCatalogItem(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, input: RecordInput<typeof CATALOG_ITEM> & { changeReason?: string | null }): Promise<void> {
  const item = await tx.selectFrom('decision_catalog_items').selectAll().where('id', '=', id).executeTakeFirst();
  if (!item || !inScope(scope, item.unit_id)) throw notFound('目录事项');
  if (item.status !== 'listed') throw conflict('已调出目录的事项不能修改');
  const { changeReason, ...fields } = input;
  await unitIn(tx, scope, fields.unitId, 'unitId', '承办单位');
  await requireAddedReason(tx, fields, id);
  // The catalog's versions: what each change replaced, on the item's timeline.
  const before = item as unknown as Record<string, unknown>;
  const after = recordRow(CATALOG_ITEM, fields) as Record<string, unknown>;
  const changes = (['title', 'unitId', 'plannedDate', 'consentDate', 'year', 'addedReason'] as const)
    .map((name) => [CATALOG_ITEM.fields[name], name] as const)
    .filter(([spec]) => spec.column in after && String(after[spec.column] ?? '') !== String(before[spec.column] ?? ''))
    .map(([spec, name]) => (name === 'unitId' ? `${spec.label}已变更` : `${spec.label}：${before[spec.column] ?? '—'} → ${after[spec.column] ?? '—'}`));
  const published = !!item.consent_date && item.consent_date <= today();
  if (changes.length && published && !changeReason?.trim()) throw fieldError('changeReason', '更正理由', `必填：该事项已于 ${item.consent_date} 随目录公布，更正须说明理由`);
  await updateVersioned(tx, 'decision_catalog_items', id, version, after, actor.id);
  const moved = await tx.selectFrom('decisions').select('id').where('catalog_item_id', '=', id).where('status', '=', 'drafting').where('unit_id', '!=', fields.unitId).execute();
  if (moved.length) {
    const ids = moved.map((m) => m.id);
    await tx.updateTable('decisions').set({ unit_id: fields.unitId }).where('id', 'in', ids).execute();
    // Its procedures, public comments, participation events and reports follow, with what each keeps
    // beside it (evidence, clocks): the new unit answers the comments its summary needs.
    const children = { decision_procedures: PROCEDURE_RECORD_TYPE, decision_comments: COMMENT_RECORD_TYPE, decision_events: EVENT_RECORD_TYPE, decision_reports: null } as const;
    for (const [table, recordType] of Object.entries(children)) {
      const rows = await tx.selectFrom(table as keyof typeof children).select('id').where('decision_id', 'in', ids).execute();
      if (!rows.length) continue;
      await tx.updateTable(table as keyof typeof children).set({ unit_id: fields.unitId }).where('decision_id', 'in', ids).execute();
      if (recordType) await moveBelongings(tx, recordType, rows.map((r) => r.id), fields.unitId);
    }
    await moveBelongings(tx, DECISION_RECORD_TYPE, ids, fields.unitId);
  }
  if (!changes.length) return;
  const note = [changes.join('；'), changeReason?.trim() ? `理由：${changeReason.trim()}` : null].filter(Boolean).join('。');
  await addTimeline(tx, actor, { recordType: CATALOG_RECORD_TYPE, recordId: id, action: 'update', label: published ? '更正目录事项' : '修改目录事项', note });
  await platform.audit.record(tx, actor, { action: 'decision.catalog_update', targetType: CATALOG_RECORD_TYPE, targetId: id, detail: { changes, reason: changeReason ?? null } });
}

const catalogQuery = (db: Executor) =>
  db
    .selectFrom('decision_catalog_items as c')
    .innerJoin('org_units as u', 'u.id', 'c.unit_id')
    .selectAll('c')
    .select('u.name as unit_name')
    .select((eb) => eb.selectFrom('decisions as d').select('d.id').whereRef('d.catalog_item_id', '=', 'c.id').limit(1).as('decision_id'));
type CatalogRow = CatalogItemTable & { unit_name: string; decision_id: string | null };

const catalogView = (r: CatalogRow): CatalogItemView => ({
  ...recordView(CATALOG_ITEM, r),
  ...statusOf(CATALOG_WORKFLOW, r.status),
  unitName: r.unit_name,
  published: !!r.consent_date && r.consent_date <= today(),
  decisionId: r.decision_id ?? null,
});

const catalog = recordReader<CatalogRow, CatalogItemView, CatalogListQuery>({ def: CATALOG_ITEM, what: '目录事项', alias: 'c', query: catalogQuery, status: true, defaultSort: { field: 'year', order: 'desc' }, views: (_platform, rows) => rows.map(catalogView) });

export const listCatalog = catalog.list;
export const getCatalogItem = catalog.get;

// ---- Decisions --------------------------------------------------------------------------------

export async function createDecision(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: DecisionInput & { ref?: string | null }): Promise<string> {
  await unitIn(tx, scope, input.unitId, 'unitId', '承办单位');
  let year = input.year;
  if (input.catalogItemId) {
    const item = await tx.selectFrom('decision_catalog_items').select(['id', 'unit_id', 'status', 'year']).where('id', '=', input.catalogItemId).executeTakeFirst();
    if (!item || !inScope(scope, item.unit_id)) throw fieldError('catalogItemId', '目录事项', '不存在或无权访问');
    if (item.status !== 'listed') throw fieldError('catalogItemId', '目录事项', '已调出目录');
    if (item.unit_id !== input.unitId) throw fieldError('catalogItemId', '目录事项', '的承办单位与决策的承办单位不一致');
    const taken = await tx.selectFrom('decisions').select('title').where('catalog_item_id', '=', item.id).executeTakeFirst();
    if (taken) throw fieldError('catalogItemId', '目录事项', `已有决策「${taken.title}」`);
    year = item.year;
  } else if (!input.unlistedReason) {
    throw fieldError('unlistedReason', '未列入目录的理由', '必填：未选择目录事项的决策须说明未列入目录的理由');
  }
  const row = {
    id: newId(),
    ref: input.ref ?? null,
    ...recordRow<DecisionTable>(DECISION, { ...input, year }),
    status: 'drafting',
    comments_received: 0,
    imported_comments: 0,
    open_comments: 0,
    ...newStamps(actor.id),
  } as DecisionTable;
  await tx.insertInto('decisions').values(row).execute();
  // Each procedure as a record of its own, in the decision's unit: what its evidence files are attached to.
  await tx
    .insertInto('decision_procedures')
    .values((Object.keys(PROCEDURES) as Procedure[]).map((p) => ({ id: procedureRecordId(row.id, p), ref: null, unit_id: row.unit_id, decision_id: row.id, procedure: p, title: PROCEDURES[p], status: 'kept', ...newStamps(actor.id) })))
    .execute();
  await addTimeline(tx, actor, { recordType: DECISION_RECORD_TYPE, recordId: row.id, action: 'create', label: '登记拟决策事项', toStatus: 'drafting' });
  await platform.audit.record(tx, actor, { action: 'decision.create', targetType: DECISION_RECORD_TYPE, targetId: row.id, detail: { year } });
  return row.id;
}

async function loadDecision(tx: Executor, scope: DataScope, id: string): Promise<DecisionTable> {
  const d = await tx.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d || !inScope(scope, d.unit_id)) throw notFound('重大行政决策');
  return d;
}

const columnsOf = (values: Record<string, unknown>) => {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const spec = DECISION.fields[name as keyof typeof DECISION.fields];
    if (spec) out[spec.column] = value ?? null;
  }
  return out;
};

/** Every column of a procedure (cleared when it is marked not applicable, or re-recorded). */
const PROCEDURE_FIELDS: Record<Procedure, string[]> = {
  public_participation: ['ppNaReason', 'draftText', 'commentStart', 'commentEnd', 'commentShortReason'],
  expert: ['expertNaReason', 'expertSessionDate', 'experts', 'expertOpinion'],
  risk: ['riskNaReason', 'riskAssessmentDate', 'riskLevel', 'riskAssessor', 'riskReport', 'riskMeasures'],
  legality: ['legalitySubmittedDate', 'legalityDueDate', 'legalityReviewerKind', 'legalityReviewer', 'legalityReviewDate', 'legalityConclusion', 'legalityOpinion'],
  deliberation: ['meeting', 'meetingName', 'deliberationDate', 'minutes', 'dissent'],
};
const NA_FIELD: Partial<Record<Procedure, string>> = { public_participation: 'ppNaReason', expert: 'expertNaReason', risk: 'riskNaReason' };

const required = (value: Record<string, unknown>, fields: [string, string][]) => {
  for (const [name, label] of fields) if (value[name] === undefined || value[name] === null || value[name] === '') throw fieldError(name, label, '必填');
};
const notFuture = (value: Record<string, unknown>, fields: [string, string][]) => {
  for (const [name, label] of fields) if (typeof value[name] === 'string' && (value[name] as string) > today()) throw fieldError(name, label, '不能晚于今天');
};

/**
 * What an import may leave out of a procedure: history names the procedure's dates (and the risk
 * level), not the details a live entry asks for (the draft, experts, assessor, reviewer, opinions,
 * the meeting and its minutes); these are in the decision's archive. Every other rule holds: the
 * dates required, none in the future, their order, the comment period, what may be not applicable.
 */
const importedInputs = Object.fromEntries(
  (Object.keys(procedureInputs) as Procedure[]).map((p) => [p, (procedureInputs[p] as z.ZodObject).partial().required({ version: true } as never)]),
) as Record<Procedure, z.ZodObject>;

/** The dates an imported procedure must still give. */
const IMPORTED_REQUIRED: Record<Procedure, [string, string][]> = {
  public_participation: [['commentStart', '征求意见开始日期'], ['commentEnd', '征求意见截止日期']],
  expert: [['expertSessionDate', '专家论证日期']],
  risk: [['riskAssessmentDate', '风险评估日期'], ['riskLevel', '风险等级']],
  legality: [['legalityReviewDate', '审查意见日期']],
  deliberation: [['deliberationDate', '集体讨论日期']],
};

export interface ProcedureOptions {
  /** Recorded from an import of the decision's history: the details a live entry asks for may be missing (see importedInputs). */
  imported?: boolean;
}

/**
 * Records one procedure (its facts, or not applicable with a reason where the 条例 allows it), while
 * the decision is being prepared; the date order of the whole decision is checked on the result. An
 * import records history through here too, allowed only the details history lacks (`imported`).
 */
export async function recordProcedure(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, procedure: Procedure, body: unknown, options: ProcedureOptions = {}): Promise<void> {
  const d = await loadDecision(tx, scope, id);
  const raw = (body ?? {}) as Record<string, unknown>;
  if (raw.notApplicable !== undefined && !SKIPPABLE.includes(procedure)) {
    throw fieldError('notApplicable', '不适用理由', `${PROCEDURES[procedure]}是重大行政决策的法定程序，不得标注为不适用（条例第二十五条、第三十条）`);
  }
  const schema = options.imported ? importedInputs[procedure] : procedureInputs[procedure];
  const input = parseWith(schema as any, body, 'body') as Record<string, unknown> & { version: number; notApplicable?: string };
  if (d.status !== 'drafting') throw conflict(`决策当前状态为「${DECISION_WORKFLOW.states[d.status]?.label ?? d.status}」，不能再修改决策程序`);
  const { version, notApplicable, ...facts } = input;
  const values: Record<string, unknown> = Object.fromEntries(PROCEDURE_FIELDS[procedure].map((f) => [f, null]));
  if (notApplicable) {
    if (procedure === 'public_participation' && d.comments_received > 0) throw conflict(`已收到 ${d.comments_received} 条公众意见，不能将公众参与标注为不适用`);
    values[NA_FIELD[procedure]!] = notApplicable;
  } else {
    Object.assign(values, facts);
    await checkFacts(platform, tx, procedure, values, d, !!options.imported);
  }
  const columns = columnsOf(values);
  const merged = { ...d, ...columns } as Record<string, unknown>;
  const problem = dateOrderProblem(DECISION, (_, spec) => merged[spec.column], (name) => PROCEDURE_FIELDS[procedure].includes(name));
  if (problem) throw new HttpError(400, problem.message, [{ field: problem.field, message: problem.message }]);
  // Which procedures stand on an import's history: this one if imported with its facts, no longer once recorded in the system.
  const imported = new Set(importedProcedures(d as unknown as Record<string, unknown>));
  if (options.imported && !notApplicable) imported.add(procedure);
  else imported.delete(procedure);
  columns.imported_procedures = imported.size ? [...imported].join(';') : null;
  await updateVersioned(tx, 'decisions', id, version, columns, actor.id);
  if (procedure === 'legality') await syncLegalityClock(tx, platform, actor, d, values);
  const label = notApplicable ? `${PROCEDURES[procedure]}：不适用` : `记录${PROCEDURES[procedure]}${options.imported ? '（批量导入）' : ''}`;
  await addTimeline(tx, actor, { recordType: DECISION_RECORD_TYPE, recordId: id, action: `procedure.${procedure}`, label, note: notApplicable ?? null });
  await platform.audit.record(tx, actor, { action: 'decision.procedure', targetType: DECISION_RECORD_TYPE, targetId: id, detail: { procedure, notApplicable: !!notApplicable, imported: !!options.imported } });
}

/**
 * The comment period (rule `decision.public_comment`): at least its period, shorter only with a
 * recorded reason. One rule for a live entry and an imported history row.
 */
export async function checkCommentPeriod(platform: Platform, tx: Executor, start: string, end: string, shortReason?: string | null): Promise<void> {
  const rule = await platform.deadlines.rule('decision.public_comment', tx);
  const days = toDayNumber(end) - toDayNumber(start);
  if (days < rule.period && !shortReason) {
    throw fieldError('commentEnd', '征求意见截止日期', `距开始日期仅 ${days} 日，征求意见期限不得少于${rule.period}日（${rule.citation}，最早 ${fromDayNumber(toDayNumber(start) + rule.period)}）；确需缩短的，须填写缩短理由（commentShortReason）`);
  }
}

async function checkFacts(platform: Platform, tx: Executor, procedure: Procedure, v: Record<string, unknown>, d: DecisionTable, imported: boolean): Promise<void> {
  // A live entry gives every detail; an import's history its dates (the rest is in the archive).
  const details = (fields: [string, string][]) => (imported ? [] : fields);
  if (imported) required(v, IMPORTED_REQUIRED[procedure]);
  switch (procedure) {
    case 'public_participation': {
      required(v, [...details([['draftText', '决策草案及说明']]), ['commentStart', '征求意见开始日期'], ['commentEnd', '征求意见截止日期']]);
      await checkCommentPeriod(platform, tx, String(v.commentStart), String(v.commentEnd), v.commentShortReason as string | null | undefined);
      if (d.comments_received > 0) {
        const outside = await tx
          .selectFrom('decision_comments')
          .select('received_date')
          .where('decision_id', '=', d.id)
          .where((eb) => eb.or([eb('received_date', '<', String(v.commentStart)), eb('received_date', '>', String(v.commentEnd))]))
          .executeTakeFirst();
        if (outside) throw fieldError('commentStart', '征求意见开始日期', `已有 ${outside.received_date} 收到的意见，征求意见期间须包含该日期`);
      }
      return;
    }
    case 'expert':
      required(v, [['expertSessionDate', '专家论证日期'], ...details([['experts', '论证专家'], ['expertOpinion', '专家论证意见']])]);
      notFuture(v, [['expertSessionDate', '专家论证日期']]);
      return;
    case 'risk':
      required(v, [['riskAssessmentDate', '风险评估日期'], ['riskLevel', '风险等级'], ...details([['riskAssessor', '风险评估机构'], ['riskReport', '风险评估报告']])]);
      notFuture(v, [['riskAssessmentDate', '风险评估日期']]);
      return;
    case 'legality': {
      notFuture(v, [['legalitySubmittedDate', '送审日期'], ['legalityReviewDate', '审查意见日期']]);
      // History without the submission date has no review period to check (nor a clock to run).
      if (imported && !v.legalitySubmittedDate) return;
      required(v, [['legalitySubmittedDate', '送审日期'], ['legalityDueDate', '审查期限']]);
      const { calendar, rules } = await platform.deadlines.load(tx);
      const rule = rules.get('decision.legality_review')!;
      const { due } = computeDeadline(calendar, rule, { start: String(v.legalitySubmittedDate) });
      if (String(v.legalityDueDate) < due) throw fieldError('legalityDueDate', '审查期限', `应给合法性审查留出不少于${rule.period}个工作日（自送审日期 ${v.legalitySubmittedDate} 起最早为 ${due}；${rule.citation}）`);
      if (v.legalityReviewDate) required(v, details([['legalityConclusion', '审查结论'], ['legalityOpinion', '合法性审查意见']]));
      else if (v.legalityConclusion || v.legalityOpinion) required(v, [['legalityReviewDate', '审查意见日期']]);
      return;
    }
    case 'deliberation':
      notFuture(v, [['deliberationDate', '集体讨论日期']]);
      return;
  }
}

/** The clock of the legality review (rule `decision.legality_review`), by its key on the decision. */
export const LEGALITY_CLOCK = 'legality';

/**
 * The legality review's clock, from the submission date until the opinion: on the rule's period
 * (at least 7 working days), or on the later due date the unit allowed (审查期限), which is then the
 * date the opinion is due. Re-recording the procedure with other dates sets the clock afresh.
 */
async function syncLegalityClock(tx: Tx, platform: Platform, actor: Actor, d: DecisionTable, v: Record<string, unknown>): Promise<void> {
  const submitted = (v.legalitySubmittedDate as string | null) ?? null;
  const allowed = (v.legalityDueDate as string | null) ?? null;
  const reviewed = (v.legalityReviewDate as string | null) ?? null;
  let want: { ruleCode?: string; fixedDue?: string } | null = null;
  if (submitted) {
    const { calendar, rules } = await platform.deadlines.load(tx);
    const { due } = computeDeadline(calendar, rules.get('decision.legality_review')!, { start: submitted });
    want = allowed && allowed > due ? { fixedDue: allowed } : { ruleCode: 'decision.legality_review' };
  }
  let clock = (await clocksOf(tx, DECISION_RECORD_TYPE, d.id)).find((c) => c.clock_key === LEGALITY_CLOCK);
  const same = clock && want && clock.start_date === submitted && clock.rule_code === (want.ruleCode ?? null) && clock.fixed_due === (want.fixedDue ?? null) && (clock.stopped_on ?? null) === (clock.status === 'stopped' ? reviewed : null);
  if (clock && !same) {
    await tx.deleteFrom('clocks').where('id', '=', clock.id).execute();
    clock = undefined;
  }
  if (!want || !submitted) return;
  clock ??= await startClock(tx, platform, actor, { recordType: DECISION_RECORD_TYPE, recordId: d.id, unitId: d.unit_id, key: LEGALITY_CLOCK, label: '合法性审查期限', start: submitted, ...want });
  if (reviewed && clock.status !== 'stopped') await changeClock(tx, platform, actor, clock, { op: 'stop', date: reviewed, reason: '出具合法性审查意见' });
}

/** 意见采纳情况: published on the portal after the period, once every comment is answered. */
export async function publishCommentSummary(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, version: number, date: string): Promise<void> {
  const d = await loadDecision(tx, scope, id);
  if (!d.comment_start || !d.comment_end) throw conflict('尚未公开征求意见，不能公布意见采纳情况');
  if (date <= d.comment_end) throw fieldError('date', '公布日期', `应在征求意见期结束（${d.comment_end}）之后`);
  if (date > today()) throw fieldError('date', '公布日期', '不能晚于今天');
  if (d.open_comments > 0) throw conflict(`尚有 ${d.open_comments} 条意见未处理（采纳、部分采纳或不采纳并说明理由），不能公布意见采纳情况`);
  await updateVersioned(tx, 'decisions', id, version, { comment_summary_date: date }, actor.id);
  await addTimeline(tx, actor, { recordType: DECISION_RECORD_TYPE, recordId: id, action: 'comment_summary', label: '公布意见采纳情况', note: date });
  await platform.audit.record(tx, actor, { action: 'decision.comment_summary', targetType: DECISION_RECORD_TYPE, targetId: id, detail: { date } });
}

export async function addImplementationReport(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, input: { date: string; content: string }): Promise<void> {
  const d = await loadDecision(tx, scope, id);
  if (d.status !== 'implementing') throw conflict('决策公布后、后评估完成前方可报告执行情况');
  if (input.date > today()) throw fieldError('date', '报告日期', '不能晚于今天');
  if (d.published_date && input.date < d.published_date) throw fieldError('date', '报告日期', `不能早于决策公布日期（${d.published_date}）`);
  await tx.insertInto('decision_reports').values({ id: newId(), decision_id: id, unit_id: d.unit_id, date: input.date, content: input.content, created_at: nowIso(), created_by: actor.id }).execute();
  await addTimeline(tx, actor, { recordType: DECISION_RECORD_TYPE, recordId: id, action: 'report', label: '报告决策执行情况', note: input.date });
  await platform.audit.record(tx, actor, { action: 'decision.report', targetType: DECISION_RECORD_TYPE, targetId: id });
}

/**
 * 作出决策 (domain.md §2.5): every applicable procedure has its record (the workflow's check) and its
 * evidence (checked here, in the transition's transaction, whoever takes it: the API or an import).
 * Post-evaluation (art. 36): not by the body that assessed the risk before the decision.
 */
export async function afterDecisionTransition(tx: Tx, record: Record<string, unknown> & { id: string }, transition: string): Promise<void> {
  if (transition === 'decide') {
    const missing = await proceduresWithoutEvidence(tx, record);
    if (missing.length) throw conflict(`不能执行「作出决策」：${missingEvidenceMessage(missing)}`);
    return;
  }
  if (transition !== 'evaluate') return;
  const norm = (s: unknown) => String(s ?? '').replace(/\s+/g, '');
  if (record.risk_assessor && norm(record.post_evaluator) === norm(record.risk_assessor)) {
    throw fieldError('values.postEvaluator', '评估机构', `不得由决策前承担风险评估的机构（${record.risk_assessor}）承担决策后评估（条例第三十六条）`);
  }
  void tx;
}

/** A decision's comments changed: its counts follow (the gate reads the open ones). */
export async function recountComments(tx: Executor, decisionId: string): Promise<void> {
  const [all, open] = await Promise.all([
    tx.selectFrom('decision_comments').select((eb) => eb.fn.countAll<number>().as('n')).where('decision_id', '=', decisionId).executeTakeFirstOrThrow(),
    tx.selectFrom('decision_comments').select((eb) => eb.fn.countAll<number>().as('n')).where('decision_id', '=', decisionId).where('status', '=', 'received').executeTakeFirstOrThrow(),
  ]);
  // Received = the comments on record + the count an import recorded from history (no rows of its own).
  await tx
    .updateTable('decisions')
    .set((eb) => ({ comments_received: eb(eb.ref('imported_comments'), '+', Number(all.n)), open_comments: Number(open.n) }))
    .where('id', '=', decisionId)
    .execute();
}

const decisionQuery = (db: Executor) =>
  db.selectFrom('decisions as d').innerJoin('org_units as u', 'u.id', 'd.unit_id').leftJoin('decision_catalog_items as c', 'c.id', 'd.catalog_item_id').selectAll('d').select(['u.name as unit_name', 'c.title as catalog_item_title', 'c.ref as catalog_item_ref']);
type DecisionRow = DecisionTable & { unit_name: string; catalog_item_title: string | null; catalog_item_ref: string | null };

/** Days left to comment, today included; null outside the period. */
export function daysLeft(start: string | null, end: string | null, asOf = today()): number | null {
  if (!start || !end || asOf < start || asOf > end) return null;
  return toDayNumber(end) - toDayNumber(asOf) + 1;
}

type LegalityClock = { clock: { due_date: string }; light: DecisionView['legalityLight'] } | undefined;

function decisionView(r: DecisionRow, legality?: LegalityClock): DecisionView {
  const missing = missingProcedures(r as unknown as Record<string, unknown>);
  const stage = r.status !== 'drafting' ? (DECISION_WORKFLOW.states[r.status]?.label ?? r.status) : missing.length ? PROCEDURES[missing[0]!] : '待集体讨论决定';
  return {
    ...recordView(DECISION, r),
    ...statusOf(DECISION_WORKFLOW, r.status),
    unitName: r.unit_name,
    catalogItemTitle: r.catalog_item_title,
    stage,
    missing: r.status === 'drafting' ? missing : [],
    openComments: Number(r.open_comments),
    commentDaysLeft: r.status === 'drafting' && !r.pp_na_reason ? daysLeft(r.comment_start, r.comment_end) : null,
    legalityDue: legality?.clock.due_date ?? null,
    legalityLight: legality?.light ?? null,
  };
}

const decisions = recordReader<DecisionRow, DecisionView, DecisionListQuery>({
  def: DECISION, what: '重大行政决策', alias: 'd', status: true, defaultSort: { field: 'year', order: 'desc' },
  query: decisionQuery,
  views: async (platform, rows) => {
    const clocks = await clocksWithLights(platform, DECISION_RECORD_TYPE, rows.map((r) => r.id), LEGALITY_CLOCK);
    return rows.map((r) => decisionView(r, clocks.get(r.id)));
  },
});

export const listDecisions = decisions.list;

/** How a procedure an import recorded from history says where its details are. */
const IMPORTED_NOTE: Record<Procedure, string> = {
  public_participation: '批量导入的历史记录，草案及意见采纳情况见决策档案',
  expert: '批量导入的历史记录，论证专家和意见见决策档案',
  risk: '批量导入的历史记录，评估报告见决策档案',
  legality: '批量导入的历史记录，审查机构和意见见决策档案',
  deliberation: '批量导入的历史记录，会议纪要见决策档案',
};

function procedureViews(r: DecisionTable, evidence: Map<string, EvidenceFile[]>): ProcedureView[] {
  const row = r as unknown as Record<string, unknown>;
  const imported = importedProcedures(row);
  const risk = () => `${r.risk_date} 风险评估，风险等级：${{ high: '高', medium: '中', low: '低' }[r.risk_level as 'high'] ?? '—'}`;
  const line = (p: Procedure): string => {
    switch (p) {
      case 'public_participation':
        if (r.pp_na_reason) return `不适用：${r.pp_na_reason}`;
        if (!r.comment_start) return '尚未公开征求意见';
        return `${r.comment_start} 至 ${r.comment_end} 公开征求意见，收到意见 ${r.comments_received} 条${r.imported_comments ? `（其中批量导入的历史数量 ${r.imported_comments} 条，无逐条记录）` : ''}${r.open_comments ? `，${r.open_comments} 条待处理` : ''}；${r.comment_summary_date ? `${r.comment_summary_date} 公布意见采纳情况` : imported.includes(p) ? IMPORTED_NOTE[p] : '意见采纳情况尚未公布'}`;
      case 'expert':
        if (r.expert_na_reason) return `不适用：${r.expert_na_reason}`;
        if (!r.expert_date) return '尚未记录专家论证';
        return `${r.expert_date} 专家论证（${imported.includes(p) ? IMPORTED_NOTE[p] : (r.experts ?? '')}）`;
      case 'risk':
        if (r.risk_na_reason) return `不适用：${r.risk_na_reason}`;
        if (!r.risk_date) return '尚未记录风险评估';
        return `${risk()}（${imported.includes(p) ? IMPORTED_NOTE[p] : (r.risk_assessor ?? '')}）`;
      case 'legality':
        if (imported.includes(p) && r.legality_date) return `${r.legality_date} 出具合法性审查意见（${IMPORTED_NOTE[p]}）`;
        if (!r.legality_submitted_date) return '尚未送审';
        if (!r.legality_date) return `${r.legality_submitted_date} 送${r.legality_reviewer ?? ''}审查，审查期限至 ${r.legality_due_date}`;
        return `${r.legality_date} ${r.legality_reviewer ?? ''}出具审查意见：${{ legal: '合法', amend: '修改后合法', illegal: '不合法' }[r.legality_conclusion as 'legal'] ?? ''}`;
      case 'deliberation':
        if (!r.deliberation_date) return '尚未集体讨论';
        return `${r.deliberation_date} ${imported.includes(p) ? `集体讨论（${IMPORTED_NOTE[p]}）` : `${r.meeting_name ?? ''}集体讨论`}`;
    }
  };
  return (Object.keys(PROCEDURES) as Procedure[]).map((p) => ({
    key: p,
    label: PROCEDURES[p],
    done: procedureDone(row, p),
    notApplicable: !!(NA_FIELD[p] && row[DECISION.fields[NA_FIELD[p] as 'ppNaReason'].column]),
    skippable: SKIPPABLE.includes(p),
    imported: imported.includes(p),
    summary: line(p),
    evidenceId: procedureRecordId(r.id, p),
    evidenceRequired: evidenceRequired(row, p),
    evidence: evidence.get(procedureRecordId(r.id, p)) ?? [],
  }));
}

/**
 * The evidence files of a decision's procedures, by the procedure's record id: those in the reader's
 * scope (as the attachments' own routes list and serve them), oldest first.
 */
async function procedureEvidence(db: Executor, scope: DataScope | null, decisionId: string): Promise<Map<string, EvidenceFile[]>> {
  const rows = await db
    .selectFrom('attachments as a')
    .leftJoin('users as u', 'u.id', 'a.uploaded_by')
    .select(['a.id', 'a.record_id', 'a.unit_id', 'a.filename', 'a.size', 'a.uploaded_at', 'u.name as uploader_name'])
    .where('a.record_type', '=', PROCEDURE_RECORD_TYPE)
    .where('a.record_id', 'in', (Object.keys(PROCEDURES) as Procedure[]).map((p) => procedureRecordId(decisionId, p)))
    .orderBy('a.uploaded_at')
    .orderBy('a.id')
    .execute();
  const out = new Map<string, EvidenceFile[]>();
  for (const a of rows) {
    if (scope && !inScope(scope, a.unit_id)) continue;
    const list = out.get(a.record_id!) ?? [];
    list.push({ id: a.id, filename: a.filename, size: Number(a.size), uploadedAt: a.uploaded_at, uploadedByName: a.uploader_name ?? null });
    out.set(a.record_id!, list);
  }
  return out;
}

/** The applicable procedures of a decision without any evidence file (imported history exempt). */
export async function proceduresWithoutEvidence(db: Executor, r: Record<string, unknown> & { id: string }): Promise<Procedure[]> {
  const evidence = await procedureEvidence(db, null, r.id);
  return (Object.keys(PROCEDURES) as Procedure[]).filter((p) => evidenceRequired(r, p) && !evidence.get(procedureRecordId(r.id, p))?.length);
}

export async function eventsOf(db: Executor, decisionId: string): Promise<EventView[]> {
  const rows = await db.selectFrom('decision_events').selectAll().where('decision_id', '=', decisionId).orderBy('date').orderBy('id').execute();
  return rows.map(eventView);
}
const eventView = (e: DecisionEventTable): EventView => ({ id: e.id, version: e.version, ref: e.ref, kind: e.kind as keyof typeof EVENT_KINDS, kindLabel: EVENT_KINDS[e.kind as keyof typeof EVENT_KINDS] ?? e.kind, date: e.date, noticeDate: e.notice_date, participants: Number(e.participants), participantList: e.participant_list, record: e.record });

export async function getDecision(platform: Platform, scope: DataScope, id: string): Promise<DecisionDetail> {
  const row = await decisions.row(platform.db, scope, id);
  const [events, reports, clocks, evidence] = await Promise.all([
    eventsOf(platform.db, id),
    platform.db.selectFrom('decision_reports').select(['id', 'date', 'content']).where('decision_id', '=', id).orderBy('date').orderBy('id').execute(),
    clocksWithLights(platform, DECISION_RECORD_TYPE, [id], LEGALITY_CLOCK),
    procedureEvidence(platform.db, scope, id),
  ]);
  const procedures = procedureViews(row, evidence);
  const missingEvidence = procedures.filter((p) => p.evidenceRequired && p.evidence.length === 0).map((p) => p.key);
  return { ...decisionView(row, clocks.get(id)), procedures, missingEvidence, events, reports };
}

// ---- Consultation events ----------------------------------------------------------------------

export interface EventOptions {
  /** An import's history: a hearing held already, whose notice date history does not give (it is in the archive). */
  imported?: boolean;
}

/** The rules of an event, for a new one and a changed one: a hearing is announced at least 7 days ahead (art. 17). */
function checkEvent(input: EventInput, options: EventOptions): void {
  if (input.participants < 0) throw fieldError('participants', '参加人数', '不能为负数');
  if (input.noticeDate && input.noticeDate > input.date) throw fieldError('noticeDate', '公告日期', `不能晚于举行日期（${input.date}）`);
  if (input.kind === 'hearing' && !(options.imported && !input.noticeDate)) {
    if (!input.noticeDate) throw fieldError('noticeDate', '公告日期', '必填：听证会应于举行7日前向社会公告（条例第十七条）');
    const latest = fromDayNumber(toDayNumber(input.date) - HEARING_NOTICE_DAYS);
    if (input.noticeDate > latest) throw fieldError('noticeDate', '公告日期', `距听证会不足${HEARING_NOTICE_DAYS}日：听证会（${input.date}）应于${HEARING_NOTICE_DAYS}日前公告，公告日期最晚为 ${latest}（条例第十七条）`);
  }
}

/** A hearing, expert session or comment meeting; a hearing is announced at least 7 days ahead (art. 17). */
export async function addEvent(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, input: EventInput & { ref?: string | null }, options: EventOptions = {}): Promise<string> {
  const d = await loadDecision(tx, scope, id);
  checkEvent(input, options);
  const eventId = newId();
  await tx
    .insertInto('decision_events')
    .values({ id: eventId, ref: input.ref ?? null, unit_id: d.unit_id, decision_id: id, kind: input.kind, date: input.date, notice_date: input.noticeDate ?? null, participants: input.participants, participant_list: input.participantList ?? null, record: input.record ?? null, ...newStamps(actor.id) })
    .execute();
  await addTimeline(tx, actor, { recordType: DECISION_RECORD_TYPE, recordId: id, action: 'event', label: `记录${EVENT_KINDS[input.kind]}`, note: input.date });
  await platform.audit.record(tx, actor, { action: 'decision.event', targetType: DECISION_RECORD_TYPE, targetId: id, detail: { kind: input.kind, date: input.date } });
  return eventId;
}

/**
 * A recorded event corrected (an import's row again, with its ref): the same rules as a new one; what
 * the input leaves out (the notice date, the list of participants, the record) stays as recorded.
 */
export async function updateEvent(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, eventId: string, version: number, input: Partial<EventInput> & Pick<EventInput, 'kind' | 'date' | 'participants'> & { ref?: string | null }, options: EventOptions & { decisionId?: string } = {}): Promise<void> {
  const e = await tx.selectFrom('decision_events').selectAll().where('id', '=', eventId).executeTakeFirst();
  if (!e || !inScope(scope, e.unit_id) || (options.decisionId && e.decision_id !== options.decisionId)) throw notFound('公众参与活动');
  const merged: EventInput = {
    kind: input.kind,
    date: input.date,
    participants: input.participants,
    noticeDate: input.noticeDate !== undefined ? input.noticeDate : e.notice_date,
    participantList: input.participantList !== undefined ? input.participantList : e.participant_list,
    record: input.record !== undefined ? input.record : e.record,
  } as EventInput;
  // A hearing recorded from history without its notice date keeps that allowance while its day and kind stay as recorded.
  const asRecorded = !merged.noticeDate && !e.notice_date && e.kind === merged.kind && e.date === merged.date;
  checkEvent(merged, { imported: options.imported || asRecorded });
  const columns = { kind: merged.kind, date: merged.date, notice_date: merged.noticeDate ?? null, participants: merged.participants, participant_list: merged.participantList ?? null, record: merged.record ?? null, ...(input.ref !== undefined ? { ref: input.ref } : {}) };
  const changed = Object.entries(columns).some(([c, v]) => String((e as unknown as Record<string, unknown>)[c] ?? '') !== String(v ?? ''));
  if (!changed) return;
  await updateVersioned(tx, 'decision_events', eventId, version, columns, actor.id);
  await addTimeline(tx, actor, { recordType: DECISION_RECORD_TYPE, recordId: e.decision_id, action: 'event_update', label: `更正${EVENT_KINDS[merged.kind]}记录`, note: `${merged.date}，参加人数 ${merged.participants}` });
  await platform.audit.record(tx, actor, { action: 'decision.event_update', targetType: DECISION_RECORD_TYPE, targetId: e.decision_id, detail: { eventId, kind: merged.kind, date: merged.date, participants: merged.participants } });
}

// ---- Comments ---------------------------------------------------------------------------------

const commentTitle = (content: string) => (content.length > 30 ? `${content.slice(0, 30)}…` : content);

/**
 * One comment on a draft during its period: from the portal (today) or entered by staff (a letter,
 * an e-mail, a meeting) on the day received.
 */
export async function createComment(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof COMMENT> & { ref?: string | null }): Promise<string> {
  const d = await tx.selectFrom('decisions').selectAll().where('id', '=', input.decisionId).executeTakeFirst();
  if (!d || !inScope(scope, d.unit_id)) throw fieldError('decisionId', '征求意见的决策草案', '不存在或无权访问');
  if (d.status !== 'drafting' || d.pp_na_reason || !d.comment_start || !d.comment_end) throw fieldError('decisionId', '征求意见的决策草案', '未在公开征求意见');
  if (input.receivedDate > today()) throw fieldError('receivedDate', '收到日期', '不能晚于今天');
  if (input.receivedDate < d.comment_start || input.receivedDate > d.comment_end) throw fieldError('receivedDate', '收到日期', `不在征求意见期间（${d.comment_start} 至 ${d.comment_end}）内`);
  const row = {
    id: newId(),
    ref: input.ref ?? null,
    ...recordRow<DecisionCommentTable>(COMMENT, input),
    unit_id: d.unit_id,
    title: commentTitle(input.content),
    commenter_phone_enc: input.commenterPhone ? encryptText(platform.keys, input.commenterPhone) : null,
    status: 'received',
    ...newStamps(actor.id),
  } as DecisionCommentTable;
  await tx.insertInto('decision_comments').values(row).execute();
  await recountComments(tx, d.id);
  await addTimeline(tx, actor, { recordType: COMMENT_RECORD_TYPE, recordId: row.id, action: 'create', label: '收到意见', toStatus: 'received', note: input.receivedDate });
  await platform.audit.record(tx, actor, { action: 'decision.comment_create', targetType: COMMENT_RECORD_TYPE, targetId: row.id, detail: { decisionId: d.id, channel: input.channel } });
  return row.id;
}

/** At most this many comments an import may record as a count (the figure's records are numbered up to it). */
export const MAX_IMPORTED_COMMENTS = 10000;

/**
 * Comments received during a past consultation, known only as a count (an import of a decision's
 * history): recorded on the decision as that count, not as comment rows, counted in
 * `decisions.public_comments` on the period's last day and listed behind the figure as the
 * decision's. The same window rules as a comment entered one by one: a period of comment, public
 * participation not marked not applicable.
 */
export async function recordCommentCount(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, count: number): Promise<void> {
  const d = await loadDecision(tx, scope, id);
  if (!Number.isInteger(count) || count < 0) throw fieldError('commentsReceived', '收到意见数', '应为不小于0的整数');
  if (count > MAX_IMPORTED_COMMENTS) throw fieldError('commentsReceived', '收到意见数', `不能超过 ${MAX_IMPORTED_COMMENTS} 条`);
  if (count === Number(d.imported_comments)) return;
  if (count > 0 && d.pp_na_reason) throw fieldError('commentsReceived', '收到意见数', '公众参与已标注不适用，不能记录收到的意见');
  if (count > 0 && (!d.comment_start || !d.comment_end)) throw fieldError('commentsReceived', '收到意见数', '未公开征求意见（没有征求意见期间），不能记录收到的意见');
  await tx.updateTable('decisions').set({ imported_comments: count }).where('id', '=', id).execute();
  await recountComments(tx, id);
  await addTimeline(tx, actor, { recordType: DECISION_RECORD_TYPE, recordId: id, action: 'comment_count', label: '记录征求意见期间收到的意见数（批量导入）', note: `${count} 条` });
  await platform.audit.record(tx, actor, { action: 'decision.comment_count', targetType: DECISION_RECORD_TYPE, targetId: id, detail: { count } });
}

const commentQuery = (db: Executor) =>
  db.selectFrom('decision_comments as m').innerJoin('decisions as d', 'd.id', 'm.decision_id').innerJoin('org_units as u', 'u.id', 'm.unit_id').selectAll('m').select(['d.title as decision_title', 'u.name as unit_name']);
type CommentRow = DecisionCommentTable & { decision_title: string; unit_name: string };

const commentView = (platform: Platform, r: CommentRow): CommentView => ({
  ...recordView(COMMENT, r),
  ...maskedSealed(platform, COMMENT, r),
  ...statusOf(COMMENT_WORKFLOW, r.status),
  title: r.title,
  unitName: r.unit_name,
  decisionTitle: r.decision_title,
});

const comments = recordReader<CommentRow, CommentView, CommentListQuery & { decisionId?: string }>({
  def: COMMENT, what: '意见', alias: 'm', status: true, defaultSort: { field: 'receivedDate', order: 'desc' },
  query: commentQuery,
  filter: (q, query) => (query.decisionId ? q.where('m.decision_id', '=', query.decisionId) : q),
  views: (platform, rows) => rows.map((r) => commentView(platform, r)),
});

export const listComments = comments.list;
export const getComment = comments.get;

/** Kept for the scope check of sub-routes. */
export async function assertDecisionInScope(db: Executor, scope: DataScope, id: string): Promise<void> {
  const d = await db.selectFrom('decisions').select('unit_id').where('id', '=', id).executeTakeFirst();
  if (!d) throw notFound('重大行政决策');
  assertInScope(scope, d.unit_id, '重大行政决策');
}
