// One task of the year's plan: its fields with the due date's light, co-units, milestones and progress, the
// progress reports (and the form for the lead and co-units), and the workflow panel.
import { Button, Card, Form, Input, InputNumber, Progress, Tag, Timeline, Typography } from 'antd';
import { post } from '../../api.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { zodRule, field } from '../../components/zodRule.ts';
import { RecordDetail } from '../../components/RecordDetail.tsx';
import { TASK, TASK_WORKFLOW, progressInput, type TaskDetail } from '../../../shared/schemas/plans.ts';
import { SetDeadline } from '../../components/Light.tsx';

export default function TaskDetailPage() {
  return (
    <RecordDetail<TaskDetail>
      def={TASK}
      workflow={TASK_WORKFLOW}
      api="/tasks"
      ledger={{ to: '/plans', label: '任务台账' }}
      name={(t) => `${t.code}. ${t.title}`}
      tags={(t) => t.overdue && <Tag color="red">逾期</Tag>}
      show={(t) => ({ dueDate: <SetDeadline set={t.dueDate} due={t.due} light={t.light} overdue={t.overdue} /> })}
      extra={(t) => [
        { label: '配合单位', value: t.coUnits.map((c) => c.name).join('、') || '—', span: 2 },
        { label: '时间节点', value: t.milestones.length ? t.milestones.map((m, i) => <Tag key={i} color={m.done ? 'green' : undefined}>{m.dueDate} {m.title}</Tag>) : '—', span: 3 },
        { label: TASK.fields.percent.label, value: <Progress percent={t.percent} size="small" style={{ maxWidth: 300 }} />, span: 3 },
      ]}
    >
      {(t, refresh) => <ProgressReports task={t} refresh={refresh} />}
    </RecordDetail>
  );
}

/** 进展报告: the task's reports, newest last, and the form to report one for those who may. */
function ProgressReports({ task: t, refresh }: { task: TaskDetail; refresh: () => void }) {
  const { run } = useSubmit();
  const [form] = Form.useForm();
  const report = async () => {
    const values = await form.validateFields();
    if (!(await run(() => post(`/tasks/${t.id}/progress`, values), '进展已报告'))) return;
    form.resetFields();
    refresh();
  };
  return (
    <Card size="small" title="进展报告" style={{ marginBottom: 12 }}>
      {t.canReport && (
        <Form form={form} layout="inline" style={{ marginBottom: 12 }}>
          <Form.Item name="text" rules={[zodRule(field(progressInput, 'text'))]} style={{ flex: 1 }}><Input.TextArea rows={1} placeholder="本期进展情况" /></Form.Item>
          <Form.Item name="percent" rules={[zodRule(field(progressInput, 'percent'))]}><InputNumber addonAfter="%" placeholder={t.reportsAsCoUnit ? '本单位承担部分进度' : '任务进度'} style={{ width: t.reportsAsCoUnit ? 210 : 150 }} /></Form.Item>
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
  );
}
