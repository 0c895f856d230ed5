import type { CorpusCache } from './matching/corpus-cache.ts';
import type { SuggestionFeedback } from './matching/ports.ts';
import type { Organisation, OrganisationListQuery, Universe } from '../contracts/organisations.ts';
import type { Lab, Role } from '../contracts/session.ts';
import type {
  AuditRetention,
  DirectoryRepository,
  SpreadsheetCodec,
  NeedOfferRepository,
  PersonRepository,
  Territory,
  TimelineRepository,
} from './directory/ports.ts';

/** An organisation as stored, before the asker's permissions are attached. */
export type OrganisationRecord = Omit<
  Organisation,
  'can' | 'communeName' | 'departement' | 'nafLabel' | 'epciName' | 'departementName' | 'regionName'
> & { departement?: string | null };

export interface OrganisationWrite {
  name: string;
  universe: Universe;
  communeInsee: string | null;
  siren: string | null;
  siret: string | null;
  rna: string | null;
  description: string;
  naf?: string | null;
  nafSection?: string | null;
  headcountBand?: string | null;
  epci?: string | null;
  departement?: string | null;
  region?: string | null;
  address?: string | null;
  postalCode?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  positionPrecision?: 'commune' | 'address' | null;
  website?: string | null;
  themes?: string[];
  source?: string;
}

export interface OrganisationRepository {
  list(
    labId: string | null,
    query: OrganisationListQuery,
  ): Promise<{ items: OrganisationRecord[]; total: number; totalCapped?: boolean }>;
  find(id: string): Promise<OrganisationRecord | undefined>;
  /** Throws `duplicate_identifier` when the lab already has this SIRET or RNA number. */
  create(labId: string, data: OrganisationWrite): Promise<OrganisationRecord>;
  update(id: string, data: Partial<OrganisationWrite>): Promise<OrganisationRecord>;
  setStatus(id: string, status: 'active' | 'archived'): Promise<OrganisationRecord>;
}

export interface LabRepository {
  list(): Promise<Lab[]>;
  find(id: string): Promise<Lab | undefined>;
}

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  role: Role;
  labId: string | null;
  organisationId: string | null;
  organisationName: string | null;
}

export interface UserRepository {
  list(labId: string | null): Promise<UserSummary[]>;
  findByEmail(email: string): Promise<UserSummary | undefined>;
}

export interface InvitationRecord {
  id: string;
  labId: string | null;
  email: string;
  role: Role;
  organisationId: string | null;
  expiresAt: Date;
  acceptedAt: Date | null;
}

export interface InvitationRepository {
  create(
    data: Omit<InvitationRecord, 'id' | 'acceptedAt'> & { tokenHash: string; invitedBy: string },
  ): Promise<InvitationRecord>;
  findByTokenHash(tokenHash: string): Promise<InvitationRecord | undefined>;
  markAccepted(id: string, at: Date): Promise<void>;
}

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxRepository {
  list(labId: string | null): Promise<OutboxMessage[]>;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  labId: string | null;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** Creates a user with a password through the auth library, so hashing stays in one place. */
export interface AccountService {
  createUser(data: {
    email: string;
    name: string;
    password: string;
    role: Role;
    labId: string | null;
    organisationId: string | null;
  }): Promise<{ id: string }>;
}

export interface Commune {
  code: string;
  name: string;
  departement: string;
  region: string;
  population: number;
}

export interface CommuneDirectory {
  find(code: string): Commune | undefined;
  search(query: string, limit: number): Commune[];
  inDepartement(departement: string): Commune[];
}

export interface AuditLog {
  record(entry: {
    actorId: string | null;
    labId: string | null;
    action: string;
    subject: string | null;
    outcome: 'success' | 'denied' | 'failure';
    details?: Record<string, unknown>;
  }): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export interface Matching {
  cache: CorpusCache;
  feedback: SuggestionFeedback;
}

export interface Services {
  organisations: OrganisationRepository;
  labs: LabRepository;
  users: UserRepository;
  invitations: InvitationRepository;
  outbox: OutboxRepository;
  mailer: Mailer;
  accounts: AccountService;
  communes: CommuneDirectory;
  territory: Territory;
  people: PersonRepository;
  needsOffers: NeedOfferRepository;
  timeline: TimelineRepository;
  directory: DirectoryRepository;
  /** Months without activity after which a person is purged (GDPR Art. 5(1)(e)); default 36. */
  peopleRetentionMonths: number;
  auditRetention: AuditRetention;
  spreadsheets: SpreadsheetCodec;
  audit: AuditLog;
  clock: Clock;
  matching: Matching;
  /** Where the app is reached, for links in e-mails. */
  publicUrl: string;
}
