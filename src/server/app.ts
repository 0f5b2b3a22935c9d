// Builds the Fastify app: kernel plugins, the guarded API with one encapsulated plugin per module,
// and the web UI.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { Platform } from './kernel/platform.ts';
import { installProblemHandlers, sendProblem } from './kernel/http/problems.ts';
import { installGuard } from './kernel/http/guard.ts';
import { installJsonBodyParser } from './kernel/http/json.ts';
import { compressedOnce, installReusableAnswers } from './kernel/http/reusable.ts';
import { HttpError } from './kernel/http/errors.ts';
import { PROBLEM_SCHEMA, route } from './kernel/http/route.ts';
import { databaseRateLimitStore } from './kernel/http/rate-limits.ts';
import { authRoutes } from './kernel/auth/routes.ts';
import { auditRoutes } from './kernel/audit/routes.ts';
import { attachmentRoutes } from './kernel/attachments/routes.ts';
import { importRoutes } from './kernel/imports/routes.ts';
import { calendarRoutes } from './kernel/calendar/routes.ts';
import { workflowRoutes } from './kernel/workflow/routes.ts';
import { notificationRoutes } from './kernel/notifications/routes.ts';
import { indicatorRoutes } from './kernel/indicators/routes.ts';
import { problemRoutes } from './kernel/problems/routes.ts';
import { publicRoutes } from './kernel/public/routes.ts';
import { searchRoutes } from './kernel/search/routes.ts';
import { numberingRoutes } from './kernel/numbering/routes.ts';
import { documentRoutes } from './kernel/documents/routes.ts';

export interface RegisteredRoute {
  method: string;
  url: string;
  permission: string | undefined;
}

export interface BuildOptions {
  logger?: boolean | object;
}

export const API_PREFIX = '/api/v1';

export async function buildApp(platform: Platform, options: BuildOptions = {}): Promise<FastifyInstance & { registeredRoutes: RegisteredRoute[] }> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: platform.config.trustProxy,
    routerOptions: { maxParamLength: 200 },
  });
  // Inputs are validated by zod in the route helper; the JSON schemas are documentation only.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  installReusableAnswers(app);
  installProblemHandlers(app);
  installJsonBodyParser(app);

  const registeredRoutes: RegisteredRoute[] = [];
  app.addHook('onRoute', (opts) => {
    const methods = Array.isArray(opts.method) ? opts.method : [opts.method];
    const permission = opts.config?.permission;
    if (opts.url.startsWith(API_PREFIX) && !permission) {
      throw new Error(`API route ${opts.url} declares no permission`);
    }
    for (const method of methods) if (method !== 'HEAD') registeredRoutes.push({ method, url: opts.url, permission });
  });

  await app.register(cookie);
  // Built once: @fastify/helmet rebuilt the middleware (parsing the CSP) on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'same-origin' },
  });
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)));
  app.addHook('onSend', compressJson);
  await app.register(rateLimit, {
    global: false,
    store: databaseRateLimitStore(platform.db),
    errorResponseBuilder: () => new HttpError(429, '登录尝试过于频繁，请稍后再试'),
  });
  await app.register(multipart, {
    limits: { fileSize: platform.config.uploadMaxBytes, files: 1, fields: 10, fieldSize: 1024 },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Fazhi 法治政府建设综合管理平台 API', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'fazhi_sid' } }, schemas: { Problem: PROBLEM_SCHEMA as any } },
    },
  });

  route(app, {
    method: 'GET',
    url: '/healthz',
    permission: 'public',
    summary: '健康检查',
    tags: ['系统'],
    handler: async () => ({ status: 'ok' }),
  });

  await app.register(
    async (api) => {
      installGuard(api, platform);
      route(api, {
        method: 'GET',
        url: '/openapi.json',
        permission: 'public',
        summary: 'OpenAPI 文档',
        tags: ['系统'],
        handler: async () => app.swagger(),
      });
      await authRoutes(api, platform);
      await auditRoutes(api, platform);
      await attachmentRoutes(api, platform);
      await importRoutes(api, platform);
      await calendarRoutes(api, platform);
      await workflowRoutes(api, platform);
      await notificationRoutes(api, platform);
      await indicatorRoutes(api, platform);
      await problemRoutes(api, platform);
      await publicRoutes(api, platform);
      await searchRoutes(api, platform);
      await numberingRoutes(api, platform);
      await documentRoutes(api, platform);
      for (const mod of platform.modules) {
        if (mod.routes) await api.register(async (scope) => mod.routes!(scope, platform));
      }
    },
    { prefix: API_PREFIX },
  );

  await registerWeb(app, platform.config.webDir);
  return Object.assign(app, { registeredRoutes }) as FastifyInstance & { registeredRoutes: RegisteredRoute[] };
}

type Encoding = 'br' | 'gzip';
const ENCODING_EXTENSION: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/** The encoding to answer with: brotli when the client takes it, else gzip, else none (q=0 refuses one). */
export function acceptedEncoding(header: string | string[] | undefined): Encoding | null {
  const offered = new Map(
    String(header ?? '')
      .split(',')
      .map((part) => part.trim().split(/\s*;\s*q=/))
      .map(([name, q]) => [name!.toLowerCase(), q === undefined ? 1 : Number(q)] as const),
  );
  if ((offered.get('br') ?? 0) > 0) return 'br';
  if ((offered.get('gzip') ?? 0) > 0) return 'gzip';
  return null;
}

const varyOnEncoding = (reply: FastifyReply) => {
  const vary = reply.getHeader('vary');
  if (!vary) reply.header('vary', 'Accept-Encoding');
  else if (!/accept-encoding/i.test(String(vary))) reply.header('vary', `${vary}, Accept-Encoding`);
};

/** JSON answers from this size on are compressed; below it compressing saves less than a packet. */
export const COMPRESS_JSON_FROM = 1024;
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Compresses JSON answers (lists, figures, problems) on the way out: brotli at a fast level, off the
 * event loop (zlib's thread pool). Static files come precompressed from the build (registerWeb).
 */
async function compressJson(req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  if (!/^application\/(problem\+)?json/.test(String(reply.getHeader('content-type') ?? '')) || reply.hasHeader('content-encoding')) return payload;
  varyOnEncoding(reply);
  const size = Buffer.byteLength(payload);
  const encoding = size >= COMPRESS_JSON_FROM ? acceptedEncoding(req.headers['accept-encoding']) : null;
  if (!encoding) return payload;
  const body = await compressedOnce(req, encoding, () =>
    encoding === 'br' ? brotli(payload, { params: { [zlib.BROTLI_PARAM_QUALITY]: 4, [zlib.BROTLI_PARAM_SIZE_HINT]: size } }) : gzipAsync(payload, { level: 6 }),
  );
  reply.header('content-encoding', encoding);
  reply.removeHeader('content-length');
  return body;
}

/** Built files whose names carry their content's hash (Vite's assets/): cached for a year, never revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The public portal's addresses: its own page (src/web/public), without the staff app. */
const PORTAL_PATH = /^\/public(\/|\?|$)/;

/**
 * Serves the built web UI with a fallback for client-side routes: the portal's page under /public,
 * the staff app's everywhere else.
 */
async function registerWeb(app: FastifyInstance, webDir: string): Promise<void> {
  const index = join(webDir, 'index.html');
  const portal = join(webDir, 'public', 'index.html');
  const hasWeb = existsSync(index) && existsSync(portal);
  if (hasWeb) {
    // Hashed assets never change under their name; other files (the portal's pre-paint script) are
    // revalidated. Each file goes out as the build's .br or .gz copy when the client takes it.
    const assets = join(webDir, 'assets') + sep;
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('cache-control', path.startsWith(assets) ? IMMUTABLE : 'no-cache');
        res.setHeader('vary', 'Accept-Encoding');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') return sendProblem(reply, 404, `接口不存在：${req.method} ${req.url.split('?')[0]}`);
    if (!hasWeb) return reply.code(404).type('text/plain; charset=utf-8').send('前端尚未构建：请运行 npm run build（npm start 会自动构建）');
    const page = PORTAL_PATH.test(req.url) ? portal : index;
    const encoding = acceptedEncoding(req.headers['accept-encoding']);
    const compressed = encoding && existsSync(page + ENCODING_EXTENSION[encoding]) ? encoding : null;
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'Accept-Encoding');
    if (compressed) reply.header('content-encoding', compressed);
    return reply.send(readFileSync(compressed ? page + ENCODING_EXTENSION[compressed] : page));
  });
}
