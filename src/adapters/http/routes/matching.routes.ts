import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { markNotRelevant } from '../../../app/matching/mark-not-relevant.ts';
import { matchingStats } from '../../../app/matching/matching-stats.ts';
import { suggestPartners } from '../../../app/matching/suggest-partners.ts';
import { IdParamsSchema, ProblemSchema } from '../../../contracts/common.ts';
import {
  MatchingStatsSchema,
  SuggestionListSchema,
  SuggestionParamsSchema,
  SuggestionQuerySchema,
} from '../../../contracts/matching.ts';
import type { HttpDependencies } from '../context.ts';

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };

export function matchingRoutes(base: FastifyInstance, { services }: HttpDependencies): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['Rassembler'];

  app.get(
    '/api/organisations/:id/suggestions',
    {
      config: { action: 'suggestion.read' },
      schema: {
        tags,
        summary:
          'Complementary partners suggested for an organisation, each with its reason and partnership type',
        params: IdParamsSchema,
        querystring: SuggestionQuerySchema,
        response: { 200: SuggestionListSchema, ...errors },
      },
    },
    (request) => suggestPartners(services, request.actor, request.params.id, request.query),
  );

  app.post(
    '/api/organisations/:id/suggestions/:suggestedId/not-relevant',
    {
      config: { action: 'suggestion.feedback' },
      schema: {
        tags,
        summary: 'Mark a suggestion "pas pertinent": it is not shown again to this organisation',
        params: SuggestionParamsSchema,
        body: z.object({}).strict(),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await markNotRelevant(services, request.actor, request.params.id, request.params.suggestedId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/admin/matching-stats',
    {
      config: { action: 'suggestion.stats' },
      schema: {
        tags: ['Administration'],
        summary: 'Acceptance rate of the suggestions shown in the lab',
        response: { 200: MatchingStatsSchema, ...errors },
      },
    },
    (request) => matchingStats(services, request.actor),
  );
}
