import { z } from 'zod';
import { UniverseSchema } from './organisations.ts';

export const PARTNERSHIP_TYPES = [
  'mécénat',
  'pratiques responsables',
  'coopération économique',
  'innovation sociétale',
] as const;

export const SuggestionSchema = z
  .object({
    organisation: z.object({
      id: z.uuid(),
      name: z.string(),
      universe: UniverseSchema,
      communeName: z.string().nullable(),
    }),
    score: z.number(),
    /** Le Rameau's partnership type that fits the pair. */
    type: z.enum(PARTNERSHIP_TYPES),
    /** One or two French sentences a facilitator can read aloud. */
    why: z.string(),
  })
  .meta({ id: 'Suggestion' });
export type Suggestion = z.infer<typeof SuggestionSchema>;

export const SuggestionListSchema = z.object({ engine: z.string(), items: z.array(SuggestionSchema) });
export type SuggestionList = z.infer<typeof SuggestionListSchema>;

export const SuggestionQuerySchema = z.object({
  top: z.coerce.number().int().min(1).max(50).default(10),
  mode: z.enum(['complementary', 'improbable']).default('complementary'),
});

export const SuggestionParamsSchema = z.object({ id: z.uuid(), suggestedId: z.uuid() });

export const MatchingStatsSchema = z.object({
  shown: z.number().int(),
  notRelevant: z.number().int(),
  /** Share of shown suggestions not marked "pas pertinent", null before any was shown. */
  acceptanceRate: z.number().nullable(),
});
export type MatchingStats = z.infer<typeof MatchingStatsSchema>;
