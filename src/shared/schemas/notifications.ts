import { z, pageQuery } from '../zod.ts';

export const notificationQuery = z.strictObject({
  unread: z.enum(['true', 'false'], { error: '仅未读（unread）应为 true 或 false' }).optional().meta({ title: '仅未读' }),
  ...pageQuery,
});

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export const NOTIFICATION_KINDS: Record<string, string> = { escalation: '督办', digest: '每日待办' };
