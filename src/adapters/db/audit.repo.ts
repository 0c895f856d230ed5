import type { AuditLog } from '../../app/ports.ts';
import type { Db } from './database.ts';
import { auditLog } from './schema.ts';

export function auditRepository(db: Db): AuditLog {
  return {
    async record(entry) {
      await db.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
    },
  };
}
