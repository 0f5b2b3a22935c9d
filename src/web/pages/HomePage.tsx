// The workbench (工作台): what waits on me, soonest first; my unread notices; the few things I do
// most; my account's security. A county leader lands on the 驾驶舱 instead.
import { Alert, Button, Card, Col, Descriptions, Empty, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link, Navigate } from 'react-router-dom';
import { get, query } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { DueTag } from '../components/Light.tsx';
import { TodoTitle } from '../components/TodoTitle.tsx';
import { ROLES, type Role } from '../../shared/roles.ts';
import type { TodoItem } from '../../shared/workflow.ts';
import type { NotificationView } from '../../shared/schemas/notifications.ts';
import { chinaTime } from '../../shared/records.ts';

/**
 * Actions, not pages: each opens where the work starts (`create`: the ledger's create drawer, open).
 * Shown only to those who may do them.
 */
const SHORTCUTS: { label: string; to: string; anyOf: string[]; create?: true }[] = [
  { label: '查找案件、文件（/）', to: '/search', anyOf: ['session'] },
  { label: '登记行政复议案件', to: '/review', anyOf: ['review.manage'], create: true },
  { label: '登记政府信息公开申请', to: '/foi', anyOf: ['foi.manage'], create: true },
  { label: '报送任务进度', to: '/my-tasks', anyOf: ['plan.report'] },
  { label: '登记矛盾纠纷', to: '/disputes', anyOf: ['mediation.manage'] },
  { label: '起草规范性文件', to: '/normative-docs', anyOf: ['normdoc.draft'], create: true },
  { label: '回访整改差评', to: '/service-ratings', anyOf: ['services.manage'] },
  { label: '批量导入台账', to: '/imports', anyOf: ['review.manage', 'foi.manage', 'mediation.manage', 'plan.manage', 'enforcement.register', 'services.manage'] },
  { label: '本单位年度报告', to: '/reports', anyOf: ['report.read'] },
];

export default function HomePage() {
  const { me, can } = useAuth();
  if (!me) return null;
  if (me.roles.includes('leader')) return <Navigate to="/dashboard" replace />;
  const shortcuts = SHORTCUTS.filter((s) => s.anyOf.some((p) => p === 'session' || can(p)));
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <TodoCard />
        </Col>
        <Col xs={24} lg={8}>
          <NoticesCard />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <AccountCard />
        </Col>
        <Col xs={24} lg={8}>
          <Card title="快捷操作" size="small">
            <Space wrap>
              {shortcuts.map((s) => (
                <Link key={s.to + s.label} to={s.to} state={s.create ? { create: true } : undefined}>
                  <Button>{s.label}</Button>
                </Link>
              ))}
            </Space>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

/** 我的待办: the counts, then the soonest deadlines first. */
function TodoCard() {
  const todo = useQuery({ queryKey: ['todo'], queryFn: () => get<{ items: TodoItem[]; total: number; red: number; yellow: number }>('/todo') });
  const soonest = (todo.data?.items ?? []).slice(0, 6);
  return (
    <Card size="small" title="我的待办" extra={<Link to="/todo">查看全部</Link>} loading={todo.isLoading}>
      <Space size={[40, 8]} wrap style={{ marginBottom: 8 }}>
        <Statistic title="待办合计" value={todo.data?.total ?? 0} />
        <Statistic title="逾期（红牌）" value={todo.data?.red ?? 0} valueStyle={{ color: '#cf1322' }} />
        <Statistic title="临期（黄牌）" value={todo.data?.yellow ?? 0} valueStyle={{ color: '#d48806' }} />
      </Space>
      <List
        size="small"
        dataSource={soonest}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有等待您办理的事项" /> }}
        renderItem={(item) => (
          <List.Item>
            {/* One flowing line that wraps on a phone: type, title with its number, what to do, then which deadline and when. */}
            <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 8px', minWidth: 0, width: '100%' }}>
              <Tag style={{ marginInlineEnd: 0 }}>{item.typeTitle}</Tag>
              <TodoTitle item={item} style={{ flex: '1 1 200px' }} />
              <Typography.Text type="secondary">{item.actions.join('、')}</Typography.Text>
              {item.clock && <Typography.Text type="secondary">{item.clock.label}</Typography.Text>}
              {item.clock && <DueTag due={item.clock.due} light={item.clock.light} workingDaysLeft={item.clock.workingDaysLeft} provisional={item.clock.provisional} explanation={item.clock.explanation} />}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The latest unread notices. */
function NoticesCard() {
  const unread = useQuery({ queryKey: ['notifications', true, 1, 'home'], queryFn: () => get<{ items: NotificationView[]; total: number }>(`/notifications${query({ unread: 'true', page: 1, pageSize: 5 })}`) });
  return (
    <Card size="small" title={`未读通知${unread.data ? `（${unread.data.total}）` : ''}`} extra={<Link to="/notifications">全部通知</Link>} loading={unread.isLoading}>
      <List
        size="small"
        dataSource={unread.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有未读通知" /> }}
        renderItem={(n) => (
          <List.Item>
            <div style={{ minWidth: 0 }}>
              {n.link ? <Link to={n.link}>{n.title}</Link> : n.title}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {chinaTime(n.createdAt).slice(0, 16)}
                </Typography.Text>
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

function AccountCard() {
  const { me } = useAuth();
  if (!me) return null;
  const daysLeft = dayjs(me.passwordExpiresAt).diff(dayjs(), 'day');
  return (
    <Card title="我的账号" size="small">
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label="姓名">{me.user.name}（{me.user.username}）</Descriptions.Item>
        <Descriptions.Item label="单位">{me.unit.name}</Descriptions.Item>
        <Descriptions.Item label="角色">{me.roles.map((r) => <Tag key={r}>{ROLES[r as Role] ?? r}</Tag>)}</Descriptions.Item>
        <Descriptions.Item label="手机号码">{me.user.phone ?? '未登记'}</Descriptions.Item>
        <Descriptions.Item label="两步验证">
          <Space size={12}>
            {me.twoFactor.enabled ? `已启用（剩余恢复码 ${me.twoFactor.recoveryCodesLeft} 个）` : '未启用'}
            <Link to="/account/two-factor">{me.twoFactor.enabled ? '管理恢复码' : '启用'}</Link>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="密码有效期至">
          {dayjs(me.passwordExpiresAt).format('YYYY-MM-DD')}（剩余 {daysLeft} 天）
        </Descriptions.Item>
      </Descriptions>
      {daysLeft <= 14 && <Alert style={{ marginTop: 12 }} type="warning" showIcon message={<>密码将在 {daysLeft} 天后过期，请及时<Link to="/account/password">修改密码</Link></>} />}
    </Card>
  );
}
