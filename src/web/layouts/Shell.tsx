import { useState, type ReactNode } from 'react';
import { Layout, Menu, Dropdown, Tag, Typography, App, Badge, Grid, type MenuProps } from 'antd';
import { UserOutlined, LogoutOutlined, KeyOutlined, BellOutlined, SafetyOutlined, QuestionCircleOutlined, MenuOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth.tsx';
import { APP_ROUTES, allowed, type AppRoute } from '../routes.tsx';
import { MenuContext } from '../menu.ts';
import { get, post } from '../api.ts';
import { ALL_SCOPE_ROLES, ROLES, type Role } from '../../shared/roles.ts';
import { GlobalSearch } from '../modules/search/GlobalSearch.tsx';

/** The menu's groups in one order for every role (a role sees the ones it may reach). */
const GROUP_ORDER = ['', '督查督办', '统计分析', '案件办理', '依法决策', '行政执法', '政务服务', '合法性审查', '期限管理', '系统管理', '安全审计'];
const groupRank = (group: string) => {
  const i = GROUP_ORDER.indexOf(group);
  return i === -1 ? GROUP_ORDER.length : i;
};

/**
 * The menu item a page belongs to: its own, the one whose path its own extends (/findings/…), the
 * one its detail pages sit under (/tasks/… under 任务台账 or 本单位任务: the one the user came from).
 */
export function selectedMenuKey(menu: readonly AppRoute[], path: string, cameFrom: string | null): string | null {
  if (menu.some((r) => r.path === path)) return path;
  const under = menu.filter((r) => r.path !== '/' && path.startsWith(`${r.path}/`)).sort((a, b) => b.path.length - a.path.length)[0];
  if (under) return under.path;
  const owners = menu.filter((r) => r.detailPrefixes?.some((p) => path.startsWith(p)));
  return owners.find((r) => r.path === cameFrom)?.path ?? owners[0]?.path ?? null;
}

const HEADER_HEIGHT = 52;

export function Shell({ children }: { children: ReactNode }) {
  const { me, can, clear } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  // On a phone the menu folds away behind the header's menu button and opens over the page (not
  // beside it), and the header keeps only what fits.
  const narrow = !Grid.useBreakpoint().md;
  const [collapsed, setCollapsed] = useState(false);
  const menuShown = !narrow || !collapsed;
  const unread = useQuery({ queryKey: ['unread-count'], queryFn: () => get<{ unread: number }>('/notifications/unread-count'), refetchInterval: 60_000, enabled: !!me && !me.passwordChangeRequired });
  const countyWide = !!me?.roles.some((r) => ALL_SCOPE_ROLES.includes(r as Role));
  const visible = APP_ROUTES.filter((r) => r.inMenu && allowed(r, can) && (!r.countyWide || countyWide));
  const groups = [...new Set(visible.map((r) => r.group ?? ''))].sort((a, b) => groupRank(a) - groupRank(b));
  const [lastMenuKey, setLastMenuKey] = useState<string | null>(null);
  const selected = selectedMenuKey(visible, location.pathname, lastMenuKey);
  if (selected && selected !== lastMenuKey && visible.some((r) => r.path === location.pathname)) setLastMenuKey(selected);
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
      {/* The header stays at the top and the menu beside the page with a scroll of its own: a short
          page is no taller than the window, and search and the account menu are always in reach. */}
      <Layout.Header className="shell-header" style={{ display: 'flex', alignItems: 'center', gap: narrow ? 8 : 16, background: '#8e1515', paddingInline: narrow ? 8 : 20, height: HEADER_HEIGHT, lineHeight: `${HEADER_HEIGHT}px` }}>
        {narrow && (
          <button type="button" className="header-button" onClick={() => setCollapsed(!collapsed)} aria-label={collapsed ? '打开菜单' : '关闭菜单'} aria-expanded={!collapsed} data-testid="menu-button">
            <MenuOutlined style={{ color: '#fff', fontSize: 18 }} />
          </button>
        )}
        <Typography.Text strong style={{ color: '#fff', fontSize: narrow ? 15 : 17, letterSpacing: 1, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
          法治政府建设综合管理平台
        </Typography.Text>
        <div style={{ flex: 1 }} />
        {!me?.passwordChangeRequired && <GlobalSearch narrow={narrow} />}
        {/* Real buttons: reachable with Tab, opened with Enter, with a visible focus ring. */}
        {/* 操作说明 of the module this page belongs to (帮助中心 on a page of none). */}
        {!me?.passwordChangeRequired && (
          <button type="button" className="header-button" onClick={() => navigate(`/help?from=${encodeURIComponent(location.pathname)}`)} data-testid="help-button" aria-label="操作说明">
            <QuestionCircleOutlined style={{ color: '#fff', fontSize: 17 }} />
            {!narrow && '操作说明'}
          </button>
        )}
        <button type="button" className="header-button" onClick={() => navigate('/notifications')} data-testid="notifications-bell" aria-label={`通知${unread.data?.unread ? `（${unread.data.unread} 条未读）` : ''}`}>
          <Badge count={unread.data?.unread ?? 0} size="small" offset={[-2, 4]}>
            <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
          </Badge>
        </button>
        <Dropdown
          // Click only: opened on hover, the menu dropped over the buttons at the top right of a page
          // whenever the pointer came to rest on the header (after closing a drawer, say).
          trigger={['click']}
          menu={{
            items: [
              { key: 'help', icon: <QuestionCircleOutlined />, label: '帮助中心', onClick: () => navigate('/help') },
              { key: 'password', icon: <KeyOutlined />, label: '修改密码', onClick: () => navigate('/account/password') },
              { key: 'two-factor', icon: <SafetyOutlined />, label: '两步验证', onClick: () => navigate('/account/two-factor') },
              { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: logout },
            ],
          }}
        >
          <button type="button" className="header-button" data-testid="user-menu" aria-label="账号菜单" aria-haspopup="menu">
            <UserOutlined />
            {!narrow && me?.user.name}
            {!narrow && <span style={{ opacity: 0.8 }}>{me?.unit.name}</span>}
            {!narrow && me?.roles.map((r) => (
              <Tag key={r} color="gold" style={{ marginInlineEnd: 0 }}>
                {ROLES[r as Role] ?? r}
              </Tag>
            ))}
          </button>
        </Dropdown>
      </Layout.Header>
      <Layout>
        {narrow && menuShown && <div className="shell-backdrop" onClick={() => setCollapsed(true)} aria-hidden />}
        <Layout.Sider width={narrow ? 240 : 200} theme="light" className={narrow ? 'shell-sider shell-sider-overlay' : 'shell-sider'} style={{ borderRight: narrow && collapsed ? 0 : '1px solid #f0f0f0', top: HEADER_HEIGHT, height: `calc(100vh - ${HEADER_HEIGHT}px)` }} breakpoint="md" collapsedWidth={0} collapsed={collapsed} onBreakpoint={(broken) => setCollapsed(broken)} onCollapse={setCollapsed} trigger={null}>
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected] : []}
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
