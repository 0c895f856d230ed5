import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, DEMO, launchBrowser, signedInPage, POLL } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('keyboard and small screens', () => {
  it('offers a skip link first, which moves focus to the main content', async () => {
    const { context, page } = await signedInPage(browser, DEMO.alsaceFacilitator);
    await page.goto('/annuaire');
    await page.getByRole('heading', { level: 1, name: 'Annuaire' }).waitFor();
    await page.getByRole('table').waitFor();
    // From the top of the document, as after a page load.
    console.log(
      'focused before Tab:',
      await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200)),
    );
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Aller au contenu' });
    expect(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))).toContain('skip-link');
    expect(await skip.boundingBox()).toMatchObject({ y: expect.any(Number) });
    expect((await skip.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    // The landmarks a screen-reader user jumps between.
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).count()).toBe(1);
    expect(await page.title()).toBe('Annuaire · Labo');

    // Following a link inside the app puts focus at the top of the new page.
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: /^Impact/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Impact' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), POLL).toBe('main-content');
    expect(await page.title()).toBe('Impact · Labo');
    await context.close();
  });

  it('hides the navigation behind a menu button on a phone', async () => {
    const { context, page, pageErrors } = await signedInPage(browser, DEMO.alsaceFacilitator, {
      width: 390,
      height: 844,
    });
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await expect.poll(() => page.getByText('…', { exact: true }).count(), POLL).toBe(0);
    await checkPage(page, '50-home-phone');
    const menu = page.getByRole('button', { name: 'Ouvrir le menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    await nav.getByRole('link', { name: 'Annuaire' }).waitFor();
    await checkPage(page, '51-menu-phone');
    await nav.getByRole('link', { name: 'Annuaire' }).click();
    await page.getByRole('heading', { level: 1, name: 'Annuaire' }).waitFor();
    expect(await page.getByRole('button', { name: 'Ouvrir le menu' }).getAttribute('aria-expanded')).toBe(
      'false',
    );
    await page.getByRole('table').waitFor();
    await checkPage(page, '52-directory-phone');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
