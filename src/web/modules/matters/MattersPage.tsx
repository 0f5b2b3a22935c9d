// 交办事项 ledger: open matters by deadline with 红黄牌; the law office assigns new ones here.
import { useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, Drawer, Form, Input, Select, Space, Switch, Table, TreeSelect, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { get, post } from '../../api.ts';
import { buildTree, useUnits } from '../../components/units.ts';
import { useLedger } from '../../components/ledger.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { zodRule, field } from '../../components/zodRule.ts';
import { DueTag } from '../../components/Light.tsx';
import { StatusTag } from '../../components/WorkflowPanel.tsx';
import { useAuth } from '../../auth.tsx';
import { MATTER_STATUSES, MATTER_WORKFLOW, createMatterInput, type MatterView } from '../../../shared/schemas/matters.ts';
import type { DeadlineRuleView } from '../../../shared/schemas/calendar.ts';
import { PERIOD_UNITS } from '../../../shared/schemas/calendar.ts';

export function useRules() {
  return useQuery({ queryKey: ['deadline-rules'], queryFn: () => get<{ items: DeadlineRuleView[] }>('/deadline-rules').then((r) => r.items) });
}

export default function MattersPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { set, list, pagination } = useLedger<MatterView>('/matters');
  const units = useUnits();
  const tree = useMemo(() => buildTree(units.data ?? []), [units.data]);
  const rules = useRules();
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();

  const create = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      const created = await post<MatterView>('/matters', { ...values, assignedDate: (values.assignedDate as Dayjs | undefined)?.format('YYYY-MM-DD') });
      message.success('已交办');
      setCreating(false);
      form.resetFields();
      client.invalidateQueries({ queryKey: ['/matters'] });
      navigate(`/matters/${created.id}`);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Card
      size="small"
      title="交办事项"
      extra={can('matter.assign') && <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)}>交办事项</Button>}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search placeholder="事项名称" allowClear style={{ width: 200 }} onSearch={(keyword) => set({ keyword })} />
        <TreeSelect style={{ width: 220 }} treeData={tree} allowClear showSearch treeNodeFilterProp="title" placeholder="承办单位（含下级）" onChange={(unitId) => set({ unitId })} />
        <Select style={{ width: 140 }} allowClear placeholder="状态" options={Object.entries(MATTER_STATUSES).map(([value, label]) => ({ value, label }))} onChange={(status) => set({ status })} />
        <Space size={4}>
          <Switch size="small" onChange={(on) => set({ overdue: on ? 'true' : undefined })} />
          <span>仅看逾期</span>
        </Space>
      </Space>
      <Table<MatterView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={pagination}
        columns={[
          { title: '事项', dataIndex: 'title', render: (v: string, r) => <Link to={`/matters/${r.id}`}>{v}</Link> },
          { title: '承办单位', dataIndex: 'unitName', width: 170, ellipsis: true },
          { title: '交办日期', dataIndex: 'assignedDate', width: 100 },
          { title: '办理期限', width: 200, render: (_, r) => (r.due ? <DueTag due={r.due} light={r.light} /> : '—') },
          { title: '状态', dataIndex: 'status', width: 120, render: (s: string) => <StatusTag def={MATTER_WORKFLOW} status={s} /> },
        ]}
      />
      <Drawer open={creating} title="交办事项" width={520} onClose={() => setCreating(false)} extra={<Button type="primary" onClick={create}>交办</Button>} destroyOnHidden>
        <ErrorNotice error={error} />
        <Form form={form} layout="vertical" initialValues={{ ruleCode: 'matter.reply', assignedDate: dayjs() }}>
          <Form.Item name="unitId" label="承办单位" rules={[zodRule(field(createMatterInput, 'unitId'))]}>
            <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" />
          </Form.Item>
          <Form.Item name="title" label="事项名称" rules={[zodRule(field(createMatterInput, 'title'))]}>
            <Input maxLength={200} autoFocus />
          </Form.Item>
          <Form.Item name="content" label="交办内容" rules={[zodRule(field(createMatterInput, 'content'))]}>
            <Input.TextArea rows={5} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item name="ruleCode" label="期限规则" extra="自交办日起按规则计算办理期限（含节假日与调休）">
            <Select showSearch optionFilterProp="label" options={(rules.data ?? []).map((r) => ({ value: r.code, label: `${r.name}（${r.period}${PERIOD_UNITS[r.unit]}）` }))} />
          </Form.Item>
          <Form.Item name="assignedDate" label="交办日期">
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Typography.Text type="secondary">交办后，承办单位的联络员和负责人会在“我的待办”中看到此事项；逾期将自动督办。</Typography.Text>
        </Form>
      </Drawer>
    </Card>
  );
}
