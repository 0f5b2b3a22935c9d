// 交办事项 ledger: open matters by deadline with 红黄牌; the law office assigns new ones here.
import { useState } from 'react';
import { Button, Card, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { post } from '../../api.ts';
import { RecordForm, RecordLedger } from '../../components/records.tsx';
import { ruleOption, useRules } from '../../components/rules.ts';
import { DueTag } from '../../components/Light.tsx';
import { StatusTag } from '../../components/WorkflowPanel.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { MATTER, MATTER_STATUSES, MATTER_WORKFLOW, type MatterView } from '../../../shared/schemas/matters.ts';

export default function MattersPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const rules = useRules();
  const [creating, setCreating] = useState(false);
  return (
    <Card size="small" title="交办事项" extra={can('matter.assign') && <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)}>交办事项</Button>}>
      <RecordLedger<MatterView>
        rowClassName={(r) => (r.light === 'red' ? 'row-overdue' : '')}
        def={MATTER}
        url="/matters"
        exportName="交办事项.xlsx"
        link={{ field: 'title', to: (m) => `/matters/${m.id}` }}
        trailing={[
          { key: 'due', title: '办理期限', width: 200, render: (_, m) => (m.due ? <DueTag due={m.due} light={m.light} /> : '—') },
          { key: 'status', title: '状态', width: 120, render: (_, m) => <StatusTag def={MATTER_WORKFLOW} status={m.status} /> },
        ]}
        extraFilters={[
          { name: 'status', label: '状态', options: MATTER_STATUSES },
          { name: 'overdue', label: '期限', options: { true: '仅看逾期' } },
        ]}
      />
      <RecordForm
        def={MATTER}
        open={creating}
        title="交办事项"
        submitText="交办"
        initialValues={{ ruleCode: 'matter.reply', assignedDate: chinaDate() }}
        references={{ ruleCode: (rules.data ?? []).map(ruleOption) }}
        onClose={() => setCreating(false)}
        onSubmit={async (body) => {
          const created = await post<MatterView>('/matters', body);
          client.invalidateQueries({ queryKey: ['/matters'] });
          navigate(`/matters/${created.id}`);
        }}
      />
      <Typography.Text type="secondary">交办后，承办单位的联络员和负责人会在“我的待办”中看到此事项；逾期将自动督办。</Typography.Text>
    </Card>
  );
}
