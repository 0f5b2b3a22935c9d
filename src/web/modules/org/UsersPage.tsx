import { useState } from 'react';
import { Alert, App, Badge, Button, Card, Drawer, Form, Input, Modal, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, patch, post, query } from '../../api.ts';
import { buildTree, useUnits } from '../../components/units.ts';
import { ErrorNotice, errorText } from '../../components/ErrorNotice.tsx';
import { zodRule, field } from '../../components/zodRule.ts';
import { createUserInput, roleOptions, type UserView } from '../../../shared/schemas/org.ts';
import { ROLES, type Role } from '../../../shared/roles.ts';
import { useAuth } from '../../auth.tsx';
import { chinaTime } from '../../../shared/records.ts';

type ResetResult = { initialPassword: string | null; pending: boolean };

interface Filters {
  q?: string;
  unitId?: string;
  role?: string;
  status?: string;
  page: number;
  pageSize: number;
}

function showPassword(modal: ReturnType<typeof App.useApp>['modal'], username: string, password: string) {
  modal.success({
    title: `账号 ${username} 的一次性密码`,
    content: (
      <>
        <Typography.Paragraph copyable={{ text: password }} strong style={{ fontSize: 18, fontFamily: 'monospace' }} data-testid="one-time-password">
          {password}
        </Typography.Paragraph>
        <Typography.Text type="secondary">只显示这一次。请当面或通过安全渠道交给本人，首次登录须修改。</Typography.Text>
      </>
    ),
  });
}

export default function UsersPage() {
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);
  const [granting, setGranting] = useState<UserView | null>(null);
  const [grantRoles, setGrantRoles] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const { data: units = [] } = useUnits();
  const { can } = useAuth();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const list = useQuery({ queryKey: ['users', filters], queryFn: () => get<{ items: UserView[]; total: number }>(`/users${query({ ...filters, includeSubunits: 'true' })}`) });
  const refresh = () => client.invalidateQueries({ queryKey: ['users'] });
  const tree = buildTree(units);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      await refresh();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const open = (user: UserView | 'new') => {
    setError(null);
    setEditing(user);
    form.resetFields();
    if (user !== 'new') form.setFieldsValue({ name: user.name, unitId: user.unitId, phone: undefined, idNumber: undefined });
  };
  const save = async (v: Record<string, any>) => {
    setError(null);
    try {
      const pii = { ...(v.phone ? { phone: v.phone } : {}), ...(v.idNumber ? { idNumber: v.idNumber } : {}) };
      if (editing === 'new') {
        const res = await post<{ user: UserView; initialPassword: string }>('/users', { username: v.username, name: v.name, unitId: v.unitId, ...pii });
        showPassword(modal, res.user.username, res.initialPassword);
      } else if (editing) {
        await patch(`/users/${editing.id}`, { version: editing.version, name: v.name, unitId: v.unitId, ...pii });
        message.success('已保存');
      }
      setEditing(null);
      await refresh();
    } catch (e) {
      setError(e);
    }
  };
  const openGrant = (u: UserView) => {
    setError(null);
    setGrantRoles(u.roles);
    setGranting(u);
  };
  const saveGrant = async () => {
    if (!granting) return;
    setError(null);
    try {
      await api('PUT', `/users/${granting.id}/roles`, { version: granting.version, roles: grantRoles });
      message.success('角色已更新，该用户须重新登录');
      setGranting(null);
      await refresh();
    } catch (e) {
      setError(e);
    }
  };
  const unmask = async (u: UserView, which: 'phone' | 'idNumber') => {
    try {
      const res = await post<{ value: string | null }>(`/users/${u.id}/unmask`, { field: which });
      modal.info({ title: `${u.name}的${which === 'phone' ? '手机号码' : '身份证号码'}`, content: <>{res.value ?? '未登记'}<br /><Typography.Text type="secondary">本次查看已记入审计日志。</Typography.Text></> });
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const columns = [
    { title: '用户名', dataIndex: 'username', width: 130 },
    { title: '姓名', dataIndex: 'name', width: 110 },
    { title: '单位', dataIndex: 'unitName', ellipsis: true },
    { title: '角色', dataIndex: 'roles', render: (roles: string[]) => roles.map((r) => <Tag key={r}>{ROLES[r as Role] ?? r}</Tag>) },
    {
      title: '手机号码', dataIndex: 'phone', width: 150,
      render: (phone: string | null, u: UserView) => phone ? <Space size={4}>{phone}{u.actions.includes('unmask') && <a onClick={() => unmask(u, 'phone')}>查看</a>}</Space> : '—',
    },
    {
      title: '状态', width: 110,
      render: (_: unknown, u: UserView) =>
        u.disabled ? <Badge status="default" text="已停用" /> : u.lockedUntil ? <Badge status="error" text="已锁定" /> : u.passwordResetRequestedAt ? <Badge status="processing" text="重置待确认" /> : u.mustChangePassword ? <Badge status="warning" text="待改密" /> : <Badge status="success" text="正常" />,
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, render: (v: string | null) => (v ? chinaTime(v).slice(0, 16) : '从未') },
    {
      title: '操作', width: 220,
      render: (_: unknown, u: UserView) => (
        <Space size={8}>
          {u.actions.includes('update') && <a onClick={() => open(u)}>编辑</a>}
          {u.actions.includes('grant') && <a onClick={() => openGrant(u)}>授予角色</a>}
          {u.actions.includes('reset_password') && !u.passwordResetRequestedAt && (
            <a
              onClick={() =>
                modal.confirm({
                  title: `重置 ${u.username} 的密码？`,
                  // 三员分立: an account that holds roles is reset only once the security administrator confirms.
                  content: u.roles.length ? '该账号持有业务角色：提交后由安全管理员确认重置并交付一次性密码，确认前原密码仍然有效。' : '该用户的全部会话将立即结束。',
                  onOk: async () => {
                    try {
                      const r = await post<ResetResult>(`/users/${u.id}/reset-password`);
                      if (r.initialPassword) showPassword(modal, u.username, r.initialPassword);
                      else message.success('已提交重置申请，待安全管理员确认');
                      await refresh();
                    } catch (e) {
                      message.error(errorText(e));
                    }
                  },
                })
              }
            >
              重置密码
            </a>
          )}
          {u.actions.includes('confirm_reset') && (
            <>
              <a
                onClick={() =>
                  modal.confirm({
                    title: `确认重置 ${u.username} 的密码？`,
                    content: `系统管理员于 ${chinaTime(u.passwordResetRequestedAt!).slice(0, 16)} 提出申请。确认后该用户的全部会话立即结束，一次性密码只向您显示一次，请核实本人身份后交付。`,
                    onOk: async () => {
                      try {
                        const r = await post<ResetResult>(`/users/${u.id}/reset-password/confirm`);
                        if (r.initialPassword) showPassword(modal, u.username, r.initialPassword);
                        await refresh();
                      } catch (e) {
                        message.error(errorText(e));
                      }
                    },
                  })
                }
              >
                确认重置
              </a>
              <a style={{ color: '#cf1322' }} onClick={() => modal.confirm({ title: `驳回 ${u.username} 的密码重置申请？`, content: '原密码保持不变。', onOk: () => act(() => post(`/users/${u.id}/reset-password/refuse`), '已驳回') })}>
                驳回
              </a>
            </>
          )}
          {u.actions.includes('disable') && <a style={{ color: '#cf1322' }} onClick={() => modal.confirm({ title: `停用 ${u.username}？`, onOk: () => act(() => post(`/users/${u.id}/disable`, { version: u.version }), '已停用') })}>停用</a>}
          {u.actions.includes('enable') && <a onClick={() => act(() => post(`/users/${u.id}/enable`, { version: u.version }), '已启用')}>启用</a>}
          {u.actions.includes('unlock') && <a onClick={() => act(() => post(`/users/${u.id}/unlock`), '已解锁')}>解锁</a>}
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title="用户管理"
      extra={can('user.manage') && <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => open('new')}>新建用户</Button>}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search placeholder="用户名或姓名" allowClear style={{ width: 180 }} onSearch={(q) => setFilters({ ...filters, q, page: 1 })} />
        <TreeSelect style={{ width: 240 }} treeData={tree} allowClear showSearch treeNodeFilterProp="title" placeholder="单位（含下级）" onChange={(unitId) => setFilters({ ...filters, unitId, page: 1 })} />
        <Select style={{ width: 150 }} allowClear placeholder="角色" options={roleOptions} onChange={(role) => setFilters({ ...filters, role, page: 1 })} />
        <Select style={{ width: 110 }} allowClear placeholder="状态" options={[{ value: 'active', label: '启用' }, { value: 'disabled', label: '已停用' }, { value: 'locked', label: '已锁定' }]} onChange={(status) => setFilters({ ...filters, status, page: 1 })} />
      </Space>
      <Table<UserView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        columns={columns as any}
        pagination={{ current: filters.page, pageSize: filters.pageSize, total: list.data?.total, showSizeChanger: true, showTotal: (t) => `共 ${t} 人`, onChange: (page, pageSize) => setFilters({ ...filters, page, pageSize }) }}
      />
      <Drawer open={!!editing} width={480} title={editing === 'new' ? '新建用户' : `编辑用户 ${editing?.username ?? ''}`} onClose={() => setEditing(null)} destroyOnHidden
        extra={<Button type="primary" onClick={() => form.submit()}>保存</Button>}>
        <ErrorNotice error={error} />
        <Form form={form} layout="vertical" onFinish={save}>
          {editing === 'new' && (
            <Form.Item name="username" label="用户名" rules={[zodRule(field(createUserInput, 'username'))]}>
              <Input autoFocus />
            </Form.Item>
          )}
          <Form.Item name="name" label="姓名" rules={[zodRule(field(createUserInput, 'name'))]}>
            <Input />
          </Form.Item>
          <Form.Item name="unitId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
            <TreeSelect treeData={tree} showSearch treeNodeFilterProp="title" treeDefaultExpandAll={units.length < 200} />
          </Form.Item>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message="角色由安全管理员在用户列表中「授予角色」，系统管理员只维护账号资料（三员分立）。" />
          <Form.Item name="phone" label="手机号码" rules={[zodRule(field(createUserInput, 'phone'))]} extra={editing !== 'new' && editing?.phone ? `当前：${editing.phone}（留空不修改）` : '加密保存，列表中脱敏显示'}>
            <Input maxLength={11} />
          </Form.Item>
          <Form.Item name="idNumber" label="身份证号码" rules={[zodRule(field(createUserInput, 'idNumber'))]} extra={editing !== 'new' && editing?.idNumber ? `当前：${editing.idNumber}（留空不修改）` : '可选；加密保存'}>
            <Input maxLength={18} />
          </Form.Item>
        </Form>
      </Drawer>
      <Modal open={!!granting} title={`授予角色：${granting?.name ?? ''}（${granting?.username ?? ''}）`} okText="保存" onOk={saveGrant} onCancel={() => setGranting(null)} destroyOnHidden>
        <ErrorNotice error={error} />
        <Select id="grant-roles" mode="multiple" style={{ width: '100%' }} value={grantRoles} onChange={setGrantRoles} options={roleOptions} placeholder="不选则收回全部角色" />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          系统管理员、安全管理员、审计管理员不能兼任，也不能兼任业务角色；不能修改自己的角色。保存后该用户的全部会话立即结束，记入审计日志。
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
