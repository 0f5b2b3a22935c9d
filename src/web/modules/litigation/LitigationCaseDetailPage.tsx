import { useState } from 'react';
import { App, Breadcrumb, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { get, post, put } from '../../api.ts';
import { ErrorNotice, errorText } from '../../components/ErrorNotice.tsx';
import { StatusTag, WorkflowPanel } from '../../components/WorkflowPanel.tsx';
import { useAuth } from '../../auth.tsx';
import { JUDGMENT_RESULTS, LITIGATION_WORKFLOW, type HearingView, type LitigationCaseDetail } from '../../../shared/schemas/litigation.ts';

export default function LitigationCaseDetailPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: ['litigation-case', id], queryFn: () => get<LitigationCaseDetail>(`/litigation-cases/${id}`) });
  const [hearing, setHearing] = useState(false);
  const [analysis, setAnalysis] = useState<string | null>(null);
  const [form] = Form.useForm();
  const c = detail.data;
  const refresh = () => {
    client.invalidateQueries({ queryKey: ['litigation-case', id] });
    client.invalidateQueries({ queryKey: ['workflow', LITIGATION_WORKFLOW.recordType, id] });
  };
  const saveHearing = async () => {
    const values = await form.validateFields();
    try {
      await post(`/litigation-cases/${id}/hearings`, { date: (values.date as Dayjs).format('YYYY-MM-DD'), headAppeared: !!values.headAppeared, headName: values.headName || null, note: values.note || null });
      message.success('已登记开庭');
      setHearing(false);
      form.resetFields();
      refresh();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const saveAnalysis = async () => {
    try {
      await put(`/litigation-cases/${id}/analysis`, { version: c!.version, lossAnalysis: analysis });
      message.success('已保存败诉原因剖析');
      setAnalysis(null);
      refresh();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const manage = can('litigation.manage') && c && c.status !== 'closed';
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/litigation">行政应诉</Link> }, { title: c?.title ?? '…' }]} />
      <ErrorNotice error={detail.error} />
      <Card size="small" loading={detail.isLoading} title={c?.title} extra={c && <Space><StatusTag def={LITIGATION_WORKFLOW} status={c.status} />{c.result && <Tag color={c.result === 'lost' ? 'red' : 'green'}>{JUDGMENT_RESULTS[c.result]}</Tag>}</Space>} style={{ marginBottom: 12 }}>
        {c && (
          <Descriptions size="small" bordered column={3}>
            <Descriptions.Item label="原告">{c.plaintiff}</Descriptions.Item>
            <Descriptions.Item label="被告">{c.unitName}</Descriptions.Item>
            <Descriptions.Item label="法院">{c.court}</Descriptions.Item>
            <Descriptions.Item label="案由" span={3}>{c.cause}</Descriptions.Item>
            <Descriptions.Item label="立案日期">{c.filedDate}</Descriptions.Item>
            <Descriptions.Item label="收到起诉状副本">{c.complaintReceivedDate}</Descriptions.Item>
            <Descriptions.Item label="答辩">{c.defenceDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="裁判日期">{c.judgmentDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="败诉原因剖析" span={2}>
              {c.result === 'lost' ? (c.lossAnalysis ?? <Typography.Text type="danger">未填写（结案前必须填写）</Typography.Text>) : '—'}{' '}
              {c.result === 'lost' && can('litigation.manage') && <a onClick={() => setAnalysis(c.lossAnalysis ?? '')}>填写</a>}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {c && (
        <Card size="small" title={`开庭（负责人出庭 ${c.headAppearances}/${c.hearings}）`} style={{ marginBottom: 12 }} extra={manage && <Button size="small" onClick={() => setHearing(true)}>登记开庭</Button>}>
          <Table<HearingView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.hearingList}
            locale={{ emptyText: '尚未开庭' }}
            columns={[
              { title: '开庭日期', dataIndex: 'date', width: 110 },
              { title: '负责人出庭', width: 200, render: (_, h) => (h.headAppeared ? <Tag color="green">出庭：{h.headName}</Tag> : <Tag color="red">未出庭</Tag>) },
              { title: '庭审情况', dataIndex: 'note' },
            ]}
          />
        </Card>
      )}
      {c && <WorkflowPanel def={LITIGATION_WORKFLOW} recordId={id} onChanged={() => client.invalidateQueries({ queryKey: ['litigation-case', id] })} />}
      <Modal open={hearing} title="登记开庭" onCancel={() => setHearing(false)} onOk={saveHearing} okText="保存" destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ date: dayjs(), headAppeared: true }}>
          <Form.Item name="date" label="开庭日期" rules={[{ required: true, message: '请选择开庭日期' }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
          <Form.Item name="headAppeared" label="行政机关负责人出庭" valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="headName" label="出庭负责人"><Input maxLength={50} /></Form.Item>
          <Form.Item name="note" label="庭审情况"><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={analysis !== null} title="败诉原因剖析" onCancel={() => setAnalysis(null)} onOk={saveAnalysis} okText="保存" okButtonProps={{ disabled: !analysis?.trim() }}>
        <Input.TextArea rows={6} value={analysis ?? ''} onChange={(e) => setAnalysis(e.target.value)} maxLength={5000} placeholder="败诉原因、暴露的问题、整改措施" />
      </Modal>
    </>
  );
}
