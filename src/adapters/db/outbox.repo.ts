import { desc, eq } from 'drizzle-orm';
import type { Mail, OutboxRepository } from '../../app/ports.ts';
import type { Db } from './database.ts';
import { outbox } from './schema.ts';

export interface OutboxStore extends OutboxRepository {
  add(mail: Mail, sentAt: Date | null, error?: string): Promise<void>;
}

export function outboxRepository(db: Db): OutboxStore {
  return {
    async list(labId: string | null) {
      const base = db.select().from(outbox);
      const rows = await (labId ? base.where(eq(outbox.labId, labId)) : base)
        .orderBy(desc(outbox.createdAt))
        .limit(200);
      return rows.map((row) => ({
        id: row.id,
        to: row.to,
        subject: row.subject,
        text: row.text,
        createdAt: row.createdAt.toISOString(),
        sentAt: row.sentAt?.toISOString() ?? null,
      }));
    },
    async add(mail: Mail, sentAt: Date | null, error?: string) {
      await db.insert(outbox).values({ ...mail, sentAt, error: error ?? null });
    },
  };
}
