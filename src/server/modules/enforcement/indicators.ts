// Figures of enforcement (domain.md §4, issue 16): officers and supervisors in post at the end of Y,
// those of them holding a certificate valid that day, and the certificates issued (or renewed) in Y.
import { sql } from 'kysely';
import type { IndicatorDef, RecordSource } from '../../kernel/indicators/registry.ts';
import { onTimeFigure } from '../../kernel/indicators/on-time.ts';
import { COMPLAINT_RECORD_TYPE, TRANSFER_RECORD_TYPE, CASE_RECORD_TYPE, FILE_REVIEW_RECORD_TYPE, SUPERVISION_RECORD_TYPE, LIST_ITEM_RECORD_TYPE, OFFICER_RECORD_TYPE, type EnforcementList } from '../../../shared/schemas/enforcement.ts';

const yearEnd = (year: number) => `${year}-12-31`;

/** In post at the end of Y: registered (or first certified) by then, and not left or struck off by then. */
const inPost = (supervisor: 0 | 1): RecordSource => (db, year) =>
  db
    .selectFrom('enforcement_officers as o')
    .select(['o.id', 'o.name as title', 'o.unit_id', 'o.since_date as date'])
    .where('o.supervisor', '=', supervisor)
    .where('o.since_date', '<=', yearEnd(year))
    .where((eb) => eb.or([eb('o.left_date', 'is', null), eb('o.left_date', '>', yearEnd(year))]))
    .where((eb) => eb.or([eb('o.revoked_date', 'is', null), eb('o.revoked_date', '>', yearEnd(year))]));

/**
 * Holding a valid certificate at the end of Y: the certificate's last event by then is an issue,
 * renewal or reinstatement, and the validity it carries reaches that day.
 */
const certifiedAtEnd: RecordSource = (db, year) =>
  inPost(0)(db, year).where((eb) =>
    eb.exists(
      eb
        .selectFrom('enforcement_certificate_events as e')
        .select('e.id')
        .whereRef('e.officer_id', '=', 'o.id')
        .where('e.date', '<=', yearEnd(year))
        .where('e.kind', 'in', ['issue', 'renew', 'reinstate'])
        .where('e.valid_until', '>=', yearEnd(year))
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('enforcement_certificate_events as x')
                .select('x.id')
                .whereRef('x.officer_id', '=', 'e.officer_id')
                .where('x.date', '<=', yearEnd(year))
                .where(sql<boolean>`(x.date > e.date or (x.date = e.date and x.created_at > e.created_at))`),
            ),
          ),
        ),
    ),
  );

const issuedIn: RecordSource = (db, year) =>
  db
    .selectFrom('enforcement_certificate_events as e')
    .innerJoin('enforcement_officers as o', 'o.id', 'e.officer_id')
    .select(['e.id', 'o.name as title', 'e.unit_id', 'e.date'])
    .where('e.kind', 'in', ['issue', 'renew'])
    .where('e.date', '>=', `${year}-01-01`)
    .where('e.date', '<=', yearEnd(year));

/** Items of the lists in force at the end of Y: published by then, not repealed by then. */
const listItems = (lists: EnforcementList[]): RecordSource => (db, year) =>
  db
    .selectFrom('enforcement_list_items')
    .select(['id', 'title', 'unit_id', 'published_date as date'])
    .where('list', 'in', lists)
    .where('published_date', '<=', yearEnd(year))
    .where((eb) => eb.or([eb('repealed_date', 'is', null), eb('repealed_date', '>', yearEnd(year))]));
const items = { recordType: LIST_ITEM_RECORD_TYPE, linkPrefix: null };

/** Cases decided in Y (by the decision's date); the table is not aliased, as the on-time figure's clock join wants. */
const decidedIn: RecordSource = (db, year) =>
  db.selectFrom('enforcement_cases').select(['id', 'title', 'unit_id', 'decided_date as date']).where('decided_date', '>=', `${year}-01-01`).where('decided_date', '<=', yearEnd(year));
const majorDecidedIn: RecordSource = (db, year) => decidedIn(db, year).where('major', '=', 1);
const cases = { recordType: CASE_RECORD_TYPE, linkPrefix: '/enforcement/cases/' };

/** Files scored in Y (by the review's date), each listed under its case's title. */
const filesReviewedIn: RecordSource = (db, year) =>
  db
    .selectFrom('enforcement_file_reviews as f')
    .innerJoin('enforcement_cases as c', 'c.id', 'f.case_id')
    .select(['f.id', 'c.title', 'f.unit_id', 'f.reviewed_date as date'])
    .where('f.score', 'is not', null)
    .where('f.reviewed_date', '>=', `${year}-01-01`)
    .where('f.reviewed_date', '<=', yearEnd(year));
const files = { recordType: FILE_REVIEW_RECORD_TYPE, linkPrefix: null };

const supervisions = { recordType: SUPERVISION_RECORD_TYPE, linkPrefix: '/enforcement/supervisions/' };

/** Complaints received in Y (by the day received); the table is not aliased, as the on-time figure's clock join wants. */
const complaintsIn: RecordSource = (db, year) =>
  db.selectFrom('enforcement_complaints').select(['id', 'title', 'unit_id', 'received_date as date']).where('received_date', '>=', `${year}-01-01`).where('received_date', '<=', yearEnd(year));
const complaintsReplied: RecordSource = (db, year) => complaintsIn(db, year).where('status', '=', 'replied');
const complaints = { recordType: COMPLAINT_RECORD_TYPE, linkPrefix: '/enforcement/complaints/' };

/** Cases transferred to the public-security organs in Y (by the transfer's date). */
const transfersIn: RecordSource = (db, year) =>
  db
    .selectFrom('enforcement_transfers as t')
    .innerJoin('enforcement_cases as c', 'c.id', 't.case_id')
    .select(['t.id', 'c.title', 't.unit_id', 't.transfer_date as date'])
    .where('t.transfer_date', '>=', `${year}-01-01`)
    .where('t.transfer_date', '<=', yearEnd(year));
const transfers = { recordType: TRANSFER_RECORD_TYPE, linkPrefix: null };

const officers = { recordType: OFFICER_RECORD_TYPE, linkPrefix: '/enforcement/officers/' };

export const enforcementIndicators: IndicatorDef[] = [
  { code: 'enforcement.officers', name: '行政执法人员', measure: '人', kind: 'count', definition: '年末在岗的行政执法人员（不含监督人员；登记或首次取得执法证不晚于年末，且年末前未离岗、注销）', ...officers, records: inPost(0) },
  { code: 'enforcement.certified', name: '持有效执法证人员', measure: '人', kind: 'count', definition: '其中年末持有有效执法证的（未过期，未暂扣、收回）', ...officers, records: certifiedAtEnd },
  { code: 'enforcement.certified_rate', name: '持证率', measure: '%', kind: 'rate', definition: '持有效执法证人员 / 行政执法人员', numerator: 'enforcement.certified', denominator: 'enforcement.officers' },
  { code: 'enforcement.supervisors', name: '行政执法监督人员', measure: '人', kind: 'count', definition: '年末在岗的行政执法监督人员', ...officers, records: inPost(1) },
  { code: 'enforcement.certificates_issued', name: '发放执法证', measure: '本', kind: 'count', definition: '年内发放（含换发）的执法证和执法监督证（按发证日期）', recordType: 'enforcement_certificate_event', linkPrefix: null, records: issuedIn },
  { code: 'enforcement.list_no_penalty', name: '不予处罚事项', measure: '项', kind: 'count', definition: '年末现行的不予行政处罚事项清单事项', ...items, records: listItems(['no_penalty']) },
  { code: 'enforcement.list_lighter', name: '从轻处罚事项', measure: '项', kind: 'count', definition: '年末现行的从轻行政处罚事项清单事项', ...items, records: listItems(['lighter']) },
  { code: 'enforcement.list_mitigated', name: '减轻处罚事项', measure: '项', kind: 'count', definition: '年末现行的减轻行政处罚事项清单事项', ...items, records: listItems(['mitigated']) },
  { code: 'enforcement.list_no_coercion', name: '不予实施行政强制事项', measure: '项', kind: 'count', definition: '年末现行的不予实施行政强制措施事项清单事项', ...items, records: listItems(['no_coercion']) },
  { code: 'enforcement.inspection_items', name: '检查事项', measure: '项', kind: 'count', definition: '年末现行的分类检查事项目录事项（一般检查事项与重点检查事项）', ...items, records: listItems(['inspection_general', 'inspection_key']) },
  { code: 'enforcement.inspection_items_key', name: '重点检查事项', measure: '项', kind: 'count', definition: '其中重点检查事项', ...items, records: listItems(['inspection_key']) },
  { code: 'enforcement.cases', name: '行政执法案件', measure: '件', kind: 'count', definition: '年内作出决定的行政执法案件（行政检查、处罚、强制、许可等，按决定日期）', ...cases, records: decidedIn },
  { code: 'enforcement.cases_penalty', name: '行政处罚案件', measure: '件', kind: 'count', definition: '其中行政处罚案件', ...cases, records: (db, y) => decidedIn(db, y).where('kind', '=', 'penalty') },
  { code: 'enforcement.cases_licence', name: '行政许可决定', measure: '件', kind: 'count', definition: '其中行政许可案件（政府信息公开工作年度报告表二“行政许可本年处理决定数量”）', ...cases, records: (db, y) => decidedIn(db, y).where('kind', '=', 'licence') },
  { code: 'enforcement.cases_coercion', name: '行政强制决定', measure: '件', kind: 'count', definition: '其中行政强制案件（政府信息公开工作年度报告表二“行政强制本年处理决定数量”）', ...cases, records: (db, y) => decidedIn(db, y).where('kind', '=', 'coercion') },
  onTimeFigure({ code: 'enforcement.disclosed_on_time', name: '按时公示执法决定', definition: '年内作出的执法决定中，在公示期限内公示的（行政处罚、许可7个工作日，其他20个工作日）', ...cases, done: (db, y) => decidedIn(db, y).where('disclosed_date', 'is not', null), table: 'enforcement_cases', doneColumn: 'disclosed_date', clockKey: 'disclosure' }),
  { code: 'enforcement.disclosed_on_time_rate', name: '执法决定按时公示率', measure: '%', kind: 'rate', definition: '按时公示执法决定 / 行政执法案件', numerator: 'enforcement.disclosed_on_time', denominator: 'enforcement.cases', better: 'up' },
  { code: 'enforcement.cases_major', name: '重大执法决定', measure: '件', kind: 'count', definition: '年内作出的重大执法决定', ...cases, records: majorDecidedIn },
  { code: 'enforcement.major_reviewed', name: '经法制审核的重大执法决定', measure: '件', kind: 'count', definition: '年内作出的重大执法决定中，决定前经法制审核的', ...cases, records: (db, y) => majorDecidedIn(db, y).where('legal_review_date', 'is not', null).whereRef('legal_review_date', '<=', 'decided_date') },
  { code: 'enforcement.major_reviewed_rate', name: '重大执法决定法制审核率', measure: '%', kind: 'rate', definition: '经法制审核的重大执法决定 / 重大执法决定', numerator: 'enforcement.major_reviewed', denominator: 'enforcement.cases_major', better: 'up' },
  { code: 'enforcement.files_reviewed', name: '评查执法案卷', measure: '份', kind: 'count', definition: '年内完成评分的行政执法案卷（按评查日期）', ...files, records: filesReviewedIn },
  { code: 'enforcement.files_passed', name: '评查合格案卷', measure: '份', kind: 'count', definition: '其中评查合格的', ...files, records: (db, y) => filesReviewedIn(db, y).where('f.passed', '=', 1) },
  { code: 'enforcement.file_review_pass_rate', name: '案卷评查合格率', measure: '%', kind: 'rate', definition: '评查合格案卷 / 评查执法案卷', numerator: 'enforcement.files_passed', denominator: 'enforcement.files_reviewed', better: 'up' },
  { code: 'enforcement.supervisions', name: '行政执法监督', measure: '次', kind: 'count', definition: '年内开展的日常、重点、专项行政执法监督（按开始日期）', ...supervisions, records: (db, y) => db.selectFrom('enforcement_supervisions').select(['id', 'title', 'unit_id', 'start_date as date']).where('start_date', '>=', `${y}-01-01`).where('start_date', '<=', yearEnd(y)) },
  { code: 'enforcement.supervision_opinions', name: '制发行政执法监督意见书', measure: '份', kind: 'count', definition: '年内制发的行政执法监督意见书（按意见书日期）', ...supervisions, records: (db, y) => db.selectFrom('enforcement_supervisions').select(['id', 'title', 'unit_id', 'opinion_date as date']).where('opinion_date', '>=', `${y}-01-01`).where('opinion_date', '<=', yearEnd(y)) },
  { code: 'enforcement.evaluations', name: '执法评议', measure: '次', kind: 'count', definition: '年内对执法主体作出的执法评议（按评议日期）', ...supervisions, records: (db, y) => db.selectFrom('enforcement_supervisions').select(['id', 'title', 'unit_id', 'evaluation_date as date']).where('evaluation_date', '>=', `${y}-01-01`).where('evaluation_date', '<=', yearEnd(y)) },
  { code: 'enforcement.evaluations_failed', name: '执法评议不合格', measure: '次', kind: 'count', definition: '其中评议结果为不合格的', ...supervisions, records: (db, y) => db.selectFrom('enforcement_supervisions').select(['id', 'title', 'unit_id', 'evaluation_date as date']).where('evaluation_date', '>=', `${y}-01-01`).where('evaluation_date', '<=', yearEnd(y)).where('evaluation_result', '=', 'fail') },
  { code: 'enforcement.complaints', name: '行政执法投诉举报', measure: '件', kind: 'count', definition: '年内收到的行政执法投诉举报（含网上提交，按收到日期）', ...complaints, records: complaintsIn },
  { code: 'enforcement.complaints_replied', name: '已答复投诉举报', measure: '件', kind: 'count', definition: '其中已核查处理并答复的', ...complaints, records: complaintsReplied },
  onTimeFigure({ code: 'enforcement.complaints_on_time', name: '按期办结投诉举报', definition: '已答复中，不晚于答复期限答复的', ...complaints, done: complaintsReplied, table: 'enforcement_complaints', doneColumn: 'reply_date', clockKey: 'reply' }),
  { code: 'enforcement.complaints_on_time_rate', name: '投诉举报按期办结率', measure: '%', kind: 'rate', definition: '按期办结投诉举报 / 已答复投诉举报', numerator: 'enforcement.complaints_on_time', denominator: 'enforcement.complaints_replied', better: 'up' },
  { code: 'enforcement.transfers', name: '移送涉嫌犯罪案件', measure: '件', kind: 'count', definition: '年内移送公安机关的涉嫌犯罪案件（两法衔接，按移送日期）', ...transfers, records: transfersIn },
];
