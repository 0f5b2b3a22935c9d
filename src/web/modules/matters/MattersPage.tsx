// 交办事项 ledger: open matters by deadline with 红黄牌; the law office assigns new ones here.
import { Typography } from 'antd';
import { LedgerPage, OVERDUE_FILTER } from '../../components/pages.tsx';
import { ruleOption, useRules } from '../../components/rules.ts';
import { DueTag } from '../../components/Light.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import type { MatterView } from '../../../shared/schemas/matters.ts';
import { MATTER_PAGES } from './pages.ts';
import { RuleLabel } from '../../components/RuleTip.tsx';

export default function MattersPage() {
  const { can } = useAuth();
  const rules = useRules();
  const references = { ruleCode: (rules.data ?? []).map(ruleOption) };
  return (
    <LedgerPage<MatterView>
      pages={MATTER_PAGES}
      create={can('matter.assign') && { title: '交办事项', submitText: '交办', initialValues: { ruleCode: 'matter.reply', assignedDate: chinaDate() }, references }}
      link="title"
      trailing={[{ key: 'due', title: <RuleLabel label="办理期限" rules={['matter.reply']} />, width: 200, render: (_, m) => (m.due ? <DueTag due={m.due} light={m.light} /> : '—') }]}
      extraFilters={[OVERDUE_FILTER]}
    >
      <Typography.Text type="secondary">交办后，承办单位的联络员和负责人会在“我的待办”中看到此事项；逾期将自动督办。</Typography.Text>
    </LedgerPage>
  );
}
