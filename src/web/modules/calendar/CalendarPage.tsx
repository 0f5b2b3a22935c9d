// Working-day calendar: month view with holidays (休) and make-up workdays (班), the year's status,
// overrides, and entering the State Council's notice for a new year.
import { useState } from 'react';
import { Alert, App, Badge, Button, Calendar, Card, Col, Form, Input, Modal, Popconfirm, Row, Select, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { del, get, post, put } from '../../api.ts';
import { errorText } from '../../components/ErrorNotice.tsx';
import { useAuth } from '../../auth.tsx';
import { SPECIAL_KINDS, overrideInput, announceYearInput, type CalendarDayView, type CalendarYearView } from '../../../shared/schemas/calendar.ts';
import { zodRule, field } from '../../components/zodRule.ts';
import { DeadlineTrial } from './DeadlineTrial.tsx';

const REASON_STYLE: Record<string, { text: string; color: string; bg: string }> = {
  holiday: { text: '休', color: '#cf1322', bg: '#fff1f0' },
  makeup: { text: '班', color: '#1d39c4', bg: '#f0f5ff' },
  weekend: { text: '', color: '#8c8c8c', bg: '#fafafa' },
  weekday: { text: '', color: 'inherit', bg: 'transparent' },
};

export default function CalendarPage() {
  const { canSetShared } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [month, setMonth] = useState(dayjs().startOf('month'));
  const year = month.year();
  const days = useQuery({ queryKey: ['calendar-month', year, month.month() + 1], queryFn: () => get<{ known: boolean; days: CalendarDayView[] }>(`/calendar/month?year=${year}&month=${month.month() + 1}`) });
  const yearView = useQuery({ queryKey: ['calendar-year', year], queryFn: () => get<CalendarYearView>(`/calendar/years/${year}`) });
  const [editing, setEditing] = useState<string | null>(null);
  const [announcing, setAnnouncing] = useState(false);
  const [form] = Form.useForm();
  const [announceForm] = Form.useForm();
  const manage = canSetShared('calendar.manage');
  const byDate = new Map((days.data?.days ?? []).map((d) => [d.date, d]));
  const refresh = () => {
    client.invalidateQueries({ queryKey: ['calendar-month'] });
    client.invalidateQueries({ queryKey: ['calendar-year'] });
  };

  const saveOverride = async () => {
    const values = await form.validateFields();
    try {
      const r = await put<{ clocksRecomputed: number }>(`/calendar/overrides/${editing}`, values);
      message.success(`已保存；重新计算了 ${r.clocksRecomputed} 个未结期限`);
      setEditing(null);
      refresh();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const removeOverride = async (date: string) => {
    try {
      await del(`/calendar/overrides/${date}`);
      message.success('已删除调整');
      refresh();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const announce = async () => {
    const values = await announceForm.validateFields();
    try {
      await post(`/calendar/years/${year}/announce`, { notice: values.notice });
      message.success(`${year} 年已标记为已公布`);
      setAnnouncing(false);
      refresh();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const cell = (d: Dayjs) => {
    const info = byDate.get(d.format('YYYY-MM-DD'));
    if (!info || d.month() !== month.month()) return null;
    const style = REASON_STYLE[info.reason]!;
    return (
      <div
        data-date={info.date}
        data-workday={info.workday ? 'true' : 'false'}
        onClick={() => {
          if (!manage) return;
          setEditing(info.date);
          form.setFieldsValue({ kind: info.reason === 'holiday' ? 'holiday' : info.reason === 'makeup' ? 'workday' : 'holiday', name: info.name ?? '' });
        }}
        style={{ background: style.bg, height: '100%', padding: 4, borderRadius: 4, cursor: manage ? 'pointer' : 'default' }}
      >
        {style.text && <Tag color={info.reason === 'holiday' ? 'red' : 'blue'} style={{ marginInlineEnd: 4 }}>{style.text}</Tag>}
        <span style={{ fontSize: 12, color: style.color }}>{info.name}</span>
        {info.source === 'override' && <Badge status="warning" text={<span style={{ fontSize: 11 }}>人工</span>} />}
      </div>
    );
  };

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={16}>
        <Card size="small" title="工作日历" extra={<Typography.Text type="secondary">红“休”为法定节假日，蓝“班”为调休上班日；点击日期可调整</Typography.Text>}>
          {days.data && !days.data.known && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              message={`${year} 年的节假日安排尚未录入：落在该年的期限按周末和元旦、劳动节、国庆节推算并标为“暂定”。`}
              action={manage && <Button size="small" onClick={() => setAnnouncing(true)}>录入放假通知</Button>}
            />
          )}
          <Calendar value={month} onPanelChange={(d) => setMonth(d.startOf('month'))} onSelect={(d, info) => info.source !== 'date' && setMonth(d.startOf('month'))} cellRender={(d, info) => (info.type === 'date' ? cell(d) : null)} fullCellRender={undefined} />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={`${year} 年放假安排`} style={{ marginBottom: 12 }} extra={manage && yearView.data?.source !== 'shipped' && <Button size="small" onClick={() => setAnnouncing(true)}>{yearView.data?.source === 'announced' ? '修改通知' : '标记为已公布'}</Button>}>
          <p>
            状态：{yearView.data?.known ? <Tag color="green">已公布</Tag> : <Tag color="orange">未录入（暂定）</Tag>}
            {yearView.data?.source === 'shipped' && <Typography.Text type="secondary">内置国务院通知数据</Typography.Text>}
          </p>
          {yearView.data?.notice && <p>依据：{yearView.data.notice}</p>}
          <Table
            rowKey="date"
            size="small"
            pagination={false}
            dataSource={yearView.data?.overrides}
            locale={{ emptyText: '本年无人工调整' }}
            columns={[
              { title: '日期', dataIndex: 'date', width: 100 },
              { title: '类型', dataIndex: 'kind', width: 90, render: (k: keyof typeof SPECIAL_KINDS) => SPECIAL_KINDS[k] },
              { title: '名称', dataIndex: 'name' },
              ...(manage
                ? [{ title: '', width: 50, render: (_: unknown, o: { date: string }) => <Popconfirm title="删除该日的调整？" onConfirm={() => removeOverride(o.date)}><a>删除</a></Popconfirm> }]
                : []),
            ]}
          />
        </Card>
        <DeadlineTrial />
      </Col>
      <Modal open={!!editing} title={`调整 ${editing}`} onCancel={() => setEditing(null)} onOk={saveOverride} okText="保存" destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="kind" label="类型" rules={[zodRule(field(overrideInput, 'kind'))]}>
            <Select options={Object.entries(SPECIAL_KINDS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="name" label="名称" rules={[zodRule(field(overrideInput, 'name'))]} extra="如“春节”“国庆节调休上班”">
            <Input maxLength={50} />
          </Form.Item>
          <Typography.Text type="secondary">保存后，所有未结期限按新的日历重新计算，并记入审计日志。</Typography.Text>
        </Form>
      </Modal>
      <Modal open={announcing} title={`录入 ${year} 年放假安排`} onCancel={() => setAnnouncing(false)} onOk={announce} okText="标记为已公布" destroyOnHidden>
        <Form form={announceForm} layout="vertical" initialValues={{ notice: yearView.data?.notice ?? '' }}>
          <Form.Item name="notice" label="通知文号或标题" rules={[zodRule(field(announceYearInput, 'notice'))]}>
            <Input placeholder={`国务院办公厅关于${year}年部分节假日安排的通知`} />
          </Form.Item>
          <Typography.Text type="secondary">请先在月历中逐日录入放假日与调休上班日，再标记为已公布；标记后该年期限不再显示“暂定”。</Typography.Text>
        </Form>
      </Modal>
    </Row>
  );
}
