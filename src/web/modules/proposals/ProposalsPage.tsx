// 建议提案: suggestions and proposals by lead unit with their reply deadlines; the law office assigns.
import { useMemo, useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag, TreeSelect } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { post } from '../../api.ts';
import { buildTree, useUnits } from '../../components/units.ts';
import { ExportButton, useLedger } from '../../components/ledger.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { zodRule, field } from '../../components/zodRule.ts';
import { DueTag } from '../../components/Light.tsx';
import { StatusTag } from '../../components/WorkflowPanel.tsx';
import { useAuth } from '../../auth.tsx';
import { PROPOSAL_KINDS, PROPOSAL_STATUSES, PROPOSAL_WORKFLOW, SATISFACTION, proposalInput, type ProposalView } from '../../../shared/schemas/proposals.ts';

export default function ProposalsPage() {
  const { can } = useAuth();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { filters, set, list, pagination } = useLedger<ProposalView>('/proposals');
  const units = useUnits();
  const tree = useMemo(() => buildTree(units.data ?? []), [units.data]);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  const create = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      await post('/proposals', { ...values, assignedDate: (values.assignedDate as Dayjs).format('YYYY-MM-DD'), complex: !!values.complex, filed: values.kind === 'cppcc' ? values.filed !== false : null });
      message.success('已交办');
      setOpen(false);
      form.resetFields();
      client.invalidateQueries({ queryKey: ['/proposals'] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card size="small" title="建议提案办理" extra={<Space>
      <ExportButton url="/proposals/export" filters={filters} filename="建议提案.xlsx" />
      {can('proposal.manage') && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => { setError(null); setOpen(true); }}>交办</Button>}
    </Space>}>
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber placeholder="交办年度" min={2000} max={2100} onChange={(year) => set({ year: year ?? undefined })} />
        <Select style={{ width: 140 }} allowClear placeholder="类别" options={Object.entries(PROPOSAL_KINDS).map(([value, label]) => ({ value, label }))} onChange={(k) => set({ kind: k })} />
        <TreeSelect style={{ width: 220 }} treeData={tree} allowClear showSearch treeNodeFilterProp="title" placeholder="主办单位（含下级）" onChange={(unitId) => set({ unitId })} />
        <Select style={{ width: 120 }} allowClear placeholder="状态" options={Object.entries(PROPOSAL_STATUSES).map(([value, label]) => ({ value, label }))} onChange={(status) => set({ status })} />
      </Space>
      <Table<ProposalView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        rowClassName={(p) => (p.light === 'red' ? 'row-overdue' : '')}
        pagination={pagination}
        columns={[
          { title: '类别', dataIndex: 'kind', width: 165, render: (k: keyof typeof PROPOSAL_KINDS, p) => <>{PROPOSAL_KINDS[k]} 第{p.number}号</> },
          { title: '标题', dataIndex: 'title', render: (t: string, p) => <Link to={`/proposals/${p.id}`}>{t}</Link> },
          { title: '主办单位', dataIndex: 'unitName', width: 170, ellipsis: true },
          { title: '交办日期', dataIndex: 'assignedDate', width: 100 },
          { title: '答复期限', width: 190, render: (_, p) => (p.light ? <DueTag due={p.due!} light={p.light} /> : p.replyDate ? <>已答复 {p.replyDate}{p.onTime === false && <Tag color="red" style={{ marginInlineStart: 4 }}>超期</Tag>}</> : (p.due ?? '—')) },
          { title: '状态', dataIndex: 'status', width: 100, render: (s: string) => <StatusTag def={PROPOSAL_WORKFLOW} status={s} /> },
          { title: '满意度', dataIndex: 'satisfaction', width: 90, render: (s: keyof typeof SATISFACTION | null) => (s ? <Tag color={s === 'unsatisfied' ? 'red' : 'green'}>{SATISFACTION[s]}</Tag> : '—') },
        ]}
      />
      <Drawer open={open} width={520} title="交办建议提案" onClose={() => setOpen(false)} extra={<Button type="primary" onClick={create}>交办</Button>} destroyOnHidden>
        <ErrorNotice error={error} />
        <Form form={form} layout="vertical" initialValues={{ kind: 'npc', assignedDate: dayjs(), filed: true }}>
          <Space>
            <Form.Item name="kind" label="类别"><Select style={{ width: 150 }} options={Object.entries(PROPOSAL_KINDS).map(([value, label]) => ({ value, label }))} /></Form.Item>
            <Form.Item name="number" label="编号" rules={[zodRule(field(proposalInput, 'number'))]}><Input maxLength={32} style={{ width: 100 }} /></Form.Item>
          </Space>
          <Form.Item name="title" label="标题" rules={[zodRule(field(proposalInput, 'title'))]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="proposer" label="代表委员" rules={[zodRule(field(proposalInput, 'proposer'))]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="leadUnitId" label="主办单位" rules={[zodRule(field(proposalInput, 'leadUnitId'))]}><TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" /></Form.Item>
          <Form.Item name="assignedDate" label="交办日期" rules={[{ required: true, message: '请选择交办日期' }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
          <Form.Item name="complex" valuePropName="checked"><Checkbox>涉及面广、办理难度大（6个月内答复）</Checkbox></Form.Item>
          {kind === 'cppcc' && <Form.Item name="filed" valuePropName="checked"><Checkbox>已立案</Checkbox></Form.Item>}
        </Form>
      </Drawer>
    </Card>
  );
}
