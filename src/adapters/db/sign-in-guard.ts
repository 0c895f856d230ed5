import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import { eq, sql } from 'drizzle-orm';
import type { Db } from './database.ts';
import { signInFailures, users } from './schema.ts';

export interface SignInGuardOptions {
  /** Failed sign-ins allowed on one account within the window, whatever addresses they come from. */
  failuresPerAccount: number;
  windowSeconds: number;
}

const SIGN_IN_PATH = '/sign-in/email';

/** The same answer as a wrong password: a disabled account or a throttled one reveals nothing more. */
const invalidCredentials = () =>
  new APIError('UNAUTHORIZED', { message: 'Invalid email or password', code: 'INVALID_EMAIL_OR_PASSWORD' });

function emailOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const email = (body as Record<string, unknown>)['email'];
  return typeof email === 'string' ? email.trim().toLowerCase() : null;
}

/**
 * Brute force and credential stuffing from many addresses (ASVS 6.3.1; the per-address limit is
 * better-auth's own): failed sign-ins are counted per account in `sign_in_failures`, shared by
 * every app instance, and past the limit the account answers 429 with Retry-After until the window
 * ends. A disabled account is refused before its password is even checked (ASVS 7.4.2).
 */
export function signInGuard(db: Db, options: SignInGuardOptions) {
  const keyOf = (email: string) => `account:${email}`;

  const before = createAuthMiddleware(async (ctx) => {
    if (ctx.path !== SIGN_IN_PATH) return;
    const email = emailOf(ctx.body);
    if (!email) return;
    const [failures] = await db
      .select({ count: signInFailures.count, windowStart: signInFailures.windowStart })
      .from(signInFailures)
      .where(eq(signInFailures.key, keyOf(email)));
    if (failures && failures.count >= options.failuresPerAccount) {
      const elapsed = (Date.now() - failures.windowStart.getTime()) / 1000;
      const retryAfter = Math.ceil(options.windowSeconds - elapsed);
      if (retryAfter > 0) {
        throw new APIError(
          'TOO_MANY_REQUESTS',
          { message: 'Too many failed sign-ins on this account', code: 'TOO_MANY_REQUESTS' },
          { 'retry-after': String(retryAfter) },
        );
      }
    }
    const [user] = await db.select({ disabled: users.disabled }).from(users).where(eq(users.email, email));
    if (user?.disabled) throw invalidCredentials();
  });

  const after = createAuthMiddleware(async (ctx) => {
    if (ctx.path !== SIGN_IN_PATH) return;
    const email = emailOf(ctx.body);
    if (!email) return;
    const returned: unknown = ctx.context.returned;
    if (isAPIError(returned) && returned.statusCode === 401) {
      const windowStart = new Date().toISOString();
      const expired = sql`${signInFailures.windowStart} < ${windowStart}::timestamptz - make_interval(secs => ${options.windowSeconds})`;
      await db
        .insert(signInFailures)
        .values({ key: keyOf(email), count: 1, windowStart: new Date(windowStart) })
        .onConflictDoUpdate({
          target: signInFailures.key,
          set: {
            count: sql`CASE WHEN ${expired} THEN 1 ELSE ${signInFailures.count} + 1 END`,
            windowStart: sql`CASE WHEN ${expired} THEN ${windowStart}::timestamptz ELSE ${signInFailures.windowStart} END`,
          },
        });
    } else if (!isAPIError(returned)) {
      await db.delete(signInFailures).where(eq(signInFailures.key, keyOf(email)));
    }
  });

  return { before, after };
}
