// One request: its fields (applicant data masked, 查看 audited), the reply deadline, the online
// submission (when made on the portal), how the annual report counts it (更正 when its check names
// it), and the workflow panel.
import { useState } from 'react';
import { Button, Card, Descriptions, Form, Modal, Select, Space, Tag } from 'antd';
import { put } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { DetailPage } from '../../components/pages.tsx';
import { dueValue, lateReplyTag } from '../../components/Light.tsx';
import { SubmissionCard } from '../../components/SubmissionCard.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { APPLICANT_TYPES, DISCLOSURE_RECORD_TYPE, OUTCOME_REASON_LABELS, REASONS_BY_REPLY, type DisclosureRequestDetail, type OutcomeReason, type ReplyType } from '../../../shared/schemas/disclosure.ts';
import { DISCLOSURE_PAGES } from './pages.ts';

/** The results a closed request may take (as the server allows): by its reply type, or 不再处理's two. */
const outcomesFor = (r: DisclosureRequestDetail): readonly OutcomeReason[] =>
  r.status === 'replied' && r.replyType ? REASONS_BY_REPLY[r.replyType as ReplyType] : r.status === 'closed' ? ['other_1', 'other_2'] : [];

/** 年度报告分类: the applicant type and result table 3 counts, corrected with the version read. */
function Classification({ r, refresh }: { r: DisclosureRequestDetail; refresh: () => void }) {
  const { can } = useAuth();
  const { run } = useSubmit();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const outcomes = outcomesFor(r);
  const save = async () => {
    const values = await form.validateFields();
    if (!(await run(() => put(`/foi-requests/${r.id}/classification`, { version: r.version, ...values }), '已更正'))) return;
    setOpen(false);
    refresh();
  };
  return (
    <Card size="small" title="年度报告分类（表三）" extra={can('foi.manage') && <Button size="small" onClick={() => setOpen(true)} data-testid="classify">更正</Button>}>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label="申请人类型">{r.applicantType ? APPLICANT_TYPES[r.applicantType as keyof typeof APPLICANT_TYPES] : <Tag color="red">未填写</Tag>}</Descriptions.Item>
        <Descriptions.Item label="办理结果">{r.outcomeReason ? OUTCOME_REASON_LABELS[r.outcomeReason as OutcomeReason] : outcomes.length ? <Tag color="red">未填写</Tag> : r.status === 'withdrawn' ? '其他处理·其他（撤回）' : '办结后填写'}</Descriptions.Item>
      </Descriptions>
      <Modal open={open} title="更正年度报告分类" okText="保存" onOk={save} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ applicantType: r.applicantType ?? undefined, outcomeReason: r.outcomeReason ?? undefined }}>
          <Form.Item name="applicantType" label="申请人类型" rules={[{ required: true, message: '请选择申请人类型' }]}>
            <Select options={Object.entries(APPLICANT_TYPES).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {outcomes.length > 0 && (
            <Form.Item name="outcomeReason" label="办理结果" rules={[{ required: true, message: '请选择办理结果' }]}>
              <Select options={outcomes.map((value) => ({ value, label: OUTCOME_REASON_LABELS[value] }))} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}

export default function DisclosureRequestDetailPage() {
  return (
    <DetailPage<DisclosureRequestDetail>
      pages={DISCLOSURE_PAGES}
      tags={lateReplyTag}
      sealed={{ applicantIdNumber: '申请人身份证号码', applicantPhone: '申请人联系电话' }}
      extra={(r) => [
        { label: '答复期限', rules: ['foi.reply'], value: <Space size={6}>{dueValue(r.due, r.light)}{r.extended && <Tag color="blue">经批准延长</Tag>}</Space> },
        ...(r.processingFee ? [{ label: '信息处理费', value: `${(r.processingFee / 100).toFixed(2)} 元（${r.feeNoticeDate} 通知${r.feePaidDate ? `，${r.feePaidDate} 已缴纳` : '，未缴纳'}）` }] : []),
      ]}
    >
      {(r, refresh) => (
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          <Classification r={r} refresh={refresh} />
          <SubmissionCard recordType={DISCLOSURE_RECORD_TYPE} recordId={r.id} />
        </Space>
      )}
    </DetailPage>
  );
}
