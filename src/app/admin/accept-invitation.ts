import type { AcceptInvitation } from '../../contracts/admin.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import type { Services } from '../ports.ts';
import { hashToken } from './invite-user.ts';

/** Turns a valid, unused, unexpired invitation into an account with the invited role. */
export async function acceptInvitation(
  services: Services,
  actor: Actor,
  input: AcceptInvitation,
): Promise<void> {
  authorize(actor, 'invitation.accept');
  const invitation = await services.invitations.findByTokenHash(hashToken(input.token));
  const now = services.clock.now();
  if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() < now.getTime()) {
    throw new DomainError('invitation_invalid', 'This invitation is unknown, used or expired');
  }
  if (await services.users.findByEmail(invitation.email)) {
    throw new DomainError('already_registered', 'This e-mail already has an account');
  }
  const user = await services.accounts.createUser({
    email: invitation.email,
    name: input.name,
    password: input.password,
    role: invitation.role,
    labId: invitation.labId,
    organisationId: invitation.organisationId,
  });
  await services.invitations.markAccepted(invitation.id, now);
  await services.audit.record({
    actorId: user.id,
    labId: invitation.labId,
    action: 'invitation.accept',
    subject: invitation.id,
    outcome: 'success',
  });
}
