import { eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Db } from './database.ts';
import { settings } from './schema.ts';

/** The session-signing secret: generated once per installation and kept in the database. */
export async function ensureSecret(db: Db): Promise<string> {
  const generated = randomBytes(32).toString('base64url');
  await db.insert(settings).values({ key: 'auth_secret', value: generated }).onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, 'auth_secret'));
  if (!row) throw new Error('secret not stored');
  return row.value;
}
