import { Breadcrumb, Card, Descriptions, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { get } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { StatusTag, WorkflowPanel } from '../../components/WorkflowPanel.tsx';
import { MATTER_WORKFLOW, type MatterDetail } from '../../../shared/schemas/matters.ts';

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
        {m && (
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label="承办单位">{m.unitName}</Descriptions.Item>
            <Descriptions.Item label="交办日期">{m.assignedDate}</Descriptions.Item>
            <Descriptions.Item label="期限规则">{m.ruleCode}</Descriptions.Item>
            <Descriptions.Item label="交办内容" span={3}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.content}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label="办理情况" span={3}>
              {m.reply ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.reply}</Typography.Paragraph> : <Typography.Text type="secondary">尚未报送</Typography.Text>}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {m && <WorkflowPanel def={MATTER_WORKFLOW} recordId={id} onChanged={() => client.invalidateQueries({ queryKey: ['matter', id] })} />}
    </>
  );
}
