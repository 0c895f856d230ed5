import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { labs, organisations, users } from '../../../src/adapters/db/schema.ts';
import type { Principal } from '../../../src/app/access/policy.ts';
import type { Harness } from '../../support/harness.ts';
import { TEST_ORIGIN } from '../../support/harness.ts';

/** The demo accounts the security tests act as, by a short name. */
export const ACCOUNTS = {
  memberAlsace: 'membre@alsace.labo.test',
  viewerAlsace: 'financeur@alsace.labo.test',
  facilitatorAlsace: 'facilitatrice@alsace.labo.test',
  labAdminAlsace: 'admin@alsace.labo.test',
  facilitatorIsere: 'facilitateur@isere.labo.test',
  memberIsere: 'membre@isere.labo.test',
  networkAdmin: 'reseau@labo.test',
} as const;

export type LabSlug = 'alsace' | 'isere';

/** The ids of the demo territory that the security tests aim at, read from the database. */
export interface World {
  labIds: Record<LabSlug, string>;
  /** "Libre Objet", the organisation the Alsace demo member represents. */
  memberOrganisationAlsace: string;
  /** Another Alsace organisation (the member does not represent it). */
  otherOrganisationAlsace: string;
  /** An Isère organisation. */
  organisationIsere: string;
  /**
   * What belongs to each lab and must never reach an outsider: organisation ids, user ids and
   * e-mail addresses. A response to an actor of another lab (or to the public) that contains one
   * of these is a leak.
   */
  privateTokens: Record<LabSlug, Set<string>>;
}

export async function loadWorld(harness: Harness): Promise<World> {
  const { db } = harness.database;
  const labRows = await db.select({ id: labs.id, slug: labs.slug }).from(labs);
  const labId = (slug: LabSlug): string => {
    const row = labRows.find((l) => l.slug === slug);
    if (!row) throw new Error(`demo lab ${slug} missing`);
    return row.id;
  };
  const labIds = { alsace: labId('alsace'), isere: labId('isere') };
  const [member] = await db
    .select({ organisationId: users.organisationId })
    .from(users)
    .where(eq(users.email, ACCOUNTS.memberAlsace));
  const memberOrganisationAlsace = member?.organisationId;
  if (!memberOrganisationAlsace) throw new Error('the Alsace demo member represents no organisation');
  const organisationRows = await db
    .select({ id: organisations.id, labId: organisations.labId })
    .from(organisations);
  const userRows = await db.select({ id: users.id, email: users.email, labId: users.labId }).from(users);
  const privateTokens: Record<LabSlug, Set<string>> = { alsace: new Set(), isere: new Set() };
  for (const slug of ['alsace', 'isere'] as const) {
    for (const o of organisationRows) if (o.labId === labIds[slug]) privateTokens[slug].add(o.id);
    for (const u of userRows) {
      if (u.labId !== labIds[slug]) continue;
      privateTokens[slug].add(u.id);
      privateTokens[slug].add(u.email);
    }
  }
  const otherOrganisationAlsace = organisationRows.find(
    (o) => o.labId === labIds.alsace && o.id !== memberOrganisationAlsace,
  )?.id;
  const organisationIsere = organisationRows.find((o) => o.labId === labIds.isere)?.id;
  if (!otherOrganisationAlsace || !organisationIsere) throw new Error('demo organisations missing');
  return { labIds, memberOrganisationAlsace, otherOrganisationAlsace, organisationIsere, privateTokens };
}

/** The private tokens found in a response body that the asker's lab may not see. */
export function leaksIn(world: World, body: string, askerLab: LabSlug | null): string[] {
  const found: string[] = [];
  for (const slug of ['alsace', 'isere'] as const) {
    if (slug === askerLab) continue;
    for (const token of world.privateTokens[slug]) if (body.includes(token)) found.push(`${slug}:${token}`);
  }
  return found;
}

export interface CallOptions {
  /** Cookie header of the signed-in asker; anonymous without it. */
  cookie?: string | undefined;
  payload?: unknown;
  headers?: Record<string, string>;
  remoteAddress?: string;
}

/** One request the way the web app sends it: same origin, JSON body. */
export function call(
  harness: Harness,
  method: string,
  url: string,
  options: CallOptions = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { origin: TEST_ORIGIN };
  if (options.cookie) headers['cookie'] = options.cookie;
  if (options.payload !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, options.headers);
  return harness.runtime.app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(options.payload !== undefined && { payload: JSON.stringify(options.payload) }),
    ...(options.remoteAddress !== undefined && { remoteAddress: options.remoteAddress }),
  });
}

/** The cookie pairs (`name=value`) a response sets, ready for a `cookie` header. */
export function cookieHeaderOf(response: LightMyRequestResponse): string {
  return [response.headers['set-cookie']]
    .flat()
    .filter((c): c is string => typeof c === 'string')
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** An actor of the matrix: who it is in the policy table, which account, which lab. */
export interface MatrixActor {
  name: string;
  principal: Principal;
  email: string | null;
  lab: LabSlug | null;
}

export const MATRIX_ACTORS: readonly MatrixActor[] = [
  { name: 'anonymous', principal: 'anonymous', email: null, lab: null },
  { name: 'member Alsace', principal: 'member', email: ACCOUNTS.memberAlsace, lab: 'alsace' },
  { name: 'viewer Alsace', principal: 'viewer', email: ACCOUNTS.viewerAlsace, lab: 'alsace' },
  { name: 'facilitator Alsace', principal: 'facilitator', email: ACCOUNTS.facilitatorAlsace, lab: 'alsace' },
  { name: 'lab admin Alsace', principal: 'lab_admin', email: ACCOUNTS.labAdminAlsace, lab: 'alsace' },
  { name: 'facilitator Isère', principal: 'facilitator', email: ACCOUNTS.facilitatorIsere, lab: 'isere' },
  { name: 'network admin', principal: 'network_admin', email: ACCOUNTS.networkAdmin, lab: null },
];
