// 依申请公开: the requests ledger with their reply deadlines (红黄牌) and the intake drawer, both from
// the record definition.
import { useState } from 'react';
import { Button, Card, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { post } from '../../api.ts';
import { RecordForm, RecordLedger } from '../../components/records.tsx';
import { DueTag } from '../../components/Light.tsx';
import { StatusTag } from '../../components/WorkflowPanel.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { DISCLOSURE_REQUEST, DISCLOSURE_STATUSES, DISCLOSURE_WORKFLOW, type DisclosureRequestView } from '../../../shared/schemas/disclosure.ts';

export default function DisclosureRequestsPage() {
  const { can, me } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  return (
    <Card size="small" title="依申请公开" extra={can('foi.manage') && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>登记申请</Button>}>
      <RecordLedger<DisclosureRequestView>
        rowClassName={(r) => (r.light === 'red' ? 'row-overdue' : '')}
        def={DISCLOSURE_REQUEST}
        url="/foi-requests"
        exportName="依申请公开.xlsx"
        leading={[{ key: 'title', title: '申请', dataIndex: 'title', fixed: 'left', ellipsis: true, width: 280, render: (t: string, r) => <Link to={`/foi/${r.id}`}>{t}</Link> }]}
        trailing={[
          { key: 'due', title: '答复期限', width: 200, render: (_, r) => (r.light ? <DueTag due={r.due!} light={r.light} /> : (r.due ?? '—')) },
          { key: 'status', title: '状态', dataIndex: 'status', width: 170, render: (s: string, r) => <Space size={4}><StatusTag def={DISCLOSURE_WORKFLOW} status={s} />{r.onTime === false && <Tag color="red">超期</Tag>}</Space> },
        ]}
        extraFilters={[
          { name: 'status', label: '状态', options: DISCLOSURE_STATUSES },
          { name: 'overdue', label: '答复期限', options: { true: '仅看逾期' } },
        ]}
      />
      <RecordForm
        def={DISCLOSURE_REQUEST}
        open={open}
        title="登记政府信息公开申请"
        submitText="登记"
        initialValues={{ unitId: me?.unit.id, channel: 'online', receivedDate: chinaDate() }}
        onClose={() => setOpen(false)}
        onSubmit={async (body) => {
          const created = await post<DisclosureRequestView>('/foi-requests', body);
          client.invalidateQueries({ queryKey: ['/foi-requests'] });
          navigate(`/foi/${created.id}`);
        }}
      />
    </Card>
  );
}
