import { eq, sql } from 'drizzle-orm';
import type { AccountService, CommuneDirectory } from '../../../app/ports.ts';
import type { Role } from '../../../contracts/session.ts';
import type { Database } from '../database.ts';
import { territory } from '../../territory/territory.ts';
import {
  consentRecords,
  labs,
  needsOffers,
  organisationEvents,
  organisations,
  people,
  personOrganisations,
  users,
} from '../schema.ts';
import { generateOrganisations, STORY_ACTORS, type DemoOrganisation } from './demo-data.ts';
import { needsOffersOf, peopleOf, profileOf } from './directory-data.ts';
import { SeededRandom } from './random.ts';

/** When the demo's people were last in touch: fixed, so the demo is the same everywhere. */
const DEMO_ACTIVITY = new Date('2026-09-15T09:00:00Z');

export const DEMO_PASSWORD = 'labo-demo-2026';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  lab: 'alsace' | 'isere' | null;
  /** The organisation a member represents, by name. */
  organisation?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'facilitatrice@alsace.labo.test', name: 'Cécile Dupré', role: 'facilitator', lab: 'alsace' },
  { email: 'admin@alsace.labo.test', name: 'Marc Schneider', role: 'lab_admin', lab: 'alsace' },
  {
    email: 'financeur@alsace.labo.test',
    name: 'Région Grand Est (financeur)',
    role: 'viewer',
    lab: 'alsace',
  },
  {
    email: 'membre@alsace.labo.test',
    name: 'Nadia Benali',
    role: 'member',
    lab: 'alsace',
    organisation: 'Libre Objet',
  },
  { email: 'facilitateur@isere.labo.test', name: 'Paul Girard', role: 'facilitator', lab: 'isere' },
  {
    email: 'membre@isere.labo.test',
    name: 'Lucie Faure',
    role: 'member',
    lab: 'isere',
    organisation: 'FIRST_ISERE',
  },
  { email: 'reseau@labo.test', name: 'Réseau des labos', role: 'network_admin', lab: null },
];

const LABS = [
  {
    slug: 'alsace',
    name: 'Labo régional des partenariats — Alsace',
    territory: ['67', '68'],
    count: 200,
    seed: 67_68,
  },
  { slug: 'isere', name: 'Labo des partenariats — Isère', territory: ['38'], count: 50, seed: 38 },
] as const;

/** True when the database already holds a lab: the demo is loaded on first start only. */
export async function hasData(database: Database): Promise<boolean> {
  const rows = await database.db.select({ id: labs.id }).from(labs).limit(1);
  return rows.length > 0;
}

/**
 * Loads the demo territory: two labs (Alsace, Isère) with their teams and directories,
 * generated deterministically, plus the actors of the seeds' stories in Alsace.
 */
export async function seedDemo(
  database: Database,
  accounts: AccountService,
  communes: CommuneDirectory,
): Promise<void> {
  const labIds = new Map<string, string>();
  const firstOrganisation = new Map<string, string>();
  const organisationIds = new Map<string, string>();
  await database.db.transaction(async (tx) => {
    for (const lab of LABS) {
      const [row] = await tx
        .insert(labs)
        .values({ slug: lab.slug, name: lab.name, territory: [...lab.territory] })
        .returning({ id: labs.id });
      if (!row) throw new Error('lab insert returned nothing');
      labIds.set(lab.slug, row.id);
      const territoryCommunes = lab.territory.flatMap((dep) => communes.inDepartement(dep));
      const generated: DemoOrganisation[] = [
        ...(lab.slug === 'alsace' ? STORY_ACTORS : []),
        ...generateOrganisations(lab.seed, territoryCommunes, lab.count),
      ];
      const places = territory();
      const random = new SeededRandom(lab.seed + 1);
      const inserted = await tx
        .insert(organisations)
        .values(
          generated.map((o) => {
            const place = places.resolve(o.communeInsee);
            return {
              ...o,
              ...profileOf(o, random),
              labId: row.id,
              epci: place?.epci ?? null,
              departement: place?.departement ?? null,
              region: place?.region ?? null,
              latitude: place?.latitude ?? null,
              longitude: place?.longitude ?? null,
              positionPrecision: place?.latitude != null ? 'commune' : null,
            };
          }),
        )
        .returning({ id: organisations.id, name: organisations.name });
      for (const o of inserted) organisationIds.set(`${lab.slug}:${o.name}`, o.id);
      await seedDirectoryDepth(tx as unknown as Database['db'], row.id, generated, inserted, random);
      const first = inserted[0];
      if (first) firstOrganisation.set(lab.slug, first.id);
    }
  });
  for (const account of DEMO_ACCOUNTS) {
    const labId = account.lab ? (labIds.get(account.lab) ?? null) : null;
    let organisationId: string | null = null;
    if (account.organisation && account.lab) {
      organisationId =
        account.organisation === 'FIRST_ISERE'
          ? (firstOrganisation.get(account.lab) ?? null)
          : (organisationIds.get(`${account.lab}:${account.organisation}`) ?? null);
    }
    await accounts.createUser({ ...account, password: DEMO_PASSWORD, labId, organisationId });
  }
  await database.vacuumAnalyze();
}

/** Needs and offers, contacts with their GDPR facts, consents and the first timeline entries. */
async function seedDirectoryDepth(
  tx: Database['db'],
  labId: string,
  generated: DemoOrganisation[],
  inserted: { id: string; name: string }[],
  random: SeededRandom,
): Promise<void> {
  const needRows: (typeof needsOffers.$inferInsert)[] = [];
  const eventRows: (typeof organisationEvents.$inferInsert)[] = [];
  for (const [index, organisation] of generated.entries()) {
    const id = inserted[index]?.id;
    if (!id) continue;
    eventRows.push({
      labId,
      organisationId: id,
      kind: 'created',
      summary: 'Fiche créée (démonstration)',
      at: DEMO_ACTIVITY,
    });
    for (const item of needsOffersOf(organisation, random))
      needRows.push({ labId, organisationId: id, ...item });
    for (const person of peopleOf(organisation, index, random)) {
      const [created] = await tx
        .insert(people)
        .values({
          labId,
          firstName: person.firstName,
          lastName: person.lastName,
          email: person.email,
          phone: person.phone,
          jobTitle: person.role,
          legalBasis: person.legalBasis,
          source: person.source,
          informedAt: person.informed ? DEMO_ACTIVITY : null,
          lastActivityAt: DEMO_ACTIVITY,
          createdAt: DEMO_ACTIVITY,
          updatedAt: DEMO_ACTIVITY,
        })
        .returning({ id: people.id });
      if (!created) continue;
      await tx
        .insert(personOrganisations)
        .values({ personId: created.id, organisationId: id, role: person.role });
      if (person.newsletter) {
        await tx.insert(consentRecords).values({
          personId: created.id,
          purpose: 'newsletter',
          action: 'given',
          textVersion: 'lettre-2026-01',
          channel: 'web_form',
          at: DEMO_ACTIVITY,
        });
      }
    }
  }
  if (needRows.length > 0) await tx.insert(needsOffers).values(needRows);
  if (eventRows.length > 0) await tx.insert(organisationEvents).values(eventRows);
  // The searchable text of each organisation includes its open needs and offers.
  await tx.execute(sql`
    update organisations o set needs_offers_text = agg.text
    from (select organisation_id, string_agg(title || ' ' || description, ' ') as text from needs_offers
          where lab_id = ${labId} and status in ('open', 'in_discussion') group by organisation_id) agg
    where agg.organisation_id = o.id`);
}

/** The demo account a member signs in with, with the organisation it represents (for tests). */
export async function organisationOfUser(database: Database, email: string): Promise<string | null> {
  const [row] = await database.db
    .select({ id: users.organisationId })
    .from(users)
    .where(eq(users.email, email));
  return row?.id ?? null;
}
