import { eq } from 'drizzle-orm';
import type { AccountService, CommuneDirectory } from '../../../app/ports.ts';
import type { Role } from '../../../contracts/session.ts';
import type { Database } from '../database.ts';
import { labs, organisations, users } from '../schema.ts';
import { generateOrganisations, STORY_ACTORS, type DemoOrganisation } from './demo-data.ts';

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
  { email: 'financeur@alsace.labo.test', name: 'Région Grand Est (financeur)', role: 'viewer', lab: 'alsace' },
  { email: 'membre@alsace.labo.test', name: 'Nadia Benali', role: 'member', lab: 'alsace', organisation: 'Libre Objet' },
  { email: 'facilitateur@isere.labo.test', name: 'Paul Girard', role: 'facilitator', lab: 'isere' },
  { email: 'membre@isere.labo.test', name: 'Lucie Faure', role: 'member', lab: 'isere', organisation: 'FIRST_ISERE' },
  { email: 'reseau@labo.test', name: 'Réseau des labos', role: 'network_admin', lab: null },
];

const LABS = [
  { slug: 'alsace', name: 'Labo régional des partenariats — Alsace', territory: ['67', '68'], count: 200, seed: 67_68 },
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
export async function seedDemo(database: Database, accounts: AccountService, communes: CommuneDirectory): Promise<void> {
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
      const inserted = await tx
        .insert(organisations)
        .values(generated.map((o) => ({ ...o, labId: row.id })))
        .returning({ id: organisations.id, name: organisations.name });
      for (const o of inserted) organisationIds.set(`${lab.slug}:${o.name}`, o.id);
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

/** The demo account a member signs in with, with the organisation it represents (for tests). */
export async function organisationOfUser(database: Database, email: string): Promise<string | null> {
  const [row] = await database.db.select({ id: users.organisationId }).from(users).where(eq(users.email, email));
  return row?.id ?? null;
}
