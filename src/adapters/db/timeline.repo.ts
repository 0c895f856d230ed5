import { desc, eq } from 'drizzle-orm';
import type { TimelineRepository } from '../../app/directory/ports.ts';
import type { Db } from './database.ts';
import { organisationEvents } from './schema.ts';

export function timelineRepository(db: Db): TimelineRepository {
  return {
    async add(event) {
      await db.insert(organisationEvents).values({
        labId: event.labId,
        organisationId: event.organisationId,
        kind: event.kind,
        summary: event.summary,
        actorId: event.actorId,
        personId: event.personId ?? null,
        details: event.details ?? {},
        ...(event.at && { at: event.at }),
      });
    },
    async list(organisationId, limit) {
      const rows = await db
        .select()
        .from(organisationEvents)
        .where(eq(organisationEvents.organisationId, organisationId))
        .orderBy(desc(organisationEvents.at), desc(organisationEvents.id))
        .limit(limit);
      return rows.map((row) => ({
        id: row.id,
        at: new Date(row.at).toISOString(),
        kind: row.kind,
        summary: row.summary,
        actorId: row.actorId,
        details: row.details as Record<string, unknown>,
      }));
    },
  };
}
