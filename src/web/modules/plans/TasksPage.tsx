// 任务台账: plans by year on the left, the selected plan's tasks on the right with filters, red for
// overdue, progress, and export. The law office writes plans and tasks here; units see their own.
import { useMemo, useState } from 'react';
import { App, Button, Card, Col, DatePicker, Drawer, Empty, Form, Input, InputNumber, List, Progress, Row, Select, Space, Switch, Table, Tag, TreeSelect, Typography } from 'antd';
import { CopyOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { download, get, post, query } from '../../api.ts';
import { buildTree, useUnits } from '../../components/units.ts';
import { ErrorNotice, errorText } from '../../components/ErrorNotice.tsx';
import { zodRule, field } from '../../components/zodRule.ts';
import { DueTag } from '../../components/Light.tsx';
import { StatusTag } from '../../components/WorkflowPanel.tsx';
import { useAuth } from '../../auth.tsx';
import { TASK_STATUSES, TASK_WORKFLOW, planInput, taskInput, type PlanView, type TaskView } from '../../../shared/schemas/plans.ts';

export default function TasksPage({ mine = false }: { mine?: boolean }) {
  const { can, me } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const plans = useQuery({ queryKey: ['plans'], queryFn: () => get<{ items: PlanView[] }>('/plans').then((r) => r.items) });
  const [planId, setPlanId] = useState<string | undefined>();
  const activePlan = planId ?? plans.data?.[0]?.id;
  const [filters, setFilters] = useState<Record<string, string | number | undefined>>({ page: 1, pageSize: 50 });
  const params = { ...filters, planId: activePlan, unitId: mine ? me?.unit.id : filters.unitId };
  const tasks = useQuery({ queryKey: ['tasks', params], enabled: !!activePlan, queryFn: () => get<{ items: TaskView[]; total: number }>(`/tasks${query(params)}`) });
  const units = useUnits();
  const tree = useMemo(() => buildTree(units.data ?? []), [units.data]);
  const [drawer, setDrawer] = useState<'plan' | 'task' | 'copy' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const manage = can('plan.manage');
  const set = (patch: Record<string, string | number | undefined>) => setFilters({ ...filters, ...patch, page: 1 });
  const plan = plans.data?.find((p) => p.id === activePlan);
  const years = [...new Set((plans.data ?? []).map((p) => p.year))];

  const save = async () => {
    const values = await form.validateFields();
    setError(null);
    const date = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');
    try {
      if (drawer === 'plan') {
        const created = await post<PlanView>('/plans', { ...values, issuedDate: date(values.issuedDate), source: values.source || null });
        setPlanId(created.id);
      } else if (drawer === 'copy') {
        const created = await post<PlanView>(`/plans/${activePlan}/copy`, { year: values.year, issuedDate: date(values.issuedDate) });
        setPlanId(created.id);
      } else {
        await post('/tasks', {
          ...values,
          planId: activePlan,
          dueDate: date(values.dueDate),
          coUnitIds: values.coUnitIds ?? [],
          milestones: (values.milestones ?? []).filter((m: any) => m?.title && m?.dueDate).map((m: any) => ({ title: m.title, dueDate: date(m.dueDate) })),
        });
      }
      message.success('已保存');
      setDrawer(null);
      form.resetFields();
      client.invalidateQueries({ queryKey: ['plans'] });
      client.invalidateQueries({ queryKey: ['tasks'] });
    } catch (e) {
      setError(e);
    }
  };

  const exportXlsx = () => download(`/tasks/export${query({ ...params, page: undefined, pageSize: undefined })}`, '任务台账.xlsx').catch((e) => message.error(errorText(e)));

  return (
    <Row gutter={12}>
      <Col span={6}>
        <Card size="small" title="分工方案" extra={manage && <Button size="small" icon={<PlusOutlined />} onClick={() => { setError(null); setDrawer('plan'); }}>新建方案</Button>}>
          {years.length === 0 && <Empty description="尚无分工方案" />}
          {years.map((y) => (
            <div key={y} style={{ marginBottom: 8 }}>
              <Typography.Text type="secondary">{y} 年</Typography.Text>
              <List
                size="small"
                dataSource={plans.data?.filter((p) => p.year === y)}
                renderItem={(p) => (
                  <List.Item onClick={() => setPlanId(p.id)} style={{ cursor: 'pointer', background: p.id === activePlan ? '#fff1f0' : undefined, paddingInline: 8 }}>
                    <div>
                      <div>{p.title}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>印发 {p.issuedDate} · 任务 {p.taskCount} 项 · 完成 {p.completedCount}</Typography.Text>
                    </div>
                  </List.Item>
                )}
              />
            </div>
          ))}
        </Card>
      </Col>
      <Col span={18}>
        <Card
          size="small"
          title={mine ? `本单位任务${plan ? ` · ${plan.title}` : ''}` : (plan?.title ?? '任务台账')}
          extra={
            <Space>
              <Button size="small" icon={<DownloadOutlined />} onClick={exportXlsx} disabled={!activePlan}>导出 Excel</Button>
              {manage && activePlan && <Button size="small" icon={<CopyOutlined />} onClick={() => { setError(null); setDrawer('copy'); }}>复制为新年度方案</Button>}
              {manage && activePlan && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => { setError(null); setDrawer('task'); }}>下达任务</Button>}
            </Space>
          }
        >
          <Space wrap style={{ marginBottom: 12 }}>
            <Input.Search placeholder="编号或任务名称" allowClear style={{ width: 200 }} onSearch={(keyword) => set({ keyword })} />
            {!mine && <TreeSelect style={{ width: 220 }} treeData={tree} allowClear showSearch treeNodeFilterProp="title" placeholder="单位（牵头或配合，含下级）" onChange={(unitId) => set({ unitId })} />}
            <DatePicker placeholder="完成时限不晚于" onChange={(d: Dayjs | null) => set({ dueBefore: d?.format('YYYY-MM-DD') })} />
            <Select style={{ width: 130 }} allowClear placeholder="状态" options={Object.entries(TASK_STATUSES).map(([value, label]) => ({ value, label }))} onChange={(status) => set({ status })} />
            <Space size={4}>
              <Switch size="small" onChange={(on) => set({ overdue: on ? 'true' : undefined })} />
              <span>仅看逾期</span>
            </Space>
          </Space>
          <Table<TaskView>
            rowKey="id"
            size="small"
            loading={tasks.isLoading}
            dataSource={tasks.data?.items}
            rowClassName={(t) => (t.overdue ? 'row-overdue' : '')}
            pagination={{ current: Number(filters.page), pageSize: Number(filters.pageSize), total: tasks.data?.total, showSizeChanger: true, showTotal: (t) => `共 ${t} 项`, onChange: (page, pageSize) => setFilters({ ...filters, page, pageSize }) }}
            columns={[
              { title: '编号', dataIndex: 'code', width: 50 },
              { title: '任务', dataIndex: 'title', render: (v: string, t) => <Link to={`/tasks/${t.id}`}>{v}</Link> },
              { title: '牵头单位', dataIndex: 'leadUnitName', width: 140, ellipsis: true },
              { title: '配合单位', width: 130, ellipsis: true, render: (_, t) => t.coUnits.map((c) => c.name).join('、') || '—' },
              { title: '完成时限', width: 190, render: (_, t) => (t.light ? <DueTag due={t.dueDate} light={t.light} /> : <span style={{ color: t.overdue ? '#cf1322' : undefined }}>{t.dueDate}</span>) },
              { title: '进度', dataIndex: 'percent', width: 100, render: (p: number, t) => <Progress percent={p} size="small" status={t.overdue ? 'exception' : t.status === 'completed' ? 'success' : 'active'} /> },
              { title: '状态', dataIndex: 'status', width: 110, render: (s: string, t) => <><StatusTag def={TASK_WORKFLOW} status={s} />{t.overdue && <Tag color="red">逾期</Tag>}</> },
            ]}
          />
        </Card>
      </Col>
      <Drawer open={!!drawer} width={560} destroyOnHidden title={drawer === 'plan' ? '新建分工方案' : drawer === 'copy' ? '复制为新年度方案' : '下达任务'} onClose={() => setDrawer(null)} extra={<Button type="primary" onClick={save}>保存</Button>}>
        <ErrorNotice error={error} />
        <Form form={form} layout="vertical" initialValues={{ year: dayjs().year() + (drawer === 'copy' ? 1 : 0) }}>
          {drawer === 'plan' && (
            <>
              <Form.Item name="year" label="年度" rules={[zodRule(field(planInput, 'year'))]}><InputNumber min={2000} max={2100} /></Form.Item>
              <Form.Item name="title" label="方案名称" rules={[zodRule(field(planInput, 'title'))]}><Input maxLength={200} autoFocus /></Form.Item>
              <Form.Item name="source" label="来源文件"><Input maxLength={300} /></Form.Item>
              <Form.Item name="issuedDate" label="印发日期" rules={[{ required: true, message: '请选择印发日期' }]}><DatePicker /></Form.Item>
            </>
          )}
          {drawer === 'copy' && (
            <>
              <Typography.Paragraph type="secondary">复制「{plan?.title}」的全部任务（不含已取消），完成时限顺延到新年度，状态为未开始。</Typography.Paragraph>
              <Form.Item name="year" label="新年度" rules={[{ required: true, message: '请填写年度' }]}><InputNumber min={2000} max={2100} /></Form.Item>
              <Form.Item name="issuedDate" label="印发日期" rules={[{ required: true, message: '请选择印发日期' }]}><DatePicker /></Form.Item>
            </>
          )}
          {drawer === 'task' && (
            <>
              <Form.Item name="code" label="任务编号" rules={[zodRule(field(taskInput, 'code'))]}><Input maxLength={32} autoFocus style={{ width: 120 }} /></Form.Item>
              <Form.Item name="title" label="任务名称" rules={[zodRule(field(taskInput, 'title'))]}><Input maxLength={200} /></Form.Item>
              <Form.Item name="content" label="任务内容" rules={[zodRule(field(taskInput, 'content'))]}><Input.TextArea rows={4} maxLength={5000} /></Form.Item>
              <Form.Item name="leadUnitId" label="牵头单位" rules={[zodRule(field(taskInput, 'leadUnitId'))]}><TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" /></Form.Item>
              <Form.Item name="coUnitIds" label="配合单位"><TreeSelect treeData={tree} multiple showSearch treeNodeFilterProp="title" /></Form.Item>
              <Form.Item name="dueDate" label="完成时限" rules={[{ required: true, message: '请选择完成时限' }]} extra={plan ? `不早于方案印发日期 ${plan.issuedDate}` : undefined}><DatePicker /></Form.Item>
              <Form.List name="milestones">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f) => (
                      <Space key={f.key} align="baseline">
                        <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '节点名称' }]}><Input placeholder="节点名称" /></Form.Item>
                        <Form.Item name={[f.name, 'dueDate']} rules={[{ required: true, message: '节点时间' }]}><DatePicker /></Form.Item>
                        <a onClick={() => remove(f.name)}>删除</a>
                      </Space>
                    ))}
                    <Button size="small" onClick={() => add()} icon={<PlusOutlined />}>添加时间节点</Button>
                  </>
                )}
              </Form.List>
            </>
          )}
        </Form>
      </Drawer>
    </Row>
  );
}
