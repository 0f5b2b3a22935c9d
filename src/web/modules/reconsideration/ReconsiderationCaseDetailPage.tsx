import { useState } from 'react';
import { App, Breadcrumb, Card, Input, Modal, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { get, post, put } from '../../api.ts';
import { ErrorNotice, errorText } from '../../components/ErrorNotice.tsx';
import { RecordFields } from '../../components/records.tsx';
import { StatusTag, WorkflowPanel } from '../../components/WorkflowPanel.tsx';
import { useAuth } from '../../auth.tsx';
import { SubmissionCard } from '../../components/SubmissionCard.tsx';
import { CORRECTIONS, REVIEW_CASE, REVIEW_OUTCOMES, REVIEW_WORKFLOW, type ReviewCaseDetail } from '../../../shared/schemas/reconsideration.ts';

export default function ReconsiderationCaseDetailPage() {
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
      modal.info({ title: field === 'idNumber' ? '申请人身份证号码' : '申请人手机号码', content: `${value ?? '未登记'}（本次查看已记入审计日志）` });
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
  // Masked personal data, with 查看 (audited) for those who may unmask it.
  const sealed = (masked: string | null, field: 'idNumber' | 'phone') =>
    masked && (
      <Space size={6}>
        {masked}
        {can('pii.unmask') && <a onClick={() => unmask(field)}>查看</a>}
      </Space>
    );
  const recordOpinion = c && can('review.manage') && ['accepted', 'mediating'].includes(c.status);
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/review">行政复议</Link> }, { title: c?.title ?? '…' }]} />
      <ErrorNotice error={detail.error} />
      <Card size="small" loading={detail.isLoading} title={c?.title} extra={c && <Space><StatusTag def={REVIEW_WORKFLOW} status={c.status} />{c.outcome && <Tag color={CORRECTIONS.includes(c.outcome) ? 'red' : 'blue'}>{REVIEW_OUTCOMES[c.outcome]}</Tag>}{c.extended && <Tag color="blue">决定期限经批准延长</Tag>}</Space>} style={{ marginBottom: 12 }}>
        {c && (
          <RecordFields
            def={REVIEW_CASE}
            view={{
              ...c,
              applicantIdNumber: sealed(c.applicantIdNumber, 'idNumber'),
              applicantPhone: sealed(c.applicantPhone, 'phone'),
              committeeOpinion: (c.committeeOpinion || recordOpinion) && (
                <>
                  {c.committeeOpinion}{' '}
                  {recordOpinion && <a onClick={() => setOpinion(c.committeeOpinion ?? '')}>记录</a>}
                </>
              ),
            }}
          />
        )}
      </Card>
      <SubmissionCard recordType={REVIEW_WORKFLOW.recordType} recordId={id} />
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
