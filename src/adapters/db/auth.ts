import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { AccountService, Mailer } from '../../app/ports.ts';
import { RoleSchema, type Role } from '../../contracts/session.ts';
import type { Db } from './database.ts';
import { accounts, sessions, users, verifications } from './schema.ts';
import { signInGuard } from './sign-in-guard.ts';

/** The header our HTTP layer sets from the socket address, replacing anything a client sent. */
export const CLIENT_IP_HEADER = 'x-labo-client-ip';

export const PASSWORD_MIN_LENGTH = 12;

/**
 * The longest a session lives, however active (ASVS 7.3.2): better-auth's expiry slides with use
 * (`expiresIn` is then an idle timeout), so the absolute limit is checked here from its creation.
 */
export const SESSION_ABSOLUTE_SECONDS = 60 * 60 * 24;

export interface AuthOptions {
  db: Db;
  secret: string;
  publicUrl: string;
  mailer: Mailer;
  /** Sign-in attempts allowed per address per minute. */
  signInPerMinute?: number;
  /** The app's log level: `silent` silences the auth library too. */
  logLevel?: string | undefined;
}

export interface SessionUser {
  userId: string;
  role: Role;
  labId: string | null;
  organisationId: string | null;
  locale: 'fr' | 'en';
  name: string;
  email: string;
}

export interface Auth {
  handler(request: Request): Promise<Response>;
  getSession(headers: Headers): Promise<SessionUser | null>;
  accounts: AccountService;
}

export function createAuth(options: AuthOptions): Auth {
  const { db } = options;
  const secure = options.publicUrl.startsWith('https://');
  const guard = signInGuard(db, { failuresPerAccount: 10, windowSeconds: 15 * 60 });
  const auth = betterAuth({
    appName: 'Labo',
    baseURL: options.publicUrl,
    basePath: '/api/auth',
    secret: options.secret,
    trustedOrigins: [options.publicUrl],
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    telemetry: { enabled: false },
    // The library's warnings (failed sign-ins, refused redirects) as JSON lines on stderr, like the
    // app's own log, instead of console.error.
    logger: {
      disabled: options.logLevel === 'silent',
      level: 'warn',
      log: (level, message) => {
        process.stderr.write(
          `${JSON.stringify({ level, time: new Date().toISOString(), msg: `auth: ${message}` })}\n`,
        );
      },
    },
    emailAndPassword: {
      enabled: true,
      // Accounts come from invitations and the CLI, never from open sign-up.
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: 256,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, url }) => {
        await options.mailer.send({
          to: user.email,
          subject: 'Labo — réinitialiser votre mot de passe / reset your password',
          text:
            `Bonjour,\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure) :\n${url}\n\n` +
            `Si vous n'avez rien demandé, ignorez ce message.\n\n---\n\n` +
            `Hello,\n\nTo choose a new password, open this link (valid for one hour):\n${url}\n\n` +
            `If you did not ask for it, ignore this message.`,
          // NOTE: never in a lab's outbox: a lab admin could otherwise reset a colleague's password
          // and open the link. Without SMTP, only the network admin (the installation's owner) sees it.
          labId: null,
        });
      },
    },
    user: {
      additionalFields: {
        role: { type: 'string', required: false, input: false, defaultValue: 'member' },
        labId: { type: 'string', required: false, input: false },
        organisationId: { type: 'string', required: false, input: false },
        locale: { type: 'string', required: false, input: false, defaultValue: 'fr' },
        disabled: { type: 'boolean', required: false, input: false, defaultValue: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 12,
      updateAge: 60 * 15,
      freshAge: 60 * 10,
    },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: 60, max: options.signInPerMinute ?? 10 },
        '/request-password-reset': { window: 60, max: 5 },
      },
    },
    advanced: {
      useSecureCookies: secure,
      cookiePrefix: 'labo',
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      database: { generateId: () => randomUUID() },
      defaultCookieAttributes: { sameSite: 'lax', httpOnly: true, secure },
      // NOTE: better-auth turns its origin and redirect checks off when NODE_ENV is `test`; keep
      // them on, so the tests exercise what production runs (open redirects in reset links).
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    hooks: { before: guard.before, after: guard.after },
    databaseHooks: {
      session: {
        create: {
          // A disabled account signs in no more (ASVS 7.4.2).
          before: async (session) => {
            const [user] = await db
              .select({ disabled: users.disabled })
              .from(users)
              .where(eq(users.id, session.userId));
            return user?.disabled ? false : undefined;
          },
        },
      },
    },
  });

  return {
    handler: (request) => auth.handler(request),
    async getSession(headers) {
      const result = await auth.api.getSession({ headers });
      if (!result) return null;
      if (Date.now() - new Date(result.session.createdAt).getTime() > SESSION_ABSOLUTE_SECONDS * 1000)
        return null;
      const user = result.user as typeof result.user & Record<string, unknown>;
      if (user['disabled'] === true) return null;
      const role = RoleSchema.safeParse(user['role']);
      if (!role.success) return null;
      return {
        userId: user.id,
        role: role.data,
        labId: (user['labId'] as string | null | undefined) ?? null,
        organisationId: (user['organisationId'] as string | null | undefined) ?? null,
        locale: user['locale'] === 'en' ? 'en' : 'fr',
        name: user.name,
        email: user.email,
      };
    },
    accounts: {
      async createUser(data) {
        const context = await auth.$context;
        const hash = await context.password.hash(data.password);
        const user = await context.internalAdapter.createUser(
          {
            email: data.email.toLowerCase(),
            name: data.name,
            emailVerified: true,
            role: data.role,
            labId: data.labId,
            organisationId: data.organisationId,
          },
          { method: 'admin' },
        );
        await context.internalAdapter.linkAccount({
          userId: user.id,
          providerId: 'credential',
          accountId: user.id,
          password: hash,
        });
        return { id: user.id };
      },
    },
  };
}
