// 矛盾纠纷调解: disputes by channel and outcome, organisations, intake (with a cross-channel link).
import { useMemo, useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag, TreeSelect } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { get, post } from '../../api.ts';
import { buildTree, useUnits } from '../../components/units.ts';
import { ExportButton, useLedger } from '../../components/ledger.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { zodRule, field } from '../../components/zodRule.ts';
import { StatusTag } from '../../components/WorkflowPanel.tsx';
import { useAuth } from '../../auth.tsx';
import { DISPUTE_STATUSES, DISPUTE_TYPES, DISPUTE_WORKFLOW, MEDIATION_CHANNELS, ORG_TYPES, OUTCOMES, disputeInput, type DisputeView, type MediationOrgView } from '../../../shared/schemas/mediation.ts';

export default function DisputesPage() {
  const { can, me } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { filters, set, list, pagination } = useLedger<DisputeView>('/disputes');
  const orgs = useQuery({ queryKey: ['mediation-orgs'], queryFn: () => get<{ items: MediationOrgView[] }>('/mediation-orgs').then((r) => r.items) });
  const units = useUnits();
  const tree = useMemo(() => buildTree(units.data ?? []), [units.data]);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const create = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      const created = await post<DisputeView>('/disputes', { ...values, receivedDate: (values.receivedDate as Dayjs).format('YYYY-MM-DD'), lawyerInvolved: !!values.lawyerInvolved, orgId: values.orgId ?? null, linkedDisputeId: values.linkedDisputeId || null });
      message.success('已受理');
      setOpen(false);
      form.resetFields();
      client.invalidateQueries({ queryKey: ['/disputes'] });
      navigate(`/disputes/${created.id}`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card size="small" title="矛盾纠纷调解" extra={<Space>
      <ExportButton url="/disputes/export" filters={filters} filename="矛盾纠纷.xlsx" />
      {can('mediation.manage') && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => { setError(null); setOpen(true); }}>受理纠纷</Button>}
    </Space>}>
      <Tabs
        items={[
          {
            key: 'disputes',
            label: '纠纷台账',
            children: (
              <>
                <Space wrap style={{ marginBottom: 12 }}>
                  <InputNumber placeholder="年度" min={2000} max={2100} onChange={(year) => set({ year: year ?? undefined })} />
                  <TreeSelect style={{ width: 220 }} treeData={tree} allowClear showSearch treeNodeFilterProp="title" placeholder="受理单位（含下级）" onChange={(unitId) => set({ unitId })} />
                  <Select style={{ width: 120 }} allowClear placeholder="调解途径" options={Object.entries(MEDIATION_CHANNELS).map(([value, label]) => ({ value, label }))} onChange={(channel) => set({ channel })} />
                  <Select style={{ width: 130 }} allowClear placeholder="状态" options={Object.entries(DISPUTE_STATUSES).map(([value, label]) => ({ value, label }))} onChange={(status) => set({ status })} />
                  <Select style={{ width: 130 }} allowClear placeholder="调解结果" options={Object.entries(OUTCOMES).map(([value, label]) => ({ value, label }))} onChange={(outcome) => set({ outcome })} />
                </Space>
                <Table<DisputeView>
                  rowKey="id"
                  size="small"
                  loading={list.isLoading}
                  dataSource={list.data?.items}
                  pagination={pagination}
                  columns={[
                    { title: '受理日期', dataIndex: 'receivedDate', width: 100 },
                    { title: '纠纷', dataIndex: 'title', render: (t: string, d) => <Link to={`/disputes/${d.id}`}>{t}</Link> },
                    { title: '途径', dataIndex: 'channel', width: 90, render: (c: keyof typeof MEDIATION_CHANNELS) => MEDIATION_CHANNELS[c] },
                    { title: '调解组织', dataIndex: 'orgName', width: 200, ellipsis: true },
                    { title: '律师', dataIndex: 'lawyerInvolved', width: 60, render: (v: boolean) => (v ? <Tag color="blue">参与</Tag> : '') },
                    { title: '状态', dataIndex: 'status', width: 120, render: (s: string) => <StatusTag def={DISPUTE_WORKFLOW} status={s} /> },
                    { title: '结果', dataIndex: 'outcome', width: 110, render: (o: keyof typeof OUTCOMES | null) => (o ? <Tag color={o === 'success' ? 'green' : o === 'failure' ? 'red' : undefined}>{OUTCOMES[o]}</Tag> : '—') },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'orgs',
            label: `调解组织（${orgs.data?.length ?? 0}）`,
            children: (
              <Table<MediationOrgView>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={orgs.data}
                columns={[
                  { title: '名称', dataIndex: 'name' },
                  { title: '类型', dataIndex: 'type', width: 170, render: (t: keyof typeof ORG_TYPES) => ORG_TYPES[t] },
                  { title: '所属单位', dataIndex: 'unitName', width: 180 },
                  { title: '成立日期', dataIndex: 'establishedDate', width: 110 },
                  { title: '调解纠纷', dataIndex: 'disputes', width: 90, align: 'right' },
                ]}
              />
            ),
          },
        ]}
      />
      <Drawer open={open} width={560} title="受理矛盾纠纷" onClose={() => setOpen(false)} extra={<Button type="primary" onClick={create}>受理</Button>} destroyOnHidden>
        <ErrorNotice error={error} />
        <Form form={form} layout="vertical" initialValues={{ unitId: me?.unit.id, channel: 'people', receivedDate: dayjs(), type: DISPUTE_TYPES[0] }}>
          <Form.Item name="unitId" label="受理单位" rules={[zodRule(field(disputeInput, 'unitId'))]}><TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" /></Form.Item>
          <Space>
            <Form.Item name="channel" label="调解途径"><Select style={{ width: 120 }} options={Object.entries(MEDIATION_CHANNELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
            <Form.Item name="orgId" label="调解组织"><Select style={{ width: 300 }} allowClear options={orgs.data?.map((o) => ({ value: o.id, label: o.name }))} /></Form.Item>
          </Space>
          <Space>
            <Form.Item name="type" label="纠纷类型" rules={[zodRule(field(disputeInput, 'type'))]}><Select style={{ width: 140 }} options={DISPUTE_TYPES.map((t) => ({ value: t, label: t }))} /></Form.Item>
            <Form.Item name="receivedDate" label="受理日期" rules={[{ required: true, message: '请选择受理日期' }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
          </Space>
          <Form.Item name="parties" label="当事人" rules={[zodRule(field(disputeInput, 'parties'))]}><Input maxLength={300} /></Form.Item>
          <Form.Item name="summary" label="纠纷简况" rules={[zodRule(field(disputeInput, 'summary'))]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          <Form.Item name="mediators" label="调解员" rules={[zodRule(field(disputeInput, 'mediators'))]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="lawyerInvolved" valuePropName="checked"><Checkbox>律师参与调解</Checkbox></Form.Item>
          <Form.Item name="linkedDisputeId" label="关联纠纷（三调联动）" extra="同一纠纷在其他调解途径中的记录"><Select allowClear showSearch optionFilterProp="label" options={list.data?.items.map((d) => ({ value: d.id, label: `${MEDIATION_CHANNELS[d.channel]} · ${d.title}` }))} /></Form.Item>
        </Form>
      </Drawer>
    </Card>
  );
}
