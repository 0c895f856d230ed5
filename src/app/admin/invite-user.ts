import { createHash, randomBytes } from 'node:crypto';
import type { Invitation, InvitationInput } from '../../contracts/admin.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import type { Services } from '../ports.ts';

const INVITATION_DAYS = 7;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A lab admin invites someone into its lab: the link (a 256-bit token, stored only as its hash)
 * goes out by e-mail. Only a network admin may invite another network admin; a member must
 * represent one organisation of the lab.
 */
export async function inviteUser(
  services: Services,
  actor: Actor,
  input: InvitationInput,
): Promise<Invitation> {
  authorize(actor, 'user.invite');
  if (actor.kind !== 'user') throw new DomainError('unauthenticated', 'Sign-in required');
  if (input.role === 'network_admin' && actor.role !== 'network_admin') {
    throw new DomainError('forbidden', 'Only a network admin may invite a network admin');
  }
  const labId = input.role === 'network_admin' ? null : actor.labId;
  if (input.role !== 'network_admin' && !labId) throw new DomainError('forbidden', 'No lab to invite into');
  let organisationId: string | null = null;
  if (input.role === 'member') {
    if (!input.organisationId) {
      throw new DomainError('invalid_invitation', 'A member represents an organisation', {
        problems: [{ path: 'organisationId', code: 'organisation_required' }],
      });
    }
    const organisation = await services.organisations.find(input.organisationId);
    if (!organisation || organisation.labId !== labId)
      throw new DomainError('not_found', 'Organisation not found');
    organisationId = organisation.id;
  }
  if (await services.users.findByEmail(input.email)) {
    throw new DomainError('already_registered', 'This e-mail already has an account');
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(services.clock.now().getTime() + INVITATION_DAYS * 86_400_000);
  const invitation = await services.invitations.create({
    labId,
    email: input.email.toLowerCase(),
    role: input.role,
    organisationId,
    expiresAt,
    tokenHash: hashToken(token),
    invitedBy: actor.userId,
  });
  const link = `${services.publicUrl}/invitation?token=${token}`;
  await services.mailer.send({
    to: invitation.email,
    labId,
    subject: 'Invitation à rejoindre Labo / Invitation to join Labo',
    text:
      `Bonjour,\n\nVous êtes invité·e à rejoindre Labo. Choisissez votre mot de passe ici (lien valable ${INVITATION_DAYS} jours) :\n${link}\n\n---\n\n` +
      `Hello,\n\nYou are invited to join Labo. Choose your password here (link valid ${INVITATION_DAYS} days):\n${link}\n`,
  });
  await services.audit.record({
    actorId: actor.userId,
    labId,
    action: 'user.invite',
    subject: invitation.id,
    outcome: 'success',
    details: { role: input.role },
  });
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    expiresAt: expiresAt.toISOString(),
  };
}
