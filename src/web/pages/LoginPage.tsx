import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, post } from '../api.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import type { LoginInput, MeResponse } from '../../shared/schemas/auth.ts';

export default function LoginPage() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Set once the password was accepted and the account asks for its second factor.
  const [needCode, setNeedCode] = useState(false);
  const client = useQueryClient();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const submit = async (values: LoginInput) => {
    setBusy(true);
    setError(null);
    try {
      const me = await post<MeResponse>('/auth/login', { ...values, code: values.code?.trim() || undefined });
      client.setQueryData(['me'], me);
      navigate(me.passwordChangeRequired || me.twoFactorSetupRequired ? '/' : from, { replace: true });
    } catch (e) {
      const asksForCode = e instanceof ApiError && e.body.secondFactor === 'totp';
      // The first request of an account with two-factor sign-in only learns that a code is needed.
      if (asksForCode && !needCode) {
        setNeedCode(true);
        return;
      }
      if (!asksForCode) setNeedCode(false);
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(160deg, #8e1515 0%, #b71c1c 45%, #f5f6f8 45%)' }}>
      <Card style={{ width: 380, boxShadow: '0 8px 24px rgba(0,0,0,.12)' }}>
        <Typography.Title level={4} style={{ textAlign: 'center', marginBottom: 4 }}>
          法治政府建设综合管理平台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          请使用本单位分配的账号登录
        </Typography.Paragraph>
        <ErrorNotice error={error} />
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoFocus autoComplete="username" readOnly={needCode} />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" readOnly={needCode} />
          </Form.Item>
          {needCode && (
            <>
              <Alert type="info" showIcon style={{ marginBottom: 12 }} message="该账号已启用两步验证，请输入手机身份验证器上的 6 位动态验证码；无法使用手机时可输入一个恢复码。" />
              <Form.Item
                name="code"
                label="动态验证码"
                rules={[{ required: true, message: '请输入动态验证码或恢复码' }]}
                extra={<a onClick={() => { setNeedCode(false); setError(null); }}>换一个账号登录</a>}
              >
                <Input id="login-code" prefix={<SafetyOutlined />} autoFocus inputMode="numeric" autoComplete="one-time-code" maxLength={16} placeholder="6 位数字，或恢复码 XXXXX-XXXXX" />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 16, marginBottom: 0 }}>
          连续 5 次输错密码或动态验证码，账号将锁定 15 分钟。空闲 30 分钟自动退出。
        </Typography.Paragraph>
        <Typography.Paragraph style={{ fontSize: 12, marginTop: 8, marginBottom: 0, textAlign: 'center' }}>
          <a href="/public/reports">法治政府建设年度报告（公开，无需登录）</a>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
