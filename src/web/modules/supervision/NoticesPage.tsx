// 通报与督办单.
import { useState } from 'react';
import { App, Button, Card, DatePicker, Drawer, Form, Input, Segmented, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { get, post, query } from '../../api.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { zodRule, field } from '../../components/zodRule.ts';
import { useAuth } from '../../auth.tsx';
import { NOTICE_KINDS, noticeInput, type NoticeView } from '../../../shared/schemas/supervision.ts';

export default function NoticesPage() {
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [kind, setKind] = useState<string>('all');
  const list = useQuery({ queryKey: ['notices', kind], queryFn: () => get<{ items: NoticeView[] }>(`/notices${query({ kind: kind === 'all' ? undefined : kind })}`) });
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm();
  const save = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      await post('/notices', { kind: 'circular', title: values.title, content: values.content, issuedDate: (values.issuedDate as Dayjs).format('YYYY-MM-DD') });
      message.success('已印发通报');
      setOpen(false);
      form.resetFields();
      client.invalidateQueries({ queryKey: ['notices'] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card size="small" title="通报与督办单" extra={<>
      <Segmented size="small" value={kind} onChange={(v) => setKind(String(v))} options={[{ value: 'all', label: '全部' }, { value: 'circular', label: '通报' }, { value: 'supervision', label: '督办单' }]} />
      {can('notice.issue') && <Button size="small" type="primary" icon={<PlusOutlined />} style={{ marginInlineStart: 8 }} onClick={() => setOpen(true)}>印发通报</Button>}
    </>}>
      <Table<NoticeView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        expandable={{ expandedRowRender: (n) => <div style={{ whiteSpace: 'pre-wrap' }}>{n.content}</div> }}
        columns={[
          { title: '日期', dataIndex: 'issuedDate', width: 100 },
          { title: '类型', dataIndex: 'kind', width: 80, render: (k: 'circular' | 'supervision', n) => <Tag color={k === 'circular' ? 'blue' : 'red'}>{NOTICE_KINDS[k]}{n.level ? `·${n.level === 1 ? '一级' : '二级'}` : ''}</Tag> },
          { title: '标题', dataIndex: 'title' },
          { title: '单位', dataIndex: 'unitName', width: 180 },
          { title: '相关问题', width: 90, render: (_, n) => (n.findingId ? <Link to={`/findings/${n.findingId}`}>查看</Link> : '—') },
        ]}
      />
      <Drawer open={open} width={560} title="印发通报" onClose={() => setOpen(false)} extra={<Button type="primary" onClick={save}>印发</Button>} destroyOnHidden>
        <ErrorNotice error={error} />
        <Form form={form} layout="vertical" initialValues={{ issuedDate: dayjs() }}>
          <Form.Item name="title" label="标题" rules={[zodRule(field(noticeInput, 'title'))]}><Input maxLength={200} autoFocus /></Form.Item>
          <Form.Item name="issuedDate" label="印发日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
          <Form.Item name="content" label="正文" rules={[zodRule(field(noticeInput, 'content'))]}><Input.TextArea rows={10} maxLength={10000} /></Form.Item>
        </Form>
      </Drawer>
    </Card>
  );
}
