import { App, Breadcrumb, Button, Card, Form, Input, InputNumber, Progress, Space, Tag, Timeline, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { get, post } from '../../api.ts';
import { ErrorNotice, errorText } from '../../components/ErrorNotice.tsx';
import { StatusTag, WorkflowPanel } from '../../components/WorkflowPanel.tsx';
import { zodRule, field } from '../../components/zodRule.ts';
import { RecordFields } from '../../components/records.tsx';
import { TASK, TASK_WORKFLOW, progressInput, type TaskDetail } from '../../../shared/schemas/plans.ts';
import { SetDeadline } from '../../components/Light.tsx';

export default function TaskDetailPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const task = useQuery({ queryKey: ['task', id], queryFn: () => get<TaskDetail>(`/tasks/${id}`) });
  const t = task.data;
  const refresh = () => {
    client.invalidateQueries({ queryKey: ['task', id] });
    client.invalidateQueries({ queryKey: ['workflow', TASK_WORKFLOW.recordType, id] });
  };
  const report = async () => {
    const values = await form.validateFields();
    try {
      await post(`/tasks/${id}/progress`, values);
      message.success('进展已报告');
      form.resetFields();
      refresh();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/plans">任务台账</Link> }, { title: t ? `${t.code}. ${t.title}` : '…' }]} />
      <ErrorNotice error={task.error} />
      <Card size="small" loading={task.isLoading} title={t && `${t.code}. ${t.title}`} extra={t && <Space><StatusTag def={TASK_WORKFLOW} status={t.status} />{t.overdue && <Tag color="red">逾期</Tag>}</Space>} style={{ marginBottom: 12 }}>
        {t && (
          <RecordFields
            def={TASK}
            view={{ ...t, dueDate: <SetDeadline set={t.dueDate} due={t.due} light={t.light} overdue={t.overdue} /> }}
            extra={[
              { label: '配合单位', value: t.coUnits.map((c) => c.name).join('、') || '—', span: 2 },
              { label: '时间节点', value: t.milestones.length ? t.milestones.map((m, i) => <Tag key={i} color={m.done ? 'green' : undefined}>{m.dueDate} {m.title}</Tag>) : '—', span: 3 },
              { label: TASK.fields.percent.label, value: <Progress percent={t.percent} size="small" style={{ maxWidth: 300 }} />, span: 3 },
            ]}
          />
        )}
      </Card>
      {t && (
        <Card size="small" title="进展报告" style={{ marginBottom: 12 }}>
          {t.canReport && (
            <Form form={form} layout="inline" style={{ marginBottom: 12 }}>
              <Form.Item name="text" rules={[zodRule(field(progressInput, 'text'))]} style={{ flex: 1 }}><Input.TextArea rows={1} placeholder="本期进展情况" /></Form.Item>
              <Form.Item name="percent" rules={[zodRule(field(progressInput, 'percent'))]}><InputNumber min={0} max={100} addonAfter="%" placeholder="进度" /></Form.Item>
              <Button type="primary" onClick={report}>报告进展</Button>
            </Form>
          )}
          <Timeline
            items={t.progress.map((g) => ({
              children: (
                <div>
                  <b>{g.reportedOn}</b> <Tag>{g.percent}%</Tag> {g.unitName} · {g.reporter}
                  <div>{g.text}</div>
                </div>
              ),
            }))}
          />
          {t.progress.length === 0 && <Typography.Text type="secondary">尚无进展报告</Typography.Text>}
        </Card>
      )}
      {t && <WorkflowPanel def={TASK_WORKFLOW} recordId={id} onChanged={() => client.invalidateQueries({ queryKey: ['task', id] })} />}
    </>
  );
}
