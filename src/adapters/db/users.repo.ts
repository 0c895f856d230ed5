import { asc, eq } from 'drizzle-orm';
import type { UserRepository, UserSummary } from '../../app/ports.ts';
import type { Role } from '../../contracts/session.ts';
import type { Db } from './database.ts';
import { organisations, users } from './schema.ts';

export function userRepository(db: Db): UserRepository {
  const query = () =>
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        labId: users.labId,
        organisationId: users.organisationId,
        organisationName: organisations.name,
      })
      .from(users)
      .leftJoin(organisations, eq(organisations.id, users.organisationId));
  const toSummary = (row: Omit<UserSummary, 'role'> & { role: string }): UserSummary => ({
    ...row,
    role: row.role as Role,
  });
  return {
    async list(labId: string | null) {
      const rows = await (labId ? query().where(eq(users.labId, labId)) : query()).orderBy(asc(users.email));
      return rows.map(toSummary);
    },
    async findByEmail(email: string) {
      const [row] = await query().where(eq(users.email, email.toLowerCase()));
      return row ? toSummary(row) : undefined;
    },
  };
}
