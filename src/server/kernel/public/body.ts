// A public request's body: JSON, or multipart with the JSON as its `data` field and up to the
// form's number of files as `files`. Every refusal names the field in Chinese; file types are
// checked by content exactly as for staff uploads (kernel/attachments), from a shorter list.
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../http/errors.ts';
import { safeFilename } from '../http/upload.ts';
import { checkFileType, extensionOf } from '../attachments/store.ts';
import { jsonTooDeep, MAX_JSON_DEPTH } from '../../../shared/text-hygiene.ts';
import { PUBLIC_EXTENSIONS } from './forms.ts';

export interface PublicFile {
  filename: string;
  buffer: Buffer;
}

export interface PublicBody {
  data: unknown;
  files: PublicFile[];
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function parseData(value: string): unknown {
  if (jsonTooDeep(value)) throw new HttpError(400, `表单内容（data）嵌套过深（超过 ${MAX_JSON_DEPTH} 层），已拒绝`, [{ field: 'data', message: '嵌套过深' }]);
  try {
    return JSON.parse(value);
  } catch {
    throw new HttpError(400, '表单内容（data）不是合法的 JSON', [{ field: 'data', message: '不是合法的 JSON' }]);
  }
}

/** The multipart plugin's limit errors, as sentences naming the field. */
function limitProblem(error: unknown, label: string, maxFiles: number, maxBytes: number): HttpError | null {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new HttpError(413, `${label}（files）中的文件不能超过 ${megabytes(maxBytes)}`, [{ field: 'files', label, message: `单个文件不能超过 ${megabytes(maxBytes)}` }]);
  if (code === 'FST_FILES_LIMIT') return new HttpError(413, maxFiles ? `${label}（files）最多 ${maxFiles} 个文件` : '此表单不接收文件', [{ field: 'files', label, message: `最多 ${maxFiles} 个文件` }]);
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new HttpError(413, '表单字段过多');
  return null;
}

export async function readPublicBody(req: FastifyRequest, limits: { label: string; maxFiles: number; maxBytes: number }): Promise<PublicBody> {
  if (!req.isMultipart()) return { data: req.body, files: [] };
  const files: PublicFile[] = [];
  let data: unknown;
  try {
    for await (const part of req.parts({ limits: { files: limits.maxFiles, fileSize: limits.maxBytes, fields: 2, fieldSize: 64 * 1024 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'files') throw new HttpError(400, `不允许的文件字段「${part.fieldname}」，文件应放在 files 字段`);
        files.push({ filename: safeFilename(part.filename), buffer: await part.toBuffer() });
      } else if (part.fieldname === 'data') {
        data = parseData(String(part.value));
      } else {
        throw new HttpError(400, `不允许的表单字段「${part.fieldname}」`);
      }
    }
  } catch (error) {
    throw limitProblem(error, limits.label, limits.maxFiles, limits.maxBytes) ?? error;
  }
  return { data, files };
}

/** Each file's MIME type, checked by content; a refusal names the field and the file. */
export async function checkPublicFiles(files: PublicFile[], label: string): Promise<string[]> {
  const mimes: string[] = [];
  for (const f of files) {
    const refuse = (status: number, problem: string) => new HttpError(status, `${label}（files）中的「${f.filename}」${problem}`, [{ field: 'files', label, message: `「${f.filename}」${problem}` }]);
    if (!PUBLIC_EXTENSIONS.includes(extensionOf(f.filename))) throw refuse(415, `类型不允许，可上传：${PUBLIC_EXTENSIONS.join('、')}`);
    try {
      mimes.push(await checkFileType(f.filename, f.buffer));
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      throw refuse(error.status, error.detail.replace('文件（file）', ''));
    }
  }
  return mimes;
}
