// Route declaration: one zod schema per input feeds validation and the OpenAPI document; every
// route names the permission it needs ('public' and 'session' are the only other choices).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, fieldErrors, labelAt } from '../../../shared/zod.ts';
import { MAX_JSON_DEPTH, stripBidi, textProblem } from '../../../shared/text-hygiene.ts';
import { HttpError } from './errors.ts';
import type { RequestContext } from '../auth/context.ts';

export type RoutePermission = 'public' | 'session' | (string & {});

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /** Reachable while the user must still change the password (me, logout, change password). */
    allowDuringPasswordChange?: boolean;
    /** Changes a setting every county of the platform shares (see RouteSpec.platformSetting). */
    platformSetting?: boolean;
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
  /**
   * Changes a setting every county of the platform shares (the calendar, deadline rules, templates…):
   * only someone who sees every unit may, so that in a province one county's law office does not
   * change the others' (in one county's deployment the county's law office sees every unit).
   */
  platformSetting?: boolean;
  /** Per-IP limit for this route (login). */
  rateLimit?: { max: number; timeWindow: number };
  /** Overrides the server's body limit (bytes). */
  bodyLimit?: number;
  /** For multipart routes: documents the form fields. */
  consumes?: string[];
  /** What a success answers (documentation: the OpenAPI document's response schema). */
  response?: z.ZodType;
  /** The success status, when it is one (201 for a create, 204 for no content); else any 2xx. */
  status?: 200 | 201 | 204;
  handler(input: RouteInput<B, Q, P>): Promise<unknown>;
}

/** The keywords an OpenAPI 3.0 schema object may hold; anything else (our `options` labels…) becomes an `x-` extension. */
const OPENAPI_SCHEMA_KEYS = new Set(['title', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'maxProperties', 'minProperties', 'required', 'enum', 'type', 'allOf', 'oneOf', 'anyOf', 'not', 'items', 'properties', 'additionalProperties', 'description', 'format', 'default', 'nullable', 'discriminator', 'readOnly', 'writeOnly', 'example', 'deprecated']);
const SCHEMA_MAPS = new Set(['properties']);
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'not']);
const SCHEMA_LISTS = new Set(['allOf', 'oneOf', 'anyOf']);

function openapiSchema(node: unknown): unknown {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema' || key === 'propertyNames') continue; // not in OpenAPI 3.0 (record keys are strings anyway)
    if (SCHEMA_MAPS.has(key)) out[key] = Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, openapiSchema(v)]));
    else if (SCHEMA_VALUES.has(key)) out[key] = openapiSchema(value);
    else if (SCHEMA_LISTS.has(key)) out[key] = (value as unknown[]).map(openapiSchema);
    else out[OPENAPI_SCHEMA_KEYS.has(key) ? key : `x-${key}`] = value;
  }
  return out;
}

/** A zod schema as an OpenAPI 3.0 schema object (documentation only: zod itself validates). */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  return openapiSchema(z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' })) as Record<string, unknown>;
}

/** application/problem+json, as every error answers (kernel/http/problems.ts); declared once in the document's components. */
export const PROBLEM_SCHEMA = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, row: { type: 'integer' }, column: { type: 'string' }, message: { type: 'string' } } } },
  },
  required: ['title', 'status', 'detail'],
};
const PROBLEM = {
  description: '错误（application/problem+json，detail 为中文说明，errors 列出出错的字段或行）',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

function responsesOf(spec: RouteSpec<any, any, any>): Record<string, unknown> {
  const success = spec.status === 204 ? { description: '成功，无内容' } : { description: '成功', content: { 'application/json': { schema: spec.response ? jsonSchemaOf(spec.response, 'output') : { type: 'object' } } } };
  return { [spec.status ?? '2xx']: success, '4xx': PROBLEM, '5xx': PROBLEM };
}

/**
 * The text rules every input passes (shared/text-hygiene.ts), applied here because every body, query
 * and form passes here: nesting deeper than MAX_JSON_DEPTH, NUL and lone surrogates (in values and
 * keys) are refused with the field named; bidirectional controls are stripped from strings in place.
 * Iterative, so no input can overflow the stack (a recursive walk did, at 20,000 levels: a 500).
 */
function inspect<T>(schema: z.ZodType<T>, value: unknown, where: string): unknown {
  const refuse = (path: string[], problem: string) => {
    const field = path.join('.') || where;
    const label = path.length ? labelAt(schema, path) : undefined;
    throw new HttpError(400, `${label ? `${label}（${field}）` : `字段「${field}」`}${problem}`, [{ field, ...(label ? { label } : {}), message: problem }]);
  };
  const cleanString = (text: string, path: string[]) => {
    const problem = textProblem(text);
    if (problem) refuse(path, problem);
    return stripBidi(text);
  };
  if (typeof value === 'string') return cleanString(value, []);
  if (!value || typeof value !== 'object') return value;
  const stack: { node: Record<string, unknown>; path: string[] }[] = [{ node: value as Record<string, unknown>, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (path.length >= MAX_JSON_DEPTH) refuse(path, `嵌套过深（超过 ${MAX_JSON_DEPTH} 层）`);
    for (const key of Object.keys(node)) {
      const inner = node[key];
      const at = [...path, key];
      const keyProblem = textProblem(key);
      if (keyProblem) refuse(path, `的字段名${keyProblem}`);
      if (typeof inner === 'string') {
        const cleaned = cleanString(inner, at);
        if (cleaned !== inner) node[key] = cleaned;
      } else if (inner && typeof inner === 'object') {
        stack.push({ node: inner as Record<string, unknown>, path: at });
      }
    }
  }
  return value;
}

export function parseWith<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  value = inspect(schema, value, where);
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
  schema.response = responsesOf(spec);
  app.route({
    method: spec.method,
    url: spec.url,
    schema,
    config: {
      permission: spec.permission,
      allowDuringPasswordChange: spec.allowDuringPasswordChange,
      platformSetting: spec.platformSetting,
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
