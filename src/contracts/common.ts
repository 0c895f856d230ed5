import { z } from 'zod';

/** RFC 9457 problem details, as every error of the API is sent. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string(),
    /** The same message in the other language, so the interface can show either. */
    messages: z.object({ fr: z.string(), en: z.string() }),
    errors: z
      .array(
        z.object({
          path: z.string(),
          message: z.string(),
          messages: z.object({ fr: z.string(), en: z.string() }),
        }),
      )
      .optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof ProblemSchema>;

export const IdParamsSchema = z.object({ id: z.uuid() });

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
