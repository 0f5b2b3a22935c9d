// 督察安排: the inspections in scope (organised or aimed at one's unit); the law office and inspectors
// plan new ones here. The target units and the checklist are the inspection's own, beside its fields.
import { useMemo, useState } from 'react';
import { App, Button, DatePicker, Form, Input, Select, Space, Tag, TreeSelect, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { post } from '../../api.ts';
import { buildTree, useUnits } from '../../components/units.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { LedgerPage } from '../../components/pages.tsx';
import { zodRule, field } from '../../components/zodRule.ts';
import { useAuth } from '../../auth.tsx';
import { CHECKLIST_KINDS, INSPECTION, INSPECTION_KINDS, inspectionInput, type InspectionView } from '../../../shared/schemas/supervision.ts';
import { INSPECTION_PAGES } from './pages.ts';

export const KIND_COLOR: Record<string, string> = { written: 'blue', onsite: 'green', special: 'purple', unannounced: 'orange' };

/** 问题 column: how many findings (in one's scope) and how many are still open. */
export const findingCounts = (r: InspectionView) =>
  r.findingCount ? <>{r.findingCount} 个{r.openCount ? <Tag color="red" style={{ marginInlineStart: 6 }}>未销号 {r.openCount}</Tag> : <Tag color="green" style={{ marginInlineStart: 6 }}>已销号</Tag>}</> : '—';

export default function InspectionsPage() {
  const { can } = useAuth();
  const [open, setOpen] = useState(false);
  return (
    <LedgerPage<InspectionView>
      pages={INSPECTION_PAGES}
      actions={can('inspection.manage') && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>安排督察</Button>}
      exportName="督察台账.xlsx"
      measure="次"
      link="title"
      trailing={[
        { key: 'targets', title: '督察对象', width: 260, ellipsis: true, render: (_, r) => r.targets.map((u) => u.name).join('、') },
        { key: 'findings', title: '问题', width: 150, render: (_, r) => findingCounts(r) },
      ]}
    >
      <InspectionDrawer open={open} onClose={() => setOpen(false)} />
    </LedgerPage>
  );
}

function InspectionDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const units = useUnits();
  const tree = useMemo(() => buildTree(units.data ?? []), [units.data]);
  const [form] = Form.useForm();
  const rule = (name: string) => zodRule(field(inspectionInput, name));
  const { title, kind, date, inspectors, summary } = INSPECTION.fields;

  const create = async (values: any) => {
    const created = await post<InspectionView>('/inspections', { ...values, date: (values.date as Dayjs).format('YYYY-MM-DD'), checklist: (values.checklist ?? []).filter((c: any) => c?.item), summary: values.summary || null });
    message.success('已安排督察');
    onClose();
    form.resetFields();
    client.invalidateQueries({ queryKey: ['/inspections'] });
    navigate(`/inspections/${created.id}`);
  };

  return (
    <FormDrawer open={open} width={600} title="安排督察" form={form} initialValues={{ kind: 'onsite', date: dayjs(), checklist: [{ kind: 'required' }] }} onClose={onClose} onSave={create}>
        <Form.Item name="title" label={title.label} required rules={[rule('title')]}><Input maxLength={title.max} autoFocus /></Form.Item>
        <Space>
          <Form.Item name="kind" label={kind.label} required rules={[rule('kind')]}><Select style={{ width: 120 }} options={Object.entries(INSPECTION_KINDS).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item name="date" label={date.label} required rules={[{ required: true, message: `请选择${date.label}` }]}><DatePicker /></Form.Item>
        </Space>
        <Form.Item name="targetUnitIds" label="督察对象" required rules={[rule('targetUnitIds')]}><TreeSelect treeData={tree} multiple showSearch treeNodeFilterProp="title" /></Form.Item>
        <Form.Item name="inspectors" label={inspectors.label} required rules={[rule('inspectors')]}><Input maxLength={inspectors.max} /></Form.Item>
        <Typography.Text strong>检查清单</Typography.Text>
        <Form.List name="checklist">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'item']} style={{ width: 340 }}><Input placeholder="检查事项" maxLength={200} /></Form.Item>
                  <Form.Item name={[f.name, 'kind']}><Select style={{ width: 110 }} options={Object.entries(CHECKLIST_KINDS).map(([value, label]) => ({ value, label }))} /></Form.Item>
                  <a onClick={() => remove(f.name)}>删除</a>
                </Space>
              ))}
              <Button size="small" icon={<PlusOutlined />} onClick={() => add({ kind: 'required' })}>添加检查事项</Button>
            </>
          )}
        </Form.List>
        <Form.Item name="summary" label={summary.label} style={{ marginTop: 12 }} rules={[rule('summary')]}><Input.TextArea rows={3} maxLength={summary.max} /></Form.Item>
    </FormDrawer>
  );
}
