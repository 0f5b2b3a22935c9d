// 案卷评查 by the justice bureau: a campaign with its scoring sheet (lines with points) and pass mark
// samples decided cases by body, kind and year; each file is scored (not above the sheet's total);
// a failed file goes to its body's problem pool with the problems found; results by body.
import './tables.ts';
import { sql } from 'kysely';
import type { Executor, Tx } from '../../kernel/db/index.ts';
import type { Platform } from '../../kernel/platform.ts';
import type { Actor } from '../../kernel/audit/index.ts';
import { inScope, scoped, type DataScope } from '../../kernel/auth/scope.ts';
import { conflict, fieldError, notFound } from '../../kernel/http/errors.ts';
import { newId, nowIso } from '../../kernel/ids.ts';
import { newStamps, updateVersioned } from '../../kernel/db/versioned.ts';
import { recordRow, recordView } from '../../kernel/records/view.ts';
import { recordReader } from '../../kernel/records/reader.ts';
import { chinaToday } from '../../kernel/calendar/days.ts';
import { addTimeline } from '../../kernel/workflow/timeline.ts';
import { closeProblem, openProblem } from '../../kernel/problems/index.ts';
import {
  CAMPAIGN_RECORD_TYPE,
  CAMPAIGN_WORKFLOW,
  DEFAULT_SCORING_SHEET,
  FILE_REVIEW,
  FILE_REVIEW_RECORD_TYPE,
  REVIEW_CAMPAIGN,
  type CampaignDetail,
  type CampaignInput,
  type CampaignView,
  type CaseKind,
  type FileReviewListQuery,
  type FileReviewView,
  type SampleInput,
  type ScoreInput,
} from '../../../shared/schemas/enforcement.ts';
import { visibleBody } from './bodies.ts';
import type { FileReviewTable, ReviewCampaignTable } from './tables.ts';
import { ownerUnit } from '../../kernel/records/plain.ts';

type Line = { item: string; points: number };
const linesOf = (c: { lines: string }) => JSON.parse(c.lines) as Line[];
const totalOf = (lines: Line[]) => lines.reduce((sum, l) => sum + l.points, 0);

export async function createCampaign(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, input: CampaignInput & { ref?: string | null }): Promise<string> {
  await ownerUnit(tx, scope, input.unitId, { field: 'unitId', label: '组织单位' });
  if (input.startDate > chinaToday()) throw fieldError('startDate', '开始日期', '不能晚于今天');
  const lines = input.lines ?? DEFAULT_SCORING_SHEET.map((l) => ({ ...l }));
  const total = totalOf(lines);
  if (input.passMark < 0 || input.passMark > total) throw fieldError('passMark', '合格分数线', `应在 0 至评分表总分 ${total} 之间`);
  const { lines: _lines, ...fields } = input;
  const row = { id: newId(), ref: input.ref ?? null, ...recordRow<ReviewCampaignTable>(REVIEW_CAMPAIGN, fields), status: 'ongoing', lines: JSON.stringify(lines), pending_files: 0, ...newStamps(actor.id) } as ReviewCampaignTable;
  await tx.insertInto('enforcement_review_campaigns').values(row).execute();
  await addTimeline(tx, actor, { recordType: CAMPAIGN_RECORD_TYPE, recordId: row.id, action: 'create', label: '开展案卷评查', toStatus: 'ongoing', note: `评分表 ${lines.length} 项，总分 ${total}，合格线 ${input.passMark}` });
  await platform.audit.record(tx, actor, { action: 'enforcement.campaign_create', targetType: CAMPAIGN_RECORD_TYPE, targetId: row.id });
  return row.id;
}

async function ongoingCampaign(tx: Tx, scope: DataScope, id: string): Promise<ReviewCampaignTable> {
  const c = await tx.selectFrom('enforcement_review_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c || !inScope(scope, c.unit_id)) throw notFound('评查活动');
  if (c.status !== 'ongoing') throw conflict('评查活动已结束，不能再抽取或评分');
  return c;
}

const bump = (tx: Tx, id: string, actorId: string | null, pending: number) =>
  tx.updateTable('enforcement_review_campaigns').set({ version: (eb) => eb('version', '+', 1), pending_files: (eb) => eb('pending_files', '+', pending), updated_at: nowIso(), updated_by: actorId }).where('id', '=', id).execute();

/** Adds one decided case of the actor's scope to a campaign (the sample, or an import row). */
export async function addFile(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, campaignId: string, caseId: string, ref: string | null = null): Promise<string> {
  const campaign = await ongoingCampaign(tx, scope, campaignId);
  const c = await tx.selectFrom('enforcement_cases').select(['id', 'unit_id', 'decided_date']).where('id', '=', caseId).executeTakeFirst();
  if (!c || !inScope(scope, c.unit_id)) throw fieldError('caseId', '执法案件', '不存在或无权访问');
  if (!c.decided_date) throw fieldError('caseId', '执法案件', '尚未作出决定，不能评查');
  if (await tx.selectFrom('enforcement_file_reviews').select('id').where('campaign_id', '=', campaign.id).where('case_id', '=', c.id).executeTakeFirst()) throw fieldError('caseId', '执法案件', '已在本次评查中');
  const id = newId();
  await tx.insertInto('enforcement_file_reviews').values({ id, ref, unit_id: c.unit_id, campaign_id: campaign.id, case_id: c.id, reviewed_date: null, score: null, passed: null, problems: null, ...newStamps(actor.id) }).execute();
  await bump(tx, campaign.id, actor.id, 1);
  return id;
}

/** 抽取案卷: up to `count` cases decided in the year, of the body and kind if given, not yet in the campaign, at random. */
export async function sampleFiles(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, campaignId: string, input: SampleInput): Promise<number> {
  const campaign = await ongoingCampaign(tx, scope, campaignId);
  if (input.bodyId) await visibleBody(tx, scope, input.bodyId);
  let q = scoped(tx.selectFrom('enforcement_cases as c').select('c.id'), scope, 'c.unit_id')
    .where('c.decided_date', '>=', `${input.year}-01-01`)
    .where('c.decided_date', '<=', `${input.year}-12-31`)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('enforcement_file_reviews as f').select('f.id').whereRef('f.case_id', '=', 'c.id').where('f.campaign_id', '=', campaign.id))));
  if (input.bodyId) q = q.where('c.body_id', '=', input.bodyId);
  if (input.kind) q = q.where('c.kind', '=', input.kind);
  const picked = await q.orderBy(sql`random()`).limit(input.count).execute();
  if (picked.length === 0) throw conflict(`${input.year}年没有符合条件且尚未抽取的已决定案件`);
  for (const p of picked) await addFile(tx, platform, actor, scope, campaign.id, p.id);
  await addTimeline(tx, actor, { recordType: CAMPAIGN_RECORD_TYPE, recordId: campaign.id, action: 'sample', label: `抽取案卷 ${picked.length} 份`, note: `${input.year}年决定的案件${input.kind ? `（${input.kind}）` : ''}` });
  await platform.audit.record(tx, actor, { action: 'enforcement.campaign_sample', targetType: CAMPAIGN_RECORD_TYPE, targetId: campaign.id, detail: { count: picked.length } });
  return picked.length;
}

/** The total of a file: the sum of its line scores (each within its line's points), or the total given. */
function fileScore(lines: Line[], input: { score?: number; lineScores?: number[] }): { score: number; lineScores: number[] | null } {
  const total = totalOf(lines);
  if (!input.lineScores) {
    if (input.score! > total) throw fieldError('score', '得分', `不能超过评分表总分 ${total}`);
    return { score: input.score!, lineScores: null };
  }
  if (input.lineScores.length !== lines.length) throw fieldError('lineScores', '各项得分', `应有 ${lines.length} 项，与评分表一致`);
  input.lineScores.forEach((points, i) => {
    if (points > lines[i]!.points) throw fieldError(`lineScores.${i}`, `第 ${i + 1} 项“${lines[i]!.item}”得分`, `不能超过该项分值 ${lines[i]!.points}`);
  });
  const score = input.lineScores.reduce((sum, n) => sum + n, 0);
  if (input.score !== undefined && input.score !== score) throw fieldError('score', '得分', `应等于各项得分之和 ${score}`);
  return { score, lineScores: input.lineScores };
}

/**
 * 评分: on the sheet's lines or as a total (not above the sheet's total), on a day from the
 * campaign's start to today; passed by the pass mark unless stated; a failed file names its
 * problems and goes to the body's problem pool.
 */
export async function scoreFile(tx: Tx, platform: Platform, actor: Actor, scope: DataScope, id: string, input: Omit<ScoreInput, 'problems'> & { problems?: string | null; passed?: boolean | null; failedNote?: string }): Promise<number> {
  const file = await tx.selectFrom('enforcement_file_reviews').selectAll().where('id', '=', id).executeTakeFirst();
  if (!file || !inScope(scope, file.unit_id)) throw notFound('评查案卷');
  const campaign = await ongoingCampaign(tx, scope, file.campaign_id);
  const { score, lineScores } = fileScore(linesOf(campaign), input);
  if (input.reviewedDate > chinaToday()) throw fieldError('reviewedDate', '评查日期', '不能晚于今天');
  if (input.reviewedDate < campaign.start_date) throw fieldError('reviewedDate', '评查日期', `不能早于评查开始日期 ${campaign.start_date}`);
  const passed = input.passed ?? score >= campaign.pass_mark;
  const problems = input.problems ?? (passed ? null : (input.failedNote ?? null));
  if (!passed && !problems) throw fieldError('problems', '发现的问题', '不合格的案卷须写明发现的问题');
  const next = await updateVersioned(tx, 'enforcement_file_reviews', id, input.version, { reviewed_date: input.reviewedDate, score, line_scores: lineScores ? JSON.stringify(lineScores) : null, passed: passed ? 1 : 0, problems }, actor.id);
  if (file.score === null) await bump(tx, campaign.id, actor.id, -1);
  const c = await tx.selectFrom('enforcement_cases').select(['title']).where('id', '=', file.case_id).executeTakeFirstOrThrow();
  if (passed) await closeProblem(tx, FILE_REVIEW_RECORD_TYPE, id, input.reviewedDate);
  else
    await openProblem(tx, {
      sourceType: FILE_REVIEW_RECORD_TYPE,
      sourceId: id,
      sourceLabel: '案卷评查',
      unitId: file.unit_id,
      title: `案卷评查不合格（${score}分）：${c.title}`,
      severity: 'general',
      openedOn: input.reviewedDate,
      link: `/enforcement/cases/${file.case_id}`,
      closesWithSource: false,
    });
  await platform.audit.record(tx, actor, { action: 'enforcement.file_score', targetType: FILE_REVIEW_RECORD_TYPE, targetId: id, detail: { score, lineScores, passed } });
  return next;
}

type FileRow = FileReviewTable & { campaign_title: string; pass_mark: number; lines: string; case_title: string; case_kind: string; body_name: string; unit_name: string };

const fileView = (r: FileRow): FileReviewView => ({
  ...recordView(FILE_REVIEW, r),
  title: `${r.case_title}（${r.body_name}）`,
  unitName: r.unit_name,
  campaignTitle: r.campaign_title,
  caseTitle: r.case_title,
  bodyName: r.body_name,
  caseKind: r.case_kind as CaseKind,
  passMark: r.pass_mark,
  total: totalOf(linesOf(r)),
  lines: linesOf(r),
  lineScores: r.line_scores ? (JSON.parse(r.line_scores) as number[]) : null,
});

const fileReviews = recordReader<FileRow, FileReviewView, FileReviewListQuery>({
  def: FILE_REVIEW, what: '评查案卷', alias: 'f', defaultSort: { field: 'reviewedDate', order: 'desc' },
  query: (db) =>
    db
      .selectFrom('enforcement_file_reviews as f')
      .innerJoin('enforcement_review_campaigns as p', 'p.id', 'f.campaign_id')
      .innerJoin('enforcement_cases as c', 'c.id', 'f.case_id')
      .innerJoin('enforcement_bodies as b', 'b.id', 'c.body_id')
      .innerJoin('org_units as u', 'u.id', 'f.unit_id')
      .selectAll('f')
      .select(['p.title as campaign_title', 'p.pass_mark', 'p.lines', 'c.title as case_title', 'c.kind as case_kind', 'b.name as body_name', 'u.name as unit_name']),
  filter: (q, query) => (query.campaignId ? q.where('f.campaign_id', '=', query.campaignId) : q),
  views: (_platform, rows) => rows.map(fileView),
});

export const listFileReviews = fileReviews.list;
export const getFileReview = fileReviews.get;

function campaignQuery(db: Executor) {
  const files = (extra?: (q: any) => any) => (eb: any) => {
    let q = eb.selectFrom('enforcement_file_reviews as f').select(sql<number>`count(*)`.as('n')).whereRef('f.campaign_id', '=', 'p.id');
    if (extra) q = extra(q);
    return q;
  };
  return db
    .selectFrom('enforcement_review_campaigns as p')
    .innerJoin('org_units as u', 'u.id', 'p.unit_id')
    .selectAll('p')
    .select('u.name as unit_name')
    .select((eb) => files()(eb).as('files'))
    .select((eb) => files((q) => q.where('f.score', 'is not', null))(eb).as('scored'))
    .select((eb) => files((q) => q.where('f.passed', '=', 1))(eb).as('passed_files'));
}
type CampaignRow = ReviewCampaignTable & { unit_name: string; files: number | null; scored: number | null; passed_files: number | null };

const campaignView = (r: CampaignRow): CampaignView => {
  const lines = linesOf(r);
  return {
    ...recordView(REVIEW_CAMPAIGN, r),
    unitName: r.unit_name,
    status: r.status,
    statusLabel: CAMPAIGN_WORKFLOW.states[r.status]?.label ?? r.status,
    files: Number(r.files ?? 0),
    scored: Number(r.scored ?? 0),
    passedFiles: Number(r.passed_files ?? 0),
    lines,
    total: totalOf(lines),
  };
};

const campaigns = recordReader<CampaignRow, CampaignView>({ def: REVIEW_CAMPAIGN, what: '评查活动', alias: 'p', query: campaignQuery, status: true, defaultSort: { field: 'startDate', order: 'desc' }, views: (_platform, rows) => rows.map(campaignView) });

export const listCampaigns = campaigns.list;

/** A campaign with its results by body: files, scored, passed, average score. */
export async function getCampaign(platform: Platform, scope: DataScope, id: string): Promise<CampaignDetail> {
  const row = await campaigns.row(platform.db, scope, id);
  const byBody = await platform.db
    .selectFrom('enforcement_file_reviews as f')
    .innerJoin('enforcement_cases as c', 'c.id', 'f.case_id')
    .innerJoin('enforcement_bodies as b', 'b.id', 'c.body_id')
    .select(['b.name as body_name', sql<number>`count(*)`.as('files'), sql<number>`count(f.score)`.as('scored'), sql<number>`sum(case when f.passed = 1 then 1 else 0 end)`.as('passed'), sql<number | null>`avg(f.score)`.as('average')])
    .where('f.campaign_id', '=', id)
    .groupBy('b.name')
    .orderBy('b.name')
    .execute();
  return {
    ...campaignView(row),
    byBody: byBody.map((b) => ({ bodyName: b.body_name, files: Number(b.files), scored: Number(b.scored), passed: Number(b.passed ?? 0), averageScore: b.average === null ? null : Math.round(Number(b.average) * 10) / 10 })),
  };
}
