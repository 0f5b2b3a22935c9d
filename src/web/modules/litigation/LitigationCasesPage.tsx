// 行政应诉: the cases ledger with the defence deadline (红黄牌) and head appearances, and the intake
// drawer, both from the record definition.
import { useState } from 'react';
import { Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { post } from '../../api.ts';
import { RecordForm, RecordLedger } from '../../components/records.tsx';
import { DueTag } from '../../components/Light.tsx';
import { StatusTag } from '../../components/WorkflowPanel.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { CASE_RESULTS, LITIGATION_CASE, LITIGATION_STATUSES, LITIGATION_WORKFLOW, type LitigationCaseView } from '../../../shared/schemas/litigation.ts';

export default function LitigationCasesPage() {
  const { can, me } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  return (
    <Card size="small" title="行政应诉" extra={can('litigation.manage') && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>登记案件</Button>}>
      <RecordLedger<LitigationCaseView>
        rowClassName={(r) => (r.light === 'red' ? 'row-overdue' : '')}
        def={LITIGATION_CASE}
        url="/litigation-cases"
        exportName="行政应诉案件.xlsx"
        leading={[{ key: 'title', title: '案件', dataIndex: 'title', fixed: 'left', ellipsis: true, width: 260, render: (t: string, c) => <Link to={`/litigation/${c.id}`}>{t}</Link> }]}
        trailing={[
          { key: 'defence', title: '答辩期限', width: 190, render: (_, c) => (c.light ? <DueTag due={c.defenceDue!} light={c.light} /> : c.defenceDate ? `已答辩 ${c.defenceDate}` : '—') },
          { key: 'heads', title: '负责人出庭', width: 100, render: (_, c) => (c.hearings ? `${c.headAppearances}/${c.hearings}` : '—') },
          { key: 'status', title: '状态', dataIndex: 'status', width: 130, render: (s: string) => <StatusTag def={LITIGATION_WORKFLOW} status={s} /> },
        ]}
        extraFilters={[
          { name: 'status', label: '状态', options: LITIGATION_STATUSES },
          { name: 'result', label: '结果', options: CASE_RESULTS },
        ]}
      />
      <RecordForm
        def={LITIGATION_CASE}
        open={open}
        title="登记应诉案件"
        submitText="登记"
        initialValues={{ unitId: me?.unit.id, filedDate: chinaDate(), complaintReceivedDate: chinaDate() }}
        onClose={() => setOpen(false)}
        onSubmit={async (body) => {
          const created = await post<LitigationCaseView>('/litigation-cases', body);
          client.invalidateQueries({ queryKey: ['/litigation-cases'] });
          navigate(`/litigation/${created.id}`);
        }}
      />
    </Card>
  );
}
