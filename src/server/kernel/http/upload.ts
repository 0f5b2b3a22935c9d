// Reads a multipart request holding one file and a few text fields.
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

export interface Upload {
  filename: string;
  buffer: Buffer;
  fields: Record<string, string>;
}

export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw new HttpError(415, '请以 multipart/form-data 方式上传文件（字段 file）');
  let file: { filename: string; buffer: Buffer } | null = null;
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || file) throw new HttpError(400, '只能上传一个文件，字段名为 file');
      const buffer = await part.toBuffer();
      file = { filename: part.filename.normalize('NFC').replace(/[\\/\x00-\x1f]/g, '_').slice(-200), buffer };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!file) throw new HttpError(400, '缺少上传文件（字段 file）');
  return { ...file, fields };
}
