// 依申请公开: requests with their reply deadlines (红黄牌), intake and export.
import { useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, TreeSelect } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { post } from '../../api.ts';
import { buildTree, useUnits } from '../../components/units.ts';
import { ExportButton, useLedger } from '../../components/ledger.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { zodRule, field } from '../../components/zodRule.ts';
import { DueTag } from '../../components/Light.tsx';
import { StatusTag } from '../../components/WorkflowPanel.tsx';
import { useAuth } from '../../auth.tsx';
import { FOI_CHANNELS, FOI_STATUSES, FOI_WORKFLOW, REPLY_TYPES, foiRequestInput, type FoiRequestView } from '../../../shared/schemas/foi.ts';

export default function FoiRequestsPage() {
  const { can, me } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { filters, set, list, pagination } = useLedger<FoiRequestView>('/foi-requests');
  const units = useUnits();
  const tree = useMemo(() => buildTree(units.data ?? []), [units.data]);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();

  const create = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      const created = await post<FoiRequestView>('/foi-requests', { ...values, receivedDate: (values.receivedDate as Dayjs).format('YYYY-MM-DD'), applicantIdNumber: values.applicantIdNumber || undefined, applicantPhone: values.applicantPhone || undefined });
      message.success('已登记，答复期限开始计算');
      setOpen(false);
      form.resetFields();
      client.invalidateQueries({ queryKey: ['/foi-requests'] });
      navigate(`/foi/${created.id}`);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Card
      size="small"
      title="依申请公开"
      extra={
        <Space>
          <ExportButton url="/foi-requests/export" filters={filters} filename="依申请公开.xlsx" />
          {can('foi.manage') && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => { setError(null); setOpen(true); }}>登记申请</Button>}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber placeholder="年度" min={2000} max={2100} onChange={(year) => set({ year: year ?? undefined })} />
        <TreeSelect style={{ width: 220 }} treeData={tree} allowClear showSearch treeNodeFilterProp="title" placeholder="受理机关（含下级）" onChange={(unitId) => set({ unitId })} />
        <Select style={{ width: 140 }} allowClear placeholder="状态" options={Object.entries(FOI_STATUSES).map(([value, label]) => ({ value, label }))} onChange={(status) => set({ status })} />
        <Select style={{ width: 130 }} allowClear placeholder="答复类型" options={Object.entries(REPLY_TYPES).map(([value, label]) => ({ value, label }))} onChange={(replyType) => set({ replyType })} />
        <Space size={4}>
          <Switch size="small" onChange={(on) => set({ overdue: on ? 'true' : undefined })} />
          <span>仅看逾期</span>
        </Space>
      </Space>
      <Table<FoiRequestView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        rowClassName={(r) => (r.light === 'red' ? 'row-overdue' : '')}
        pagination={pagination}
        columns={[
          { title: '收到日期', dataIndex: 'receivedDate', width: 100 },
          { title: '申请', dataIndex: 'title', render: (t: string, r) => <Link to={`/foi/${r.id}`}>{t}</Link> },
          { title: '受理机关', dataIndex: 'unitName', width: 170, ellipsis: true },
          { title: '答复期限', width: 200, render: (_, r) => (r.light ? <DueTag due={r.due!} light={r.light} /> : (r.due ?? '—')) },
          { title: '状态', dataIndex: 'status', width: 120, render: (s: string) => <StatusTag def={FOI_WORKFLOW} status={s} /> },
          { title: '答复', width: 150, render: (_, r) => (r.replyType ? <>{REPLY_TYPES[r.replyType]} {r.onTime === false && <Tag color="red">超期</Tag>}</> : '—') },
        ]}
      />
      <Drawer open={open} width={520} title="登记政府信息公开申请" onClose={() => setOpen(false)} extra={<Button type="primary" onClick={create}>登记</Button>} destroyOnHidden>
        <ErrorNotice error={error} />
        <Form form={form} layout="vertical" initialValues={{ channel: 'online', receivedDate: dayjs(), unitId: me?.unit.id }}>
          <Form.Item name="unitId" label="受理机关" rules={[zodRule(field(foiRequestInput, 'unitId'))]}><TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" /></Form.Item>
          <Form.Item name="applicantName" label="申请人" rules={[zodRule(field(foiRequestInput, 'applicantName'))]}><Input maxLength={100} autoFocus /></Form.Item>
          <Space>
            <Form.Item name="applicantIdNumber" label="身份证号码" rules={[zodRule(field(foiRequestInput, 'applicantIdNumber'))]}><Input maxLength={18} style={{ width: 220 }} /></Form.Item>
            <Form.Item name="applicantPhone" label="联系电话" rules={[zodRule(field(foiRequestInput, 'applicantPhone'))]}><Input maxLength={11} /></Form.Item>
          </Space>
          <Form.Item name="content" label="申请公开的内容" rules={[zodRule(field(foiRequestInput, 'content'))]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          <Space>
            <Form.Item name="receivedDate" label="收到申请日期" rules={[{ required: true, message: '请选择收到日期' }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
            <Form.Item name="channel" label="申请方式"><Select style={{ width: 100 }} options={Object.entries(FOI_CHANNELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
          </Space>
        </Form>
      </Drawer>
    </Card>
  );
}
