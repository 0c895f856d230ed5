import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/adapters/db/database.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/adapters/db/seed/seed-demo.ts';
import { composeRuntime, type Runtime } from '../../src/compose.ts';
import { createTestDatabase } from './database.ts';

export const TEST_ORIGIN = 'http://localhost:3000';

export interface Harness {
  database: Database;
  runtime: Runtime;
  /** Signs a demo account in and returns its cookie header. */
  signIn(email: string, password?: string): Promise<string>;
}

export interface HarnessOptions {
  /** Load the demo territory (two labs, their teams and directories). Default true. */
  demo?: boolean;
  /** Sign-in attempts allowed per minute and address (tests sign in often; the rate-limit tests lower it). */
  signInPerMinute?: number;
}

export async function createHarness(
  options: HarnessOptions = {},
): Promise<Harness & { close(): Promise<void> }> {
  const database = await createTestDatabase();
  const runtime = await composeRuntime(database, {
    publicUrl: TEST_ORIGIN,
    secret: 'test-secret-that-is-long-enough-for-better-auth',
    logLevel: 'silent',
    signInPerMinute: options.signInPerMinute ?? 10_000,
  });
  if (options.demo ?? true) await seedDemo(database, runtime.services.accounts, runtime.services.communes);
  const cookies = new Map<string, string>();
  return {
    database,
    runtime,
    async signIn(email: string, password = DEMO_PASSWORD) {
      const cached = password === DEMO_PASSWORD ? cookies.get(email) : undefined;
      if (cached) return cached;
      const response = await runtime.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin: TEST_ORIGIN, 'content-type': 'application/json' },
        payload: { email, password },
      });
      if (response.statusCode !== 200)
        throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
      const cookie = [response.headers['set-cookie']]
        .flat()
        .filter((c): c is string => typeof c === 'string')
        .map((c) => c.split(';')[0])
        .join('; ');
      cookies.set(email, cookie);
      return cookie;
    },
    async close() {
      await runtime.app.close();
      await database.close();
    },
  };
}

/** One harness per test file, opened before its tests and closed after them. */
export function useHarness(options: HarnessOptions = {}): Harness {
  let harness: (Harness & { close(): Promise<void> }) | undefined;
  beforeAll(async () => {
    harness = await createHarness(options);
  });
  afterAll(async () => {
    await harness?.close();
  });
  const get = (): Harness & { close(): Promise<void> } => {
    if (!harness) throw new Error('harness used outside a test');
    return harness;
  };
  return {
    get database() {
      return get().database;
    },
    get runtime() {
      return get().runtime;
    },
    signIn: (email, password) => get().signIn(email, password),
  };
}
