// 我的待办: everything waiting on me across modules, soonest deadline first, with 红黄牌.
import { useState } from 'react';
import { Card, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api.ts';
import { DueTag } from '../../components/Light.tsx';
import { TodoTitle } from '../../components/TodoTitle.tsx';
import type { TodoItem } from '../../../shared/workflow.ts';

const TONE: Record<string, string> = { processing: 'processing', warning: 'warning', success: 'success', error: 'error', default: 'default' };

export default function TodoPage() {
  const todo = useQuery({ queryKey: ['todo'], queryFn: () => get<{ items: TodoItem[]; total: number; red: number; yellow: number; today: string }>('/todo') });
  const [show, setShow] = useState<string>('all');
  const items = (todo.data?.items ?? []).filter((i) => show === 'all' || (show === 'none' ? !i.clock : i.clock?.light === show));
  const types = [...new Set((todo.data?.items ?? []).map((i) => i.typeTitle))];
  return (
    <Card
      size="small"
      title="我的待办"
      extra={<Typography.Text type="secondary">今天 {todo.data?.today}</Typography.Text>}
    >
      <Space size={[32, 12]} wrap style={{ marginBottom: 12 }}>
        <Statistic title="待办合计" value={todo.data?.total ?? 0} />
        <Statistic title="逾期（红牌）" value={todo.data?.red ?? 0} valueStyle={{ color: '#cf1322' }} />
        <Statistic title="临期（黄牌）" value={todo.data?.yellow ?? 0} valueStyle={{ color: '#d48806' }} />
        <Segmented
          value={show}
          onChange={(v) => setShow(String(v))}
          options={[
            { value: 'all', label: '全部' },
            { value: 'red', label: '逾期' },
            { value: 'yellow', label: '临期' },
            { value: 'green', label: '正常' },
            { value: 'paused', label: '暂停' },
          ]}
        />
      </Space>
      <Table<TodoItem>
        rowKey={(r) => `${r.recordType}:${r.id}`}
        size="small"
        loading={todo.isLoading}
        dataSource={items}
        pagination={{ pageSize: 50, showTotal: (t) => `共 ${t} 项`, hideOnSinglePage: true }}
        locale={{ emptyText: '没有等待您办理的事项' }}
        // On a narrow screen the table scrolls sideways inside the card; 事项 keeps a readable width.
        scroll={{ x: 1140 }}
        columns={[
          {
            title: '期限',
            width: 260,
            render: (_, r) => (r.clock ? <DueTag due={r.clock.due} light={r.clock.light} workingDaysLeft={r.clock.workingDaysLeft} provisional={r.clock.provisional} explanation={r.clock.explanation} /> : <Typography.Text type="secondary">无法定期限</Typography.Text>),
          },
          { title: '类别', dataIndex: 'typeTitle', width: 100, filters: types.map((t) => ({ text: t, value: t })), onFilter: (v, r) => r.typeTitle === v },
          { title: '事项', dataIndex: 'title', render: (_: string, r) => <TodoTitle item={r} /> },
          { title: '期限名称', width: 100, render: (_, r) => r.clock?.label ?? '—' },
          { title: '单位', dataIndex: 'unitName', width: 160, ellipsis: true },
          { title: '状态', width: 120, render: (_, r) => <Tag color={TONE[r.statusTone]}>{r.statusLabel}</Tag> },
          { title: '待我办理', width: 200, render: (_, r) => r.actions.join('、') },
        ]}
      />
    </Card>
  );
}
