import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ANONYMOUS } from '../../app/access/actor.ts';
import { POLICY } from '../../app/access/policy.ts';
import type { HttpDependencies } from './context.ts';
import { toFetchHeaders } from './headers.ts';
import { guardRequestInput } from './request-guards.ts';
import { handleError, sendProblem } from './problem.ts';
import { adminRoutes } from './routes/admin.routes.ts';
import { matchingRoutes } from './routes/matching.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { directoryRoutes } from './routes/directory.routes.ts';
import { organisationRoutes } from './routes/organisations.routes.ts';
import { sessionRoutes } from './routes/session.routes.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A route and the policy action it declares; the route table of the authorization tests. */
export interface RouteEntry {
  method: string;
  url: string;
  action: string;
}

export async function buildHttpApp(deps: HttpDependencies): Promise<HttpApp> {
  const secure = deps.publicUrl.startsWith('https://');
  const app = Fastify({
    logger: { level: deps.logLevel ?? 'info', redact: ['req.headers.cookie', 'req.headers.authorization'] },
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // Only JSON bodies: a text/plain or form POST (what a foreign page can send without CORS) is refused.
  app.removeContentTypeParser(['text/plain']);
  guardRequestInput(app);

  const routeTable: RouteEntry[] = [];
  // NOTE: a decorator, not Object.assign: a Fastify instance is thenable, so the type of an async
  // function's result is unwrapped and an assigned property would vanish from it.
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const action = route.config?.action;
    // Fail closed: a route without a policy action would be a route nobody checked.
    if (!action || !(action in POLICY))
      throw new Error(`Route ${String(route.method)} ${route.url} has no policy action`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, action });
    }
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
      },
    },
    strictTransportSecurity: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Labo API',
        version: '0.1.0',
        description:
          "L'API de Labo, la plateforme d'un labo régional des partenariats. Erreurs au format RFC 9457 (application/problem+json), messages en français et en anglais.",
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // The docs page is held to the app's own policy: no <base>, no framing (swagger-ui says 'self'), and
    // no upgrade of its assets to https on a plain-http install.
    transformStaticCSP: (header) => {
      const strict = header
        .replace("base-uri 'self'", "base-uri 'none'")
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'");
      return secure ? strict : strict.replace(/\s*upgrade-insecure-requests;?/, '');
    },
  });

  // Graceful close: an open keep-alive connection holds server.close() until its timeout (72 s), long
  // after the last answer, and SIGTERM then ends in a forced exit. While closing, each answer asks its
  // client to hang up, so the server closes as soon as the requests in flight are answered.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  // Fastify forbids shared objects as decorator defaults: each request gets its own values below.
  app.decorateRequest('actor', null as never);
  app.decorateRequest('sessionUser', null);
  app.addHook('onRequest', async (request, reply) => {
    request.actor = ANONYMOUS;
    if (!request.url.startsWith('/api/')) return;
    reply.header('cache-control', 'no-store');
    if (!SAFE_METHODS.has(request.method)) {
      // CSRF: a browser names the page that sent the request; anything but our own origin is refused.
      const origin = request.headers.origin;
      const site = request.headers['sec-fetch-site'];
      const allowed = new Set([
        new URL(deps.publicUrl).origin,
        `http://${request.headers.host}`,
        `https://${request.headers.host}`,
      ]);
      if ((origin && !allowed.has(origin)) || site === 'cross-site') {
        request.log.warn({ origin, site, url: request.url }, 'csrf rejected');
        return sendProblem(request, reply, 'csrf_rejected');
      }
    }
    if (request.url.startsWith('/api/auth/') || request.url.startsWith('/api/docs')) return;
    if (!request.headers.cookie) return;
    const session = await deps.auth.getSession(toFetchHeaders(request.headers));
    if (!session) return;
    request.sessionUser = session;
    request.actor = {
      kind: 'user',
      userId: session.userId,
      role: session.role,
      labId: session.labId,
      organisationId: session.organisationId,
    };
  });

  authRoutes(app, deps);
  sessionRoutes(app, deps);
  organisationRoutes(app, deps);
  directoryRoutes(app, deps);
  adminRoutes(app, deps);
  matchingRoutes(app, deps);

  app.get('/api/openapi.json', { config: { action: 'health.read' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  const webDir = deps.webDir;
  if (webDir && existsSync(join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      maxAge: '1h',
      // The index names the hashed assets of the current build: browsers revalidate it, or a deploy
      // leaves them an hour on a page whose scripts no longer exist.
      setHeaders: (res, path) => {
        if (path.endsWith('index.html')) res.header('cache-control', 'no-cache');
      },
    });
    // The web app routes on the client: unknown non-API paths get its index page.
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/') || request.method !== 'GET')
        return sendProblem(request, reply, 'not_found');
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((request, reply) => sendProblem(request, reply, 'not_found'));
  }

  return app;
}

export type HttpApp = FastifyInstance;
