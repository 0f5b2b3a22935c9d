// One legal advisor or public-service lawyer: the registry entry (the phone masked, 查看 for those who
// may see it in full, audited), the units served (corrected with the entry: a renewed contract, other
// units), and the engagements with the records they concern; a new engagement may name any record
// the user may read (a legality review, a normative document, a reconsideration or a lawsuit…).
import { useState } from 'react';
import { App, Breadcrumb, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Tag, TreeSelect } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import { get, post, put } from '../../api.ts';
import { ErrorNotice, errorText } from '../../components/ErrorNotice.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { RecordFields, RecordForm } from '../../components/records.tsx';
import { RecordPicker, pickedRecord } from '../../components/RecordPicker.tsx';
import { useUnitTree } from '../../components/units.ts';
import { useAuth } from '../../auth.tsx';
import { ADVISOR, ENGAGEMENT_KINDS, type AdvisorView, type EngagementView } from '../../../shared/schemas/normative.ts';
import { ListCard } from '../../components/ListCard.tsx';

/** The units served besides the engaging unit: a form item of the registry's drawers. */
export function ServedUnits() {
  const tree = useUnitTree();
  return (
    <Form.Item name="servedUnitIds" label="服务单位（聘请单位以外，可多选）">
      <TreeSelect treeData={tree} multiple allowClear showSearch treeNodeFilterProp="title" placeholder="如县政府聘请的顾问服务的各部门、乡镇" />
    </Form.Item>
  );
}

type Detail = AdvisorView & { engagementList: EngagementView[] };

export default function AdvisorDetailPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: ['/legal-advisors', id], queryFn: () => get<Detail>(`/legal-advisors/${id}`) });
  const [phone, setPhone] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const a = detail.data;
  const unmask = async () => {
    try {
      setPhone((await post<{ value: string | null }>(`/legal-advisors/${id}/unmask`, { field: 'phone' })).value);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/legal-advisors">法律顾问</Link> }, { title: a?.name ?? '…' }]} />
      <ErrorNotice error={detail.error} />
      <Card size="small" loading={detail.isLoading} title={a?.name} extra={
          a && (
            <Space>
              {a.underContract ? <Tag color="green">在聘</Tag> : <Tag>不在聘期</Tag>}
              {can('advisor.manage') && <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>修改</Button>}
            </Space>
          )
        }
        style={{ marginBottom: 12 }}
      >
        {a && (
          <RecordFields
            def={ADVISOR}
            view={{ ...a, phone: a.phone && <>{phone ?? a.phone}{!phone && can('pii.unmask') && <a style={{ marginInlineStart: 8 }} onClick={unmask}>查看</a>}</> }}
            extra={[{ label: '服务单位', value: a.servedUnits.map((u) => u.name).join('、') }]}
          />
        )}
      </Card>
      {a && (
        <ListCard<EngagementView> title={`服务记录（${a.engagementList.length} 次）`} extra={can('advisor.manage') && <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>登记服务记录</Button>}
          rows={a.engagementList}
          empty="还没有服务记录"
          columns={[
            { title: '日期', dataIndex: 'date', width: 110 },
            { title: '服务类型', dataIndex: 'kind', width: 120, render: (k: keyof typeof ENGAGEMENT_KINDS) => ENGAGEMENT_KINDS[k] },
            { title: '服务事项', dataIndex: 'subject' },
            { title: '关联记录', width: 280, render: (_, e) => (e.linked ? <Link to={e.linked.link}>{e.linked.typeTitle}：{e.linked.title}</Link> : '—') },
          ]}
        >
          <RecordForm
            def={ADVISOR}
            open={editing}
            title="修改法律顾问登记"
            submitText="保存"
            // The phone is not shown (it is sealed): left empty, it stays as it is.
            initialValues={{ name: a.name, kind: a.kind, unitId: a.unitId, firm: a.firm, contractStart: a.contractStart, contractEnd: a.contractEnd, servedUnitIds: a.servedUnits.map((u) => u.id).filter((u) => u !== a.unitId) }}
            onClose={() => setEditing(false)}
            onSubmit={async (values) => {
              await put(`/legal-advisors/${id}`, { ...values, version: a.version });
              void client.invalidateQueries({ queryKey: ['/legal-advisors'] });
            }}
          >
            <ServedUnits />
          </RecordForm>
          <Engagement open={adding} advisorId={id} onClose={() => setAdding(false)} onSaved={() => { setAdding(false); void client.invalidateQueries({ queryKey: ['/legal-advisors', id] }); }} />
        </ListCard>
      )}
    </>
  );
}

/** The form of a new engagement: date, kind, subject, and the record it concerns (optional, found by search). */
function Engagement({ open, advisorId, onClose, onSaved }: { open: boolean; advisorId: string; onClose(): void; onSaved(): void }) {
  const { run } = useSubmit();
  const [form] = Form.useForm<{ date: Dayjs; kind: string; subject: string; linked?: string }>();
  const save = async () => {
    const v = await form.validateFields();
    const linked = pickedRecord(v.linked);
    if (!(await run(() => post(`/legal-advisors/${advisorId}/engagements`, { date: v.date.format('YYYY-MM-DD'), kind: v.kind, subject: v.subject, ...(linked ? { linkedType: linked.type, linkedId: linked.id } : {}) }), '已登记服务记录'))) return;
    form.resetFields();
    onSaved();
  };
  return (
    <Modal open={open} title="登记服务记录" okText="登记" onOk={save} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="kind" label="服务类型" rules={[{ required: true, message: '请选择服务类型' }]}><Select options={Object.entries(ENGAGEMENT_KINDS).map(([value, label]) => ({ value, label }))} /></Form.Item>
        <Form.Item name="subject" label="服务事项" rules={[{ required: true, message: '请填写服务事项' }, { max: 300, message: '服务事项不能超过 300 字' }]}><Input /></Form.Item>
        <Form.Item name="linked" label="关联记录（可不填）" extra="合法性审查事项、规范性文件、复议或诉讼案件等，按案号、编号或标题搜索"><RecordPicker /></Form.Item>
      </Form>
    </Modal>
  );
}
