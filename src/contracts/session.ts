import { z } from 'zod';

/** The roles of shared/PRODUCT.md; the anonymous public has no user row. */
export const ROLES = ['network_admin', 'lab_admin', 'facilitator', 'member', 'viewer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const LabSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    /** Official INSEE codes: départements (2–3 chars), EPCI (9 digits) or communes (5 chars). */
    territory: z.array(z.string()),
  })
  .meta({ id: 'Lab' });
export type Lab = z.infer<typeof LabSchema>;

export const MeSchema = z
  .object({
    user: z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      role: RoleSchema,
      labId: z.uuid().nullable(),
      organisationId: z.uuid().nullable(),
      locale: z.enum(['fr', 'en']),
    }),
    lab: LabSchema.nullable(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

export const SignInSchema = z.object({ email: z.email(), password: z.string().min(1).max(256) });
