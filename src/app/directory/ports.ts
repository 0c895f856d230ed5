import type { OrganisationListQuery } from '../../contracts/organisations.ts';
import type {
  ConsentRecord,
  NeedOffer,
  NeedOfferListQuery,
  PersonListQuery,
  TimelineEvent,
} from '../../contracts/directory.ts';
import type { ImportedOrganisation } from '../../domain/directory/import-row.ts';
import type { OrganisationRecord, OrganisationWrite } from '../ports.ts';
import type { RegistryBatch } from './registry-batch.ts';

/** A commune resolved to every level of the official territory, with its centre. */
export interface Place {
  communeInsee: string;
  communeName: string;
  epci: string | null;
  epciName: string | null;
  departement: string;
  departementName: string;
  region: string;
  regionName: string;
  latitude: number | null;
  longitude: number | null;
}

export interface Territory {
  /** Any code SIRENE or the RNA may write (delegated, merged, arrondissement) → the current commune. */
  resolve(code: string): Place | undefined;
  nafLabel(code: string): string | undefined;
  epciName(code: string): string | undefined;
  departementName(code: string): string | undefined;
  regionName(code: string): string | undefined;
  /** The département of a commune code, even an unknown one (from its prefix), for import filters. */
  departementOfCommune(code: string): string;
}

export interface PersonRecord {
  id: string;
  labId: string;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  legalBasis: string;
  source: string;
  informedAt: string | null;
  lastActivityAt: string;
  createdAt: string;
  updatedAt: string;
  organisations: { organisationId: string; name: string; role: string | null }[];
}

export interface PersonWrite {
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  legalBasis: string;
  source: string;
  informedAt: Date | null;
}

/** Every row held about a person, by table: the person row, then each table with a key to it. */
export interface PersonDossier {
  person: Record<string, unknown>;
  tables: Record<string, Record<string, unknown>[]>;
}

export interface PersonRepository {
  list(
    labId: string,
    query: PersonListQuery & { organisationId?: string | undefined },
  ): Promise<{ items: PersonRecord[]; total: number }>;
  find(id: string): Promise<PersonRecord | undefined>;
  create(
    labId: string,
    data: PersonWrite,
    links: { organisationId: string; role: string | null }[],
    at: Date,
  ): Promise<PersonRecord>;
  update(id: string, data: Partial<PersonWrite>, at: Date): Promise<PersonRecord>;
  link(personId: string, organisationId: string, role: string | null): Promise<void>;
  unlink(personId: string, organisationId: string): Promise<void>;
  consents(personId: string): Promise<ConsentRecord[]>;
  addConsent(personId: string, record: Omit<ConsentRecord, 'id' | 'personId'>): Promise<ConsentRecord>;
  /** Everything held, found through the schema's foreign keys to `people` (so a new table is never forgotten). */
  dossier(personId: string): Promise<PersonDossier>;
  /** Deletes the person and every row that refers to it (nullable references are cleared), in one transaction. */
  erase(personId: string): Promise<Record<string, number>>;
  /** People (of one lab, or of every lab when null) whose last activity is before the cutoff. */
  inactiveSince(cutoff: Date, limit: number, labId: string | null): Promise<{ id: string; labId: string }[]>;
}

export interface NeedOfferWrite {
  kind: 'need' | 'offer';
  category: string;
  title: string;
  description: string;
  quantity: number | null;
  unit: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  status: string;
  contactPersonId: string | null;
}

export interface NeedOfferRepository {
  list(labId: string | null, query: NeedOfferListQuery): Promise<{ items: NeedOffer[]; total: number }>;
  find(id: string): Promise<NeedOffer | undefined>;
  /** Writes the need or offer and refreshes its organisation's searchable text, in one transaction. */
  create(labId: string, organisationId: string, data: NeedOfferWrite): Promise<NeedOffer>;
  update(id: string, data: Partial<NeedOfferWrite>): Promise<NeedOffer>;
}

export interface TimelineRepository {
  add(event: {
    labId: string;
    organisationId: string;
    kind: string;
    summary: string;
    actorId: string | null;
    personId?: string | null;
    details?: Record<string, unknown>;
    at?: Date;
  }): Promise<void>;
  list(organisationId: string, limit: number): Promise<TimelineEvent[]>;
}

export interface DuplicatePairRecord {
  first: OrganisationRecord;
  second: OrganisationRecord;
  reason: 'same_siret' | 'same_rna' | 'same_siren_same_commune' | 'close_name_same_commune';
  score: number;
}

/** Outcome of writing a batch of imported organisations. */
export interface UpsertOutcome {
  created: number;
  updated: number;
  archived: number;
}

export interface ImportedWithPlace extends ImportedOrganisation {
  place: Place | null;
}

export interface DirectoryRepository {
  duplicates(labId: string | null, limit: number): Promise<DuplicatePairRecord[]>;
  dismissDuplicate(labId: string, firstId: string, secondId: string): Promise<void>;
  /**
   * Moves every row that refers to `absorbedId` (found through the schema's foreign keys) to
   * `keptId`, applies `patch` to the kept one and archives the absorbed one, in one transaction.
   */
  merge(
    keptId: string,
    absorbedId: string,
    patch: Partial<OrganisationWrite>,
  ): Promise<Record<string, number>>;
  /**
   * Registry rows upserted by SIRET or RNA number (closed ones archive what the lab holds), in one
   * transaction: the whole file or nothing.
   */
  loadRegistry(
    labId: string,
    key: 'siret' | 'rna',
    source: 'sirene' | 'rna',
    batches: AsyncIterable<RegistryBatch>,
  ): Promise<UpsertOutcome>;
  /** The ids of existing organisations of the lab by SIRET and RNA number. */
  existingKeys(
    labId: string,
    sirets: string[],
    rnas: string[],
  ): Promise<{ siret: Map<string, string>; rna: Map<string, string> }>;
  /** A spreadsheet import applied as one transaction: organisations, then their contacts. */
  applySpreadsheet(
    labId: string,
    rows: ImportedWithPlace[],
    at: Date,
    actorId: string,
  ): Promise<{ created: number; updated: number; people: number }>;
  /** Every matching organisation for an export (bounded), in the list's order. */
  exportRows(
    labId: string | null,
    query: OrganisationListQuery,
    limit: number,
  ): Promise<OrganisationRecord[]>;
  mapPoints(
    labId: string | null,
    query: OrganisationListQuery,
    limit: number,
  ): Promise<
    {
      id: string;
      name: string;
      universe: string;
      latitude: number;
      longitude: number;
      precision: string | null;
    }[]
  >;
}

/** Old audit entries go after a year (CNIL: keep access logs 6 months to 1 year). */
export interface AuditRetention {
  deleteBefore(cutoff: Date): Promise<number>;
}

/** Reads and writes spreadsheets (CSV, XLSX) for imports and exports. */
export interface SpreadsheetCodec {
  /** Rows with their line number in the file (1 = header); throws `malformed_file` naming the line. */
  read(
    fileName: string,
    bytes: Uint8Array,
  ): Promise<{ headers: string[]; rows: { line: number; values: Record<string, string> }[] }>;
  write(format: 'csv' | 'xlsx', headers: string[], rows: string[][], sheetName: string): Promise<Uint8Array>;
}
