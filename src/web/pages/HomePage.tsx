import { Card, Col, Descriptions, Row, Tag, Typography, Alert, Statistic, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { get } from '../api.ts';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth.tsx';
import { useMenu } from '../menu.ts';
import { ROLES, type Role } from '../../shared/roles.ts';

export default function HomePage() {
  const { me } = useAuth();
  const menu = useMenu();
  if (!me) return null;
  const daysLeft = dayjs(me.passwordExpiresAt).diff(dayjs(), 'day');
  const shortcuts = menu.filter((r) => r.path !== '/');
  return (
    <>
    <TodoSummary />
    <Row gutter={16}>
      <Col span={14}>
        <Card title="我的账号" size="small">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="姓名">{me.user.name}（{me.user.username}）</Descriptions.Item>
            <Descriptions.Item label="单位">{me.unit.name}（{me.unit.code}）</Descriptions.Item>
            <Descriptions.Item label="角色">{me.roles.map((r) => <Tag key={r}>{ROLES[r as Role] ?? r}</Tag>)}</Descriptions.Item>
            <Descriptions.Item label="手机号码">{me.user.phone ?? '未登记'}</Descriptions.Item>
            <Descriptions.Item label="两步验证">
              {me.twoFactor.enabled ? `已启用（剩余恢复码 ${me.twoFactor.recoveryCodesLeft} 个）` : '未启用'} <Link to="/account/two-factor">{me.twoFactor.enabled ? '管理恢复码' : '启用'}</Link>
            </Descriptions.Item>
            <Descriptions.Item label="密码有效期至">
              {dayjs(me.passwordExpiresAt).format('YYYY-MM-DD')}（剩余 {daysLeft} 天）
            </Descriptions.Item>
          </Descriptions>
          {daysLeft <= 14 && <Alert style={{ marginTop: 12 }} type="warning" showIcon message={<>密码将在 {daysLeft} 天后过期，请及时<Link to="/account/password">修改密码</Link></>} />}
        </Card>
      </Col>
      <Col span={10}>
        <Card title="常用功能" size="small">
          {shortcuts.length === 0 && <Typography.Text type="secondary">业务模块将陆续开放。</Typography.Text>}
          {shortcuts.map((r) => (
            <p key={r.path} style={{ margin: '6px 0' }}>
              {r.icon} <Link to={r.path}>{r.label}</Link>
            </p>
          ))}
        </Card>
      </Col>
    </Row>
    </>
  );
}

/** 我的待办 at a glance: what waits on me, how much of it is red or yellow. */
function TodoSummary() {
  const todo = useQuery({ queryKey: ['todo'], queryFn: () => get<{ total: number; red: number; yellow: number }>('/todo') });
  if (!todo.data) return null;
  return (
    <Card size="small" style={{ marginBottom: 16 }} title="我的待办" extra={<Link to="/todo">查看全部</Link>}>
      <Space size={48}>
        <Statistic title="待办合计" value={todo.data.total} />
        <Statistic title="逾期（红牌）" value={todo.data.red} valueStyle={{ color: '#cf1322' }} />
        <Statistic title="临期（黄牌）" value={todo.data.yellow} valueStyle={{ color: '#d48806' }} />
      </Space>
    </Card>
  );
}
