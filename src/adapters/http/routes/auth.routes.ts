import type { FastifyInstance } from 'fastify';
import { toFetchHeaders } from '../headers.ts';
import type { HttpDependencies } from '../context.ts';
import { sendProblem } from '../problem.ts';

/** The client address header that the auth library reads for its rate limits (see adapters/db/auth.ts). */
const CLIENT_IP_HEADER = 'x-labo-client-ip';

/**
 * Bridges better-auth's Fetch handler into Fastify. The client address comes from the socket,
 * never from a header a client could rotate (X-Forwarded-For), so rate limits hold.
 */
export function authRoutes(app: FastifyInstance, deps: HttpDependencies): void {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    config: { action: 'auth.use' },
    async handler(request, reply) {
      const headers = toFetchHeaders(request.headers);
      headers.delete('x-forwarded-for');
      headers.set(CLIENT_IP_HEADER, request.ip);
      const url = new URL(request.url, deps.publicUrl);
      const body = request.method === 'POST' ? JSON.stringify(request.body ?? {}) : undefined;
      const response = await deps.auth.handler(new Request(url, { method: request.method, headers, body }));
      if (response.status === 429) {
        const retry = response.headers.get('x-retry-after') ?? response.headers.get('retry-after') ?? '60';
        reply.header('retry-after', retry);
        return sendProblem(request, reply, 'rate_limited');
      }
      reply.status(response.status);
      for (const cookie of response.headers.getSetCookie()) reply.header('set-cookie', cookie);
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie' && name !== 'content-length' && name !== 'content-encoding')
          reply.header(name, value);
      });
      const text = await response.text();
      return reply.send(text.length > 0 ? text : null);
    },
  });
}
