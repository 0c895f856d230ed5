import { z } from 'zod';
import {
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  LEGAL_BASES,
  NEED_OFFER_CATEGORIES,
  NEED_OFFER_KINDS,
  NEED_OFFER_STATUSES,
} from '../domain/directory/vocabulary.ts';
import { SPREADSHEET_FIELDS } from '../domain/directory/import-row.ts';
import { MERGE_CHOOSABLE_FIELDS } from '../domain/directory/duplicates.ts';
import { pageOf, PageQuerySchema } from './common.ts';
import { OrganisationSchema } from './organisations.ts';

export {
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  LEGAL_BASES,
  NEED_OFFER_CATEGORIES,
  NEED_OFFER_KINDS,
  NEED_OFFER_STATUSES,
} from '../domain/directory/vocabulary.ts';
export { SPREADSHEET_FIELDS } from '../domain/directory/import-row.ts';
export { MERGE_CHOOSABLE_FIELDS } from '../domain/directory/duplicates.ts';

const isoDate = z.iso.date();

// ---------------------------------------------------------------- people (personal data)

export const LegalBasisSchema = z.enum(LEGAL_BASES);

export const PersonSchema = z
  .object({
    id: z.uuid(),
    labId: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    jobTitle: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    legalBasis: LegalBasisSchema,
    source: z.string(),
    /** Art. 14: when a person imported from a file was informed (null: not yet). */
    informedAt: z.iso.datetime().nullable(),
    informationOverdue: z.boolean(),
    lastActivityAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    organisations: z.array(
      z.object({ organisationId: z.uuid(), name: z.string(), role: z.string().nullable() }),
    ),
    consents: z.array(
      z.object({
        purpose: z.enum(CONSENT_PURPOSES),
        given: z.boolean(),
        textVersion: z.string(),
        since: z.iso.datetime(),
      }),
    ),
    can: z.object({ edit: z.boolean(), erase: z.boolean(), export: z.boolean() }),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof PersonSchema>;

const phone = z
  .string()
  .trim()
  .regex(/^[+0-9 ().-]{6,25}$/, 'numéro de téléphone');

export const PersonInputSchema = z
  .object({
    firstName: z.string().trim().min(1).max(100),
    lastName: z.string().trim().min(1).max(100),
    jobTitle: z.string().trim().max(150).nullable().optional(),
    email: z.email().max(254).nullable().optional(),
    phone: phone.nullable().optional(),
    legalBasis: LegalBasisSchema.default('legitimate_interest'),
    /** The organisation the person acts for (and the role there). */
    organisationId: z.uuid(),
    role: z.string().trim().max(150).nullable().optional(),
    informedAt: z.iso.datetime().nullable().optional(),
  })
  .strict();
export type PersonInput = z.infer<typeof PersonInputSchema>;

export const PersonPatchSchema = PersonInputSchema.omit({ organisationId: true, role: true })
  .partial()
  .strict();
export type PersonPatch = z.infer<typeof PersonPatchSchema>;

export const PersonListQuerySchema = PageQuerySchema.extend({ q: z.string().trim().max(100).optional() });
export type PersonListQuery = z.infer<typeof PersonListQuerySchema>;
export const PersonPageSchema = pageOf(PersonSchema).meta({ id: 'PersonPage' });
export type PersonPage = z.infer<typeof PersonPageSchema>;

export const ConsentRecordSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    purpose: z.enum(CONSENT_PURPOSES),
    action: z.enum(['given', 'withdrawn']),
    textVersion: z.string(),
    channel: z.enum(CONSENT_CHANNELS),
    at: z.iso.datetime(),
    recordedBy: z.string().nullable(),
  })
  .meta({ id: 'ConsentRecord' });
export type ConsentRecord = z.infer<typeof ConsentRecordSchema>;

export const ConsentInputSchema = z
  .object({
    purpose: z.enum(CONSENT_PURPOSES),
    action: z.enum(['given', 'withdrawn']),
    /** The version of the text the person agreed to (e.g. "newsletter-2026-01"). */
    textVersion: z.string().trim().min(1).max(80),
    channel: z.enum(CONSENT_CHANNELS),
    /** When it happened, if not now (a paper form signed at an event). */
    at: z.iso.datetime().optional(),
  })
  .strict();
export type ConsentInput = z.infer<typeof ConsentInputSchema>;

/** Every consent record of a person, oldest first: the proof of Art. 7(1), never rewritten. */
export const ConsentHistorySchema = z
  .object({ items: z.array(ConsentRecordSchema) })
  .meta({ id: 'ConsentHistory' });
export type ConsentHistory = z.infer<typeof ConsentHistorySchema>;

/** Another organisation the person acts for (or a new role at one they already act for). */
export const PersonLinkInputSchema = z
  .object({ organisationId: z.uuid(), role: z.string().trim().max(150).nullable().optional() })
  .strict();
export type PersonLinkInput = z.infer<typeof PersonLinkInputSchema>;

export const ErasureResultSchema = z
  .object({ personId: z.uuid(), rows: z.record(z.string(), z.number().int()) })
  .meta({ id: 'ErasureResult' });
export type ErasureResult = z.infer<typeof ErasureResultSchema>;

export const PurgeResultSchema = z
  .object({ cutoff: z.iso.datetime(), erased: z.number().int(), auditRowsDeleted: z.number().int() })
  .meta({ id: 'PurgeResult' });
export type PurgeResult = z.infer<typeof PurgeResultSchema>;

export const PersonExportQuerySchema = z.object({ format: z.enum(['json', 'csv']).default('json') });

// ---------------------------------------------------------------- needs and offers

export const NeedOfferSchema = z
  .object({
    id: z.uuid(),
    labId: z.uuid(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    kind: z.enum(NEED_OFFER_KINDS),
    category: z.enum(NEED_OFFER_CATEGORIES),
    title: z.string(),
    description: z.string(),
    quantity: z.number().nullable(),
    unit: z.string().nullable(),
    periodStart: isoDate.nullable(),
    periodEnd: isoDate.nullable(),
    status: z.enum(NEED_OFFER_STATUSES),
    contactPersonId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    can: z.object({ edit: z.boolean() }).optional(),
  })
  .meta({ id: 'NeedOffer' });
export type NeedOffer = z.infer<typeof NeedOfferSchema>;

const NeedOfferFields = z.object({
  kind: z.enum(NEED_OFFER_KINDS),
  category: z.enum(NEED_OFFER_CATEGORIES),
  title: z.string().trim().min(2).max(200),
  description: z.string().trim().max(5000).default(''),
  quantity: z.number().positive().max(1e12).nullable().optional(),
  unit: z.string().trim().max(40).nullable().optional(),
  periodStart: isoDate.nullable().optional(),
  periodEnd: isoDate.nullable().optional(),
  status: z.enum(NEED_OFFER_STATUSES).default('open'),
  contactPersonId: z.uuid().nullable().optional(),
});

export const NeedOfferInputSchema = NeedOfferFields.strict().refine(
  (v) => !v.periodStart || !v.periodEnd || v.periodStart <= v.periodEnd,
  {
    path: ['periodEnd'],
    message: 'la fin précède le début',
  },
);
export type NeedOfferInput = z.infer<typeof NeedOfferInputSchema>;

export const NeedOfferPatchSchema = NeedOfferFields.omit({ kind: true }).partial().strict();
export type NeedOfferPatch = z.infer<typeof NeedOfferPatchSchema>;

export const NeedOfferListQuerySchema = PageQuerySchema.extend({
  organisationId: z.uuid().optional(),
  kind: z.enum(NEED_OFFER_KINDS).optional(),
  category: z.enum(NEED_OFFER_CATEGORIES).optional(),
  status: z.enum(NEED_OFFER_STATUSES).optional(),
  /** Around a commune's centre (INSEE code), within radiusKm. */
  near: z
    .string()
    .regex(/^(\d{5}|2[AB]\d{3})$/)
    .optional(),
  radiusKm: z.coerce.number().min(1).max(200).default(15),
  q: z.string().trim().max(200).optional(),
});
export type NeedOfferListQuery = z.infer<typeof NeedOfferListQuerySchema>;
export const NeedOfferPageSchema = pageOf(NeedOfferSchema).meta({ id: 'NeedOfferPage' });
export type NeedOfferPage = z.infer<typeof NeedOfferPageSchema>;

// ---------------------------------------------------------------- timeline, duplicates, map

export const TimelineEventSchema = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime(),
    kind: z.string(),
    summary: z.string(),
    actorId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TimelineEvent' });
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;
export const TimelineSchema = z.object({ items: z.array(TimelineEventSchema) }).meta({ id: 'Timeline' });

export const DuplicatePairSchema = z
  .object({
    first: OrganisationSchema,
    second: OrganisationSchema,
    reason: z.enum(['same_siret', 'same_rna', 'same_siren_same_commune', 'close_name_same_commune']),
    score: z.number(),
  })
  .meta({ id: 'DuplicatePair' });
export type DuplicatePair = z.infer<typeof DuplicatePairSchema>;
export const DuplicateListSchema = z
  .object({ items: z.array(DuplicatePairSchema) })
  .meta({ id: 'DuplicateList' });
export type DuplicateList = z.infer<typeof DuplicateListSchema>;

export const MergeInputSchema = z
  .object({
    keptId: z.uuid(),
    absorbedId: z.uuid(),
    /** Fields whose value comes from the absorbed organisation (the kept one's win otherwise). */
    take: z.array(z.enum(MERGE_CHOOSABLE_FIELDS)).max(MERGE_CHOOSABLE_FIELDS.length).optional(),
  })
  .strict()
  .refine((v) => v.keptId !== v.absorbedId, {
    path: ['absorbedId'],
    message: 'deux organisations différentes',
  });
export type MergeInput = z.infer<typeof MergeInputSchema>;
export const MergeResultSchema = z
  .object({ kept: OrganisationSchema, moved: z.record(z.string(), z.number().int()) })
  .meta({ id: 'MergeResult' });
export type MergeResult = z.infer<typeof MergeResultSchema>;
export const DismissInputSchema = z.object({ firstId: z.uuid(), secondId: z.uuid() }).strict();

export const MapPointSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  universe: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  precision: z.string().nullable(),
});
export const MapPointsSchema = z
  .object({ items: z.array(MapPointSchema), truncated: z.boolean() })
  .meta({ id: 'MapPoints' });
export type MapPoints = z.infer<typeof MapPointsSchema>;

// ---------------------------------------------------------------- spreadsheet import

export const ColumnMappingSchema = z.partialRecord(z.enum(SPREADSHEET_FIELDS), z.string().max(200));

export const SpreadsheetImportInputSchema = z
  .object({
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/\.(csv|xlsx)$/i, 'fichier .csv ou .xlsx'),
    /** The file's bytes, base64 (the API takes JSON only). */
    contentBase64: z.string().min(1).max(14_000_000),
    /** Column of the file for each field; guessed from the headers when absent. */
    mapping: ColumnMappingSchema.optional(),
  })
  .strict();
export type SpreadsheetImportInput = z.infer<typeof SpreadsheetImportInputSchema>;

const RowProblemSchema = z.object({
  column: z.string(),
  reason: z.string(),
  value: z.string(),
  messages: z.object({ fr: z.string(), en: z.string() }),
});

export const ImportPreviewSchema = z
  .object({
    headers: z.array(z.string()),
    mapping: ColumnMappingSchema,
    /** Required fields no column is mapped to: then nothing is planned (`lines` is empty). */
    missing: z.array(z.enum(SPREADSHEET_FIELDS)),
    rows: z.number().int(),
    toCreate: z.number().int(),
    toUpdate: z.number().int(),
    rejected: z.number().int(),
    lines: z.array(
      z.object({
        line: z.number().int(),
        outcome: z.enum(['create', 'update', 'reject']),
        name: z.string(),
        existingId: z.uuid().nullable(),
        problems: z.array(RowProblemSchema),
      }),
    ),
  })
  .meta({ id: 'ImportPreview' });
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportResultSchema = z
  .object({ created: z.number().int(), updated: z.number().int(), people: z.number().int() })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const ExportQueryExtension = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
