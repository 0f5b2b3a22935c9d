import { useState } from 'react';
import { App, Button, Card, List, Segmented, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { get, post, query } from '../../api.ts';
import { errorText } from '../../components/ErrorNotice.tsx';
import { NOTIFICATION_KINDS, type NotificationView } from '../../../shared/schemas/notifications.ts';
import { chinaTime } from '../../../shared/records.ts';

export default function NotificationsPage() {
  const [unread, setUnread] = useState(true);
  const [page, setPage] = useState(1);
  const client = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const list = useQuery({ queryKey: ['notifications', unread, page], queryFn: () => get<{ items: NotificationView[]; total: number }>(`/notifications${query({ unread: unread ? 'true' : undefined, page, pageSize: 20 })}`) });
  const refresh = () => {
    client.invalidateQueries({ queryKey: ['notifications'] });
    client.invalidateQueries({ queryKey: ['unread-count'] });
  };
  const open = async (n: NotificationView) => {
    if (!n.readAt) await post(`/notifications/${n.id}/read`).catch(() => undefined);
    refresh();
    if (n.link) navigate(n.link);
  };
  const readAll = async () => {
    try {
      const r = await post<{ marked: number }>('/notifications/read-all');
      message.success(`已将 ${r.marked} 条标记为已读`);
      refresh();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Card size="small" title="通知" extra={<><Segmented size="small" value={unread ? 'unread' : 'all'} onChange={(v) => { setUnread(v === 'unread'); setPage(1); }} options={[{ value: 'unread', label: '未读' }, { value: 'all', label: '全部' }]} /> <Button size="small" onClick={readAll}>全部已读</Button></>}>
      <List
        loading={list.isLoading}
        dataSource={list.data?.items}
        locale={{ emptyText: unread ? '没有未读通知' : '没有通知' }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total, onChange: setPage, hideOnSinglePage: true, size: 'small' }}
        renderItem={(n) => (
          <List.Item style={{ cursor: 'pointer', opacity: n.readAt ? 0.6 : 1 }} onClick={() => open(n)}>
            <List.Item.Meta
              title={<><Tag color={n.kind === 'escalation' ? 'red' : 'blue'}>{NOTIFICATION_KINDS[n.kind] ?? n.kind}</Tag>{n.title}</>}
              description={n.body}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{chinaTime(n.createdAt).slice(0, 16)}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
