// Enrolment of a second factor (TOTP): scan the QR code, confirm one code, keep the recovery codes.
// Administrators land here at their first login and can do nothing else until it is done; other
// staff may enrol from 我的账号, and anyone enrolled may issue new recovery codes there.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Spin, Steps, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { post } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import type { MeResponse, TotpEnrolment } from '../../shared/schemas/auth.ts';

/** The 两步验证 page of 我的账号: enrolment, or new recovery codes for an enrolled account. */
export function AccountTwoFactorPage() {
  const { me } = useAuth();
  if (!me) return null;
  return me.twoFactor.enabled ? <RecoveryCodesCard left={me.twoFactor.recoveryCodesLeft} /> : <TwoFactorSetupPage forced={false} />;
}

function RecoveryCodesList({ codes }: { codes: string[] }) {
  return (
    <>
      <div data-testid="recovery-codes" style={{ display: 'grid', gridTemplateColumns: 'repeat(2, 1fr)', gap: 6, fontFamily: 'monospace', fontSize: 16, background: '#fafafa', padding: 12, border: '1px dashed #d9d9d9', marginBottom: 12 }}>
        {codes.map((c) => (
          <span key={c}>{c}</span>
        ))}
      </div>
      <Typography.Paragraph copyable={{ text: codes.join('\n'), tooltips: ['复制全部恢复码', '已复制'] }} type="secondary">
        复制全部恢复码
      </Typography.Paragraph>
    </>
  );
}

function RecoveryCodesCard({ left }: { left: number }) {
  const client = useQueryClient();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const renew = async (v: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      setCodes((await post<{ recoveryCodes: string[] }>('/auth/totp/recovery-codes', { code: v.code.trim() })).recoveryCodes);
      await client.invalidateQueries({ queryKey: ['me'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="两步验证" size="small" style={{ maxWidth: 560 }}>
      <Alert type="success" showIcon style={{ marginBottom: 16 }} message={`已启用两步验证，剩余未使用的恢复码 ${left} 个。`} />
      <ErrorNotice error={error} />
      {codes ? (
        <>
          <Typography.Paragraph>新的恢复码如下，<strong>只显示这一次</strong>，原有恢复码已全部作废：</Typography.Paragraph>
          <RecoveryCodesList codes={codes} />
        </>
      ) : (
        <>
          <Typography.Paragraph>恢复码用完或遗失时，可输入身份验证器上的动态验证码重新生成一组（原有恢复码全部作废）。更换手机须由运维人员在服务器上重置后重新绑定。</Typography.Paragraph>
          <Form layout="inline" onFinish={renew}>
            <Form.Item name="code" rules={[{ required: true, message: '请输入动态验证码' }, { pattern: /^\s*\d{6}\s*$/, message: '动态验证码为 6 位数字' }]}>
              <Input aria-label="动态验证码" inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ width: 120 }} placeholder="6 位数字" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              重新生成恢复码
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}

export default function TwoFactorSetupPage({ forced = true }: { forced?: boolean }) {
  const { me, clear } = useAuth();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [done, setDone] = useState<{ recoveryCodes: string[]; me: MeResponse } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    // One secret per visit: the server keeps only the latest one offered.
    if (started.current) return;
    started.current = true;
    post<TotpEnrolment>('/auth/totp/setup').then(setEnrolment, setError);
  }, []);

  const confirm = async (v: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      setDone(await post<{ recoveryCodes: string[]; me: MeResponse }>('/auth/totp/enable', { code: v.code.trim() }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const finish = () => {
    client.setQueryData(['me'], done!.me);
    navigate('/');
  };
  const logout = async () => {
    await post('/auth/logout').catch(() => undefined);
    clear();
    navigate('/login');
  };

  const card = (
      <Card title="绑定身份验证器（两步验证）" style={{ width: 560 }}>
        <Steps size="small" current={done ? 2 : 1} status={done ? 'finish' : 'process'} style={{ marginBottom: 20 }} items={[{ title: '密码登录' }, { title: '扫码并验证' }, { title: '保存恢复码' }]} />
        {!done && (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message={me?.twoFactor.required ? `按照等级保护要求，${me.user.name}的账号须使用“密码 + 动态验证码”登录，请先绑定身份验证器。` : '绑定后，每次登录须输入动态验证码。'}
            />
            <ErrorNotice error={error} />
            {!enrolment ? (
              !error && <Spin style={{ display: 'block', margin: 32 }} />
            ) : (
              <Space align="start" size={20}>
                <img src={enrolment.qrDataUrl} alt="身份验证器绑定二维码" width={200} height={200} data-testid="totp-qr" style={{ border: '1px solid #eee' }} />
                <div style={{ flex: 1 }}>
                  <Typography.Paragraph>1. 在手机上打开身份验证器应用（如 Microsoft Authenticator、Google Authenticator、FreeOTP 或支持 TOTP 的国产验证器），扫描左侧二维码。</Typography.Paragraph>
                  <Typography.Paragraph>
                    无法扫码时，手动输入密钥：
                    <Typography.Text code copyable data-testid="totp-secret" style={{ wordBreak: 'break-all' }}>
                      {enrolment.secret}
                    </Typography.Text>
                  </Typography.Paragraph>
                  <Typography.Paragraph style={{ marginBottom: 8 }}>2. 输入应用上显示的 6 位动态验证码：</Typography.Paragraph>
                  <Form layout="inline" onFinish={confirm}>
                    <Form.Item name="code" rules={[{ required: true, message: '请输入动态验证码' }, { pattern: /^\s*\d{6}\s*$/, message: '动态验证码为 6 位数字' }]}>
                      <Input id="totp-code" aria-label="动态验证码" inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ width: 120 }} autoFocus />
                    </Form.Item>
                    <Button type="primary" htmlType="submit" loading={busy}>
                      验证并启用
                    </Button>
                  </Form>
                </div>
              </Space>
            )}
            {forced && (
              <Button type="link" style={{ marginTop: 12, paddingLeft: 0 }} onClick={logout}>
                退出登录
              </Button>
            )}
          </>
        )}
        {done && (
          <>
            <Alert type="success" showIcon style={{ marginBottom: 16 }} message="两步验证已启用。" />
            <Typography.Paragraph>
              以下 {done.recoveryCodes.length} 个恢复码<strong>只显示这一次</strong>。手机丢失或无法使用身份验证器时，可在登录时用一个恢复码代替动态验证码，每个恢复码只能使用一次。请抄写或打印后妥善保管，不要存放在手机里。
            </Typography.Paragraph>
            <RecoveryCodesList codes={done.recoveryCodes} />
            <Button type="primary" block onClick={finish}>
              我已妥善保存恢复码，进入系统
            </Button>
          </>
        )}
      </Card>
  );
  if (!forced) return card;
  return <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f6f8', padding: 24 }}>{card}</div>;
}
