// 建议提案: suggestions and proposals by lead unit with their reply deadlines; the law office assigns.
// The ledger and the drawer derive from the record definition.
import { useState } from 'react';
import { Button, Card, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { post } from '../../api.ts';
import { RecordForm, RecordLedger } from '../../components/records.tsx';
import { DueTag } from '../../components/Light.tsx';
import { StatusTag } from '../../components/WorkflowPanel.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { PROPOSAL, PROPOSAL_STATUSES, PROPOSAL_WORKFLOW, type ProposalView } from '../../../shared/schemas/proposals.ts';

export default function ProposalsPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  return (
    <Card size="small" title="建议提案办理" extra={can('proposal.manage') && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>交办</Button>}>
      <RecordLedger<ProposalView>
        rowClassName={(r) => (r.light === 'red' ? 'row-overdue' : '')}
        def={PROPOSAL}
        url="/proposals"
        exportName="建议提案.xlsx"
        link={{ field: 'title', to: (p) => `/proposals/${p.id}` }}
        trailing={[
          { key: 'due', title: '答复期限', width: 190, render: (_, p) => (p.light ? <DueTag due={p.due!} light={p.light} /> : p.due ? <Space size={4}>{p.due}{p.onTime === false && <Tag color="red">超期</Tag>}</Space> : '—') },
          { key: 'status', title: '状态', dataIndex: 'status', width: 100, render: (s: string) => <StatusTag def={PROPOSAL_WORKFLOW} status={s} /> },
        ]}
        extraFilters={[{ name: 'status', label: '状态', options: PROPOSAL_STATUSES }]}
      />
      <RecordForm
        def={PROPOSAL}
        open={open}
        title="交办建议提案"
        submitText="交办"
        initialValues={{ kind: 'npc', assignedDate: chinaDate(), filed: true }}
        onClose={() => setOpen(false)}
        onSubmit={async (body) => {
          // Filing applies to CPPCC proposals only: an NPC suggestion carries none.
          const created = await post<ProposalView>('/proposals', { ...body, filed: body.kind === 'cppcc' ? body.filed : null });
          client.invalidateQueries({ queryKey: ['/proposals'] });
          navigate(`/proposals/${created.id}`);
        }}
      />
    </Card>
  );
}
