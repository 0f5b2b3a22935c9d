// 督察安排: the year's inspections; the law office and inspectors plan new ones here.
import { useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { get, post, query } from '../../api.ts';
import { buildTree, useUnits } from '../../components/units.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { zodRule, field } from '../../components/zodRule.ts';
import { useAuth } from '../../auth.tsx';
import { CHECKLIST_KINDS, INSPECTION_KINDS, inspectionInput, type InspectionView } from '../../../shared/schemas/supervision.ts';

export const KIND_COLOR: Record<string, string> = { written: 'blue', onsite: 'green', special: 'purple', unannounced: 'orange' };

export default function InspectionsPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Record<string, string | number | undefined>>({ year: dayjs().year(), page: 1, pageSize: 20 });
  const list = useQuery({ queryKey: ['inspections', filters], queryFn: () => get<{ items: InspectionView[]; total: number }>(`/inspections${query(filters)}`) });
  const units = useUnits();
  const tree = useMemo(() => buildTree(units.data ?? []), [units.data]);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();

  const create = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      const created = await post<InspectionView>('/inspections', { ...values, date: (values.date as Dayjs).format('YYYY-MM-DD'), checklist: (values.checklist ?? []).filter((c: any) => c?.item), summary: values.summary || null });
      message.success('已安排督察');
      setOpen(false);
      form.resetFields();
      client.invalidateQueries({ queryKey: ['inspections'] });
      navigate(`/inspections/${created.id}`);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Card size="small" title="督察安排" extra={can('inspection.manage') && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => { setError(null); setOpen(true); }}>安排督察</Button>}>
      <Space style={{ marginBottom: 12 }}>
        <span>年度</span>
        <InputNumber min={2000} max={2100} value={Number(filters.year)} onChange={(year) => setFilters({ ...filters, year: year ?? undefined, page: 1 })} />
        <Select style={{ width: 120 }} allowClear placeholder="督察方式" options={Object.entries(INSPECTION_KINDS).map(([value, label]) => ({ value, label }))} onChange={(kind) => setFilters({ ...filters, kind, page: 1 })} />
      </Space>
      <Table<InspectionView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{ current: Number(filters.page), pageSize: Number(filters.pageSize), total: list.data?.total, showTotal: (t) => `共 ${t} 次`, onChange: (page, pageSize) => setFilters({ ...filters, page, pageSize }) }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 100 },
          { title: '方式', dataIndex: 'kind', width: 70, render: (k: string) => <Tag color={KIND_COLOR[k]}>{INSPECTION_KINDS[k as keyof typeof INSPECTION_KINDS]}</Tag> },
          { title: '督察', dataIndex: 'title', render: (t: string, r) => <Link to={`/inspections/${r.id}`}>{t}</Link> },
          { title: '督察对象', width: 260, ellipsis: true, render: (_, r) => r.targets.map((u) => u.name).join('、') },
          { title: '督察人员', dataIndex: 'inspectors', width: 140, ellipsis: true },
          { title: '问题', width: 110, render: (_, r) => (r.findingCount ? <>{r.findingCount} 个{r.openCount ? <Tag color="red" style={{ marginInlineStart: 6 }}>未销号 {r.openCount}</Tag> : <Tag color="green" style={{ marginInlineStart: 6 }}>已销号</Tag>}</> : '—') },
        ]}
      />
      <Drawer open={open} width={600} title="安排督察" onClose={() => setOpen(false)} extra={<Button type="primary" onClick={create}>保存</Button>} destroyOnHidden>
        <ErrorNotice error={error} />
        <Form form={form} layout="vertical" initialValues={{ kind: 'onsite', date: dayjs(), checklist: [{ kind: 'required' }] }}>
          <Form.Item name="title" label="督察名称" rules={[zodRule(field(inspectionInput, 'title'))]}><Input maxLength={200} autoFocus /></Form.Item>
          <Space>
            <Form.Item name="kind" label="督察方式"><Select style={{ width: 120 }} options={Object.entries(INSPECTION_KINDS).map(([value, label]) => ({ value, label }))} /></Form.Item>
            <Form.Item name="date" label="督察日期" rules={[{ required: true, message: '请选择督察日期' }]}><DatePicker /></Form.Item>
          </Space>
          <Form.Item name="targetUnitIds" label="督察对象" rules={[zodRule(field(inspectionInput, 'targetUnitIds'))]}><TreeSelect treeData={tree} multiple showSearch treeNodeFilterProp="title" /></Form.Item>
          <Form.Item name="inspectors" label="督察人员" rules={[zodRule(field(inspectionInput, 'inspectors'))]}><Input maxLength={300} /></Form.Item>
          <Typography.Text strong>检查清单</Typography.Text>
          <Form.List name="checklist">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'item']} style={{ width: 340 }}><Input placeholder="检查事项" /></Form.Item>
                    <Form.Item name={[f.name, 'kind']}><Select style={{ width: 110 }} options={Object.entries(CHECKLIST_KINDS).map(([value, label]) => ({ value, label }))} /></Form.Item>
                    <a onClick={() => remove(f.name)}>删除</a>
                  </Space>
                ))}
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ kind: 'required' })}>添加检查事项</Button>
              </>
            )}
          </Form.List>
          <Form.Item name="summary" label="督察情况" style={{ marginTop: 12 }}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
        </Form>
      </Drawer>
    </Card>
  );
}
