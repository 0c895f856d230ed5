import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, demoSession, DEMO, launchBrowser, newPage, signedInPage } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('language switch', () => {
  it('switches to English, remembers it, and switches back to French', async () => {
    const { context, page, pageErrors } = await newPage(browser);
    await page.goto('/connexion');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await checkPage(page, '30-sign-in-en');

    // The choice survives a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    // Signed in (with a kept session, to spare the sign-in rate limit), the app stays in English.
    await context.addCookies(await demoSession(browser, DEMO.alsaceFacilitator));
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Directory' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
    await page.getByRole('table').waitFor();
    expect(
      await page.getByLabel('Universe').locator('option', { hasText: 'Social enterprise' }).count(),
    ).toBe(1);
    await checkPage(page, '31-directory-en');

    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Annuaire' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('starts in French for a new visitor', async () => {
    const { context, page } = await signedInPage(browser, DEMO.alsaceFacilitator);
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await context.close();
  });
});
