import { App, Breadcrumb, Card, Space, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { get, post } from '../../api.ts';
import { ErrorNotice, errorText } from '../../components/ErrorNotice.tsx';
import { RecordFields } from '../../components/records.tsx';
import { DueTag } from '../../components/Light.tsx';
import { StatusTag, WorkflowPanel } from '../../components/WorkflowPanel.tsx';
import { useAuth } from '../../auth.tsx';
import { SubmissionCard } from '../../components/SubmissionCard.tsx';
import { DISCLOSURE_REQUEST, DISCLOSURE_WORKFLOW, type DisclosureRequestDetail } from '../../../shared/schemas/disclosure.ts';

export default function DisclosureRequestDetailPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: ['foi-request', id], queryFn: () => get<DisclosureRequestDetail>(`/foi-requests/${id}`) });
  const r = detail.data;
  const unmask = async (field: 'idNumber' | 'phone') => {
    try {
      const { value } = await post<{ value: string | null }>(`/foi-requests/${id}/unmask`, { field });
      modal.info({ title: field === 'idNumber' ? '申请人身份证号码' : '申请人联系电话', content: `${value ?? '未登记'}（本次查看已记入审计日志）` });
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
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/foi">依申请公开</Link> }, { title: r?.title ?? '…' }]} />
      <ErrorNotice error={detail.error} />
      <Card size="small" loading={detail.isLoading} title={r?.title} extra={r && <Space><StatusTag def={DISCLOSURE_WORKFLOW} status={r.status} />{r.onTime === false && <Tag color="red">超期答复</Tag>}</Space>} style={{ marginBottom: 12 }}>
        {r && (
          <RecordFields
            def={DISCLOSURE_REQUEST}
            view={{ ...r, applicantIdNumber: sealed(r.applicantIdNumber, 'idNumber'), applicantPhone: sealed(r.applicantPhone, 'phone') }}
            extra={[
              {
                label: '答复期限',
                value: (
                  <Space size={6}>
                    {r.due ? (r.light ? <DueTag due={r.due} light={r.light} /> : r.due) : '—'}
                    {r.extended && <Tag color="blue">经批准延长</Tag>}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <SubmissionCard recordType={DISCLOSURE_WORKFLOW.recordType} recordId={id} />
      {r && <WorkflowPanel def={DISCLOSURE_WORKFLOW} recordId={id} onChanged={() => client.invalidateQueries({ queryKey: ['foi-request', id] })} />}
    </>
  );
}
