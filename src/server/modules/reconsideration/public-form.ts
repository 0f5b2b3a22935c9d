// The online reconsideration application (行政复议法 arts. 22, 30, 31): the applicant's own fields of
// the case definition, made to a county government (the 复议机关 since the 2023 reform), landing in
// the intake through createCase with the 5-working-day acceptance review running from today.
import type { PublicFormDef } from '../../kernel/public/types.ts';
import { REVIEW_CASE, REVIEW_WORKFLOW } from '../../../shared/schemas/reconsideration.ts';
import type { RecordInput } from '../../../shared/records.ts';
import { createCase } from './reconsideration.ts';

export const reviewApplicationForm: PublicFormDef = {
  key: 'review-application',
  title: '行政复议申请',
  record: REVIEW_CASE,
  workflow: REVIEW_WORKFLOW,
  fields: [
    { name: 'applicantKind' },
    { name: 'applicantName', hint: '自然人填写姓名；法人或者其他组织填写全称' },
    { name: 'applicantIdNumber', required: true, hint: '法人或者其他组织申请的，填写法定代表人或者主要负责人的身份证号码' },
    { name: 'applicantPhone', required: true, hint: '用于联系您、通知补正和送达' },
    { name: 'respondent', hint: '作出行政行为的行政机关，如：示范县市场监督管理局' },
    { name: 'act', hint: '写明行政行为的名称、文号和作出日期，如：行政处罚决定书（示市监罚〔2025〕12号）' },
    { name: 'reviewRequest', required: true, hint: '如：请求撤销示市监罚〔2025〕12号行政处罚决定' },
    { name: 'factsAndReasons', required: true, hint: '写明事情经过和您认为该行政行为违法或者不当的理由' },
  ],
  unit: {
    field: 'unitId',
    hint: '县级以上地方各级人民政府管辖对本级人民政府工作部门及其派出机构、下一级人民政府作出的行政行为不服的行政复议案件',
    choices: (db) => db.selectFrom('org_units').select(['id', 'name']).where('kind', '=', 'county').where('active', '=', 1).orderBy('sort_order').orderBy('code').execute(),
  },
  create: (tx, platform, actor, scope, input) => createCase(tx, platform, actor, scope, { ...(input as unknown as RecordInput<typeof REVIEW_CASE>), channel: 'online' }),
  managePermission: 'review.manage',
  supplement: { request: 'request_supplement', state: 'supplementing', answer: 'supplement_received' },
  clocks: { accept: '受理审查期限', supplement: '补正期限', decide: '复议决定期限' },
  dates: [
    { column: 'accepted_date', label: '受理' },
    { column: 'closed_date', label: '结案' },
  ],
  periods: [
    { action: '决定是否受理（期满未决定的，视为受理）', rule: 'review.accept' },
    { action: '作出行政复议决定（自受理之日起60日内，按最迟受理日计算；情况复杂的，经批准可延长不超过30日）', rule: 'review.decide', after: 0 },
  ],
  attachments: { label: '申请材料', max: 5, hint: '如行政行为的决定书、身份证件、证据材料等' },
};
