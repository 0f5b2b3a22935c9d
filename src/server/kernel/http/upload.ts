// Reads a multipart request holding one file and a few text fields.
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';
import { stripBidi, textProblem } from '../../../shared/text-hygiene.ts';

export interface Upload {
  filename: string;
  buffer: Buffer;
  fields: Record<string, string>;
}

/**
 * The name a file is stored and offered under: NFC, bidi controls stripped (so "报告\u202Efdp.exe"
 * cannot display as "报告exe.pdf"), separators and control characters (C0, DEL, C1) replaced, the
 * last 200 characters kept, cut between code points so no half of a surrogate pair is left;
 * a lone surrogate is refused.
 */
export function safeFilename(raw: string): string {
  const name = Array.from(stripBidi(raw.normalize('NFC')).replace(/[\\/\x00-\x1f\x7f-\x9f]/g, '_'))
    .slice(-200)
    .join('');
  const problem = textProblem(name);
  if (problem) throw new HttpError(400, `文件名（file）${problem}`, [{ field: 'file', label: '文件名', message: problem }]);
  return name;
}

export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw new HttpError(415, '请以 multipart/form-data 方式上传文件（字段 file）');
  let file: { filename: string; buffer: Buffer } | null = null;
  const fields: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || file) throw new HttpError(400, '只能上传一个文件，字段名为 file');
      const buffer = await part.toBuffer();
      file = { filename: safeFilename(part.filename), buffer };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!file) throw new HttpError(400, '缺少上传文件（字段 file）');
  return { ...file, fields };
}
