import { Breadcrumb, Card } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { get } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { RecordFields } from '../../components/records.tsx';
import { StatusTag, WorkflowPanel } from '../../components/WorkflowPanel.tsx';
import { DISPUTE, DISPUTE_WORKFLOW, type DisputeView } from '../../../shared/schemas/mediation.ts';

export default function DisputeDetailPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: ['dispute', id], queryFn: () => get<DisputeView>(`/disputes/${id}`) });
  const d = detail.data;
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/disputes">矛盾纠纷调解</Link> }, { title: d?.title ?? '…' }]} />
      <ErrorNotice error={detail.error} />
      <Card size="small" loading={detail.isLoading} title={d?.title} extra={d && <StatusTag def={DISPUTE_WORKFLOW} status={d.status} />} style={{ marginBottom: 12 }}>
        {d && <RecordFields def={DISPUTE} view={{ ...d, linkedTitle: d.linkedDisputeId ? <Link to={`/disputes/${d.linkedDisputeId}`}>{d.linkedTitle}</Link> : null }} />}
      </Card>
      {d && <WorkflowPanel def={DISPUTE_WORKFLOW} recordId={id} onChanged={() => client.invalidateQueries({ queryKey: ['dispute', id] })} />}
    </>
  );
}
