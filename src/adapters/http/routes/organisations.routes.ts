import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { archiveOrganisation } from '../../../app/organisations/archive-organisation.ts';
import { createOrganisation } from '../../../app/organisations/create-organisation.ts';
import { getOrganisation } from '../../../app/organisations/get-organisation.ts';
import { listOrganisations } from '../../../app/organisations/list-organisations.ts';
import { updateOrganisation } from '../../../app/organisations/update-organisation.ts';
import { IdParamsSchema, ProblemSchema } from '../../../contracts/common.ts';
import {
  OrganisationInputSchema,
  OrganisationListQuerySchema,
  OrganisationPageSchema,
  OrganisationPatchSchema,
  OrganisationSchema,
} from '../../../contracts/organisations.ts';
import type { HttpDependencies } from '../context.ts';

const errors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};
const EmptyBody = OrganisationPatchSchema.pick({}).strict();

export function organisationRoutes(base: FastifyInstance, { services }: HttpDependencies): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['Annuaire'];

  app.get(
    '/api/organisations',
    {
      config: { action: 'organisation.list' },
      schema: {
        tags,
        summary: 'Organisations of the lab, searched and filtered',
        querystring: OrganisationListQuerySchema,
        response: { 200: OrganisationPageSchema, ...errors },
      },
    },
    (request) => listOrganisations(services, request.actor, request.query),
  );

  app.get(
    '/api/organisations/:id',
    {
      config: { action: 'organisation.read' },
      schema: {
        tags,
        summary: 'One organisation',
        params: IdParamsSchema,
        response: { 200: OrganisationSchema, ...errors },
      },
    },
    (request) => getOrganisation(services, request.actor, request.params.id),
  );

  app.post(
    '/api/organisations',
    {
      config: { action: 'organisation.create' },
      schema: {
        tags,
        summary: 'Create an organisation in the lab',
        body: OrganisationInputSchema,
        response: { 201: OrganisationSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createOrganisation(services, request.actor, request.body)),
  );

  app.patch(
    '/api/organisations/:id',
    {
      config: { action: 'organisation.update' },
      schema: {
        tags,
        summary: 'Edit an organisation',
        params: IdParamsSchema,
        body: OrganisationPatchSchema,
        response: { 200: OrganisationSchema, ...errors },
      },
    },
    (request) => updateOrganisation(services, request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/organisations/:id/archive',
    {
      config: { action: 'organisation.archive' },
      schema: {
        tags,
        summary: 'Archive an organisation (its links are kept)',
        params: IdParamsSchema,
        body: EmptyBody,
        response: { 200: OrganisationSchema, ...errors },
      },
    },
    (request) => archiveOrganisation(services, request.actor, request.params.id),
  );
}
