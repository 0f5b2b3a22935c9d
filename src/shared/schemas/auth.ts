import { z } from '../zod.ts';

export const loginInput = z.strictObject({
  username: z.string().trim().min(1, { error: '用户名不能为空' }).max(64, { error: '用户名不能超过 64 个字符' }).meta({ title: '用户名' }),
  password: z.string().min(1, { error: '密码不能为空' }).max(128, { error: '密码不能超过 128 个字符' }).meta({ title: '密码' }),
  /** The 6-digit TOTP code, or a recovery code, for an account with two-factor sign-in. */
  code: z.string().trim().max(32, { error: '动态验证码不能超过 32 个字符' }).optional().meta({ title: '动态验证码' }),
});
export type LoginInput = z.infer<typeof loginInput>;

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, { error: '当前密码不能为空' }).max(128).meta({ title: '当前密码' }),
  newPassword: z.string().min(1, { error: '新密码不能为空' }).max(128, { error: '新密码不能超过 128 个字符' }).meta({ title: '新密码' }),
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const totpCodeInput = z.strictObject({
  code: z.string().trim().regex(/^\d{6}$/, { error: '动态验证码应为 6 位数字' }).meta({ title: '动态验证码' }),
});
export type TotpCodeInput = z.infer<typeof totpCodeInput>;

export interface TotpEnrolment {
  /** Base32 secret, for typing into an authenticator app by hand. */
  secret: string;
  otpauthUri: string;
  /** PNG data URL of the QR code of otpauthUri. */
  qrDataUrl: string;
}

export interface MeResponse {
  user: { id: string; username: string; name: string; phone: string | null };
  unit: { id: string; code: string; name: string; kind: string };
  roles: string[];
  permissions: string[];
  /** Whether the user's data scope is every unit (one county's law office; a province's): only they change the settings every county shares. */
  seesAll: boolean;
  passwordChangeRequired: null | 'initial' | 'expired';
  passwordExpiresAt: string;
  /** Two-factor sign-in: whether this account must use it, has enrolled, and its unused recovery codes. */
  twoFactor: { required: boolean; enabled: boolean; recoveryCodesLeft: number };
  /** Set when the account must enrol a second factor before doing anything else. */
  twoFactorSetupRequired: boolean;
  csrfToken: string;
}
