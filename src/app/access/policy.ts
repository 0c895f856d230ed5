import { DomainError } from '../../domain/errors.ts';
import type { Role } from '../../contracts/session.ts';
import type { Actor } from './actor.ts';

/**
 * How far an action reaches for one role:
 * - `all`: every lab (the network);
 * - `lab`: the asker's own lab;
 * - `organisation`: the asker's own organisation (a member);
 * - `self`: the asker's own account;
 * - `public`: anyone, signed in or not;
 * - `none`: denied.
 */
export type Scope = 'all' | 'lab' | 'organisation' | 'self' | 'public' | 'none';

export type Principal = Role | 'anonymous';

export const PRINCIPALS: readonly Principal[] = [
  'anonymous',
  'member',
  'viewer',
  'facilitator',
  'lab_admin',
  'network_admin',
];

const row = (
  anonymous: Scope,
  member: Scope,
  viewer: Scope,
  facilitator: Scope,
  lab_admin: Scope,
  network_admin: Scope,
): Record<Principal, Scope> => ({ anonymous, member, viewer, facilitator, lab_admin, network_admin });

/**
 * The one policy table: action × role → scope. Every HTTP route names its action here
 * (a test fails when one does not), and every use case starts by asking it.
 */
export const POLICY = {
  //                              anonymous  member          viewer  facilitator lab_admin network_admin
  'health.read': row('public', 'public', 'public', 'public', 'public', 'public'),
  'labs.list': row('public', 'public', 'public', 'public', 'public', 'public'),
  'communes.search': row('public', 'public', 'public', 'public', 'public', 'public'),
  'auth.use': row('public', 'public', 'public', 'public', 'public', 'public'),
  'invitation.accept': row('public', 'public', 'public', 'public', 'public', 'public'),
  'me.read': row('none', 'self', 'self', 'self', 'self', 'self'),
  'organisation.list': row('none', 'lab', 'lab', 'lab', 'lab', 'all'),
  'organisation.read': row('none', 'lab', 'lab', 'lab', 'lab', 'all'),
  'organisation.create': row('none', 'none', 'none', 'lab', 'lab', 'all'),
  'organisation.update': row('none', 'organisation', 'none', 'lab', 'lab', 'all'),
  'organisation.archive': row('none', 'none', 'none', 'lab', 'lab', 'all'),
  'organisation.timeline': row('none', 'lab', 'lab', 'lab', 'lab', 'all'),
  'organisation.export': row('none', 'none', 'lab', 'lab', 'lab', 'all'),
  'organisation.import': row('none', 'none', 'none', 'lab', 'lab', 'all'),
  'organisation.duplicates': row('none', 'none', 'none', 'lab', 'lab', 'all'),
  'organisation.merge': row('none', 'none', 'none', 'lab', 'lab', 'all'),
  // Personal data: a member sees its own organisation's people; viewers (funders) and the network
  // see none (the network shares figures, never one region's contacts).
  'person.list': row('none', 'organisation', 'none', 'lab', 'lab', 'none'),
  'person.read': row('none', 'organisation', 'none', 'lab', 'lab', 'none'),
  'person.create': row('none', 'organisation', 'none', 'lab', 'lab', 'none'),
  'person.update': row('none', 'organisation', 'none', 'lab', 'lab', 'none'),
  'person.consent': row('none', 'organisation', 'none', 'lab', 'lab', 'none'),
  'person.export': row('none', 'none', 'none', 'lab', 'lab', 'none'),
  'person.erase': row('none', 'none', 'none', 'lab', 'lab', 'none'),
  'person.purge': row('none', 'none', 'none', 'none', 'lab', 'none'),
  'need_offer.list': row('none', 'lab', 'lab', 'lab', 'lab', 'all'),
  'need_offer.read': row('none', 'lab', 'lab', 'lab', 'lab', 'all'),
  'need_offer.create': row('none', 'organisation', 'none', 'lab', 'lab', 'all'),
  'need_offer.update': row('none', 'organisation', 'none', 'lab', 'lab', 'all'),
  // Suggestions are read with the organisation; "pas pertinent" is its own people's or the team's call.
  'suggestion.read': row('none', 'lab', 'lab', 'lab', 'lab', 'all'),
  'suggestion.feedback': row('none', 'organisation', 'none', 'lab', 'lab', 'all'),
  'suggestion.stats': row('none', 'none', 'none', 'none', 'lab', 'all'),
  'user.list': row('none', 'none', 'none', 'none', 'lab', 'all'),
  'user.invite': row('none', 'none', 'none', 'none', 'lab', 'all'),
  'outbox.read': row('none', 'none', 'none', 'none', 'lab', 'all'),
} as const satisfies Record<string, Record<Principal, Scope>>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

export function principalOf(actor: Actor): Principal {
  return actor.kind === 'anonymous' ? 'anonymous' : actor.role;
}

export function scopeOf(actor: Actor, action: Action): Scope {
  return POLICY[action][principalOf(actor)];
}

/** What a checked object is: the lab it belongs to and, for an organisation's own data, which one. */
export interface Target {
  labId: string;
  organisationId?: string | null;
}

/**
 * Checks an action, with a target when the action concerns one object. Throws
 * `unauthenticated` (anonymous asking for a private action), `forbidden`, or `not_found` when the
 * object lies outside what the asker may even know exists (another lab's data).
 */
export function authorize(actor: Actor, action: Action, target?: Target): Scope {
  const scope = scopeOf(actor, action);
  if (scope === 'public') return scope;
  if (actor.kind === 'anonymous') throw new DomainError('unauthenticated', 'Sign-in required');
  if (scope === 'none')
    throw new DomainError('forbidden', `Role ${actor.role} may not ${action}`, { action });
  if (!target || scope === 'all' || scope === 'self') return scope;
  if (target.labId !== actor.labId) throw new DomainError('not_found', 'Not found');
  if (scope === 'organisation' && target.organisationId !== actor.organisationId) {
    throw new DomainError('forbidden', `Role ${actor.role} may only ${action} its own organisation`, {
      action,
    });
  }
  return scope;
}

/** The lab an action is confined to: null means every lab (network scope). */
export function labFilter(actor: Actor, action: Action): string | null {
  const scope = authorize(actor, action);
  if (scope === 'all' || scope === 'public' || actor.kind === 'anonymous') return null;
  if (!actor.labId) throw new DomainError('forbidden', 'No lab');
  return actor.labId;
}
