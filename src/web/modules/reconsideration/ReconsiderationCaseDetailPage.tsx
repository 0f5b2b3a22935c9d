import { useState } from 'react';
import { App, Breadcrumb, Card, Descriptions, Input, Modal, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { get, post, put } from '../../api.ts';
import { ErrorNotice, errorText } from '../../components/ErrorNotice.tsx';
import { StatusTag, WorkflowPanel } from '../../components/WorkflowPanel.tsx';
import { useAuth } from '../../auth.tsx';
import { CORRECTIONS, REVIEW_CHANNELS, REVIEW_OUTCOMES, REVIEW_PROCEDURES, REVIEW_WORKFLOW, type ReviewCaseDetail } from '../../../shared/schemas/reconsideration.ts';

export default function ReviewCaseDetailPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: ['review-case', id], queryFn: () => get<ReviewCaseDetail>(`/review-cases/${id}`) });
  const [opinion, setOpinion] = useState<string | null>(null);
  const c = detail.data;
  const unmask = async (field: 'idNumber' | 'phone') => {
    try {
      const { value } = await post<{ value: string | null }>(`/review-cases/${id}/unmask`, { field });
      modal.info({ title: field === 'idNumber' ? '申请人身份证号码' : '申请人联系电话', content: `${value ?? '未登记'}（本次查看已记入审计日志）` });
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const saveOpinion = async () => {
    try {
      await put(`/review-cases/${id}/committee`, { version: c!.version, committeeOpinion: opinion });
      message.success('已记录咨询委员会意见');
      setOpinion(null);
      client.invalidateQueries({ queryKey: ['review-case', id] });
      client.invalidateQueries({ queryKey: ['workflow', REVIEW_WORKFLOW.recordType, id] });
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/review">行政复议</Link> }, { title: c?.title ?? '…' }]} />
      <ErrorNotice error={detail.error} />
      <Card size="small" loading={detail.isLoading} title={c?.title} extra={c && <Space><StatusTag def={REVIEW_WORKFLOW} status={c.status} />{c.outcome && <Tag color={CORRECTIONS.includes(c.outcome) ? 'red' : 'blue'}>{REVIEW_OUTCOMES[c.outcome]}</Tag>}</Space>} style={{ marginBottom: 12 }}>
        {c && (
          <Descriptions size="small" bordered column={3}>
            <Descriptions.Item label="申请人">{c.applicantName}（{c.applicantKind === 'person' ? '自然人' : '法人或其他组织'}）</Descriptions.Item>
            <Descriptions.Item label="身份证号码">
              {c.applicantIdNumber ?? '—'} {c.applicantIdNumber && can('pii.unmask') && <a onClick={() => unmask('idNumber')}>查看</a>}
            </Descriptions.Item>
            <Descriptions.Item label="联系电话">
              {c.applicantPhone ?? '—'} {c.applicantPhone && can('pii.unmask') && <a onClick={() => unmask('phone')}>查看</a>}
            </Descriptions.Item>
            <Descriptions.Item label="被申请人">{c.respondent}{c.respondentUnitName && c.respondentUnitName !== c.respondent ? `（${c.respondentUnitName}）` : ''}</Descriptions.Item>
            <Descriptions.Item label="复议机关">{c.unitName}</Descriptions.Item>
            <Descriptions.Item label="申请方式">{REVIEW_CHANNELS[c.channel]}</Descriptions.Item>
            <Descriptions.Item label="被申请的行政行为" span={3}>{c.act}</Descriptions.Item>
            <Descriptions.Item label="收到日期">{c.receivedDate}</Descriptions.Item>
            <Descriptions.Item label="受理日期">{c.acceptedDate ?? '—'}{c.procedure && `（${REVIEW_PROCEDURES[c.procedure]}）`}</Descriptions.Item>
            <Descriptions.Item label="结案日期">{c.closedDate ?? '—'}{c.extended && <Tag color="blue" style={{ marginInlineStart: 6 }}>经批准延长</Tag>}</Descriptions.Item>
            <Descriptions.Item label="发送副本">{c.copySentDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="被申请人答复">{c.replyDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="咨询委员会意见">
              {c.committeeOpinion ?? <Typography.Text type="secondary">无</Typography.Text>}{' '}
              {can('review.manage') && ['accepted', 'mediating'].includes(c.status) && <a onClick={() => setOpinion(c.committeeOpinion ?? '')}>记录</a>}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {c && <WorkflowPanel def={REVIEW_WORKFLOW} recordId={id} onChanged={() => client.invalidateQueries({ queryKey: ['review-case', id] })} />}
      <Modal open={opinion !== null} title="咨询委员会意见" onCancel={() => setOpinion(null)} onOk={saveOpinion} okText="保存">
        <Input.TextArea rows={5} value={opinion ?? ''} onChange={(e) => setOpinion(e.target.value)} maxLength={3000} />
      </Modal>
      {can('clock.extend') && c?.status === 'accepted' && !c.extended && c.procedure === 'normal' && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>情况复杂需要延长决定期限的，经复议机构负责人批准，可在“期限”中对“复议决定期限”办理延长（最多30日，仅一次）。</Typography.Paragraph>
      )}
    </>
  );
}
