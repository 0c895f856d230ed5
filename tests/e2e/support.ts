import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/** The password of every demo account. */
export const DEMO_PASSWORD = 'labo-demo-2026';

export const DEMO = {
  alsaceFacilitator: 'facilitatrice@alsace.labo.test',
  alsaceAdmin: 'admin@alsace.labo.test',
  isereMember: 'membre@isere.labo.test',
  isereFacilitator: 'facilitateur@isere.labo.test',
  networkAdmin: 'reseau@labo.test',
} as const;

const SCREENSHOTS = 'test-results/e2e';

export const baseURL = () => inject('baseURL');

/** Debian's Chromium, headless, as ARCHITECTURE.md describes. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh context (axe needs a page from a context, never from `browser.newPage()`). */
type Cookies = Awaited<ReturnType<BrowserContext['cookies']>>;

export interface TestPage {
  context: BrowserContext;
  page: Page;
  pageErrors: Error[];
}

export async function newPage(
  browser: Browser,
  cookies: Cookies = [],
  viewport = { width: 1280, height: 900 },
): Promise<TestPage> {
  const context = await browser.newContext({
    baseURL: baseURL(),
    viewport,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    // Mantine then skips its transitions, so screenshots and axe see finished states.
    reducedMotion: 'reduce',
  });
  if (cookies.length > 0) await context.addCookies(cookies);
  const page = await context.newPage();
  // An uncaught exception in the page is a bug the assertions would otherwise hide; tests check
  // this list at the end. (Console errors are not collected: Chromium logs every 401 there.)
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  return { context, page, pageErrors };
}

/**
 * Signs in through the sign-in form and waits to leave it. When the server's sign-in rate limit
 * answers (429), waits for its window to pass and tries once more.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    await page.goto('/connexion');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel(/^Mot de passe/).fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    // Whichever comes first; the other one's timeout is swallowed.
    const left = page
      .waitForURL((url) => url.pathname !== '/connexion')
      .then(() => 'signed-in' as const)
      .catch(() => 'timeout' as const);
    const refused = page
      .getByRole('alert')
      .waitFor()
      .then(() => 'refused' as const)
      .catch(() => 'timeout' as const);
    const outcome = await Promise.race([left, refused]);
    if (outcome === 'signed-in') return;
    if (outcome === 'timeout') throw new Error(`Sign-in of ${email} did not answer`);
    const message = (await page.getByRole('alert').textContent()) ?? '';
    if (!/Trop de tentatives/.test(message)) throw new Error(`Sign-in refused for ${email}: ${message}`);
    await page.waitForTimeout(61_000);
  }
  throw new Error(`Sign-in still rate-limited for ${email}`);
}

// NOTE: the server allows few sign-ins a minute from one address (and counts them until a
// minute passes without one), so the journeys reuse each demo account's session cookies across
// files, kept in a file beside the screenshots, instead of signing in again.
const SESSIONS_FILE = `${SCREENSHOTS}/.sessions.json`;
type SessionStore = Record<string, Record<string, Cookies>>;

function readSessions(): SessionStore {
  if (!existsSync(SESSIONS_FILE)) return {};
  try {
    return JSON.parse(readFileSync(SESSIONS_FILE, 'utf8')) as SessionStore;
  } catch {
    return {};
  }
}

function saveSession(email: string, cookies: Cookies): void {
  const store = readSessions();
  store[baseURL()] = { ...store[baseURL()], [email]: cookies };
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(SESSIONS_FILE, JSON.stringify(store));
}

/** The session cookies of a demo account, signing in through the form if none is kept yet. */
export async function demoSession(browser: Browser, email: string): Promise<Cookies> {
  const cached = readSessions()[baseURL()]?.[email];
  if (cached) {
    const probe = await newPage(browser, cached);
    const isValid = (await probe.page.request.get('/api/me')).ok();
    await probe.context.close();
    if (isValid) return cached;
  }
  const fresh = await newPage(browser);
  await signIn(fresh.page, email);
  const cookies = await fresh.context.cookies();
  await fresh.context.close();
  saveSession(email, cookies);
  return cookies;
}

/** A page already signed in as a demo account, on its dashboard. */
export async function signedInPage(
  browser: Browser,
  email: string,
  viewport?: { width: number; height: number },
): Promise<TestPage> {
  const testPage = await newPage(browser, await demoSession(browser, email), viewport);
  await testPage.page.goto('/');
  return testPage;
}

/** Fails on any serious or critical WCAG 2.1 A/AA violation of the page as it is now. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  expect(blocking, `axe violations on ${name}`).toEqual([]);
}

/** Keeps a full-page screenshot in test-results/e2e/ (a CI artefact). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** Checks the page for accessibility, then keeps its screenshot. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await expectAccessible(page, name);
}

/** The id of one organisation the signed-in user of `page` can see, read through the API. */
export async function firstOrganisationId(page: Page): Promise<{ id: string; name: string }> {
  const response = await page.request.get('/api/organisations?pageSize=1');
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { items: { id: string; name: string }[] };
  const first = body.items[0];
  if (!first) throw new Error('The demo lab has no organisation');
  return first;
}

/** `expect.poll` options: the server may take a few seconds on a cold start. */
export const POLL = { timeout: 15_000, interval: 100 };
