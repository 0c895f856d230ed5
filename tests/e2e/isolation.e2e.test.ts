import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, DEMO, firstOrganisationId, launchBrowser, signedInPage } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('isolation between labs', () => {
  it("shows 'not found' to a member of Isère who opens an Alsace organisation's page", async () => {
    const alsace = await signedInPage(browser, DEMO.alsaceFacilitator);
    const organisation = await firstOrganisationId(alsace.page);
    await alsace.page.goto(`/annuaire/${organisation.id}`);
    await alsace.page.getByRole('heading', { level: 1, name: organisation.name }).waitFor();

    const isere = await signedInPage(browser, DEMO.isereMember);
    await isere.page.goto(`/annuaire/${organisation.id}`);
    await isere.page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    expect(await isere.page.getByText(organisation.name).count()).toBe(0);
    await checkPage(isere.page, '20-isere-member-not-found');

    // Their own organisation opens, and they may edit it but not archive it.
    await isere.page.goto('/');
    await isere.page
      .getByRole('link', { name: 'Voir et mettre à jour la fiche de votre organisation' })
      .click();
    await isere.page.getByRole('link', { name: 'Modifier' }).waitFor();
    expect(await isere.page.getByRole('button', { name: 'Archiver' }).count()).toBe(0);
    await checkPage(isere.page, '21-member-own-organisation');

    expect([...alsace.pageErrors, ...isere.pageErrors]).toEqual([]);
    await alsace.context.close();
    await isere.context.close();
  });

  it('does not show an Isère organisation to the facilitator of Alsace, in the list or on its page', async () => {
    const isere = await signedInPage(browser, DEMO.isereFacilitator);
    const organisation = await firstOrganisationId(isere.page);

    const alsace = await signedInPage(browser, DEMO.alsaceFacilitator);
    await alsace.page.goto(`/annuaire/${organisation.id}`);
    await alsace.page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();

    await alsace.page.goto('/annuaire');
    await alsace.page.getByRole('table').waitFor();
    const links = alsace.page.getByRole('table').getByRole('link');
    const hrefs = await links.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('href')),
    );
    expect(hrefs).not.toContain(`/annuaire/${organisation.id}`);

    await alsace.context.close();
    await isere.context.close();
  });
});
