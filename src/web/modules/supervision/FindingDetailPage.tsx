import { useState } from 'react';
import { Breadcrumb, Button, Card, DatePicker, Form, Input, List, Modal, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { get, post } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { StatusTag, WorkflowPanel } from '../../components/WorkflowPanel.tsx';
import { zodRule, field } from '../../components/zodRule.ts';
import { RecordFields, RecordForm } from '../../components/records.tsx';
import { useAuth } from '../../auth.tsx';
import { chinaDate } from '../../../shared/records.ts';
import { FINDING, FINDING_WORKFLOW, NOTICE, NOTICE_KINDS, interviewInput, type FindingDetail } from '../../../shared/schemas/supervision.ts';
import { formOf } from './forms.ts';
import { SetDeadline } from '../../components/Light.tsx';

const SUPERVISION_NOTICE_FORM = formOf(NOTICE, ['title', 'content']);

export default function FindingDetailPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const { run } = useSubmit();
  const client = useQueryClient();
  const finding = useQuery({ queryKey: ['finding', id], queryFn: () => get<FindingDetail>(`/findings/${id}`) });
  const [interviewing, setInterviewing] = useState(false);
  const [noticing, setNoticing] = useState(false);
  const [form] = Form.useForm();
  const f = finding.data;
  const refresh = () => {
    client.invalidateQueries({ queryKey: ['finding', id] });
    client.invalidateQueries({ queryKey: ['workflow', FINDING_WORKFLOW.recordType, id] });
  };
  const saveInterview = async () => {
    const values = await form.validateFields();
    if (!(await run(() => post(`/findings/${id}/interviews`, { ...values, heldOn: (values.heldOn as Dayjs).format('YYYY-MM-DD') }), '已记录约谈'))) return;
    setInterviewing(false);
    form.resetFields();
    refresh();
  };
  const open = f && f.status !== 'verified';
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/findings">问题整改</Link> }, { title: f?.description ?? '…' }]} />
      <ErrorNotice error={finding.error} />
      <Card size="small" loading={finding.isLoading} title="督察问题" extra={f && <><StatusTag def={FINDING_WORKFLOW} status={f.status} />{f.overdue && <Tag color="red">逾期</Tag>}</>} style={{ marginBottom: 12 }}>
        {f && (
          <RecordFields
            def={FINDING}
            view={{
              ...f,
              inspectionTitle: <Link to={`/inspections/${f.inspectionId}`}>{f.inspectionTitle}</Link>,
              measures: f.measures ?? <Typography.Text type="secondary">尚未报送</Typography.Text>,
              dueDate: <SetDeadline set={f.dueDate} due={f.due} light={f.light} overdue={f.overdue} />,
            }}
          />
        )}
      </Card>
      {f && (
        <Card
          size="small"
          title="约谈与督办"
          style={{ marginBottom: 12 }}
          extra={open && (
            <>
              {can('inspection.manage') && <Button size="small" onClick={() => setInterviewing(true)} style={{ marginInlineEnd: 8 }}>记录约谈</Button>}
              {can('notice.issue') && <Button size="small" onClick={() => setNoticing(true)}>印发督办单</Button>}
            </>
          )}
        >
          <List
            size="small"
            dataSource={[...f.interviews.map((i) => ({ key: i.id, date: i.heldOn, tag: <Tag color="volcano">约谈</Tag>, text: `${i.conductedBy} 约谈 ${i.interviewee}：${i.notes}` })), ...f.notices.map((n) => ({ key: n.id, date: n.issuedDate, tag: <Tag color="red">{NOTICE_KINDS[n.kind]}</Tag>, text: <><Link to={`/notices/${n.id}`}>{n.caseNumber ? `${n.caseNumber} ${n.title}` : n.title}</Link>：{n.content}</> }))].sort((a, b) => a.date.localeCompare(b.date))}
            locale={{ emptyText: f.severity === 'major' ? '重大问题：销号前须记录对单位负责人的约谈' : '无' }}
            renderItem={(x) => <List.Item><span>{x.date} {x.tag}{x.text}</span></List.Item>}
          />
        </Card>
      )}
      {f && <WorkflowPanel def={FINDING_WORKFLOW} recordId={id} onChanged={() => client.invalidateQueries({ queryKey: ['finding', id] })} />}
      <Modal open={interviewing} title="记录约谈" onCancel={() => setInterviewing(false)} onOk={saveInterview} okText="保存" destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ heldOn: dayjs() }}>
          <Form.Item name="heldOn" label="约谈日期" rules={[{ required: true, message: '请选择约谈日期' }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
          <Form.Item name="interviewee" label="约谈对象" rules={[zodRule(field(interviewInput, 'interviewee'))]}><Input placeholder="如：教育局局长 张某" /></Form.Item>
          <Form.Item name="conductedBy" label="约谈人" rules={[zodRule(field(interviewInput, 'conductedBy'))]}><Input /></Form.Item>
          <Form.Item name="notes" label="约谈情况" rules={[zodRule(field(interviewInput, 'notes'))]}><Input.TextArea rows={3} /></Form.Item>
        </Form>
      </Modal>
      <RecordForm
        def={SUPERVISION_NOTICE_FORM}
        open={noticing}
        title="印发督办单"
        submitText="印发"
        initialValues={{ title: '整改督办单', content: `请于5个工作日内完成「${f?.description ?? ''}」的整改，并报送整改结果及台账材料。` }}
        onClose={() => setNoticing(false)}
        onSubmit={async (body) => {
          await post('/notices', { ...body, kind: 'supervision', findingId: id, issuedDate: chinaDate() });
          refresh();
        }}
      />
    </>
  );
}
