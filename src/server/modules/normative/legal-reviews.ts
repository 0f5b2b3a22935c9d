// 合法性审查 of other matters: a unit submits a contract, a meeting topic, minutes, an enforcement
// decision or another matter; the law office or a legal advisor gives the opinion within the clock
// of its kind (working days, a rule the law office edits); whether a written opinion was issued.
import './tables.ts';
import type { Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { inScope, type DataScope } from '../../kernel/auth/scope.ts';
import { fieldError } from '../../kernel/http/errors.ts';
import { newId } from '../../kernel/ids.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { applyEffects, type WorkflowRecord } from '../../kernel/workflow/engine.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { workflowViews } from '../../kernel/records/read.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import type { DeadlineRuleSeed } from '../../kernel/calendar/default-rules.ts';
import { LEGAL_REVIEW, LEGAL_REVIEW_RECORD_TYPE, LEGAL_REVIEW_WORKFLOW, type LegalReviewListQuery, type LegalReviewView } from '../../../shared/schemas/normative.ts';
import type { RecordInput } from '../../../shared/records.ts';
import type { LegalReviewTable } from './tables.ts';

export const LEGAL_REVIEW_RULES: readonly DeadlineRuleSeed[] = [
  { code: 'legal_review.contract', name: '政府合同合法性审查', period: 7, unit: 'working_days', citation: '本县重大行政决策和政府合同合法性审查规定（可按本地规定调整）；参照《重大行政决策程序暂行条例》第二十六条', note: '自收到送审材料之日起7个工作日内出具审查意见；材料不齐的，补齐后起算。' },
  { code: 'legal_review.topic', name: '常务会议题合法性审查', period: 5, unit: 'working_days', citation: '本县政府常务会议议题合法性审查规定（可按本地规定调整）', note: '提请政府常务会议审议的议题，自收到送审材料之日起5个工作日内出具审查意见；会期临近的可约定更短期限。' },
  { code: 'legal_review.minutes', name: '会议纪要合法性审查', period: 5, unit: 'working_days', citation: '本县合法性审查工作规定（可按本地规定调整）', note: '涉及公民、法人和其他组织权利义务的会议纪要，自收到送审材料之日起5个工作日内出具审查意见。' },
  { code: 'legal_review.enforcement', name: '重大行政执法决定法制审核', period: 5, unit: 'working_days', citation: '《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）；本地重大执法决定法制审核办法', note: '自收到送审材料之日起5个工作日内完成审核；情况复杂的，按本地办法延长。' },
  { code: 'legal_review.other', name: '其他涉法事务合法性审查', period: 5, unit: 'working_days', citation: '本县合法性审查工作规定（可按本地规定调整）', note: '其他涉法事务，自收到送审材料之日起5个工作日内出具审查意见。' },
];

/** Each kind its own rule, so the law office can set each period (provinces and counties differ). */
export const REVIEW_CLOCK = { start: 'review', label: '审查期限', rule: { field: 'kind', rules: { contract: 'legal_review.contract', topic: 'legal_review.topic', minutes: 'legal_review.minutes', enforcement: 'legal_review.enforcement' }, fallback: 'legal_review.other' } } as const;

export async function createLegalReview(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: RecordInput<typeof LEGAL_REVIEW> & { ref?: string | null }): Promise<string> {
  const unit = await tx.selectFrom('org_units').select(['id', 'active']).where('id', '=', input.unitId).executeTakeFirst();
  if (!unit || !inScope(scope, unit.id)) throw fieldError('unitId', '送审单位', '不存在或无权访问');
  if (input.receivedDate > chinaToday()) throw fieldError('receivedDate', '收件日期', '不能晚于今天');
  const row = { id: newId(), ref: input.ref ?? null, ...recordRow<LegalReviewTable>(LEGAL_REVIEW, input), status: 'reviewing', opinion_form: null, written_opinion: null, ...newStamps(actor.id) } as LegalReviewTable;
  await tx.insertInto('legal_reviews').values(row).execute();
  await addTimeline(tx, actor, { recordType: LEGAL_REVIEW_RECORD_TYPE, recordId: row.id, action: 'create', label: '送审', toStatus: 'reviewing', note: `收件 ${input.receivedDate}` });
  await applyEffects(tx, platform, actor, LEGAL_REVIEW_WORKFLOW, row as unknown as WorkflowRecord, [REVIEW_CLOCK], input.receivedDate);
  await platform.audit.record(tx, actor, { action: 'legal_review.create', targetType: LEGAL_REVIEW_RECORD_TYPE, targetId: row.id, detail: { kind: input.kind } });
  return row.id;
}

/** The opinion's form decides whether a written opinion (书面审查意见) was issued. */
export async function afterLegalReviewTransition(tx: Tx, record: Record<string, unknown>): Promise<void> {
  await tx.updateTable('legal_reviews').set({ written_opinion: record.opinion_form === 'written' ? 1 : 0 }).where('id', '=', String(record.id)).execute();
}

/**
 * A ledger's history (the import): the intake as the API takes it, then the completion on its date
 * with whether a written opinion was issued; the clock stops on that date.
 */
export async function recordCompletion(tx: Tx, platform: Platform, actor: Actor, id: string, done: { completedDate: string | null; writtenOpinion: boolean | null }): Promise<void> {
  const review = await tx.selectFrom('legal_reviews').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  if (!done.completedDate) {
    if (review.status === 'completed') throw fieldError('completedDate', '审查完成日期', '已出具意见的事项，导入不能改回审查中');
    if (done.writtenOpinion) throw fieldError('writtenOpinion', '出具书面审查意见', '尚未完成审查的事项不能登记书面意见');
    return;
  }
  if (done.completedDate < review.received_date) throw fieldError('completedDate', '审查完成日期', `不能早于收件日期 ${review.received_date}`);
  if (done.completedDate > chinaToday()) throw fieldError('completedDate', '审查完成日期', '不能晚于今天');
  await updateVersioned(tx, 'legal_reviews', id, review.version, { status: 'completed', completed_date: done.completedDate, written_opinion: done.writtenOpinion ? 1 : 0, opinion_form: done.writtenOpinion ? 'written' : 'other' }, actor.id);
  await applyEffects(tx, platform, actor, LEGAL_REVIEW_WORKFLOW, { ...review, status: 'completed' } as unknown as WorkflowRecord, [{ stop: 'review', reason: '已出具审查意见（导入）' }], done.completedDate);
  await addTimeline(tx, actor, { recordType: LEGAL_REVIEW_RECORD_TYPE, recordId: id, action: 'import', label: '批量导入：已出具审查意见', fromStatus: review.status, toStatus: 'completed', note: `完成 ${done.completedDate}${done.writtenOpinion ? '，出具书面审查意见' : ''}` });
}

/** Corrects an intake (the import again): same checks; the clock restarts from the received date unless completed. */
export async function correctLegalReview(tx: Tx, platform: Platform, actor: Actor, id: string, version: number, input: Omit<RecordInput<typeof LEGAL_REVIEW>, 'unitId'>): Promise<void> {
  if (input.receivedDate > chinaToday()) throw fieldError('receivedDate', '收件日期', '不能晚于今天');
  await updateVersioned(tx, 'legal_reviews', id, version, recordRow(LEGAL_REVIEW, input), actor.id);
  await platform.audit.record(tx, actor, { action: 'legal_review.update', targetType: LEGAL_REVIEW_RECORD_TYPE, targetId: id, detail: { kind: input.kind } });
}

type Row = LegalReviewTable & { unit_name: string };

const reviews = recordReader<Row, LegalReviewView, LegalReviewListQuery>({
  def: LEGAL_REVIEW, what: '审查事项', alias: 'r', status: true, defaultSort: { field: 'receivedDate', order: 'desc' },
  query: (db) => db.selectFrom('legal_reviews as r').innerJoin('org_units as u', 'u.id', 'r.unit_id').selectAll('r').select('u.name as unit_name'),
  views: (platform, rows) => workflowViews(platform, LEGAL_REVIEW_WORKFLOW, rows, 'review', (r, { due, light }) => ({ ...recordView(LEGAL_REVIEW, r), unitName: r.unit_name, due, light })),
});

export const listLegalReviews = reviews.list;
export const getLegalReview = reviews.get;
