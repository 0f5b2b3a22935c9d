// Every error leaves as application/problem+json with a Chinese detail; never a stack trace.
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { HttpError, TITLES } from './errors.ts';
import { isDatabaseBusy } from '../db/index.ts';

export function sendProblem(reply: FastifyReply, status: number, detail: string, errors?: unknown, extra?: Record<string, unknown>) {
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .send({ type: 'about:blank', title: TITLES[status] ?? '错误', status, detail, ...(errors ? { errors } : {}), ...extra });
}

const FASTIFY_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, '请求体不是合法的 JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, '请求体为空，应为 JSON 对象'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, '不支持的 Content-Type，请使用 application/json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, '请求的 Content-Length 与实际长度不符'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, '请求体过大，超过了此接口允许的大小'],
  FST_REQ_FILE_TOO_LARGE: [413, '上传文件过大，超过了允许的大小'],
  FST_FILES_LIMIT: [413, '一次上传的文件过多'],
  FST_PARTS_LIMIT: [413, '表单字段过多'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, '请以 multipart/form-data 方式上传文件'],
  FST_PROTO_VIOLATION: [400, '请求体含有不允许的属性（__proto__）'],
  FST_ERR_BAD_URL: [400, '请求地址无效'],
};

export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, req, reply) => {
    if (error instanceof HttpError) return sendProblem(reply, error.status, error.detail, error.errors, error.extra);
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return sendProblem(reply, known[0], known[1]);
    if (error instanceof SyntaxError && (error as FastifyError).statusCode === 400) return sendProblem(reply, 400, '请求体不是合法的 JSON');
    // Another process (a server worker, the CLI) held SQLite's write lock past the busy timeout:
    // the whole transaction was rolled back, so the client may simply try again.
    if (isDatabaseBusy(error)) {
      reply.header('retry-after', '5');
      return sendProblem(reply, 503, '数据库正忙（另一项写入尚未完成，如大批量导入），本次操作未保存，请稍后重试');
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) return sendProblem(reply, status, TITLES[status] ?? '请求有误');
    req.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 500, '服务器内部错误，请稍后重试；如持续出现请联系管理员');
  });
}
