import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize } from '../../../app/access/policy.ts';
import { CommuneListSchema } from '../../../contracts/admin.ts';
import { ProblemSchema } from '../../../contracts/common.ts';
import { LabSchema, MeSchema } from '../../../contracts/session.ts';
import type { HttpDependencies } from '../context.ts';

export function sessionRoutes(base: FastifyInstance, deps: HttpDependencies): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { services } = deps;

  app.get(
    '/api/health',
    {
      config: { action: 'health.read' },
      schema: {
        tags: ['Système'],
        summary: 'Liveness',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/me',
    {
      config: { action: 'me.read' },
      schema: {
        tags: ['Session'],
        summary: 'The signed-in user and its lab',
        response: { 200: MeSchema, 401: ProblemSchema },
      },
    },
    async (request) => {
      authorize(request.actor, 'me.read');
      const session = request.sessionUser;
      if (!session) throw new Error('a signed-in actor has a session');
      const lab = session.labId ? ((await services.labs.find(session.labId)) ?? null) : null;
      return {
        user: {
          id: session.userId,
          name: session.name,
          email: session.email,
          role: session.role,
          labId: session.labId,
          organisationId: session.organisationId,
          locale: session.locale,
        },
        lab,
      };
    },
  );

  app.get(
    '/api/labs',
    {
      config: { action: 'labs.list' },
      schema: {
        tags: ['Réseau'],
        summary: 'The labs of the network',
        response: { 200: z.object({ items: z.array(LabSchema) }) },
      },
    },
    async () => ({ items: await services.labs.list() }),
  );

  app.get(
    '/api/communes',
    {
      config: { action: 'communes.search' },
      schema: {
        tags: ['Territoire'],
        summary: 'Official communes by name or INSEE code',
        querystring: z.object({ q: z.string().trim().min(1).max(80) }),
        response: { 200: CommuneListSchema },
      },
    },
    async (request) => ({
      items: services.communes
        .search(request.query.q, 20)
        .map(({ code, name, departement }) => ({ code, name, departement })),
    }),
  );
}
