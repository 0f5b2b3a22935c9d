// Figures of normative documents (domain.md §4): reviews by the review date, documents by the
// publication date, filing within the `normdoc.filing` clock, and those in force at the end of Y.
import type { IndicatorDef, RecordSource } from '../../kernel/indicators/registry.ts';
import { onTimeFigure } from '../../kernel/indicators/on-time.ts';
import { ADVISOR_RECORD_TYPE, LEGAL_REVIEW_RECORD_TYPE, NORMDOC_RECORD_TYPE } from '../../../shared/schemas/normative.ts';

const docs = (db: Parameters<RecordSource>[0], column: 'reviewed_date' | 'issued_date', y: number) =>
  db.selectFrom('normative_docs').select(['id', 'title', 'unit_id', `${column} as date`]).where(column, '>=', `${y}-01-01`).where(column, '<=', `${y}-12-31`);
const issuedIn: RecordSource = (db, y) => docs(db, 'issued_date', y);
const filedIn: RecordSource = (db, y) => issuedIn(db, y).where('filing_done_date', 'is not', null);
const common = { recordType: NORMDOC_RECORD_TYPE, linkPrefix: '/normative-docs/' };
// Both filing clocks start on publication under the one rule normdoc.filing, so their due dates are
// the same day: "filed on time" compares the later filing (filing_done_date) with the government's clock.
const completedIn: RecordSource = (db, y) => db.selectFrom('legal_reviews').select(['id', 'title', 'unit_id', 'completed_date as date']).where('completed_date', '>=', `${y}-01-01`).where('completed_date', '<=', `${y}-12-31`);
const reviews = { recordType: LEGAL_REVIEW_RECORD_TYPE, linkPrefix: '/legal-reviews/' };

export const normativeIndicators: IndicatorDef[] = [
  { code: 'docs.reviewed', name: '规范性文件合法性审查', measure: '件', kind: 'count', definition: '年内完成合法性审查的规范性文件草案（按审查完成日期）', ...common, records: (db, y) => docs(db, 'reviewed_date', y) },
  { code: 'docs.issued', name: '印发规范性文件', measure: '件', kind: 'count', definition: '年内公布的规范性文件（按公布日期）', ...common, records: issuedIn },
  { code: 'docs.filed', name: '报送备案规范性文件', measure: '件', kind: 'count', definition: '年内公布的规范性文件中已向上一级人民政府和本级人大常委会报送备案的', ...common, records: filedIn },
  onTimeFigure({ code: 'docs.filed_on_time', name: '按时报送备案规范性文件', definition: '年内公布的规范性文件中，在备案期限内（期限规则“行政规范性文件报送备案”）向两个备案机关都报送备案的', ...common, done: filedIn, table: 'normative_docs', doneColumn: 'filing_done_date', clockKey: 'filing' }),
  { code: 'docs.filed_on_time_rate', name: '规范性文件按时备案率', measure: '%', kind: 'rate', definition: '按时报送备案 / 年内公布', numerator: 'docs.filed_on_time', denominator: 'docs.issued', better: 'up' },
  {
    code: 'docs.in_force',
    name: '现行有效规范性文件',
    measure: '件',
    kind: 'count',
    definition: '年末现行有效的规范性文件（已公布，年末未修改、废止或失效）',
    ...common,
    records: (db, y) =>
      db
        .selectFrom('normative_docs')
        .select(['id', 'title', 'unit_id', 'issued_date as date'])
        .where('issued_date', '<=', `${y}-12-31`)
        .where((eb) => eb.or([eb('status', '=', 'in_force'), eb('ended_date', '>', `${y}-12-31`)])),
  },
  {
    code: 'docs.repealed',
    name: '废止规范性文件',
    measure: '件',
    kind: 'count',
    definition: '年内废止或宣布失效的规范性文件（按废止、失效日期；政府信息公开工作年度报告表二“本年废止件数”）',
    ...common,
    records: (db, y) =>
      db.selectFrom('normative_docs').select(['id', 'title', 'unit_id', 'ended_date as date']).where('status', 'in', ['repealed', 'expired']).where('ended_date', '>=', `${y}-01-01`).where('ended_date', '<=', `${y}-12-31`),
  },
  { code: 'legal_review.contracts', name: '政府合同合法性审查', measure: '件', kind: 'count', definition: '年内完成合法性审查的政府合同（按审查完成日期）', ...reviews, records: (db, y) => completedIn(db, y).where('kind', '=', 'contract') },
  { code: 'legal_review.other', name: '其他涉法事务合法性审查', measure: '件', kind: 'count', definition: '年内完成合法性审查的常务会议题、会议纪要、行政执法决定等政府合同以外的事项', ...reviews, records: (db, y) => completedIn(db, y).where('kind', '!=', 'contract') },
  {
    code: 'docs.cleanup_flagged',
    name: '清理中提出修改、废止或宣布失效的规范性文件',
    measure: '件',
    kind: 'count',
    definition: '年内完成的清理中，清理结果为修改、废止或宣布失效的文件（按清理完成日期，计入起草单位；一件文件在两次清理中各计一次）',
    ...common,
    records: (db, y) =>
      db
        .selectFrom('normative_docs as d')
        .innerJoin('normdoc_cleanup_items as i', 'i.doc_id', 'd.id')
        .select(['d.id', 'd.title', 'd.unit_id', 'i.finished_date as date'])
        .where('i.result', 'in', ['amend', 'repeal', 'expire'])
        .where('i.finished_date', '>=', `${y}-01-01`)
        .where('i.finished_date', '<=', `${y}-12-31`),
  },
  {
    code: 'advisors.count',
    name: '法律顾问、公职律师',
    measure: '人',
    kind: 'count',
    definition: '年内在聘期内的法律顾问和公职律师（聘期与该年有交集；计入聘请单位）',
    recordType: ADVISOR_RECORD_TYPE,
    linkPrefix: '/legal-advisors/',
    records: (db, y) =>
      db
        .selectFrom('legal_advisors')
        .select(['id', 'name as title', 'unit_id', 'contract_start as date'])
        .where('contract_start', '<=', `${y}-12-31`)
        .where((eb) => eb.or([eb('contract_end', 'is', null), eb('contract_end', '>=', `${y}-01-01`)])),
  },
  {
    code: 'advisors.engagements',
    name: '法律顾问、公职律师服务',
    measure: '次',
    kind: 'count',
    definition: '年内法律顾问和公职律师参与合法性审查、列席会议、代理复议诉讼等服务的次数（按服务日期，计入聘请单位）',
    recordType: 'advisor_engagement',
    linkPrefix: '/legal-advisors/',
    // One row per engagement, named by its advisor (the record the figure's list links to).
    records: (db, y) => db.selectFrom('legal_advisors as a').innerJoin('advisor_engagements as e', 'e.advisor_id', 'a.id').select(['a.id', 'e.subject as title', 'e.unit_id', 'e.date']).where('e.date', '>=', `${y}-01-01`).where('e.date', '<=', `${y}-12-31`),
  },
  { code: 'legal_review.opinions', name: '出具书面合法性审查意见', measure: '份', kind: 'count', definition: '年内完成审查并出具书面审查意见的', ...reviews, records: (db, y) => completedIn(db, y).where('written_opinion', '=', 1) },
];
