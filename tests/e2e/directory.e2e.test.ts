import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, DEMO, launchBrowser, signedInPage } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the directory', () => {
  it('finds "jardin partagé" and "jardins partages" alike, filters who offers what in Bas-Rhin, shows the map and the exports', async () => {
    const { page, context, pageErrors } = await signedInPage(browser, DEMO.alsaceFacilitator);
    await page.goto('/annuaire?q=jardin%20partag%C3%A9');
    await page.getByRole('table').getByRole('link', { name: 'Les Jardins de la Montagne Verte' }).waitFor();
    const accented = await page.getByRole('status').textContent();
    await page.goto('/annuaire?q=jardins%20partages');
    await page.getByRole('table').getByRole('link', { name: 'Les Jardins de la Montagne Verte' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe(accented);

    await page.goto('/annuaire?q=caf%C3%A9&departement=67');
    await expect.poll(() => page.getByLabel('Département').inputValue()).toBe('67');
    await page.getByLabel('A des ressources à offrir').click({ force: true });
    await page.getByRole('table').getByRole('link', { name: 'SATI — Torréfaction de café' }).waitFor();
    await expect.poll(() => page.url()).toContain('hasOpenOffers=true');
    await page.getByRole('figure', { name: 'Carte des organisations' }).waitFor();
    const csv = page.getByRole('link', { name: 'CSV' });
    expect(await csv.getAttribute('href')).toContain('/api/organisations/export?');
    expect(await csv.getAttribute('href')).toContain('departement=67');
    await checkPage(page, '30-directory-offers-bas-rhin');

    const download = await page.request.get((await csv.getAttribute('href')) ?? '');
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain('SATI — Torréfaction de café');
    await page.getByRole('table').getByRole('link', { name: 'SATI — Torréfaction de café' }).click();
    await page.getByRole('heading', { level: 2, name: 'Besoins et ressources' }).waitFor();
    await page.getByText('Paquets de café défectueux', { exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Personnes' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Historique' }).waitFor();
    await checkPage(page, '31-organisation-needs-people-timeline');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
