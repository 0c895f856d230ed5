import { asc, eq } from 'drizzle-orm';
import type { LabRepository } from '../../app/ports.ts';
import type { Db } from './database.ts';
import { labs } from './schema.ts';

export function labRepository(db: Db): LabRepository {
  const columns = { id: labs.id, slug: labs.slug, name: labs.name, territory: labs.territory };
  return {
    list: () => db.select(columns).from(labs).orderBy(asc(labs.name)),
    async find(id: string) {
      const [row] = await db.select(columns).from(labs).where(eq(labs.id, id));
      return row;
    },
  };
}
