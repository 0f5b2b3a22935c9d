// Route declaration: one zod schema per input feeds validation and the OpenAPI document; every
// route names the permission it needs ('public' and 'session' are the only other choices).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, fieldErrors } from '../../../shared/zod.ts';
import { HttpError } from './errors.ts';
import type { RequestContext } from '../auth/context.ts';

export type RoutePermission = 'public' | 'session' | (string & {});

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /** Reachable while the user must still change the password (me, logout, change password). */
    allowDuringPasswordChange?: boolean;
  }
  interface FastifyRequest {
    ctx: RequestContext | null;
  }
}

export interface RouteInput<B, Q, P> {
  ctx: RequestContext;
  body: B;
  query: Q;
  params: P;
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<B, Q, P> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  permission: RoutePermission;
  summary: string;
  tags?: string[];
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  allowDuringPasswordChange?: boolean;
  /** Per-IP limit for this route (login). */
  rateLimit?: { max: number; timeWindow: number };
  /** Overrides the server's body limit (bytes). */
  bodyLimit?: number;
  /** For multipart routes: documents the form fields. */
  consumes?: string[];
  handler(input: RouteInput<B, Q, P>): Promise<unknown>;
}

export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

/** The path of the first string holding a NUL character (PostgreSQL cannot store one; nobody types one). */
function nulPath(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = nulPath(inner, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

export function parseWith<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const nul = nulPath(value);
  if (nul) {
    const field = nul.join('.') || where;
    throw new HttpError(400, `字段「${field}」含有不允许的控制字符（U+0000）`, [{ field, message: '含有不允许的控制字符' }]);
  }
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (result.success) return result.data;
  const errors = fieldErrors(schema, result.error);
  throw new HttpError(400, errors.map((e) => e.message).join('；') || `${where} 参数有误`, errors);
}

const idParams = z.strictObject({ id: z.string().min(1).max(64).meta({ title: '编号' }) });
export const paramsWithId = idParams;

export function route<B = undefined, Q = Record<string, never>, P = Record<string, never>>(app: FastifyInstance, spec: RouteSpec<B, Q, P>): void {
  const schema: Record<string, unknown> = { summary: spec.summary, tags: spec.tags };
  if (spec.body) schema.body = jsonSchemaOf(spec.body);
  if (spec.query) schema.querystring = jsonSchemaOf(spec.query);
  if (spec.params) schema.params = jsonSchemaOf(spec.params);
  if (spec.consumes) schema.consumes = spec.consumes;
  if (spec.permission !== 'public') schema.security = [{ session: [] }];
  app.route({
    method: spec.method,
    url: spec.url,
    schema,
    config: {
      permission: spec.permission,
      allowDuringPasswordChange: spec.allowDuringPasswordChange,
      ...(spec.rateLimit ? { rateLimit: spec.rateLimit } : {}),
    },
    ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
    handler: async (req, reply) => {
      const params = spec.params ? parseWith(spec.params, req.params, 'params') : (undefined as P);
      const query = spec.query ? parseWith(spec.query, req.query, 'query') : (undefined as Q);
      if (spec.body && !req.isMultipart() && req.body === undefined && spec.method !== 'GET') {
        throw new HttpError(400, '请求体不能为空，应为 JSON 对象');
      }
      const body = spec.body ? parseWith(spec.body, req.body, 'body') : (undefined as B);
      const result = await spec.handler({ ctx: req.ctx as RequestContext, body, query, params, req, reply });
      if (reply.sent) return reply;
      if (result === undefined) return reply.code(204).send();
      return result;
    },
  });
}
