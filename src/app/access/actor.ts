import type { Role } from '../../contracts/session.ts';

/** Who is asking: the anonymous public, or a signed-in user of one lab (network admins span labs). */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      role: Role;
      labId: string | null;
      organisationId: string | null;
    };

export const ANONYMOUS: Actor = { kind: 'anonymous' };
