// Figures of major decisions (domain.md §4, issue 14). "Compliant" = every procedure recorded (or
// marked not applicable with a reason; 合法性审查 and 集体讨论决定 never) no later than the decision date.
import { sql } from 'kysely';
import type { IndicatorDef, RecordSource } from '../../kernel/indicators/registry.ts';
import { CATALOG_RECORD_TYPE, COMMENT_RECORD_TYPE, COUNTED_COMMENT_MARK, DECISION_RECORD_TYPE } from '../../../shared/schemas/decisions.ts';

const within = (column: string, year: number) => (q: any) => q.where(column, '>=', `${year}-01-01`).where(column, '<=', `${year}-12-31`);

const catalogItems: RecordSource = (db, year) => db.selectFrom('decision_catalog_items').select(['id', 'title', 'unit_id', 'consent_date as date']).where('year', '=', year).where('status', '=', 'listed');
const decided: RecordSource = (db, year) => within('decided_date', year)(db.selectFrom('decisions').select(['id', 'title', 'unit_id', 'decided_date as date']).where('status', 'in', ['decided', 'implementing', 'evaluated']));
const done = (date: string, na?: string) => (na ? sql<boolean>`(${sql.ref(na)} is not null or (${sql.ref(date)} is not null and ${sql.ref(date)} <= decided_date))` : sql<boolean>`(${sql.ref(date)} is not null and ${sql.ref(date)} <= decided_date)`);
const compliant: RecordSource = (db, year) =>
  decided(db, year)
    .where(done('comment_end', 'pp_na_reason'))
    .where(done('expert_date', 'expert_na_reason'))
    .where(done('risk_date', 'risk_na_reason'))
    .where(done('legality_date'))
    .where(sql<boolean>`(legality_conclusion is null or legality_conclusion <> 'illegal')`)
    .where(done('deliberation_date'));
const events: RecordSource = (db, year) =>
  within('e.date', year)(db.selectFrom('decision_events as e').innerJoin('decisions as d', 'd.id', 'e.decision_id').select(['e.id', sql<string>`d.title`.as('title'), 'e.unit_id', 'e.date as date']));
// The comments on record, and those an import recorded as a count (numbered 1…n, on the period's
// last day, each listed as "the decision's k-th of n"): the figure counts both exactly.
const comments: RecordSource = (db, year) =>
  within('received_date', year)(db.selectFrom('decision_comments').select(['id', 'title', 'unit_id', 'received_date as date'])).unionAll(
    within('d.comment_end', year)(
      db
        .selectFrom('decisions as d')
        .innerJoin('decision_comment_numbers as k', (join) => join.on('k.n', '<=', sql.ref('d.imported_comments')))
        .select([
          sql<string>`d.id || ${COUNTED_COMMENT_MARK} || cast(k.n as text)`.as('id'),
          sql<string>`d.title || '：征求意见期间收到的意见（批量导入的历史数量，第' || cast(k.n as text) || '条，共' || cast(d.imported_comments as text) || '条）'`.as('title'),
          'd.unit_id',
          'd.comment_end as date',
        ]),
    ),
  );

const postEvaluated: RecordSource = (db, year) => within('post_eval_date', year)(db.selectFrom('decisions').select(['id', 'title', 'unit_id', 'post_eval_date as date']).where('status', '=', 'evaluated'));

const decisionLinks = { recordType: DECISION_RECORD_TYPE, linkPrefix: '/decisions/' };

export const decisionIndicators: IndicatorDef[] = [
  { code: 'decisions.catalog_items', name: '决策事项目录事项', measure: '项', kind: 'count', definition: '年度重大行政决策事项目录中的事项（不含调出目录的）', recordType: CATALOG_RECORD_TYPE, linkPrefix: '/decision-catalog/', records: catalogItems },
  { code: 'decisions.decided', name: '作出重大行政决策', measure: '项', kind: 'count', definition: '年内作出的重大行政决策（按决策日期）', ...decisionLinks, records: decided },
  { code: 'decisions.compliant', name: '法定程序完备的决策', measure: '项', kind: 'count', definition: '年内作出的决策中，各项适用的法定程序均在决策前完成的', ...decisionLinks, records: compliant },
  { code: 'decisions.procedure_compliance_rate', better: 'up', name: '决策程序合规率', measure: '%', kind: 'rate', definition: '法定程序完备的决策 / 作出的决策', numerator: 'decisions.compliant', denominator: 'decisions.decided' },
  { code: 'decisions.consultation_events', name: '听证会、专家论证会、征求意见会', measure: '场', kind: 'count', definition: '年内举行的听证会、专家论证会、座谈会和征求意见会（按举行日期）', recordType: DECISION_RECORD_TYPE, linkPrefix: '/decisions/', records: events },
  { code: 'decisions.public_comments', name: '收到公众意见', measure: '条', kind: 'count', definition: '年内收到的对决策草案的公众意见（按收到日期；批量导入的历史数量按征求意见截止日期）', recordType: COMMENT_RECORD_TYPE, linkPrefix: '/decision-comments/', records: comments },
  { code: 'decisions.post_evaluated', name: '完成决策后评估', measure: '项', kind: 'count', definition: '年内完成的决策后评估（按评估完成日期）', ...decisionLinks, records: postEvaluated },
];
