import { Breadcrumb, Card, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { get } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { StatusTag, WorkflowPanel } from '../../components/WorkflowPanel.tsx';
import { MATTER, MATTER_WORKFLOW, type MatterDetail } from '../../../shared/schemas/matters.ts';
import { RecordFields } from '../../components/records.tsx';

export default function MatterDetailPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const matter = useQuery({ queryKey: ['matter', id], queryFn: () => get<MatterDetail>(`/matters/${id}`) });
  const m = matter.data;
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/matters">交办事项</Link> }, { title: m?.title ?? '…' }]} />
      <ErrorNotice error={matter.error} />
      <Card size="small" loading={matter.isLoading} title={m?.title} extra={m && <StatusTag def={MATTER_WORKFLOW} status={m.status} />} style={{ marginBottom: 12 }}>
        {m && <RecordFields def={MATTER} view={{ ...m, reply: m.reply ?? <Typography.Text type="secondary">尚未报送</Typography.Text> }} />}
      </Card>
      {m && <WorkflowPanel def={MATTER_WORKFLOW} recordId={id} onChanged={() => client.invalidateQueries({ queryKey: ['matter', id] })} />}
    </>
  );
}
