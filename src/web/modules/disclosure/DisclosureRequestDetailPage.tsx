import { App, Breadcrumb, Card, Descriptions, Space, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { get, post } from '../../api.ts';
import { ErrorNotice, errorText } from '../../components/ErrorNotice.tsx';
import { StatusTag, WorkflowPanel } from '../../components/WorkflowPanel.tsx';
import { useAuth } from '../../auth.tsx';
import { FOI_CHANNELS, FOI_WORKFLOW, REPLY_TYPES, type FoiRequestDetail } from '../../../shared/schemas/foi.ts';

export default function FoiRequestDetailPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: ['foi-request', id], queryFn: () => get<FoiRequestDetail>(`/foi-requests/${id}`) });
  const r = detail.data;
  const unmask = async (field: 'idNumber' | 'phone') => {
    try {
      const { value } = await post<{ value: string | null }>(`/foi-requests/${id}/unmask`, { field });
      modal.info({ title: field === 'idNumber' ? '申请人身份证号码' : '申请人联系电话', content: `${value ?? '未登记'}（本次查看已记入审计日志）` });
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/foi">依申请公开</Link> }, { title: r?.title ?? '…' }]} />
      <ErrorNotice error={detail.error} />
      <Card size="small" loading={detail.isLoading} title={r?.title} extra={r && <Space><StatusTag def={FOI_WORKFLOW} status={r.status} />{r.onTime === false && <Tag color="red">超期答复</Tag>}</Space>} style={{ marginBottom: 12 }}>
        {r && (
          <Descriptions size="small" bordered column={3}>
            <Descriptions.Item label="申请人">{r.applicantName}</Descriptions.Item>
            <Descriptions.Item label="身份证号码">{r.applicantIdNumber ?? '—'} {r.applicantIdNumber && can('pii.unmask') && <a onClick={() => unmask('idNumber')}>查看</a>}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{r.applicantPhone ?? '—'} {r.applicantPhone && can('pii.unmask') && <a onClick={() => unmask('phone')}>查看</a>}</Descriptions.Item>
            <Descriptions.Item label="申请内容" span={3}>{r.content}</Descriptions.Item>
            <Descriptions.Item label="受理机关">{r.unitName}</Descriptions.Item>
            <Descriptions.Item label="收到日期">{r.receivedDate}（{FOI_CHANNELS[r.channel]}）</Descriptions.Item>
            <Descriptions.Item label="答复">{r.replyDate ? `${r.replyDate} ${r.replyType ? REPLY_TYPES[r.replyType] : ''}` : '—'}{r.extended && <Tag color="blue" style={{ marginInlineStart: 6 }}>经批准延长</Tag>}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {r && <WorkflowPanel def={FOI_WORKFLOW} recordId={id} onChanged={() => client.invalidateQueries({ queryKey: ['foi-request', id] })} />}
    </>
  );
}
