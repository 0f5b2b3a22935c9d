import { Breadcrumb, Card, Descriptions, Space, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { get } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { StatusTag, WorkflowPanel } from '../../components/WorkflowPanel.tsx';
import { PROPOSAL_KINDS, PROPOSAL_WORKFLOW, SATISFACTION, type ProposalDetail } from '../../../shared/schemas/proposals.ts';

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
          <Descriptions size="small" bordered column={3}>
            <Descriptions.Item label="类别">{PROPOSAL_KINDS[p.kind]} 第{p.number}号</Descriptions.Item>
            <Descriptions.Item label="代表委员">{p.proposer}</Descriptions.Item>
            <Descriptions.Item label="主办单位">{p.unitName}</Descriptions.Item>
            <Descriptions.Item label="交办日期">{p.assignedDate}{p.complex && <Tag style={{ marginInlineStart: 6 }}>情况复杂</Tag>}</Descriptions.Item>
            <Descriptions.Item label="答复日期">{p.replyDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="满意度">{p.satisfaction ? SATISFACTION[p.satisfaction] : '—'}</Descriptions.Item>
            {p.kind === 'cppcc' && <Descriptions.Item label="立案">{p.filed ? '已立案' : '未立案'}</Descriptions.Item>}
          </Descriptions>
        )}
      </Card>
      {p && <WorkflowPanel def={PROPOSAL_WORKFLOW} recordId={id} onChanged={() => client.invalidateQueries({ queryKey: ['proposal', id] })} />}
    </>
  );
}
