import { useState } from 'react';
import { Alert, Button, Card, Form, Input, App, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { post } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { passwordProblems } from '../../shared/password-policy.ts';
import type { MeResponse } from '../../shared/schemas/auth.ts';

export default function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { me, clear } = useAuth();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { currentPassword: string; newPassword: string }) => {
    setBusy(true);
    setError(null);
    try {
      const fresh = await post<MeResponse>('/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      client.setQueryData(['me'], fresh);
      message.success('密码已修改');
      navigate('/');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const card = (
    <Card title="修改密码" style={{ width: 440 }}>
      {forced && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={me?.passwordChangeRequired === 'expired' ? '您的密码已超过 90 天，请修改后继续使用' : '首次登录或密码已被重置，请先设置新密码'}
        />
      )}
      <ErrorNotice error={error} />
      <Form layout="vertical" onFinish={submit}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" autoFocus id="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra="至少 8 位，包含大写字母、小写字母、数字、特殊字符中的 3 类；不能是常见密码，不能由重复片段或键盘顺序（如 Aa1!Aa1!、qwer、1234）组成，不能包含用户名或平台名称；不能与最近 5 次用过的密码相同"
          rules={[
            { required: true, message: '请输入新密码' },
            { validator: async (_, v) => { const p = v ? passwordProblems(v, me?.user.username) : []; if (p.length) throw new Error(p.join('；')); } },
          ]}
        >
          <Input.Password autoComplete="new-password" id="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[{ required: true, message: '请再次输入新密码' }, ({ getFieldValue }) => ({ validator: async (_, v) => { if (v && v !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致'); } })]}
        >
          <Input.Password autoComplete="new-password" id="confirm-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          确认修改
        </Button>
        {forced && (
          <Button type="link" block onClick={async () => { await post('/auth/logout').catch(() => undefined); clear(); navigate('/login'); }}>
            退出登录
          </Button>
        )}
      </Form>
    </Card>
  );
  if (!forced) return card;
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f6f8' }}>
      <div>
        <Typography.Title level={4} style={{ textAlign: 'center' }}>法治政府建设综合管理平台</Typography.Title>
        {card}
      </div>
    </div>
  );
}
