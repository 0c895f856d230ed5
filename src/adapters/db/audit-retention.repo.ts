import { lt } from 'drizzle-orm';
import type { AuditRetention } from '../../app/directory/ports.ts';
import type { Db } from './database.ts';
import { auditLog } from './schema.ts';

export function auditRetentionRepository(db: Db): AuditRetention {
  return {
    async deleteBefore(cutoff) {
      const deleted = await db.delete(auditLog).where(lt(auditLog.at, cutoff)).returning({ id: auditLog.id });
      return deleted.length;
    },
  };
}
