import { Breadcrumb, Card, Space, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { get } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { RecordFields } from '../../components/records.tsx';
import { DueTag } from '../../components/Light.tsx';
import { StatusTag, WorkflowPanel } from '../../components/WorkflowPanel.tsx';
import { PROPOSAL, PROPOSAL_WORKFLOW, type ProposalDetail } from '../../../shared/schemas/proposals.ts';

export default function ProposalDetailPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: ['proposal', id], queryFn: () => get<ProposalDetail>(`/proposals/${id}`) });
  const p = detail.data;
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/proposals">建议提案</Link> }, { title: p?.title ?? '…' }]} />
      <ErrorNotice error={detail.error} />
      <Card size="small" loading={detail.isLoading} title={p?.title} extra={p && <Space><StatusTag def={PROPOSAL_WORKFLOW} status={p.status} />{p.onTime === false && <Tag color="red">超期答复</Tag>}</Space>} style={{ marginBottom: 12 }}>
        {p && (
          <RecordFields
            def={PROPOSAL}
            // Filing applies to CPPCC proposals only (an NPC suggestion shows none).
            view={{ ...p, filed: p.kind === 'cppcc' ? p.filed : null }}
            extra={[{ label: '答复期限', value: p.light ? <DueTag due={p.due!} light={p.light} /> : (p.due ?? '—') }]}
          />
        )}
      </Card>
      {p && <WorkflowPanel def={PROPOSAL_WORKFLOW} recordId={id} onChanged={() => client.invalidateQueries({ queryKey: ['proposal', id] })} />}
    </>
  );
}
