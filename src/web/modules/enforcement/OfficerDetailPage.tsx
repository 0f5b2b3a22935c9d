// An officer: the fields (ID number masked, 查看 audited), the certificate with its history and the
// law office's actions (发证、换证、暂扣、恢复、收回), the year's training, and the workflow
// (离岗 revokes the certificate, 返岗, 注销) with its timeline.
import { useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { post } from '../../api.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { DetailPage } from '../../components/pages.tsx';
import { useAuth } from '../../auth.tsx';
import { CERTIFICATE_ACTIONS, type CertificateAction, type CertificateEventView, type OfficerDetail, type TrainingView } from '../../../shared/schemas/enforcement.ts';
import { CertificateTag } from './shared.tsx';
import { OFFICER_PAGES } from './pages.ts';
import { ListCard } from '../../components/ListCard.tsx';

export default function OfficerDetailPage() {
  const { can } = useAuth();
  return (
    <DetailPage<OfficerDetail>
      pages={OFFICER_PAGES}
      edit={{ only: ['name', 'post', 'supervisor'], title: '更正执法人员信息', may: () => can('enforcement.register') }}
      tags={(o) => <CertificateTag state={o.certificateState} validUntil={o.certificateValidUntil} />}
      sealed={{ idNumber: '身份证号' }}
      extra={(o) => [{ label: `${o.trainingYear}年培训`, value: <Typography.Text type={o.trainingHours < o.trainingMinHours ? 'warning' : undefined}>{o.trainingHours} 学时（最低 {o.trainingMinHours} 学时）</Typography.Text> }]}
    >
      {(o, refresh) => (
        <>
          <Certificate officer={o} refresh={refresh} />
          <Trainings officer={o} refresh={refresh} />
        </>
      )}
    </DetailPage>
  );
}

const ACTIONS_BY_STATUS: Record<string, CertificateAction[]> = { none: ['issue'], revoked: ['issue'], valid: ['renew', 'suspend', 'revoke'], suspended: ['reinstate', 'revoke'] };

function Certificate({ officer: o, refresh }: { officer: OfficerDetail; refresh: () => void }) {
  const { can } = useAuth();
  const [action, setAction] = useState<CertificateAction | null>(null);
  const available = o.status === 'active' ? ACTIONS_BY_STATUS[o.certificateStatus ?? 'none'] ?? [] : (ACTIONS_BY_STATUS[o.certificateStatus ?? 'none'] ?? []).filter((a) => a === 'revoke');
  return (
    <ListCard<CertificateEventView>
      title="执法证"
      style={{ marginBottom: 12 }}
      extra={can('enforcement.certify') && (
        <Space wrap size={4}>
          {available.map((a) => (
            <Button key={a} size="small" danger={a === 'revoke' || a === 'suspend'} type={a === 'issue' || a === 'renew' ? 'primary' : 'default'} onClick={() => setAction(a)}>{CERTIFICATE_ACTIONS[a]}</Button>
          ))}
        </Space>
      )}
      rows={o.certificateEvents}
      empty="尚无执法证记录"
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'date', title: '日期', dataIndex: 'date', width: 110 },
        { key: 'kind', title: '事项', dataIndex: 'kindLabel', width: 140 },
        { key: 'number', title: '执法证号', dataIndex: 'certificateNumber', width: 160 },
        { key: 'validUntil', title: '有效期至', dataIndex: 'validUntil', width: 110 },
        { key: 'note', title: '说明', dataIndex: 'note' },
        { key: 'actor', title: '办理人', dataIndex: 'actorName', width: 100 },
      ]}
    >
      <CertificateForm officer={o} action={action} onClose={() => setAction(null)} onDone={refresh} />
    </ListCard>
  );
}

function CertificateForm({ officer: o, action, onClose, onDone }: { officer: OfficerDetail; action: CertificateAction | null; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm();
  const { busy, run } = useSubmit();
  const issuing = action === 'issue' || action === 'renew';
  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      version: o.version,
      action,
      date: (v.date as Dayjs).format('YYYY-MM-DD'),
      ...(issuing ? { certificateNumber: v.certificateNumber || undefined, validUntil: v.validUntil ? (v.validUntil as Dayjs).format('YYYY-MM-DD') : undefined } : {}),
      note: v.note || undefined,
    };
    if (!(await run(() => post(`/enforcement-officers/${o.id}/certificate`, body), `已办理${CERTIFICATE_ACTIONS[action!]}`))) return;
    onClose();
    onDone();
  };
  return (
    <Modal open={action !== null} title={action ? `执法证${CERTIFICATE_ACTIONS[action]}` : ''} onCancel={onClose} onOk={submit} okText="办理" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(), certificateNumber: action === 'renew' ? o.certificateNumber : undefined }} preserve={false}>
        <Form.Item name="date" label="办理日期" rules={[{ required: true, message: '请选择办理日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {issuing && (
          <>
            <Form.Item name="certificateNumber" label="执法证号" rules={[{ required: action === 'issue', message: '请填写执法证号' }, { max: 32, message: '执法证号不能超过 32 字' }]}>
              <Input />
            </Form.Item>
            <Form.Item name="validUntil" label="有效期至" rules={[{ required: true, message: '请选择有效期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label="说明" rules={[{ required: action === 'suspend' || action === 'revoke', message: '请说明理由' }, { max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Trainings({ officer: o, refresh }: { officer: OfficerDetail; refresh: () => void }) {
  const { can } = useAuth();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const { run } = useSubmit();
  const submit = async () => {
    const v = await form.validateFields();
    if (!(await run(() => post(`/enforcement-officers/${o.id}/trainings`, { date: (v.date as Dayjs).format('YYYY-MM-DD'), title: v.title, hours: v.hours }), '已登记培训'))) return;
    setOpen(false);
    refresh();
  };
  return (
    <ListCard<TrainingView> title={`培训（${o.trainingYear}年 ${o.trainingHours} / ${o.trainingMinHours} 学时）`} style={{ marginBottom: 12 }} extra={can('enforcement.register') && o.status === 'active' && <Button size="small" onClick={() => setOpen(true)}>登记培训</Button>}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      rows={o.trainings}
      empty="尚无培训记录"
      columns={[
        { key: 'date', title: '培训日期', dataIndex: 'date', width: 110 },
        { key: 'title', title: '培训名称', dataIndex: 'title' },
        { key: 'hours', title: '学时', dataIndex: 'hours', width: 80, align: 'right' },
      ]}
    >
      <Modal open={open} title="登记培训" onCancel={() => setOpen(false)} onOk={submit} okText="登记" destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ date: dayjs() }} preserve={false}>
          <Form.Item name="date" label="培训日期" rules={[{ required: true, message: '请选择培训日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="title" label="培训名称" rules={[{ required: true, message: '请填写培训名称' }, { max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="hours" label="学时" rules={[{ required: true, message: '请填写学时' }]}>
            <InputNumber min={1} max={500} precision={0} addonAfter="学时" style={{ width: 160 }} />
          </Form.Item>
        </Form>
      </Modal>
    </ListCard>
  );
}
