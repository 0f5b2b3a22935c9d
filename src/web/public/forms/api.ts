// What the portal's forms and tracking page send and read (kernel/public): the submission and the
// supplement as multipart (the fields as JSON in `data`, the files as `files`), tracking and
// downloads with the code and secret in the body, never in an address.
import { ApiError, api } from '../../api.ts';
import type { PowChallenge, PublicFieldView, PublicFormView, SubmittedView, TrackView } from '../../../server/kernel/public/types.ts';

export type { PublicFieldView, PublicFormView, SubmittedView, TrackView };
export interface Credentials {
  code: string;
  secret: string;
}

export const formUrl = (key: string) => `/public/forms/${encodeURIComponent(key)}`;
export const TRACK_PATH = '/public/track';

function multipart(data: unknown, files: readonly File[]): FormData {
  const body = new FormData();
  body.append('data', JSON.stringify(data));
  for (const file of files) body.append('files', file);
  return body;
}

/** Solves a fresh challenge (about a second), then submits. */
export async function submitApplication(key: string, fields: Record<string, unknown>, files: readonly File[]): Promise<SubmittedView> {
  const [{ challenge, bits }, { solve }] = await Promise.all([api<PowChallenge>('GET', '/public/challenge'), import('./pow.ts')]);
  const pow = { challenge, nonce: await solve(challenge, bits) };
  return api<SubmittedView>('POST', `${formUrl(key)}/submissions`, multipart({ ...fields, pow }, files));
}

export const track = (credentials: Credentials) => api<TrackView>('POST', '/public/track', credentials);

export const answerSupplement = (credentials: Credentials, text: string, files: readonly File[]) => api<TrackView>('POST', '/public/track/supplement', multipart({ ...credentials, text }, files));

/** Downloads a released document and hands it to the browser under its own name. */
export async function downloadReply(credentials: Credentials, reply: TrackView['replies'][number]): Promise<void> {
  const blob = await api<Blob>('POST', `/public/track/replies/${encodeURIComponent(reply.id)}`, credentials);
  const href = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href, download: reply.filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/**
 * The message shown beside a field: the server's sentence without the API's field code
 * ("申请人（applicantName）不能超过 100 字" → "申请人不能超过 100 字").
 */
export function fieldMessages(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of error.errors) {
    if (!e.field) continue;
    const { label } = e as { label?: string };
    const plain = e.message.replace(`（${e.field}）：`, '：').replace(`（${e.field}）`, '');
    out[e.field] = label && plain.startsWith(`${label}：`) ? plain.slice(label.length + 1) : plain;
  }
  return out;
}
