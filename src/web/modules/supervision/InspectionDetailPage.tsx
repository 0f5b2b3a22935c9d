import { useState } from 'react';
import { App, Breadcrumb, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, Select, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { get, post } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { zodRule, field } from '../../components/zodRule.ts';
import { useAuth } from '../../auth.tsx';
import { CHECKLIST_KINDS, INSPECTION_KINDS, SEVERITIES, findingInput, type InspectionView } from '../../../shared/schemas/supervision.ts';
import { FindingsTable } from './FindingsPage.tsx';
import { KIND_COLOR } from './InspectionsPage.tsx';

export default function InspectionDetailPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const inspection = useQuery({ queryKey: ['inspection', id], queryFn: () => get<InspectionView>(`/inspections/${id}`) });
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const i = inspection.data;

  const record = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      await post('/findings', { ...values, inspectionId: id, dueDate: (values.dueDate as Dayjs).format('YYYY-MM-DD') });
      message.success('已记录问题，责任单位将在“我的待办”中看到');
      setOpen(false);
      form.resetFields();
      client.invalidateQueries({ queryKey: ['findings'] });
      client.invalidateQueries({ queryKey: ['inspection', id] });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/inspections">督察安排</Link> }, { title: i?.title ?? '…' }]} />
      <ErrorNotice error={inspection.error} />
      <Card size="small" loading={inspection.isLoading} title={i?.title} extra={i && <Tag color={KIND_COLOR[i.kind]}>{INSPECTION_KINDS[i.kind]}</Tag>} style={{ marginBottom: 12 }}>
        {i && (
          <Descriptions size="small" bordered column={3}>
            <Descriptions.Item label="督察日期">{i.date}</Descriptions.Item>
            <Descriptions.Item label="组织单位">{i.organiserName}</Descriptions.Item>
            <Descriptions.Item label="督察人员">{i.inspectors}</Descriptions.Item>
            <Descriptions.Item label="督察对象" span={3}>{i.targets.map((t) => <Tag key={t.id}>{t.name}</Tag>)}</Descriptions.Item>
            <Descriptions.Item label="检查清单" span={3}>
              {i.checklist.length ? i.checklist.map((c, n) => <div key={n}><Tag color={c.kind === 'required' ? 'red' : 'default'}>{CHECKLIST_KINDS[c.kind]}</Tag>{c.item}</div>) : '—'}
            </Descriptions.Item>
            {i.summary && <Descriptions.Item label="督察情况" span={3}>{i.summary}</Descriptions.Item>}
          </Descriptions>
        )}
      </Card>
      <Card size="small" title="发现的问题" extra={can('inspection.manage') && <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => { setError(null); setOpen(true); }}>记录问题</Button>}>
        <FindingsTable filters={{ inspectionId: id }} />
      </Card>
      <Drawer open={open} width={520} title="记录问题" onClose={() => setOpen(false)} extra={<Button type="primary" onClick={record}>保存</Button>} destroyOnHidden>
        <ErrorNotice error={error} />
        <Form form={form} layout="vertical" initialValues={{ severity: 'general', dueDate: dayjs().add(30, 'day') }}>
          <Form.Item name="unitId" label="责任单位" rules={[zodRule(field(findingInput, 'unitId'))]}>
            <Select options={i?.targets.map((t) => ({ value: t.id, label: t.name }))} />
          </Form.Item>
          <Form.Item name="description" label="问题描述" rules={[zodRule(field(findingInput, 'description'))]}><Input.TextArea rows={4} maxLength={2000} autoFocus /></Form.Item>
          <Form.Item name="severity" label="严重程度" extra="重大问题须约谈单位负责人后才能销号">
            <Select options={Object.entries(SEVERITIES).map(([value, label]) => ({ value, label }))} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="dueDate" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]} extra={i ? `不早于督察日期 ${i.date}` : undefined}><DatePicker /></Form.Item>
          <Typography.Text type="secondary">记录后自督察日起计算整改期限，问题进入问题池；逾期将自动督办并印发督办单。</Typography.Text>
        </Form>
      </Drawer>
    </>
  );
}
