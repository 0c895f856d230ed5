import { z } from 'zod';
import { pageOf, PageQuerySchema } from './common.ts';

export const UNIVERSES = [
  'association',
  'cooperative',
  'social_enterprise',
  'sme',
  'large_company',
  'entrepreneur',
  'public_body',
  'university',
  'foundation',
  'investor',
] as const;
export const UniverseSchema = z.enum(UNIVERSES);
export type Universe = z.infer<typeof UniverseSchema>;

export const ORGANISATION_STATUSES = ['active', 'archived'] as const;

// Format checks only; the Luhn keys are checked by the domain's value objects, which answer
// with a translated message naming the field.
const siren = z.string().regex(/^\d{9}$/, '9 chiffres');
const siret = z.string().regex(/^\d{14}$/, '14 chiffres');
const rna = z.string().regex(/^W\d{9}$/, 'W suivi de 9 chiffres');
const insee = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'code INSEE de commune');

export const OrganisationSchema = z
  .object({
    id: z.uuid(),
    labId: z.uuid(),
    name: z.string(),
    universe: UniverseSchema,
    communeInsee: z.string().nullable(),
    communeName: z.string().nullable(),
    departement: z.string().nullable(),
    siren: z.string().nullable(),
    siret: z.string().nullable(),
    rna: z.string().nullable(),
    description: z.string(),
    status: z.enum(ORGANISATION_STATUSES),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    /** What the asker may do with it, so the interface shows only the buttons that will work. */
    can: z.object({ edit: z.boolean(), archive: z.boolean() }),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof OrganisationSchema>;

export const OrganisationInputSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    universe: UniverseSchema,
    communeInsee: insee.nullable().optional(),
    siren: siren.nullable().optional(),
    siret: siret.nullable().optional(),
    rna: rna.nullable().optional(),
    description: z.string().max(5000).default(''),
  })
  .strict();
export type OrganisationInput = z.infer<typeof OrganisationInputSchema>;

export const OrganisationPatchSchema = OrganisationInputSchema.partial().strict();
export type OrganisationPatch = z.infer<typeof OrganisationPatchSchema>;

export const OrganisationListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  universe: UniverseSchema.optional(),
  status: z.enum(ORGANISATION_STATUSES).default('active'),
});
export type OrganisationListQuery = z.infer<typeof OrganisationListQuerySchema>;

export const OrganisationPageSchema = pageOf(OrganisationSchema).meta({ id: 'OrganisationPage' });
export type OrganisationPage = z.infer<typeof OrganisationPageSchema>;
