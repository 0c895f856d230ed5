import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
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
export async function newPage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; pageErrors: Error[] }> {
  const context = await browser.newContext({
    baseURL: baseURL(),
    viewport: { width: 1280, height: 900 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    // Mantine then skips its transitions, so screenshots and axe see finished states.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  // An uncaught exception in the page is a bug the assertions would otherwise hide; tests check
  // this list at the end. (Console errors are not collected: Chromium logs every 401 there.)
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  return { context, page, pageErrors };
}

/** Signs in through the sign-in form and waits for the dashboard. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel(/^Mot de passe/).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => url.pathname !== '/connexion');
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
