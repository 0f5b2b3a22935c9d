// Evidence files (台账材料): type checked by content, stored once by SM3 content hash outside the web root.
import type { FastifyReply } from 'fastify';
import { existsSync, mkdirSync, renameSync, writeFileSync, createReadStream } from 'node:fs';
import { join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { sm3Hex } from '../crypto/keys.ts';
import { HttpError } from '../http/errors.ts';

/** Accepted extensions → MIME type, and what the content must be detected as. */
const ACCEPTED: Record<string, { mime: string; detected: string[] | 'text' }> = {
  pdf: { mime: 'application/pdf', detected: ['pdf'] },
  png: { mime: 'image/png', detected: ['png'] },
  jpg: { mime: 'image/jpeg', detected: ['jpg'] },
  jpeg: { mime: 'image/jpeg', detected: ['jpg'] },
  gif: { mime: 'image/gif', detected: ['gif'] },
  webp: { mime: 'image/webp', detected: ['webp'] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', detected: ['docx'] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', detected: ['xlsx'] },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', detected: ['pptx'] },
  doc: { mime: 'application/msword', detected: ['cfb'] },
  xls: { mime: 'application/vnd.ms-excel', detected: ['cfb'] },
  ofd: { mime: 'application/ofd', detected: ['zip'] },
  zip: { mime: 'application/zip', detected: ['zip'] },
  mp4: { mime: 'video/mp4', detected: ['mp4', 'm4v'] },
  mp3: { mime: 'audio/mpeg', detected: ['mp3'] },
  wav: { mime: 'audio/wav', detected: ['wav'] },
  txt: { mime: 'text/plain; charset=utf-8', detected: 'text' },
  csv: { mime: 'text/csv; charset=utf-8', detected: 'text' },
};

export const ACCEPTED_EXTENSIONS = Object.keys(ACCEPTED);

function looksLikeUtf8Text(buffer: Buffer): boolean {
  if (buffer.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  }
}

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

/** Checks that the content is what the file name says, and one of the accepted types. Returns the MIME type. */
export async function checkFileType(filename: string, buffer: Buffer): Promise<string> {
  const ext = extensionOf(filename);
  const accepted = ACCEPTED[ext];
  if (!accepted) throw new HttpError(415, `文件（file）类型不允许：.${ext || '（无扩展名）'}；允许的类型：${ACCEPTED_EXTENSIONS.join('、')}`);
  if (buffer.length === 0) throw new HttpError(400, '文件（file）为空');
  const detected = await fileTypeFromBuffer(buffer);
  const ok = accepted.detected === 'text' ? !detected && looksLikeUtf8Text(buffer) : !!detected && accepted.detected.includes(detected.ext);
  if (!ok) {
    throw new HttpError(415, `文件（file）内容与扩展名 .${ext} 不符${detected ? `（实际为 ${detected.ext}）` : ''}，已拒绝`);
  }
  return accepted.mime;
}

export class BlobStore {
  constructor(private readonly dir: string) {}

  private pathOf(hash: string): string {
    return join(this.dir, hash.slice(0, 2), hash.slice(2, 4), hash);
  }

  /** Stores the content once; returns its hash. */
  put(buffer: Buffer): string {
    const hash = sm3Hex(buffer);
    const target = this.pathOf(hash);
    if (!existsSync(target)) {
      mkdirSync(join(this.dir, hash.slice(0, 2), hash.slice(2, 4)), { recursive: true });
      const tmp = `${target}.${process.pid}.tmp`;
      writeFileSync(tmp, buffer, { mode: 0o600 });
      renameSync(tmp, target);
    }
    return hash;
  }

  has(hash: string): boolean {
    return existsSync(this.pathOf(hash));
  }

  read(hash: string) {
    return createReadStream(this.pathOf(hash));
  }

  filePath(hash: string): string {
    return this.pathOf(hash);
  }
}

/**
 * A file as the browser downloads it (an evidence file, a generated .docx, .xlsx or archive): its type,
 * its name, no type sniffing, and no copy kept by any cache (they are a unit's records).
 */
export function sendDownload(reply: FastifyReply, mime: string, filename: string, body: Buffer | ReturnType<BlobStore['read']>): FastifyReply {
  return reply
    .header('content-type', mime)
    .header('content-disposition', attachmentDisposition(filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(body);
}

/** RFC 6266 Content-Disposition that keeps Chinese file names. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  // encodeURIComponent throws on a lone surrogate; uploads refuse them, this keeps any older name downloadable.
  const wellFormed = filename.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(wellFormed)}`;
}
