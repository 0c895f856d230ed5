import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../src/adapters/db/seed/seed-demo.ts';
import { composeRuntime, type Runtime } from '../../../src/compose.ts';
import { databaseAvailable, testEngine } from '../../support/database.ts';
import { useHarness } from '../../support/harness.ts';
import { ACCOUNTS, call } from './world.ts';

/**
 * T9 — browser security headers (ASVS 3.4, 14.3.2; API8), as a snapshot of the security headers
 * of an API route, an API error, the docs page and the web app's index page, on http and https.
 */

const SECURITY_HEADERS = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'x-frame-options',
  'strict-transport-security',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'cache-control',
  'x-powered-by',
] as const;

function securityHeadersOf(response: LightMyRequestResponse): Record<string, string | undefined> {
  return Object.fromEntries(SECURITY_HEADERS.map((name) => [name, response.headers[name]?.toString()]));
}

function cspDirectives(response: LightMyRequestResponse): Map<string, string> {
  const csp = String(response.headers['content-security-policy'] ?? '');
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = '', ...values] = d.split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
  );
}

function expectStrictCsp(response: LightMyRequestResponse, where: string): void {
  const csp = cspDirectives(response);
  expect(csp.get('object-src'), where).toBe("'none'");
  expect(csp.get('base-uri'), where).toBe("'none'");
  expect(csp.get('frame-ancestors'), where).toBe("'none'");
  expect(csp.get('default-src'), where).toBe("'self'");
  expect(csp.get('script-src') ?? '', where).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
}

const HTTP_API_SNAPSHOT = {
  'content-security-policy':
    "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data: blob:;font-src 'self' data:;connect-src 'self';object-src 'none';base-uri 'none';frame-ancestors 'none';form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'strict-transport-security': undefined,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
  'x-powered-by': undefined,
};

describe.skipIf(!databaseAvailable())(`T9 security headers on ${testEngine}`, () => {
  const harness = useHarness();
  const webDir = mkdtempSync(join(tmpdir(), 'labo-web-'));
  let web: Runtime;
  let secure: Runtime;

  beforeAll(async () => {
    writeFileSync(
      join(webDir, 'index.html'),
      '<!doctype html><html lang="fr"><title>Labo</title><div id="root"></div></html>',
    );
    web = await composeRuntime(harness.database, {
      publicUrl: 'http://localhost:3000',
      secret: 'a-test-secret-that-is-long-enough-for-auth',
      logLevel: 'silent',
      webDir,
    });
    secure = await composeRuntime(harness.database, {
      publicUrl: 'https://labo.example',
      secret: 'a-test-secret-that-is-long-enough-for-auth',
      logLevel: 'silent',
      webDir,
    });
  });
  afterAll(async () => {
    await web?.app.close();
    await secure?.app.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('sends the full set of security headers and no-store on an API route with personal data', async () => {
    const cookie = await harness.signIn(ACCOUNTS.facilitatorAlsace);
    const response = await call(harness, 'GET', '/api/organisations?pageSize=1', { cookie });
    expect(response.statusCode).toBe(200);
    expect(securityHeadersOf(response)).toEqual(HTTP_API_SNAPSHOT);
    expectStrictCsp(response, 'GET /api/organisations');
  });

  it('sends the same headers on an API error, and on /api/me', async () => {
    const denied = await call(harness, 'GET', '/api/organisations');
    expect(denied.statusCode).toBe(401);
    expect(securityHeadersOf(denied)).toEqual(HTTP_API_SNAPSHOT);
    const missing = await call(harness, 'GET', '/api/no-such-route');
    expect(missing.statusCode).toBe(404);
    expect(securityHeadersOf(missing)).toEqual(HTTP_API_SNAPSHOT);
    const me = await call(harness, 'GET', '/api/me', { cookie: await harness.signIn(ACCOUNTS.memberAlsace) });
    expect(securityHeadersOf(me)).toEqual(HTTP_API_SNAPSHOT);
  });

  it('sends a strict CSP on the web app’s index page and its client-side routes, cached only after revalidation', async () => {
    for (const url of ['/', '/annuaire/organisations', '/connexion?retour=%2F']) {
      const response = await web.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toContain('text/html');
      expectStrictCsp(response, url);
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      expect(String(response.headers['cache-control']), url).toMatch(/no-cache|no-store|max-age=0/);
    }
  });

  it('keeps the API docs page framed by nothing and free of inline scripts', async () => {
    const response = await harness.runtime.app.inject({ method: 'GET', url: '/api/docs/' });
    expect([200, 302]).toContain(response.statusCode);
    const csp = cspDirectives(response);
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('object-src')).toBe("'none'");
  });

  it('adds HSTS (one year, subdomains) and __Secure- cookies with Secure when the public address is https', async () => {
    const health = await secure.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { host: 'labo.example' },
    });
    const hsts = String(health.headers['strict-transport-security'] ?? '');
    expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000);
    expect(hsts).toMatch(/includeSubDomains/);
    const index = await secure.app.inject({ method: 'GET', url: '/', headers: { host: 'labo.example' } });
    expect(index.headers['strict-transport-security']).toBe(hsts);

    const signIn = await secure.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { host: 'labo.example', origin: 'https://labo.example', 'content-type': 'application/json' },
      payload: JSON.stringify({ email: ACCOUNTS.viewerAlsace, password: DEMO_PASSWORD }),
    });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const cookies = [signIn.headers['set-cookie']].flat().filter((c): c is string => typeof c === 'string');
    const session = cookies.find((c) => c.startsWith('__Secure-labo.session_token='));
    expect(session, cookies.join('\n')).toBeDefined();
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    for (const cookie of cookies) expect(cookie, 'every cookie is Secure on https').toMatch(/;\s*Secure/i);

    const me = await secure.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { host: 'labo.example', cookie: cookies.map((c) => c.split(';')[0]).join('; ') },
    });
    expect(me.statusCode).toBe(200);
  });

  it('sends no HSTS on plain http (a browser would pin the wrong scheme on localhost)', async () => {
    const response = await web.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });
});
