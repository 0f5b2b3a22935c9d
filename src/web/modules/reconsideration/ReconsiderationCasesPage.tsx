// 行政复议案件: the ledger with the nearest statutory deadline's 红黄牌 and the intake drawer, both
// from the record definition.
import { Space } from 'antd';
import { LedgerPage, OVERDUE_FILTER } from '../../components/pages.tsx';
import { DueTag } from '../../components/Light.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import type { ReviewCaseView } from '../../../shared/schemas/reconsideration.ts';
import { REVIEW_PAGES } from './pages.ts';
import { RuleLabel } from '../../components/RuleTip.tsx';

export default function ReconsiderationCasesPage() {
  const { can, me } = useAuth();
  return (
    <LedgerPage<ReviewCaseView>
      pages={REVIEW_PAGES}
      title="行政复议案件"
      create={can('review.manage') && { button: '登记申请', title: '登记行政复议申请', submitText: '登记', initialValues: { unitId: me?.unit.id, applicantKind: 'person', channel: 'window', receivedDate: chinaDate() } }}
      rowClassName={(r) => (r.nextDue?.light === 'red' ? 'row-overdue' : '')}
      exportName="行政复议案件.xlsx"
      link="applicantName"
      trailing={[
        { key: 'nextDue', title: <RuleLabel label="最近期限" rules={['review.accept', 'review.notify_respondent', 'review.respondent_reply', 'review.decide', 'review.decide_simple']} />, width: 190, render: (_, c) => (c.nextDue ? <Space direction="vertical" size={0}>{c.nextDue.label}<DueTag due={c.nextDue.due} light={c.nextDue.light} /></Space> : '—') },
      ]}
      extraFilters={[OVERDUE_FILTER]}
    />
  );
}
