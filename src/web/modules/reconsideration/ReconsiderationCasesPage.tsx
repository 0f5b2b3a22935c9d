// 行政复议案件: the ledger with the nearest statutory deadline's 红黄牌 and the intake drawer, both
// from the record definition.
import { useState } from 'react';
import { Button, Card, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { post } from '../../api.ts';
import { RecordForm, RecordLedger } from '../../components/records.tsx';
import { DueTag } from '../../components/Light.tsx';
import { StatusTag } from '../../components/WorkflowPanel.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { REVIEW_CASE, REVIEW_STATUSES, REVIEW_WORKFLOW, type ReviewCaseView } from '../../../shared/schemas/reconsideration.ts';

export default function ReconsiderationCasesPage() {
  const { can, me } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  return (
    <Card size="small" title="行政复议案件" extra={can('review.manage') && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>登记申请</Button>}>
      <RecordLedger<ReviewCaseView>
        rowClassName={(r) => (r.nextDue?.light === 'red' ? 'row-overdue' : '')}
        def={REVIEW_CASE}
        url="/review-cases"
        exportName="行政复议案件.xlsx"
        link={{ field: 'applicantName', to: (c) => `/review/${c.id}` }}
        trailing={[
          { key: 'nextDue', title: '最近期限', width: 190, render: (_, c) => (c.nextDue ? <Space direction="vertical" size={0}>{c.nextDue.label}<DueTag due={c.nextDue.due} light={c.nextDue.light} /></Space> : '—') },
          { key: 'status', title: '状态', dataIndex: 'status', width: 130, render: (s: string) => <StatusTag def={REVIEW_WORKFLOW} status={s} /> },
        ]}
        extraFilters={[
          { name: 'status', label: '状态', options: REVIEW_STATUSES },
          { name: 'overdue', label: '期限', options: { true: '仅看逾期' } },
        ]}
      />
      <RecordForm
        def={REVIEW_CASE}
        open={open}
        title="登记行政复议申请"
        submitText="登记"
        initialValues={{ unitId: me?.unit.id, applicantKind: 'person', channel: 'window', receivedDate: chinaDate() }}
        onClose={() => setOpen(false)}
        onSubmit={async (body) => {
          const created = await post<ReviewCaseView>('/review-cases', body);
          client.invalidateQueries({ queryKey: ['/review-cases'] });
          navigate(`/review/${created.id}`);
        }}
      />
    </Card>
  );
}
