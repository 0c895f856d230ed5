import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptInvitation } from '../../../app/admin/accept-invitation.ts';
import { inviteUser } from '../../../app/admin/invite-user.ts';
import { listOutbox } from '../../../app/admin/list-outbox.ts';
import { listUsers } from '../../../app/admin/list-users.ts';
import {
  AcceptInvitationSchema,
  InvitationInputSchema,
  InvitationSchema,
  OutboxListSchema,
  UserListSchema,
} from '../../../contracts/admin.ts';
import { ProblemSchema } from '../../../contracts/common.ts';
import type { HttpDependencies } from '../context.ts';

const errors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};

export function adminRoutes(base: FastifyInstance, { services }: HttpDependencies): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['Administration'];

  app.get(
    '/api/admin/users',
    {
      config: { action: 'user.list' },
      schema: { tags, summary: 'Users of the lab', response: { 200: UserListSchema, ...errors } },
    },
    async (request) => ({ items: await listUsers(services, request.actor) }),
  );

  app.post(
    '/api/admin/invitations',
    {
      config: { action: 'user.invite' },
      schema: {
        tags,
        summary: 'Invite someone by e-mail',
        body: InvitationInputSchema,
        response: { 201: InvitationSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await inviteUser(services, request.actor, request.body)),
  );

  app.get(
    '/api/admin/outbox',
    {
      config: { action: 'outbox.read' },
      schema: {
        tags,
        summary: 'E-mails kept when no SMTP server is configured',
        response: { 200: OutboxListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listOutbox(services, request.actor) }),
  );

  app.post(
    '/api/invitations/accept',
    {
      config: { action: 'invitation.accept' },
      schema: {
        tags: ['Session'],
        summary: 'Accept an invitation',
        body: AcceptInvitationSchema,
        response: { 204: z.null(), 410: ProblemSchema, ...errors },
      },
    },
    async (request, reply) => {
      await acceptInvitation(services, request.actor, request.body);
      return reply.status(204).send(null);
    },
  );
}
