import { z } from 'zod';
import { HEADCOUNT_CODES, SIZE_GROUP_KEYS, THEMES } from '../domain/directory/vocabulary.ts';
import { NAF_SECTION_CODES } from '../domain/directory/naf.ts';
import { pageOf, PageQuerySchema } from './common.ts';

export {
  THEMES,
  HEADCOUNT_BANDS,
  SIZE_GROUPS,
  NEED_OFFER_CATEGORIES,
} from '../domain/directory/vocabulary.ts';
export { NAF_SECTIONS } from '../domain/directory/naf.ts';
export const ThemeSchema = z.enum(THEMES);
export type Theme = z.infer<typeof ThemeSchema>;

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
const rna = z.string().regex(/^W\d[\dA-Z]\d{7}$/, 'W suivi de 9 caractères');
const insee = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'code INSEE de commune');
const naf = z.string().regex(/^\d{2}\.?\d{2}[A-Z]$/, 'code NAF, ex. 62.01Z');
const website = z
  .string()
  .trim()
  .max(300)
  .regex(/^https?:\/\/[^\s]+$/i, 'adresse web en http(s)://');

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
    naf: z.string().nullable().optional(),
    nafLabel: z.string().nullable().optional(),
    nafSection: z.string().nullable().optional(),
    headcountBand: z.string().nullable().optional(),
    epci: z.string().nullable().optional(),
    epciName: z.string().nullable().optional(),
    departementName: z.string().nullable().optional(),
    region: z.string().nullable().optional(),
    regionName: z.string().nullable().optional(),
    address: z.string().nullable().optional(),
    postalCode: z.string().nullable().optional(),
    latitude: z.number().nullable().optional(),
    longitude: z.number().nullable().optional(),
    /** `commune`: the commune's centre, no better position known. */
    positionPrecision: z.enum(['commune', 'address']).nullable().optional(),
    website: z.string().nullable().optional(),
    themes: z.array(z.string()).optional(),
    source: z.string().optional(),
    mergedInto: z.uuid().nullable().optional(),
    openNeeds: z.number().int().optional(),
    openOffers: z.number().int().optional(),
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
    naf: naf.nullable().optional(),
    headcountBand: z.enum(HEADCOUNT_CODES).nullable().optional(),
    address: z.string().trim().max(300).nullable().optional(),
    postalCode: z
      .string()
      .regex(/^\d{5}$/, '5 chiffres')
      .nullable()
      .optional(),
    website: website.nullable().optional(),
    themes: z.array(ThemeSchema).max(THEMES.length).optional(),
    /** A better position than the commune's centre (WGS 84). */
    position: z
      .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
      .nullable()
      .optional(),
  })
  .strict();
export type OrganisationInput = z.infer<typeof OrganisationInputSchema>;

export const OrganisationPatchSchema = OrganisationInputSchema.partial().strict();
export type OrganisationPatch = z.infer<typeof OrganisationPatchSchema>;

export const OrganisationListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  universe: UniverseSchema.optional(),
  status: z.enum(ORGANISATION_STATUSES).default('active'),
  theme: ThemeSchema.optional(),
  /** Territory at any level: a commune (5 characters), an EPCI (9 digits), a département, a région. */
  commune: insee.optional(),
  epci: z
    .string()
    .regex(/^\d{9}$/, 'SIREN de l’EPCI')
    .optional(),
  departement: z
    .string()
    .regex(/^(\d{2}|2[AB]|97\d)$/, 'code de département')
    .optional(),
  region: z
    .string()
    .regex(/^\d{2}$/, 'code de région')
    .optional(),
  /** Around a commune's centre, within `radiusKm`. */
  near: insee.optional(),
  radiusKm: z.coerce.number().min(1).max(200).default(15),
  nafSection: z.enum(NAF_SECTION_CODES).optional(),
  size: z.enum(SIZE_GROUP_KEYS).optional(),
  hasOpenNeeds: z.stringbool().optional(),
  hasOpenOffers: z.stringbool().optional(),
  /** Only actors with an open need or offer of this category. */
  category: z.string().max(40).optional(),
  sort: z.enum(['relevance', 'name']).default('relevance'),
});
export type OrganisationListQuery = z.infer<typeof OrganisationListQuerySchema>;

export const OrganisationPageSchema = pageOf(OrganisationSchema)
  .extend({
    /**
     * True when a text search matched more organisations than it counts (1,000): `total` is then
     * a lower bound ("plus de 1 000") and the pages stop there.
     */
    totalCapped: z.boolean().optional(),
  })
  .meta({ id: 'OrganisationPage' });
export type OrganisationPage = z.infer<typeof OrganisationPageSchema>;
