import { z } from '../zod.ts';

export const attachmentListQuery = z.strictObject({
  recordType: z.string().trim().min(1).max(64).meta({ title: '记录类型' }),
  recordId: z.string().trim().min(1).max(64).meta({ title: '记录编号' }),
});

/** Form fields sent beside the file in a multipart upload. */
export const attachmentUploadFields = z.strictObject({
  recordType: z.string().trim().min(1).max(64).regex(/^[a-z_.]+$/, { error: '记录类型（recordType）只能包含小写字母、点和下划线' }).optional().meta({ title: '记录类型' }),
  recordId: z.string().trim().min(1).max(64).optional().meta({ title: '记录编号' }),
  unitId: z.string().trim().min(1).max(64).optional().meta({ title: '所属单位' }),
});

export interface AttachmentView {
  id: string;
  filename: string;
  size: number;
  mime: string;
  contentHash: string;
  recordType: string | null;
  recordId: string | null;
  unitId: string;
  uploadedBy: string;
  uploadedByName: string | null;
  uploadedAt: string;
}
