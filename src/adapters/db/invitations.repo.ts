import { eq } from 'drizzle-orm';
import type { InvitationRecord, InvitationRepository } from '../../app/ports.ts';
import type { Role } from '../../contracts/session.ts';
import type { Db } from './database.ts';
import { invitations } from './schema.ts';

type Row = typeof invitations.$inferSelect;

const toRecord = (row: Row): InvitationRecord => ({
  id: row.id,
  labId: row.labId,
  email: row.email,
  role: row.role as Role,
  organisationId: row.organisationId,
  expiresAt: row.expiresAt,
  acceptedAt: row.acceptedAt,
});

export function invitationRepository(db: Db): InvitationRepository {
  return {
    async create(data) {
      const [row] = await db.insert(invitations).values(data).returning();
      if (!row) throw new Error('insert returned no row');
      return toRecord(row);
    },
    async findByTokenHash(tokenHash: string) {
      const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
      return row ? toRecord(row) : undefined;
    },
    async markAccepted(id: string, at: Date) {
      await db.update(invitations).set({ acceptedAt: at }).where(eq(invitations.id, id));
    },
  };
}
