import { sql } from 'drizzle-orm';
import type { Db } from './database.ts';

/** A column of some table that refers to a given table through a foreign key. */
export interface ForeignReference {
  table: string;
  column: string;
  nullable: boolean;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Every foreign key of the public schema that points at `table`, read from the catalogue. The
 * erasure, the export of a person and the merge of organisations use it, so that a table added
 * later by another area is covered without anyone remembering to list it.
 */
export async function referencesTo(db: Db, table: string): Promise<ForeignReference[]> {
  const result = await db.execute(sql`
    select cl.relname as "table", a.attname as "column", not a.attnotnull as "nullable"
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_namespace ns on ns.oid = cl.relnamespace
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
    where c.contype = 'f' and ns.nspname = 'public' and c.confrelid = ${`public.${table}`}::regclass
    order by 1, 2`);
  const rows = (result as unknown as { rows: ForeignReference[] }).rows;
  for (const row of rows) {
    // NOTE: the names are interpolated into SQL below; they come from the catalogue, and are checked anyway.
    if (!IDENTIFIER.test(row.table) || !IDENTIFIER.test(row.column))
      throw new Error(`unexpected identifier ${row.table}.${row.column}`);
  }
  return rows;
}

/** Rows of a raw query, whichever driver ran it (PGlite and node-postgres both answer `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
