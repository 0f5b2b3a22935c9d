import { z } from '../zod.ts';

export const loginInput = z.strictObject({
  username: z.string().trim().min(1, { error: '用户名不能为空' }).max(64, { error: '用户名不能超过 64 个字符' }).meta({ title: '用户名' }),
  password: z.string().min(1, { error: '密码不能为空' }).max(128, { error: '密码不能超过 128 个字符' }).meta({ title: '密码' }),
});
export type LoginInput = z.infer<typeof loginInput>;

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, { error: '当前密码不能为空' }).max(128).meta({ title: '当前密码' }),
  newPassword: z.string().min(1, { error: '新密码不能为空' }).max(128, { error: '新密码不能超过 128 个字符' }).meta({ title: '新密码' }),
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export interface MeResponse {
  user: { id: string; username: string; name: string; phone: string | null };
  unit: { id: string; code: string; name: string; kind: string };
  roles: string[];
  permissions: string[];
  passwordChangeRequired: null | 'initial' | 'expired';
  passwordExpiresAt: string;
  csrfToken: string;
}
