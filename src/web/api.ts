// The API client: same-origin fetch with the session cookie, the CSRF header on writes, and
// problem+json errors turned into ApiError with the server's Chinese message.

/**
 * A message as a person reads it: without the field codes in brackets the API adds for its callers
 * ("年度（year）应为整数" → "年度应为整数"); the field itself is known from `errors[].field`.
 */
export const forPeople = (message: string) => message.replace(/（[a-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+|\[\d+\])*）/g, '');

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors: { field?: string; row?: number; column?: string; message: string }[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

function csrfToken(): string {
  return document.cookie.split('; ').find((c) => c.startsWith('fazhi_csrf='))?.slice('fazhi_csrf='.length) ?? '';
}

let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(fn: () => void) {
  onUnauthorized = fn;
}

export async function api<T = any>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken();
  const res = await fetch(`/api/v1${url}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const data = type.includes('json') ? await res.json() : await res.blob();
  if (!res.ok) {
    if (res.status === 401 && !url.startsWith('/auth/login')) onUnauthorized();
    const errors = ((data?.errors ?? []) as ApiError['errors']).map((e) => ({ ...e, message: forPeople(e.message) }));
    throw new ApiError(res.status, forPeople(data?.detail ?? `请求失败（${res.status}）`), errors, data);
  }
  return data as T;
}

export const get = <T = any>(url: string) => api<T>('GET', url);
export const post = <T = any>(url: string, body?: unknown) => api<T>('POST', url, body ?? {});
export const patch = <T = any>(url: string, body: unknown) => api<T>('PATCH', url, body);

/** Downloads a file the browser way (template, export). */
export async function download(url: string, fallbackName: string) {
  const res = await fetch(`/api/v1${url}`, { credentials: 'same-origin' });
  if (!res.ok) throw new ApiError(res.status, '下载失败');
  const disposition = res.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const name = match ? decodeURIComponent(match[1]) : fallbackName;
  const href = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href, download: name });
  a.click();
  URL.revokeObjectURL(href);
}

export function query(params: Record<string, unknown>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
export const put = <T = any>(url: string, body: unknown) => api<T>('PUT', url, body);
export const del = <T = any>(url: string) => api<T>('DELETE', url);
