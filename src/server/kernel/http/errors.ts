// Errors that become application/problem+json responses with a Chinese `detail`.
import type { FieldError } from '../../../shared/zod.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors?: ReadonlyArray<FieldError | object>,
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new HttpError(400, detail, errors);
export const fieldError = (field: string, label: string, message: string) =>
  new HttpError(400, `${label}（${field}）${message}`, [{ field, label, message: `${label}（${field}）${message}` }]);
export const unauthorized = (detail = '未登录或登录已过期，请重新登录') => new HttpError(401, detail);
export const forbidden = (detail = '没有执行此操作的权限') => new HttpError(403, detail);
export const notFound = (what = '记录') => new HttpError(404, `${what}不存在或无权访问`);
export const conflict = (detail: string) => new HttpError(409, detail);
export const staleVersion = () => conflict('记录已被他人修改，请刷新后重试（版本号已过期）');

export const TITLES: Record<number, string> = {
  400: '请求有误',
  401: '未登录',
  403: '无权访问',
  404: '未找到',
  405: '方法不允许',
  409: '冲突',
  413: '请求体过大',
  415: '不支持的内容类型',
  422: '数据校验未通过',
  423: '账号已锁定',
  429: '请求过于频繁',
  500: '服务器内部错误',
  503: '服务暂时繁忙',
};
