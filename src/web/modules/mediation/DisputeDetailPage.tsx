import { Breadcrumb, Card, Descriptions, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { get } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { StatusTag, WorkflowPanel } from '../../components/WorkflowPanel.tsx';
import { DISPUTE_WORKFLOW, MEDIATION_CHANNELS, OUTCOMES, type DisputeView } from '../../../shared/schemas/mediation.ts';

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
        {d && (
          <Descriptions size="small" bordered column={3}>
            <Descriptions.Item label="当事人">{d.parties}</Descriptions.Item>
            <Descriptions.Item label="纠纷类型">{d.type}</Descriptions.Item>
            <Descriptions.Item label="调解途径">{MEDIATION_CHANNELS[d.channel]}</Descriptions.Item>
            <Descriptions.Item label="纠纷简况" span={3}>{d.summary}</Descriptions.Item>
            <Descriptions.Item label="受理单位">{d.unitName}</Descriptions.Item>
            <Descriptions.Item label="调解组织">{d.orgName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="调解员">{d.mediators}{d.lawyerInvolved && <Tag color="blue" style={{ marginInlineStart: 6 }}>律师参与</Tag>}</Descriptions.Item>
            <Descriptions.Item label="受理日期">{d.receivedDate}</Descriptions.Item>
            <Descriptions.Item label="结案">{d.closedDate ? `${d.closedDate} ${d.outcome ? OUTCOMES[d.outcome] : ''}` : '—'}</Descriptions.Item>
            <Descriptions.Item label="回访">{d.revisitDate ? `${d.revisitDate} ${d.revisitResult ?? ''}` : '—'}</Descriptions.Item>
            {d.agreement && <Descriptions.Item label="调解协议" span={3}>{d.agreement}</Descriptions.Item>}
            {d.linkedDisputeId && <Descriptions.Item label="三调联动" span={3}><Link to={`/disputes/${d.linkedDisputeId}`}>{d.linkedTitle}</Link></Descriptions.Item>}
          </Descriptions>
        )}
      </Card>
      {d && <WorkflowPanel def={DISPUTE_WORKFLOW} recordId={id} onChanged={() => client.invalidateQueries({ queryKey: ['dispute', id] })} />}
    </>
  );
}
