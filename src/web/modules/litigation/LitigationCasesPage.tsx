// 行政应诉: cases with the defence deadline (红黄牌), head appearances, results; intake and export.
import { useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Table, Tag, TreeSelect } from 'antd';
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
import { CASE_RESULTS, JUDGMENT_RESULTS, LITIGATION_STATUSES, LITIGATION_WORKFLOW, litigationCaseInput, type LitigationCaseView } from '../../../shared/schemas/litigation.ts';

export default function LitigationCasesPage() {
  const { can, me } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { filters, set, list, pagination } = useLedger<LitigationCaseView>('/litigation-cases');
  const units = useUnits();
  const tree = useMemo(() => buildTree(units.data ?? []), [units.data]);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const create = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      const created = await post<LitigationCaseView>('/litigation-cases', { ...values, filedDate: (values.filedDate as Dayjs).format('YYYY-MM-DD'), complaintReceivedDate: (values.complaintReceivedDate as Dayjs).format('YYYY-MM-DD') });
      message.success('已登记，答辩期限开始计算');
      setOpen(false);
      form.resetFields();
      client.invalidateQueries({ queryKey: ['/litigation-cases'] });
      navigate(`/litigation/${created.id}`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card size="small" title="行政应诉" extra={<Space>
      <ExportButton url="/litigation-cases/export" filters={filters} filename="行政应诉案件.xlsx" />
      {can('litigation.manage') && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => { setError(null); setOpen(true); }}>登记案件</Button>}
    </Space>}>
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber placeholder="立案年度" min={2000} max={2100} onChange={(year) => set({ year: year ?? undefined })} />
        <TreeSelect style={{ width: 220 }} treeData={tree} allowClear showSearch treeNodeFilterProp="title" placeholder="被告单位（含下级）" onChange={(unitId) => set({ unitId })} />
        <Select style={{ width: 140 }} allowClear placeholder="状态" options={Object.entries(LITIGATION_STATUSES).map(([value, label]) => ({ value, label }))} onChange={(status) => set({ status })} />
        <Select style={{ width: 120 }} allowClear placeholder="结果" options={Object.entries(CASE_RESULTS).map(([value, label]) => ({ value, label }))} onChange={(result) => set({ result })} />
      </Space>
      <Table<LitigationCaseView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        rowClassName={(c) => (c.light === 'red' ? 'row-overdue' : '')}
        pagination={pagination}
        columns={[
          { title: '立案日期', dataIndex: 'filedDate', width: 100 },
          { title: '案件', dataIndex: 'title', render: (t: string, c) => <Link to={`/litigation/${c.id}`}>{t}</Link> },
          { title: '被告', dataIndex: 'unitName', width: 170, ellipsis: true },
          { title: '答辩期限', width: 190, render: (_, c) => (c.light ? <DueTag due={c.defenceDue!} light={c.light} /> : (c.defenceDate ? `已答辩 ${c.defenceDate}` : '—')) },
          { title: '负责人出庭', width: 100, render: (_, c) => (c.hearings ? `${c.headAppearances}/${c.hearings}` : '—') },
          { title: '状态', dataIndex: 'status', width: 130, render: (s: string) => <StatusTag def={LITIGATION_WORKFLOW} status={s} /> },
          { title: '结果', dataIndex: 'result', width: 90, render: (r: keyof typeof JUDGMENT_RESULTS | null) => (r ? <Tag color={r === 'lost' ? 'red' : r === 'won' ? 'green' : undefined}>{JUDGMENT_RESULTS[r]}</Tag> : '—') },
        ]}
      />
      <Drawer open={open} width={520} title="登记应诉案件" onClose={() => setOpen(false)} extra={<Button type="primary" onClick={create}>登记</Button>} destroyOnHidden>
        <ErrorNotice error={error} />
        <Form form={form} layout="vertical" initialValues={{ unitId: me?.unit.id, filedDate: dayjs(), complaintReceivedDate: dayjs() }}>
          <Form.Item name="unitId" label="被告单位" rules={[zodRule(field(litigationCaseInput, 'unitId'))]}><TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" /></Form.Item>
          <Form.Item name="court" label="受理法院" rules={[zodRule(field(litigationCaseInput, 'court'))]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="plaintiff" label="原告" rules={[zodRule(field(litigationCaseInput, 'plaintiff'))]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="cause" label="案由" rules={[zodRule(field(litigationCaseInput, 'cause'))]}><Input maxLength={300} /></Form.Item>
          <Space>
            <Form.Item name="filedDate" label="立案日期" rules={[{ required: true, message: '请选择立案日期' }]}><DatePicker /></Form.Item>
            <Form.Item name="complaintReceivedDate" label="收到起诉状副本" rules={[{ required: true, message: '请选择日期' }]} extra="自次日起15日内答辩"><DatePicker /></Form.Item>
          </Space>
        </Form>
      </Drawer>
    </Card>
  );
}
