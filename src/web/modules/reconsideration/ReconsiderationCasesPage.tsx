// 行政复议案件: the ledger with filters and the nearest statutory deadline's 红黄牌; intake form.
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
import { REVIEW_CHANNELS, REVIEW_OUTCOMES, REVIEW_STATUSES, REVIEW_WORKFLOW, CORRECTIONS, reviewCaseInput, type ReviewCaseView } from '../../../shared/schemas/reconsideration.ts';

export default function ReviewCasesPage() {
  const { can, me } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { filters, set, list, pagination } = useLedger<ReviewCaseView>('/review-cases');
  const units = useUnits();
  const tree = useMemo(() => buildTree(units.data ?? []), [units.data]);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();

  const create = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      const created = await post<ReviewCaseView>('/review-cases', {
        ...values,
        receivedDate: (values.receivedDate as Dayjs).format('YYYY-MM-DD'),
        applicantIdNumber: values.applicantIdNumber || undefined,
        applicantPhone: values.applicantPhone || undefined,
        respondentUnitId: values.respondentUnitId ?? null,
      });
      message.success('已登记，受理审查期限开始计算');
      setOpen(false);
      form.resetFields();
      client.invalidateQueries({ queryKey: ['/review-cases'] });
      navigate(`/review/${created.id}`);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Card
      size="small"
      title="行政复议案件"
      extra={
        <Space>
          <ExportButton url="/review-cases/export" filters={filters} filename="行政复议案件.xlsx" />
          {can('review.manage') && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => { setError(null); setOpen(true); }}>登记申请</Button>}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search placeholder="申请人、被申请人或行政行为" allowClear style={{ width: 240 }} onSearch={(keyword) => set({ keyword })} />
        <InputNumber placeholder="收案年度" min={2000} max={2100} onChange={(year) => set({ year: year ?? undefined })} />
        <Select style={{ width: 150 }} allowClear placeholder="状态" options={Object.entries(REVIEW_STATUSES).map(([value, label]) => ({ value, label }))} onChange={(status) => set({ status })} />
        <Select style={{ width: 140 }} allowClear placeholder="结果" options={Object.entries(REVIEW_OUTCOMES).map(([value, label]) => ({ value, label }))} onChange={(outcome) => set({ outcome })} />
        <Space size={4}>
          <Switch size="small" onChange={(on) => set({ overdue: on ? 'true' : undefined })} />
          <span>仅看逾期</span>
        </Space>
      </Space>
      <Table<ReviewCaseView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        rowClassName={(c) => (c.nextDue?.light === 'red' ? 'row-overdue' : '')}
        pagination={pagination}
        columns={[
          { title: '收到日期', dataIndex: 'receivedDate', width: 100 },
          { title: '案件', dataIndex: 'title', render: (t: string, c) => <Link to={`/review/${c.id}`}>{t}</Link> },
          { title: '行政行为', dataIndex: 'act', width: 200, ellipsis: true },
          { title: '最近期限', width: 250, render: (_, c) => (c.nextDue ? <>{c.nextDue.label} <DueTag due={c.nextDue.due} light={c.nextDue.light} /></> : '—') },
          { title: '状态', dataIndex: 'status', width: 130, render: (s: string) => <StatusTag def={REVIEW_WORKFLOW} status={s} /> },
          { title: '结果', dataIndex: 'outcome', width: 110, render: (o: keyof typeof REVIEW_OUTCOMES | null) => (o ? <Tag color={CORRECTIONS.includes(o) ? 'red' : undefined}>{REVIEW_OUTCOMES[o]}</Tag> : '—') },
        ]}
      />
      <Drawer open={open} width={560} title="登记行政复议申请" onClose={() => setOpen(false)} extra={<Button type="primary" onClick={create}>登记</Button>} destroyOnHidden>
        <ErrorNotice error={error} />
        <Form form={form} layout="vertical" initialValues={{ applicantKind: 'person', channel: 'window', receivedDate: dayjs(), unitId: me?.unit.id }}>
          <Form.Item name="unitId" label="复议机关" rules={[zodRule(field(reviewCaseInput, 'unitId'))]}><TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" /></Form.Item>
          <Space>
            <Form.Item name="applicantName" label="申请人" rules={[zodRule(field(reviewCaseInput, 'applicantName'))]}><Input maxLength={100} autoFocus /></Form.Item>
            <Form.Item name="applicantKind" label="申请人类型"><Select style={{ width: 150 }} options={[{ value: 'person', label: '自然人' }, { value: 'organisation', label: '法人或其他组织' }]} /></Form.Item>
          </Space>
          <Space>
            <Form.Item name="applicantIdNumber" label="身份证号码" rules={[zodRule(field(reviewCaseInput, 'applicantIdNumber'))]} extra="加密保存，列表中脱敏显示"><Input maxLength={18} style={{ width: 220 }} /></Form.Item>
            <Form.Item name="applicantPhone" label="联系电话" rules={[zodRule(field(reviewCaseInput, 'applicantPhone'))]}><Input maxLength={11} /></Form.Item>
          </Space>
          <Form.Item name="respondent" label="被申请人" rules={[zodRule(field(reviewCaseInput, 'respondent'))]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="respondentUnitId" label="被申请人对应的本级单位" extra="选择后，纠错决定将进入该单位的问题池"><TreeSelect treeData={tree} allowClear showSearch treeNodeFilterProp="title" /></Form.Item>
          <Form.Item name="act" label="被申请的行政行为" rules={[zodRule(field(reviewCaseInput, 'act'))]}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
          <Space>
            <Form.Item name="receivedDate" label="收到申请日期" rules={[{ required: true, message: '请选择收到日期' }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
            <Form.Item name="channel" label="申请方式"><Select style={{ width: 100 }} options={Object.entries(REVIEW_CHANNELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
          </Space>
        </Form>
      </Drawer>
    </Card>
  );
}
