import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from '../db/engine.ts';
import type { Config } from '../config.ts';
import { authenticate, enforcePermission, type PrincipalLoader } from '../auth/authenticate.ts';
import { errorHandler, notFoundHandler } from './error-handler.ts';
import { batchedStdout } from './log-stream.ts';
import { pickLocale } from '../i18n/locale.ts';
import { describePermission } from './route-permission.ts';
import { documentRoute } from './openapi.ts';

export interface AppOptions {
  database: Database;
  config: Pick<Config, 'secureCookies' | 'logLevel'>;
  loadPrincipal: PrincipalLoader;
  /** each module's routes, registered under /api/v1 */
  modules: { name: string; routes: (app: FastifyInstance) => Promise<void> }[];
  /** folder of the built web app; omitted in API-only tests */
  webDist?: string;
  logger?: boolean;
}

export interface RouteEntry {
  method: string;
  url: string;
  permission: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    /** every API route and its declared permission, for the permission snapshot test */
    apiRoutes: RouteEntry[];
  }
}

/**
 * One access-log line per request instead of Fastify's two ("incoming request" with the serialised
 * request, then "request completed"): the completion line carries method, URL, status and time, at
 * error level with the error when there is one. Under load the second line cost ~5 % of the CPU of a
 * point lookup (bench --cpu-prof: pino and sonic-boom's synchronous writes).
 */
class CompletedRequestsOnly extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { method: request.method, url: request.url, statusCode: reply.statusCode, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: opts.config.logLevel, stream: batchedStdout() } : false,
    logController: new CompletedRequestsOnly(),
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: true,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', opts.database);
  const apiRoutes: RouteEntry[] = [];
  app.decorate('apiRoutes', apiRoutes);

  // Every API route declares its permission; one without fails here, at start-up, not in production.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    if (!route.config?.permission) throw new Error(`Route ${route.method} ${route.url} declares no permission`);
    documentRoute(route);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') apiRoutes.push({ method, url: route.url, permission: describePermission(route.config.permission) });
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kehu API',
        version: '1.0.0',
        description: 'REST API of Kehu (客户), the CRM for companies with a head office and many branches.',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kehu_session' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'API key created under Administration → API keys' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.decorateRequest('principal', undefined);
  app.decorateRequest('locale', 'zh-CN');
  app.addHook('onRequest', async (req) => {
    req.locale = pickLocale(req.headers['accept-language']);
  });
  // Before validation: an unauthenticated or forbidden caller learns nothing from a 400 about the body.
  app.addHook('preValidation', authenticate(opts.loadPrincipal));
  app.addHook('preValidation', enforcePermission);

  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);

  app.get('/healthz', { config: { permission: { public: true } }, schema: { hide: true } }, async () => ({
    ok: true,
    engine: opts.database.engine,
  }));

  await app.register(
    async (api) => {
      for (const mod of opts.modules) await api.register(mod.routes);
    },
    { prefix: '/api/v1' },
  );

  if (opts.webDist && fs.existsSync(path.join(opts.webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: opts.webDist, wildcard: false, maxAge: '1h' });
    // The SPA owns every other path; index.html itself is never cached so deployments take effect.
    app.get('/*', { schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return notFoundHandler(req, reply);
      const file = req.url.split('?')[0].replace(/^\/+/, '');
      if (file && fs.existsSync(path.join(opts.webDist!, file)) && !file.includes('..')) {
        return reply.sendFile(file);
      }
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    });
  }
  return app;
}
