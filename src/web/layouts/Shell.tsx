import { useState, type ReactNode } from 'react';
import { Layout, Menu, Dropdown, Space, Tag, Typography, App, Badge, Grid, type MenuProps } from 'antd';
import { UserOutlined, LogoutOutlined, KeyOutlined, BellOutlined, SafetyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth.tsx';
import { APP_ROUTES, allowed } from '../routes.tsx';
import { MenuContext } from '../menu.ts';
import { get, post } from '../api.ts';
import { ROLES, type Role } from '../../shared/roles.ts';

export function Shell({ children }: { children: ReactNode }) {
  const { me, can, clear } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  // On a phone the menu folds away behind its tab and the header keeps only what fits.
  const narrow = !Grid.useBreakpoint().md;
  const [collapsed, setCollapsed] = useState(false);
  const unread = useQuery({ queryKey: ['unread-count'], queryFn: () => get<{ unread: number }>('/notifications/unread-count'), refetchInterval: 60_000, enabled: !!me && !me.passwordChangeRequired });
  const visible = APP_ROUTES.filter((r) => r.inMenu && allowed(r, can));
  const groups = [...new Set(visible.map((r) => r.group ?? ''))];
  const items: MenuProps['items'] = groups.flatMap((g): NonNullable<MenuProps['items']> => {
    const children = visible.filter((r) => (r.group ?? '') === g).map((r) => ({ key: r.path, icon: r.icon, label: r.label }));
    return g ? [{ type: 'group' as const, key: g, label: g, children }] : children;
  });
  const logout = async () => {
    await post('/auth/logout').catch(() => undefined);
    clear();
    message.success('已退出登录');
    navigate('/login');
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#8e1515', paddingInline: 20, height: 52, lineHeight: '52px' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: narrow ? 15 : 17, letterSpacing: 1, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          法治政府建设综合管理平台
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <Badge count={unread.data?.unread ?? 0} size="small" offset={[-2, 4]}>
          <BellOutlined style={{ color: '#fff', fontSize: 18, cursor: 'pointer' }} onClick={() => navigate('/notifications')} data-testid="notifications-bell" aria-label="通知" />
        </Badge>
        <Dropdown
          menu={{
            items: [
              { key: 'password', icon: <KeyOutlined />, label: '修改密码', onClick: () => navigate('/account/password') },
              { key: 'two-factor', icon: <SafetyOutlined />, label: '两步验证', onClick: () => navigate('/account/two-factor') },
              { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: logout },
            ],
          }}
        >
          <Space style={{ color: '#fff', cursor: 'pointer' }} data-testid="user-menu">
            <UserOutlined />
            {!narrow && me?.user.name}
            {!narrow && <span style={{ opacity: 0.8 }}>{me?.unit.name}</span>}
            {!narrow && me?.roles.map((r) => (
              <Tag key={r} color="gold" style={{ marginInlineEnd: 0 }}>
                {ROLES[r as Role] ?? r}
              </Tag>
            ))}
          </Space>
        </Dropdown>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }} breakpoint="md" collapsedWidth={0} collapsed={collapsed} onBreakpoint={(broken) => setCollapsed(broken)} onCollapse={setCollapsed} zeroWidthTriggerStyle={{ position: 'fixed', top: 'auto', bottom: 24, left: 0, zIndex: 20 }}>
          <Menu
            mode="inline"
            selectedKeys={[location.pathname]}
            items={items}
            onClick={(e) => {
              navigate(e.key);
              if (narrow) setCollapsed(true);
            }}
            style={{ borderInlineEnd: 0 }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: narrow ? 8 : 16, background: '#f5f6f8', minWidth: 0 }}>
          <MenuContext.Provider value={visible}>{children}</MenuContext.Provider>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
