import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { SESSION_ABSOLUTE_SECONDS } from '../../../src/adapters/db/auth.ts';
import { invitations, sessions, users } from '../../../src/adapters/db/schema.ts';
import { DEMO_PASSWORD } from '../../../src/adapters/db/seed/seed-demo.ts';
import { databaseAvailable, testEngine } from '../../support/database.ts';
import { useHarness, type Harness } from '../../support/harness.ts';
import { ACCOUNTS, call, cookieHeaderOf, loadWorld, type World } from './world.ts';

/**
 * T8 — authentication attacks (ASVS 6.3, 7.2–7.4; API2): brute force, session fixation, sign-out,
 * disabled accounts, cookie flags, CSRF, password reset and invitations end to end.
 */

const SIGN_IN = '/api/auth/sign-in/email';
const SESSION_COOKIE = 'labo.session_token';

function signIn(
  harness: Harness,
  email: string,
  password: string,
  options: { remoteAddress?: string; headers?: Record<string, string> } = {},
) {
  return call(harness, 'POST', SIGN_IN, { payload: { email, password }, ...options });
}

/** The value of the session cookie a response sets, or undefined. */
function sessionTokenOf(setCookie: string): string | undefined {
  const match = new RegExp(`${SESSION_COOKIE.replace('.', '\\.')}=([^;]*)`).exec(setCookie);
  return match?.[1];
}

const setCookieOf = (headers: Record<string, unknown>): string =>
  [headers['set-cookie']]
    .flat()
    .filter((c) => typeof c === 'string')
    .join('\n');

let accountCounter = 0;
/** A fresh account of the Alsace lab, so that tests that end sessions or change passwords touch no demo account. */
async function freshAccount(
  harness: Harness,
  world: World,
  password = 'un mot de passe tout neuf',
): Promise<{ email: string; password: string; id: string }> {
  const email = `compte-${testEngine}-${Date.now()}-${accountCounter++}@auth.labo.test`;
  const { id } = await harness.runtime.services.accounts.createUser({
    email,
    name: 'Compte de test',
    password,
    role: 'facilitator',
    labId: world.labIds.alsace,
    organisationId: null,
  });
  return { email, password, id };
}

async function signedIn(harness: Harness, email: string, password: string): Promise<string> {
  const response = await signIn(harness, email, password, {
    remoteAddress: `10.9.${accountCounter % 250}.${Math.floor(Math.random() * 250)}`,
  });
  expect(response.statusCode, response.body).toBe(200);
  return cookieHeaderOf(response);
}

const me = (harness: Harness, cookie: string) => call(harness, 'GET', '/api/me', { cookie });

describe.skipIf(!databaseAvailable())(`T8 sign-in rate limit on ${testEngine}`, () => {
  const LIMIT = 5;
  const harness = useHarness({ signInPerMinute: LIMIT });

  it(`answers 429 with Retry-After after ${LIMIT} attempts from one address, even with the right password`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) {
      statuses.push(
        (
          await signIn(harness, ACCOUNTS.facilitatorAlsace, `faux-mot-de-passe-${i}`, {
            remoteAddress: '10.1.0.1',
          })
        ).statusCode,
      );
    }
    expect(statuses).toEqual(Array(LIMIT).fill(401));
    const blocked = await signIn(harness, ACCOUNTS.facilitatorAlsace, DEMO_PASSWORD, {
      remoteAddress: '10.1.0.1',
    });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.headers['content-type']).toContain('application/problem+json');
    expect(blocked.json()).toMatchObject({ code: 'rate_limited' });
    expect(setCookieOf(blocked.headers)).toBe('');
  });

  it('is not reset by rotating X-Forwarded-For, X-Real-IP or our own client-address header', async () => {
    for (let i = 0; i < LIMIT; i++)
      await signIn(harness, ACCOUNTS.viewerAlsace, `mauvais-${i}`, { remoteAddress: '10.2.0.1' });
    for (let i = 0; i < 10; i++) {
      const spoofed = `203.0.113.${i + 1}`;
      const response = await signIn(harness, ACCOUNTS.viewerAlsace, DEMO_PASSWORD, {
        remoteAddress: '10.2.0.1',
        headers: {
          'x-forwarded-for': spoofed,
          'x-real-ip': spoofed,
          'x-labo-client-ip': spoofed,
          forwarded: `for=${spoofed}`,
        },
      });
      expect(response.statusCode, `attempt with X-Forwarded-For ${spoofed}`).toBe(429);
    }
  });

  it('does not lock out other addresses: a colleague elsewhere still signs in', async () => {
    for (let i = 0; i < LIMIT + 1; i++)
      await signIn(harness, ACCOUNTS.labAdminAlsace, `mauvais-${i}`, { remoteAddress: '10.3.0.1' });
    const elsewhere = await signIn(harness, ACCOUNTS.labAdminAlsace, DEMO_PASSWORD, {
      remoteAddress: '10.3.0.2',
    });
    expect(elsewhere.statusCode).toBe(200);
  });

  it('counts the same attempts on an account, whatever address they come from (credential stuffing from many hosts)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const response = await signIn(harness, ACCOUNTS.memberIsere, `devine-${i}`, {
        remoteAddress: `198.51.100.${i + 1}`,
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toContain(429);
    const locked = await signIn(harness, ACCOUNTS.memberIsere, DEMO_PASSWORD, {
      remoteAddress: '198.51.100.200',
    });
    expect(locked.statusCode, 'even the right password waits for the window to end').toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Unknown addresses are throttled the same way: the 429 says nothing about whether an account exists.
    const unknown: number[] = [];
    for (let i = 0; i < 12; i++) {
      const response = await signIn(harness, 'nobody@labo.test', `devine-${i}`, {
        remoteAddress: `198.51.101.${i + 1}`,
      });
      unknown.push(response.statusCode);
    }
    expect(unknown.indexOf(429)).toBe(statuses.indexOf(429));
    console.log(
      `T8 ${testEngine}: per-account limit after ${statuses.indexOf(429)} failed attempts from distinct addresses`,
    );
  });
});

describe.skipIf(!databaseAvailable())(`T8 sessions, cookies and CSRF on ${testEngine}`, () => {
  const harness = useHarness();
  let world: World;
  beforeAll(async () => {
    world = await loadWorld(harness);
  });

  it('issues a new session token at each sign-in and ignores a token planted before it (fixation)', async () => {
    const account = await freshAccount(harness, world);
    const planted = 'planted-by-an-attacker';
    const first = await signIn(harness, account.email, account.password, {
      headers: { cookie: `${SESSION_COOKIE}=${planted}` },
    });
    const second = await signIn(harness, account.email, account.password);
    const firstToken = sessionTokenOf(setCookieOf(first.headers));
    const secondToken = sessionTokenOf(setCookieOf(second.headers));
    expect(firstToken).toBeDefined();
    expect(firstToken).not.toContain(planted);
    expect(secondToken).toBeDefined();
    expect(secondToken).not.toBe(firstToken);
    // ≥ 128 bits of randomness: the token part before the signature is at least 22 base64 characters.
    expect(decodeURIComponent(firstToken ?? '').split('.')[0]?.length).toBeGreaterThanOrEqual(22);
    expect((await me(harness, `${SESSION_COOKIE}=${planted}`)).statusCode).toBe(401);
  });

  it('ends the session at sign-out: the old cookie then gets 401', async () => {
    const account = await freshAccount(harness, world);
    const cookie = await signedIn(harness, account.email, account.password);
    expect((await me(harness, cookie)).statusCode).toBe(200);
    const out = await call(harness, 'POST', '/api/auth/sign-out', { cookie, payload: {} });
    expect(out.statusCode).toBe(200);
    expect((await me(harness, cookie)).statusCode).toBe(401);
    expect((await call(harness, 'GET', '/api/organisations', { cookie })).statusCode).toBe(401);
  });

  it('ends a session left idle past its expiry, and one older than its absolute lifetime however active', async () => {
    const idle = await freshAccount(harness, world);
    const idleCookie = await signedIn(harness, idle.email, idle.password);
    await harness.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(sessions.userId, idle.id));
    expect((await me(harness, idleCookie)).statusCode).toBe(401);

    const active = await freshAccount(harness, world);
    const activeCookie = await signedIn(harness, active.email, active.password);
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
    await harness.database.db
      .update(sessions)
      .set({ createdAt: hoursAgo(23) })
      .where(eq(sessions.userId, active.id));
    expect((await me(harness, activeCookie)).statusCode).toBe(200);
    await harness.database.db
      .update(sessions)
      .set({ createdAt: hoursAgo(SESSION_ABSOLUTE_SECONDS / 3600 + 1) })
      .where(eq(sessions.userId, active.id));
    expect((await me(harness, activeCookie)).statusCode).toBe(401);
  });

  it('cuts a disabled user off at once, on every open session, and refuses its next sign-in', async () => {
    const account = await freshAccount(harness, world);
    const cookie = await signedIn(harness, account.email, account.password);
    expect((await call(harness, 'GET', '/api/organisations', { cookie })).statusCode).toBe(200);
    await harness.database.db.update(users).set({ disabled: true }).where(eq(users.id, account.id));
    expect((await me(harness, cookie)).statusCode).toBe(401);
    expect((await call(harness, 'GET', '/api/organisations', { cookie })).statusCode).toBe(401);
    const again = await signIn(harness, account.email, account.password);
    expect(again.statusCode).not.toBe(200);
    expect(again.statusCode).toBeLessThan(500);
    expect(sessionTokenOf(setCookieOf(again.headers)) ?? '').toBe('');
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, without Secure on plain http', async () => {
    const response = await signIn(harness, ACCOUNTS.facilitatorAlsace, DEMO_PASSWORD);
    const cookie = setCookieOf(response.headers)
      .split('\n')
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
  });

  it('refuses a write from a foreign Origin, or marked cross-site, with 403 — sign-in included', async () => {
    const cookie = await harness.signIn(ACCOUNTS.facilitatorAlsace);
    const create = { name: 'Origine étrangère', universe: 'association' };
    const foreign = await call(harness, 'POST', '/api/organisations', {
      cookie,
      payload: create,
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ code: 'csrf_rejected' });
    const crossSite = await call(harness, 'POST', '/api/organisations', {
      cookie,
      payload: create,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.statusCode).toBe(403);
    const nullOrigin = await call(harness, 'POST', '/api/organisations', {
      cookie,
      payload: create,
      headers: { origin: 'null' },
    });
    expect(nullOrigin.statusCode).toBe(403);
    const signInFromElsewhere = await signIn(harness, ACCOUNTS.facilitatorAlsace, DEMO_PASSWORD, {
      headers: { origin: 'https://evil.example' },
    });
    expect(signInFromElsewhere.statusCode).toBe(403);
    expect(setCookieOf(signInFromElsewhere.headers)).toBe('');
    const list = await call(harness, 'GET', '/api/organisations?q=Origine%20%C3%A9trang%C3%A8re', { cookie });
    expect(list.json<{ total: number }>().total).toBe(0);
  });

  it('refuses the bodies a foreign page can send without CORS (text/plain, form) with 415', async () => {
    const cookie = await harness.signIn(ACCOUNTS.facilitatorAlsace);
    const body = JSON.stringify({ name: 'Formulaire piégé', universe: 'association' });
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const response = await harness.runtime.app.inject({
        method: 'POST',
        url: '/api/organisations',
        headers: { cookie, 'content-type': type },
        payload: body,
      });
      expect([403, 415], type).toContain(response.statusCode);
      const signInForm = await harness.runtime.app.inject({
        method: 'POST',
        url: SIGN_IN,
        headers: { 'content-type': type },
        payload: JSON.stringify({ email: ACCOUNTS.facilitatorAlsace, password: DEMO_PASSWORD }),
      });
      expect([400, 403, 415], `sign-in as ${type}`).toContain(signInForm.statusCode);
      expect(setCookieOf(signInForm.headers), `sign-in as ${type}`).toBe('');
    }
  });

  it('never writes on GET: every GET route, as every kind of actor, leaves the data unchanged', async () => {
    const snapshot = async (): Promise<string> => {
      const tables = ['labs', 'organisations', 'users', 'accounts', 'invitations', 'outbox'];
      const parts: string[] = [];
      for (const table of tables) {
        const result = (await harness.database.db.execute(
          sql.raw(
            `SELECT count(*)::text AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS h FROM "${table}" t`,
          ),
        )) as { rows: unknown[] };
        parts.push(`${table}:${JSON.stringify(result.rows)}`);
      }
      return parts.join('\n');
    };
    const before = await snapshot();
    const cookies = [
      undefined,
      await harness.signIn(ACCOUNTS.facilitatorAlsace),
      await harness.signIn(ACCOUNTS.networkAdmin),
    ];
    const organisationId = world.otherOrganisationAlsace;
    let calls = 0;
    for (const route of harness.runtime.app.routeTable) {
      const urls =
        route.method === 'GET'
          ? [route.url.replace(':id', organisationId).replace('*', 'get-session')]
          : // A write route reached with GET (or with a method-override header) must not run.
            [route.url.replace(':id', organisationId).replace('*', 'sign-out')];
      for (const url of urls) {
        for (const cookie of cookies) {
          const response = await call(
            harness,
            'GET',
            `${url}${url.includes('?') ? '&' : '?'}name=x&status=archived`,
            {
              cookie,
              headers: { 'x-http-method-override': 'POST' },
            },
          );
          expect(response.statusCode, `GET ${url}`).toBeLessThan(500);
          calls++;
        }
      }
    }
    expect(await snapshot()).toBe(before);
    expect(calls).toBeGreaterThanOrEqual(harness.runtime.app.routeTable.length * cookies.length);
    // Signing out through GET is refused too: the session still works.
    const cookie = await harness.signIn(ACCOUNTS.facilitatorAlsace);
    expect((await me(harness, cookie)).statusCode).toBe(200);
  });
});

describe.skipIf(!databaseAvailable())(`T8 password reset and invitations on ${testEngine}`, () => {
  const harness = useHarness();
  let world: World;
  beforeAll(async () => {
    world = await loadWorld(harness);
  });

  const outboxFor = async (email: string, asAdmin: string): Promise<{ text: string }[]> => {
    const response = await call(harness, 'GET', '/api/admin/outbox', {
      cookie: await harness.signIn(asAdmin),
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ items: { to: string; text: string }[] }>().items.filter((m) => m.to === email);
  };

  it('resets a password through the e-mailed link: old password fails, new one works, other sessions end', async () => {
    const account = await freshAccount(harness, world);
    const otherDevice = await signedIn(harness, account.email, account.password);

    const request = await call(harness, 'POST', '/api/auth/request-password-reset', {
      payload: { email: account.email, redirectTo: '/reinitialiser' },
    });
    expect(request.statusCode).toBe(200);
    const mails = await outboxFor(account.email, ACCOUNTS.networkAdmin);
    expect(mails).toHaveLength(1);
    const link = /https?:\/\/\S+\/api\/auth\/reset-password\/\S+/.exec(mails[0]?.text ?? '')?.[0];
    expect(link).toBeDefined();
    const url = new URL(link ?? '');

    // Opening the link redirects to the web page with the token.
    const opened = await call(harness, 'GET', `${url.pathname}${url.search}`);
    expect(opened.statusCode).toBe(302);
    const location = new URL(String(opened.headers['location']), 'http://localhost:3000');
    expect(location.pathname).toBe('/reinitialiser');
    const token = location.searchParams.get('token');
    expect(token).toBeTruthy();

    const newPassword = 'une toute nouvelle phrase secrète';
    const reset = await call(harness, 'POST', '/api/auth/reset-password', {
      payload: { token, newPassword },
    });
    expect(reset.statusCode, reset.body).toBe(200);

    expect((await signIn(harness, account.email, account.password)).statusCode).toBe(401);
    expect((await signIn(harness, account.email, newPassword)).statusCode).toBe(200);
    expect((await me(harness, otherDevice)).statusCode).toBe(401);
    const replay = await call(harness, 'POST', '/api/auth/reset-password', {
      payload: { token, newPassword: 'encore une autre phrase' },
    });
    expect(replay.statusCode).toBe(400);
  });

  it('answers a reset request for an unknown address exactly like a known one, and sends nothing', async () => {
    const unknown = 'personne@nulle-part.labo.test';
    const response = await call(harness, 'POST', '/api/auth/request-password-reset', {
      payload: { email: unknown, redirectTo: '/reinitialiser' },
      remoteAddress: '10.7.0.1',
    });
    expect(response.statusCode).toBe(200);
    expect(await outboxFor(unknown, ACCOUNTS.networkAdmin)).toHaveLength(0);
  });

  it('refuses a reset link that would send the user to a foreign site', async () => {
    const response = await call(harness, 'POST', '/api/auth/request-password-reset', {
      payload: { email: ACCOUNTS.viewerAlsace, redirectTo: 'https://evil.example/steal' },
      remoteAddress: '10.7.0.2',
    });
    expect(response.statusCode).toBe(403);
    expect(await outboxFor(ACCOUNTS.viewerAlsace, ACCOUNTS.networkAdmin)).toHaveLength(0);
  });

  it('takes an invitation from lab admin to signed-in member: role, lab and organisation right, token single-use', async () => {
    const email = `invitee-${testEngine}-${Date.now()}@alsace.labo.test`;
    const admin = await harness.signIn(ACCOUNTS.labAdminAlsace);
    const invite = await call(harness, 'POST', '/api/admin/invitations', {
      cookie: admin,
      payload: { email, role: 'member', organisationId: world.otherOrganisationAlsace },
    });
    expect(invite.statusCode, invite.body).toBe(201);

    const mails = await outboxFor(email, ACCOUNTS.labAdminAlsace);
    expect(mails).toHaveLength(1);
    const token = /[?&]token=([\w-]+)/.exec(mails[0]?.text ?? '')?.[1];
    expect(token).toBeDefined();

    const password = 'ma phrase de passe de membre';
    const accept = await call(harness, 'POST', '/api/invitations/accept', {
      payload: { token, name: 'Nouvelle Membre', password },
    });
    expect(accept.statusCode, accept.body).toBe(204);

    const cookie = await signedIn(harness, email, password);
    const profile = (await me(harness, cookie)).json<{
      user: { role: string; labId: string; organisationId: string };
    }>();
    expect(profile.user).toMatchObject({
      role: 'member',
      labId: world.labIds.alsace,
      organisationId: world.otherOrganisationAlsace,
    });

    const reused = await call(harness, 'POST', '/api/invitations/accept', {
      payload: { token, name: 'Intrus', password: 'un autre mot de passe long' },
    });
    expect(reused.statusCode).toBe(410);
    expect(reused.json()).toMatchObject({ code: 'invitation_invalid' });
  });

  it('refuses an expired invitation with 410', async () => {
    const email = `expired-${testEngine}-${Date.now()}@alsace.labo.test`;
    const admin = await harness.signIn(ACCOUNTS.labAdminAlsace);
    const invite = await call(harness, 'POST', '/api/admin/invitations', {
      cookie: admin,
      payload: { email, role: 'viewer' },
    });
    expect(invite.statusCode).toBe(201);
    const token = /[?&]token=([\w-]+)/.exec(
      (await outboxFor(email, ACCOUNTS.labAdminAlsace))[0]?.text ?? '',
    )?.[1];
    await harness.database.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.email, email));
    const accept = await call(harness, 'POST', '/api/invitations/accept', {
      payload: { token, name: 'En Retard', password: 'trop tard pour ce lien' },
    });
    expect(accept.statusCode).toBe(410);
    expect(await harness.runtime.services.users.findByEmail(email)).toBeUndefined();
  });

  it('refuses an unknown invitation token with 410', async () => {
    const accept = await call(harness, 'POST', '/api/invitations/accept', {
      payload: { token: 'x'.repeat(43), name: 'Personne', password: 'une phrase quelconque' },
    });
    expect(accept.statusCode).toBe(410);
  });

  it('lets neither a facilitator invite (403) nor a lab admin invite a network admin (403) or a member of another lab’s organisation (404)', async () => {
    const facilitator = await harness.signIn(ACCOUNTS.facilitatorAlsace);
    const byFacilitator = await call(harness, 'POST', '/api/admin/invitations', {
      cookie: facilitator,
      payload: { email: 'par-facilitatrice@alsace.labo.test', role: 'viewer' },
    });
    expect(byFacilitator.statusCode).toBe(403);
    const admin = await harness.signIn(ACCOUNTS.labAdminAlsace);
    const networkAdmin = await call(harness, 'POST', '/api/admin/invitations', {
      cookie: admin,
      payload: { email: 'futur-reseau@labo.test', role: 'network_admin' },
    });
    expect(networkAdmin.statusCode).toBe(403);
    const foreignMember = await call(harness, 'POST', '/api/admin/invitations', {
      cookie: admin,
      payload: { email: 'membre-isere@labo.test', role: 'member', organisationId: world.organisationIsere },
    });
    expect(foreignMember.statusCode).toBe(404);
    for (const email of [
      'par-facilitatrice@alsace.labo.test',
      'futur-reseau@labo.test',
      'membre-isere@labo.test',
    ]) {
      expect(await outboxFor(email, ACCOUNTS.networkAdmin)).toHaveLength(0);
    }
  });

  it('refuses an invitation password shorter than 12 characters', async () => {
    const accept = await call(harness, 'POST', '/api/invitations/accept', {
      payload: { token: 'y'.repeat(43), name: 'Court', password: 'court' },
    });
    expect(accept.statusCode).toBe(400);
  });
});
