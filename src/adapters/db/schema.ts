/**
 * The one Drizzle schema of Labo. Migrations in ./migrations are generated from it
 * (`npm run db:generate`); `npm run check` fails when they are stale.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** PostgreSQL's full-text document type (Drizzle has none built in). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** A regional lab: the tenant. Its territory is a list of official INSEE codes. */
export const labs = pgTable('labs', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  territory: text('territory')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  createdAt: createdAt(),
});

/**
 * An actor of the directory. The territory columns (EPCI, département, région) and the position
 * are resolved from the commune at write time, so that filters and the map need no join.
 * `search_vector` is generated: names weigh most, then descriptions, then needs and offers,
 * whose text the repository copies into `needs_offers_text` when they change; `name_folded` too
 * (lower case, accents removed), trigram-indexed for typos.
 */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    labId: uuid('lab_id')
      .notNull()
      .references(() => labs.id),
    name: text('name').notNull(),
    universe: text('universe').notNull(),
    communeInsee: text('commune_insee'),
    siren: text('siren'),
    siret: text('siret'),
    rna: text('rna'),
    description: text('description').notNull().default(''),
    status: text('status').notNull().default('active'),
    naf: text('naf'),
    nafSection: text('naf_section'),
    headcountBand: text('headcount_band'),
    epci: text('epci'),
    departement: text('departement'),
    region: text('region'),
    address: text('address'),
    postalCode: text('postal_code'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** `commune` when the position is the commune's centre, `address` when geocoded more precisely. */
    positionPrecision: text('position_precision'),
    website: text('website'),
    themes: text('themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Where the record came from: manual, sirene, rna, spreadsheet. */
    source: text('source').notNull().default('manual'),
    /** Set when the organisation was merged into another one (it is then archived). */
    mergedInto: uuid('merged_into'),
    needsOffersText: text('needs_offers_text').notNull().default(''),
    /**
     * How many needs and offers are open or in discussion: kept by a trigger on `needs_offers`
     * (migration 0007), so that "has open needs" is a column the search filters and indexes.
     */
    openNeeds: integer('open_needs').notNull().default(0),
    openOffers: integer('open_offers').notNull().default(0),
    /** The name in lower case without accents, for trigram matching (typos) without folding it per row. */
    nameFolded: text('name_folded').generatedAlwaysAs(sql`immutable_unaccent(lower(name))`),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('french_unaccent'::regconfig, coalesce(name, '')), 'A') || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(description, '')), 'B') || setweight(to_tsvector('french_unaccent'::regconfig, coalesce(needs_offers_text, '')), 'C')`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('organisations_lab_idx').on(t.labId, t.status, t.name),
    uniqueIndex('organisations_lab_siret_uq').on(t.labId, t.siret),
    uniqueIndex('organisations_lab_rna_uq').on(t.labId, t.rna),
    index('organisations_name_folded_trgm_idx').using('gin', sql`${t.nameFolded} gin_trgm_ops`),
    index('organisations_search_idx').using('gin', t.searchVector),
    index('organisations_themes_idx').using('gin', t.themes),
    index('organisations_lab_departement_idx').on(t.labId, t.departement),
    index('organisations_lab_epci_idx').on(t.labId, t.epci),
    index('organisations_lab_commune_idx').on(t.labId, t.communeInsee),
    // Filters the search combines with a text match (a bitmap AND) or counts alone: b-trees,
    // cheap to keep at import; the open needs/offers ones are partial (few organisations have any).
    index('organisations_lab_naf_section_idx').on(t.labId, t.nafSection),
    index('organisations_lab_headcount_band_idx').on(t.labId, t.headcountBand),
    index('organisations_lab_universe_idx').on(t.labId, t.universe),
    index('organisations_open_needs_idx')
      .on(t.labId)
      .where(sql`${t.openNeeds} > 0`),
    index('organisations_open_offers_idx')
      .on(t.labId)
      .where(sql`${t.openOffers} > 0`),
  ],
);

/**
 * A person the lab keeps in touch with (a contact, not an account). GDPR: `legal_basis` says why
 * the record may exist; `informed_at` proves Art. 14 information for people imported from a file;
 * `last_activity_at` drives the purge of people inactive for the retention period.
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    labId: uuid('lab_id')
      .notNull()
      .references(() => labs.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    jobTitle: text('job_title'),
    email: text('email'),
    phone: text('phone'),
    legalBasis: text('legal_basis').notNull(),
    source: text('source').notNull().default('manual'),
    informedAt: timestamp('informed_at', { withTimezone: true }),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('people_lab_idx').on(t.labId, t.lastName),
    index('people_activity_idx').on(t.labId, t.lastActivityAt),
  ],
);

/** The organisations a person acts for, and in which role. */
export const personOrganisations = pgTable(
  'person_organisations',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.organisationId] }),
    index('person_organisations_org_idx').on(t.organisationId),
  ],
);

/**
 * Proof of consent (GDPR Art. 7(1)): append-only — a trigger refuses updates, and deletes outside
 * a person's erasure. A withdrawal is a new row with `action = 'withdrawn'`.
 */
export const consentRecords = pgTable(
  'consent_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    purpose: text('purpose').notNull(),
    action: text('action').notNull(),
    textVersion: text('text_version').notNull(),
    channel: text('channel').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    recordedBy: text('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [index('consent_records_person_idx').on(t.personId, t.at)],
);

/** What an organisation needs (*besoin*) or can offer (*ressource*). */
export const needsOffers = pgTable(
  'needs_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    labId: uuid('lab_id')
      .notNull()
      .references(() => labs.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    category: text('category').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    quantity: doublePrecision('quantity'),
    unit: text('unit'),
    periodStart: date('period_start'),
    periodEnd: date('period_end'),
    status: text('status').notNull().default('open'),
    /** The person to talk to about it; erased with the person. */
    contactPersonId: uuid('contact_person_id').references(() => people.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('needs_offers_org_idx').on(t.organisationId, t.kind, t.status),
    index('needs_offers_lab_idx').on(t.labId, t.kind, t.status, t.category),
  ],
);

/**
 * The timeline of an organisation: changes, needs and offers, people, merges, and what other
 * areas (events, meetings, partnerships) append. Summaries carry no personal data.
 */
export const organisationEvents = pgTable(
  'organisation_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    labId: uuid('lab_id')
      .notNull()
      .references(() => labs.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    summary: text('summary').notNull(),
    actorId: text('actor_id'),
    personId: uuid('person_id').references(() => people.id),
    details: jsonb('details')
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [index('organisation_events_org_idx').on(t.organisationId, t.at)],
);

/** A pair of organisations a facilitator declared distinct, so the duplicate list stops showing it. */
export const duplicateDismissals = pgTable(
  'duplicate_dismissals',
  {
    labId: uuid('lab_id')
      .notNull()
      .references(() => labs.id),
    firstId: uuid('first_id').notNull(),
    secondId: uuid('second_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.firstId, t.secondId] })],
);

// better-auth's tables (its drizzle adapter reads them through this schema), extended with the
// lab, role and organisation that our policy needs.
export const users = pgTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  role: text('role').notNull().default('member'),
  labId: uuid('lab_id').references(() => labs.id),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  locale: text('locale').notNull().default('fr'),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    token: text('token').notNull().unique(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
    scope: text('scope'),
    password: text('password'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('accounts_user_idx').on(t.userId)],
);

export const verifications = pgTable('verifications', {
  id: text('id').primaryKey(),
  identifier: text('identifier').notNull(),
  value: text('value').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** An invitation by a lab admin: the token is stored hashed, the link is e-mailed. */
export const invitations = pgTable('invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  labId: uuid('lab_id').references(() => labs.id),
  email: text('email').notNull(),
  role: text('role').notNull(),
  organisationId: uuid('organisation_id').references(() => organisations.id),
  tokenHash: text('token_hash').notNull().unique(),
  invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  createdAt: createdAt(),
});

/** Outgoing e-mail: sent through SMTP when configured, otherwise kept here for the admin pages. */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    labId: uuid('lab_id').references(() => labs.id),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_lab_idx').on(t.labId, t.createdAt)],
);

/** Who did what, when (UTC): authentications, denials, reads and changes of personal data. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: text('actor_id'),
    labId: uuid('lab_id'),
    action: text('action').notNull(),
    subject: text('subject'),
    outcome: text('outcome').notNull(),
    details: jsonb('details')
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);

/** Sign-in failures per account and address, so that brute force is slowed without locking others out. */
export const signInFailures = pgTable('sign_in_failures', {
  key: text('key').primaryKey(),
  count: integer('count').notNull().default(0),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow(),
});

/** Installation-wide settings (the session-signing secret when none is given in the environment). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** "Pas pertinent" marks on suggestions: the pair is not suggested again to that organisation. */
export const suggestionFeedback = pgTable(
  'suggestion_feedback',
  {
    labId: uuid('lab_id')
      .notNull()
      .references(() => labs.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    suggestedId: uuid('suggested_id')
      .notNull()
      .references(() => organisations.id),
    verdict: text('verdict').notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.suggestedId] }),
    index('suggestion_feedback_lab_idx').on(t.labId),
  ],
);

/** Each suggested pair the first time it was shown: the denominator of the lab's acceptance rate. */
export const suggestionImpressions = pgTable(
  'suggestion_impressions',
  {
    labId: uuid('lab_id')
      .notNull()
      .references(() => labs.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    suggestedId: uuid('suggested_id')
      .notNull()
      .references(() => organisations.id),
    firstShownAt: timestamp('first_shown_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.suggestedId] }),
    index('suggestion_impressions_lab_idx').on(t.labId),
  ],
);
