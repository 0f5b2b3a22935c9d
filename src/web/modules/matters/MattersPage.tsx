// 交办事项 ledger: open matters by deadline with 红黄牌; the law office assigns new ones here.
import { Card, Typography } from 'antd';
import { CreateRecord, RecordLedger } from '../../components/records.tsx';
import { ruleOption, useRules } from '../../components/rules.ts';
import { DueTag } from '../../components/Light.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { MATTER, MATTER_WORKFLOW, type MatterView } from '../../../shared/schemas/matters.ts';

export default function MattersPage() {
  const { can } = useAuth();
  const rules = useRules();
  return (
    <Card
      size="small"
      title="交办事项"
      extra={can('matter.assign') && (
        <CreateRecord<MatterView>
          def={MATTER}
          api="/matters"
          title="交办事项"
          submitText="交办"
          initialValues={{ ruleCode: 'matter.reply', assignedDate: chinaDate() }}
          references={{ ruleCode: (rules.data ?? []).map(ruleOption) }}
          to={(m) => `/matters/${m.id}`}
        />
      )}
    >
      <RecordLedger<MatterView>
        rowClassName={(r) => (r.light === 'red' ? 'row-overdue' : '')}
        def={MATTER}
        workflow={MATTER_WORKFLOW}
        url="/matters"
        exportName="交办事项.xlsx"
        link={{ field: 'title', to: (m) => `/matters/${m.id}` }}
        trailing={[{ key: 'due', title: '办理期限', width: 200, render: (_, m) => (m.due ? <DueTag due={m.due} light={m.light} /> : '—') }]}
        extraFilters={[{ name: 'overdue', label: '期限', options: { true: '仅看逾期' } }]}
      />
      <Typography.Text type="secondary">交办后，承办单位的联络员和负责人会在“我的待办”中看到此事项；逾期将自动督办。</Typography.Text>
    </Card>
  );
}
