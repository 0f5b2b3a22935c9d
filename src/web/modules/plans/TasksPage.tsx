// 任务台账: plans by year on the left, the selected plan's tasks on the right (the ledger of the
// record definition: keyword, sort, paging and filters in the URL, export of exactly the filtered
// list), with the due date's light, progress, co-units and status beside it. The law office writes
// plans and tasks here; units see their own.
import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, List, Progress, Row, Space, TreeSelect, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { get, post } from '../../api.ts';
import { buildTree, useUnits } from '../../components/units.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useUrlFilters } from '../../components/ledger.tsx';
import { OVERDUE_FILTER, overdueRow } from '../../components/pages.tsx';
import { zodRule, field } from '../../components/zodRule.ts';
import { SetDeadline } from '../../components/Light.tsx';
import { RecordForm, RecordLedger } from '../../components/records.tsx';
import { useAuth } from '../../auth.tsx';
import { PLAN, TASK, TASK_WORKFLOW, copyPlanInput, taskInput, type PlanView, type TaskView } from '../../../shared/schemas/plans.ts';

export default function TasksPage({ mine = false }: { mine?: boolean }) {
  const { can, me } = useAuth();
  const client = useQueryClient();
  const plans = useQuery({ queryKey: ['plans'], queryFn: () => get<{ items: PlanView[] }>('/plans').then((r) => r.items) });
  const { params, patch, sortOrder } = useUrlFilters();
  const units = useUnits();
  const tree = useMemo(() => buildTree(units.data ?? []), [units.data]);
  const [drawer, setDrawer] = useState<'plan' | 'task' | 'copy' | null>(null);
  const manage = can('plan.manage');

  // The plan (and, on 本单位任务, the user's unit) are part of the URL like every filter: the
  // ledger, its export and a shared link all narrow to them. Without one, the newest plan.
  const planId = params.get('planId') ?? undefined;
  const myUnit = mine ? me?.unit.id : undefined;
  const fallback = plans.data?.[0]?.id;
  useEffect(() => {
    const missing = (!planId && fallback) || (myUnit && params.get('unitId') !== myUnit);
    if (!missing) return;
    patch({ ...(!planId && fallback ? { planId: fallback } : {}), ...(myUnit ? { unitId: myUnit } : {}) }, { replace: true, keepPage: true });
  }, [planId, fallback, myUnit, params]);
  const ready = !!planId && (!myUnit || params.get('unitId') === myUnit);
  // Another plan: the sort and filters stay, the page starts again.
  const choosePlan = (id: string) => patch({ planId: id });

  const plan = plans.data?.find((p) => p.id === planId);
  const years = [...new Set((plans.data ?? []).map((p) => p.year))];
  const refresh = () => {
    client.invalidateQueries({ queryKey: ['plans'] });
    client.invalidateQueries({ queryKey: ['/tasks'] });
  };

  // Beside the definition's columns: co-units, the due date with its light, progress and status
  // (sorted on the server by the keys of the definition).
  const trailing: ColumnsType<TaskView> = [
    { key: 'coUnits', title: '配合单位', width: 90, ellipsis: true, render: (_, t) => t.coUnits.map((c) => c.name).join('、') || '—' },
    { key: 'dueDate', title: TASK.fields.dueDate.label, width: 160, sorter: true, sortOrder: sortOrder('dueDate'), render: (_, t) => <SetDeadline set={t.dueDate} due={t.due} light={t.light} overdue={t.overdue} /> },
    { key: 'percent', title: TASK.fields.percent.label, width: 100, sorter: true, sortOrder: sortOrder('percent'), render: (_, t) => <Progress percent={t.percent} size="small" status={t.overdue ? 'exception' : t.status === 'completed' ? 'success' : 'active'} /> },
  ];

  return (
    // The plans beside the tasks on a wide screen, above them on a narrow one.
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={5}>
        <Card size="small" title="分工方案" extra={manage && <Button size="small" icon={<PlusOutlined />} onClick={() => setDrawer('plan')}>新建方案</Button>}>
          {plans.data && years.length === 0 && <Empty description="还没有分工方案" />}
          {years.map((y) => (
            <div key={y} style={{ marginBottom: 8 }}>
              <Typography.Text type="secondary">{y} 年</Typography.Text>
              <List
                size="small"
                dataSource={plans.data?.filter((p) => p.year === y)}
                renderItem={(p) => (
                  <List.Item onClick={() => choosePlan(p.id)} aria-current={p.id === planId} style={{ cursor: 'pointer', background: p.id === planId ? '#fff1f0' : undefined, paddingInline: 8 }}>
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
      <Col xs={24} xl={19}>
        <Card
          size="small"
          title={mine ? `本单位任务${plan ? ` · ${plan.title}` : ''}` : (plan?.title ?? '任务台账')}
          extra={
            <Space>
              {manage && plan && <Button size="small" icon={<CopyOutlined />} onClick={() => setDrawer('copy')}>复制为新年度方案</Button>}
              {manage && plan && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setDrawer('task')}>下达任务</Button>}
            </Space>
          }
        >
          {ready ? (
            <RecordLedger<TaskView>
              def={TASK}
              // The status last (逾期 shows on the due date's light) and its filter first.
              workflow={TASK_WORKFLOW}
              url="/tasks"
              measure="项"
              exportName="任务台账.xlsx"
              rowClassName={overdueRow}
              link={{ field: 'title', to: (t) => `/tasks/${t.id}` }}
              trailing={trailing}
              extraFilters={[OVERDUE_FILTER]}
              toolbar={
                <>
                  {!mine && <TreeSelect style={{ width: 220 }} size="small" treeData={tree} allowClear showSearch treeNodeFilterProp="title" placeholder="单位（牵头或配合，含下级）" aria-label="单位（牵头或配合）" value={params.get('unitId') ?? undefined} onChange={(unitId?: string) => patch({ unitId })} />}
                  <DatePicker size="small" placeholder="完成时限不晚于" aria-label="完成时限不晚于" value={params.get('dueBefore') ? dayjs(params.get('dueBefore')) : null} onChange={(d: Dayjs | null) => patch({ dueBefore: d?.format('YYYY-MM-DD') })} />
                </>
              }
            />
          ) : (
            plans.data && !fallback && <Empty description="还没有分工方案" />
          )}
        </Card>
      </Col>
      <RecordForm
        def={PLAN}
        open={drawer === 'plan'}
        title="新建分工方案"
        initialValues={{ year: dayjs().year() }}
        onClose={() => setDrawer(null)}
        onSubmit={async (body) => {
          const created = await post<PlanView>('/plans', body);
          refresh();
          choosePlan(created.id);
        }}
      />
      <TaskDrawer open={drawer === 'task'} plan={plan} tree={tree} onClose={() => setDrawer(null)} onSaved={refresh} />
      <CopyDrawer open={drawer === 'copy'} plan={plan} onClose={() => setDrawer(null)} onSaved={(id) => { refresh(); choosePlan(id); }} />
    </Row>
  );
}

/** 下达任务: the definition's rules for its fields, beside them the co-units and milestones it cannot hold. */
function TaskDrawer({ open, plan, tree, onClose, onSaved }: { open: boolean; plan?: PlanView; tree: ReturnType<typeof buildTree>; onClose(): void; onSaved(): void }) {
  const [form] = Form.useForm();
  const label = (name: keyof typeof TASK.fields) => TASK.fields[name].label;
  const date = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');
  const save = async (values: any) => {
    await post('/tasks', {
      ...values,
      planId: plan!.id,
      dueDate: date(values.dueDate),
      coUnitIds: values.coUnitIds ?? [],
      milestones: (values.milestones ?? []).filter((m: any) => m?.title && m?.dueDate).map((m: any) => ({ title: m.title, dueDate: date(m.dueDate) })),
    });
    form.resetFields();
    onSaved();
    onClose();
  };
  return (
    <FormDrawer open={open} title="下达任务" form={form} onClose={onClose} onSave={save}>
        <Form.Item name="code" label={label('code')} required rules={[zodRule(field(taskInput, 'code'))]}><Input maxLength={32} autoFocus style={{ width: 120 }} /></Form.Item>
        <Form.Item name="title" label={label('title')} required rules={[zodRule(field(taskInput, 'title'))]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="content" label={label('content')} required rules={[zodRule(field(taskInput, 'content'))]}><Input.TextArea rows={4} maxLength={5000} showCount /></Form.Item>
        <Form.Item name="leadUnitId" label={label('leadUnitId')} required rules={[zodRule(field(taskInput, 'leadUnitId'))]}><TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" /></Form.Item>
        <Form.Item name="coUnitIds" label="配合单位"><TreeSelect treeData={tree} multiple showSearch treeNodeFilterProp="title" /></Form.Item>
        <Form.Item name="dueDate" label={label('dueDate')} rules={[{ required: true, message: `请选择${label('dueDate')}` }]} extra={plan ? `不早于方案印发日期 ${plan.issuedDate}` : undefined}><DatePicker /></Form.Item>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '请填写节点名称' }]}><Input placeholder="节点名称" /></Form.Item>
                  <Form.Item name={[f.name, 'dueDate']} rules={[{ required: true, message: '请选择节点时间' }]}><DatePicker placeholder="节点时间" /></Form.Item>
                  <a onClick={() => remove(f.name)}>删除</a>
                </Space>
              ))}
              <Button size="small" onClick={() => add()} icon={<PlusOutlined />}>添加时间节点</Button>
            </>
          )}
        </Form.List>
    </FormDrawer>
  );
}

/** 复制为新年度方案: the next year's plan with this plan's tasks. */
function CopyDrawer({ open, plan, onClose, onSaved }: { open: boolean; plan?: PlanView; onClose(): void; onSaved(id: string): void }) {
  const [form] = Form.useForm();
  const save = async (values: any) => {
    const created = await post<PlanView>(`/plans/${plan!.id}/copy`, { year: values.year, issuedDate: values.issuedDate.format('YYYY-MM-DD') });
    form.resetFields();
    onSaved(created.id);
    onClose();
  };
  return (
    <FormDrawer open={open} title="复制为新年度方案" form={form} initialValues={{ year: (plan?.year ?? dayjs().year()) + 1 }} onClose={onClose} onSave={save}>
        <Typography.Paragraph type="secondary">复制「{plan?.title}」的全部任务（不含已取消），完成时限顺延到新年度，状态为未开始。</Typography.Paragraph>
        <Form.Item name="year" label="新年度" required rules={[zodRule(field(copyPlanInput, 'year'))]}><InputNumber min={2000} max={2100} /></Form.Item>
        <Form.Item name="issuedDate" label="印发日期" rules={[{ required: true, message: '请选择印发日期' }]}><DatePicker /></Form.Item>
    </FormDrawer>
  );
}
