import { z } from 'zod';
import { RoleSchema } from './session.ts';

export const UserSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: RoleSchema,
    organisationId: z.uuid().nullable(),
    organisationName: z.string().nullable(),
  })
  .meta({ id: 'UserSummary' });

export const UserListSchema = z.object({ items: z.array(UserSummarySchema) });

export const InvitationInputSchema = z
  .object({
    email: z.email().max(254),
    role: RoleSchema,
    organisationId: z.uuid().nullable().optional(),
  })
  .strict();
export type InvitationInput = z.infer<typeof InvitationInputSchema>;

export const InvitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: RoleSchema,
  expiresAt: z.iso.datetime(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

export const AcceptInvitationSchema = z
  .object({
    token: z.string().min(20).max(200),
    name: z.string().trim().min(2).max(120),
    password: z.string().min(12).max(256),
  })
  .strict();
export type AcceptInvitation = z.infer<typeof AcceptInvitationSchema>;

export const OutboxListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      to: z.string(),
      subject: z.string(),
      text: z.string(),
      createdAt: z.iso.datetime(),
      sentAt: z.iso.datetime().nullable(),
    }),
  ),
});

export const CommuneListSchema = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), departement: z.string() })),
});
