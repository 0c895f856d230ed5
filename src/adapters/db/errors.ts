import { DomainError } from '../../domain/errors.ts';

interface PgError {
  code?: string;
  constraint?: string;
}

/** Drizzle wraps PostgreSQL's error in `.cause`; PGlite and node-postgres both carry `code`. */
export function pgErrorOf(error: unknown): PgError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const candidate = current as PgError & { cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return undefined;
}

/** Turns a unique-constraint violation on a legal identifier into the domain's duplicate error. */
export function rethrowDuplicate(error: unknown): never {
  const pg = pgErrorOf(error);
  if (pg?.code === '23505') {
    const field = pg.constraint?.includes('rna') ? 'rna' : pg.constraint?.includes('siret') ? 'siret' : 'id';
    throw new DomainError('duplicate_identifier', `Duplicate ${field}`, {
      problems: [{ path: field, code: `${field}_duplicate` }],
    });
  }
  throw error;
}
